#!/usr/bin/env bash
# Sets everything up, then runs the whole test suite (PostgreSQL tests too when UKOM_TEST_POSTGRES_URL is set).
# Arguments go to pytest; without any, the whole suite runs and the one-folder build starts in the background.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
logs="$(mktemp -d)"
trap 'rm -rf "$logs"' EXIT

# The whole suite: the one-folder build (tests/e2e/test_linux_build.py, minutes of PyInstaller) starts now,
# beside the tests; that test waits for it and fails when the build failed. With arguments the test
# builds by itself when it is selected.
build_pid=""
if [ "$#" -eq 0 ] && [ -z "${UKOM_BUILT_DIST:-}" ] && [ "$(uname -s)" = "Linux" ]; then
  export UKOM_BUILD_STATUS="$logs/build.status"
  (
    status=0
    bash packaging/build.sh >"$UKOM_BUILD_STATUS.log" 2>&1 || status=$?
    echo "$status" >"$UKOM_BUILD_STATUS.part" && mv "$UKOM_BUILD_STATUS.part" "$UKOM_BUILD_STATUS"
  ) &
  build_pid=$!
fi

# The type check (mypy, configured in pyproject.toml) runs beside the tests; either failing fails the run.
.venv/bin/python -m mypy >"$logs/mypy.log" 2>&1 &
mypy_pid=$!

# Two workers (pytest-xdist), each with its own temporary folders, UKOM_HOME and PostgreSQL databases.
# UKOM_TEST_WORKERS=0 runs everything in this one process.
workers="${UKOM_TEST_WORKERS:-2}"
parallel=()
[ "$workers" != "0" ] && parallel=(-n "$workers" --dist worksteal)
status=0
.venv/bin/python -m pytest "${parallel[@]}" "$@" || status=$?
if ! wait "$mypy_pid"; then
  cat "$logs/mypy.log"
  echo "Pemeriksaan tipe (mypy) gagal." >&2
  status=1
fi
[ -n "$build_pid" ] && { wait "$build_pid" || true; }  # its test reports the build's result
exit "$status"
