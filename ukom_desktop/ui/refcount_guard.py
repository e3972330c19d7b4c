"""A guard against PySide6 wheels that treat None, True and False as immortal on Python 3.11.

Python 3.12 made None, True, False and NotImplemented immortal, so C code built for it may hand them out
without taking a reference. PySide6 6.12.0 does so on Python 3.11 too: every call of a method returning
nothing takes one reference from None, every `signal.emit()` or `disconnect()` one from True. A session
that runs long enough (a day at the desk, the test suite on one worker) brings the count to zero and Python
aborts ("deallocating None"), or the interpreter frees them while shutting down and the process ends with a
crash after its work is done (seen as "shared QObject was deleted directly" and a segmentation fault).

`protect_singletons` measures whether the installed PySide6 does this (a method returning nothing, called a
few times) and, only then, gives those objects so many references that no session can use them up, as Python
3.12 does. With a correct PySide6, or on Python 3.12 and later, it changes nothing.
"""

from __future__ import annotations

import ctypes
import sys

_RESERVE = 1 << 40  # references added once; a session would need a trillion calls to use them up
_PROBES = 32
_done: list[bool] = []


def pyside_steals_references() -> bool:
    """True when a PySide6 call returning nothing takes a reference from None (measured, not guessed)."""
    from PySide6.QtCore import QObject

    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(_PROBES):
        probe.setObjectName("")
    return before - sys.getrefcount(None) >= _PROBES // 2


def protect_singletons() -> bool:
    """Give None/True/False/NotImplemented a reserve of references when PySide6 takes them; idempotent.

    Returns whether the reserve was added (once per process)."""
    if _done:
        return False
    _done.append(True)
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython" or not pyside_steals_references():
        return False
    for singleton in (None, True, False, NotImplemented):
        # ob_refcnt is the first field of every CPython object; the GIL is held, so the update is whole.
        count = ctypes.c_ssize_t.from_address(id(singleton))
        count.value += _RESERVE
    return True
