#!/usr/bin/env bash
# Sets up everything UKOM Desktop needs in .venv: system libraries for Qt (when missing and we may
# install them), a virtual environment, and the package with the given extras.
# Usage: bash scripts/setup.sh [extras]      e.g.  bash scripts/setup.sh test
set -euo pipefail
cd "$(dirname "$0")/.."
extras="${1:-}"

PYTHON="${PYTHON:-}"
if [ -z "$PYTHON" ]; then
  for candidate in python3.11 python3.12 python3.13 python3; do
    if command -v "$candidate" >/dev/null 2>&1; then PYTHON="$candidate"; break; fi
  done
fi
if [ -z "$PYTHON" ]; then
  echo "Python 3.11 atau lebih baru tidak ditemukan. Pasang Python terlebih dahulu." >&2
  exit 1
fi

# Qt needs a few shared libraries even on the offscreen platform; the window also needs xcb ones.
if [ "$(uname -s)" = "Linux" ] && command -v apt-get >/dev/null 2>&1; then
  need=()
  for pair in libEGL.so.1:libegl1 libGL.so.1:libgl1 libxkbcommon.so.0:libxkbcommon0 \
              libfontconfig.so.1:libfontconfig1 libdbus-1.so.3:libdbus-1-3 libglib-2.0.so.0:libglib2.0-0 \
              libxkbcommon-x11.so.0:libxkbcommon-x11-0 libxcb-cursor.so.0:libxcb-cursor0 \
              libxcb-icccm.so.4:libxcb-icccm4 libxcb-keysyms.so.1:libxcb-keysyms1 \
              libxcb-shape.so.0:libxcb-shape0 libxcb-xinerama.so.0:libxcb-xinerama0 \
              libxcb-randr.so.0:libxcb-randr0 libxcb-render-util.so.0:libxcb-render-util0 \
              libxcb-image.so.0:libxcb-image0 libxcb-xkb.so.1:libxcb-xkb1; do
    lib="${pair%%:*}"; pkg="${pair##*:}"
    ldconfig -p 2>/dev/null | grep -q "$lib" || need+=("$pkg")
  done
  if [ "${#need[@]}" -gt 0 ]; then
    if [ "$(id -u)" = "0" ]; then
      echo "Memasang pustaka sistem untuk Qt: ${need[*]}"
      (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}") >/dev/null
    elif command -v sudo >/dev/null 2>&1; then
      echo "Memasang pustaka sistem untuk Qt (sudo): ${need[*]}"
      sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
    else
      echo "Peringatan: pustaka sistem berikut belum terpasang: ${need[*]}" >&2
    fi
  fi
fi

if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
pip_install() {
  .venv/bin/python -m pip install --quiet --disable-pip-version-check "$@" 2>&1 | grep -v "is ignored" || true
  return "${PIPESTATUS[0]}"
}
# Exact, hashed versions from the lock file (scripts/lock.sh), then the package itself without resolving
# again. A lock that no longer matches pyproject.toml (dependencies changed, lock not regenerated) is not
# used: then the ranges of pyproject.toml are installed, with a warning.
lock=requirements/lock.txt
[ "$extras" = "test" ] && lock=requirements/lock-test.txt
stamp="$(.venv/bin/python scripts/lock_stamp.py)"
if [ -f "$lock" ] && grep -q "^# pyproject-dependencies-sha256: $stamp\$" "$lock"; then
  pip_install --require-hashes -r "$lock"
  pip_install --no-deps -e .
  if [ -n "$extras" ] && [ "$extras" != "test" ]; then pip_install -e ".[$extras]"; fi
else
  echo "Peringatan: $lock tidak sesuai dengan pyproject.toml; jalankan 'bash scripts/lock.sh'. Memasang dari pyproject.toml." >&2
  spec="."
  [ -n "$extras" ] && spec=".[$extras]"
  pip_install -e "$spec"
fi
.venv/bin/python -c "import ukom_desktop, PySide6, sqlalchemy" >/dev/null
