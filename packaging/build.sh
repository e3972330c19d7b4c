#!/usr/bin/env bash
# Builds the one-folder app in dist/ukom-desktop/ with PyInstaller.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh packaging
.venv/bin/python packaging/render_icons.py >/dev/null
.venv/bin/pyinstaller --noconfirm --clean --distpath dist --workpath build/pyinstaller packaging/ukom-desktop.spec
echo "Selesai: dist/ukom-desktop/ukom-desktop (jendela) dan dist/ukom-desktop/ukom-desktop-cli (perintah)"
