"""A long session cannot use up None or True, whatever PySide6 does with their references (PySide6 6.12.0 on
Python 3.11 takes one from None on every call returning nothing, one from True on every emit)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from ukom_desktop.ui.refcount_guard import pyside_steals_references

ROOT = Path(__file__).resolve().parents[2]
LONG_SESSION = """
import sys
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel
from ukom_desktop.ui.app import create_application

class Source(QObject):
    changed = Signal(str)

app = create_application([])
label, source = QLabel(), Source()
source.changed.connect(label.setText)
for n in range(150_000):
    label.setText("")      # returns nothing
    source.changed.emit("x")  # returns True
print("selesai", flush=True)
"""


def test_a_long_session_of_qt_calls_ends_normally(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT), "UKOM_HOME": str(tmp_path)}
    run = subprocess.run([sys.executable, "-c", LONG_SESSION], env=env, capture_output=True, text=True,
                         timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.strip() == "selesai"
    assert "deallocating" not in run.stderr


def test_the_reserve_is_given_only_when_pyside_takes_references(qtbot) -> None:  # type: ignore[no-untyped-def]
    # The UI tests' fixture has called create_application, which applies the guard.
    reserve = 1 << 39
    if pyside_steals_references() and sys.version_info < (3, 12):
        assert sys.getrefcount(None) > reserve and sys.getrefcount(True) > reserve
    else:
        assert sys.getrefcount(None) < reserve and sys.getrefcount(True) < reserve
