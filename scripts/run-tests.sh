#!/usr/bin/env bash
# Sets everything up, then runs the whole test suite (PostgreSQL tests too when UKOM_TEST_POSTGRES_URL is set).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
# The type check (mypy, configured in pyproject.toml) runs beside the tests, so it costs no extra time
# on a machine with two cores; either failing fails the run.
mypy_log="$(mktemp)"
.venv/bin/python -m mypy >"$mypy_log" 2>&1 &
mypy_pid=$!
status=0
.venv/bin/python -m pytest "$@" || status=$?
if ! wait "$mypy_pid"; then
  cat "$mypy_log"
  echo "Pemeriksaan tipe (mypy) gagal." >&2
  status=1
fi
rm -f "$mypy_log"
exit "$status"
