#!/usr/bin/env bash
# Sets everything up, then runs the whole test suite (PostgreSQL tests too when UKOM_TEST_POSTGRES_URL is set).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
exec .venv/bin/python -m pytest "$@"
