#!/usr/bin/env bash
# Sets everything up, then opens UKOM Desktop on the embedded SQLite database (created on first start).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/ukom-desktop "$@"
