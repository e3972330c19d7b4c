"""The one way a window action runs: errors become sentences, long work runs in the background.

    outcome = run_action(self, lambda: save(...))                 # short work on the UI thread
    outcome = in_transaction(self, self.context, lambda s: ...)   # one unit of work on the database
    run_long(self, work, title="Menyimpan...", on_done=...)        # a generator of (done, total, message)

A known failure (the project's UserFacingError, a stale or locked database, a file that cannot be
written) is shown as a sentence in Bahasa Indonesia, in a message box or through `report` (a label next to
the form). Anything else is a bug: it is re-raised so the application's error hook logs it and shows the
dialog with copyable details.
"""

from __future__ import annotations

import errno
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, Literal, TypeVar

from PySide6.QtWidgets import QWidget

from ukom_desktop.ui import messages

if TYPE_CHECKING:
    from ukom_desktop.services.database_access import Session
    from ukom_desktop.ui.background import BackgroundTask, Work
    from ukom_desktop.ui.context import AppContext

T = TypeVar("T")
Level = Literal["error", "warn"]


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """What an action gave: `ok` is False when it failed (and the user has been told why)."""

    ok: bool
    value: T | None = None
    message: str = ""

    def __bool__(self) -> bool:
        return self.ok


def describe_error(exc: BaseException) -> str | None:
    """The sentence for a known failure, or None for a bug."""
    from ukom_desktop.errors import user_message

    text = user_message(exc)
    if text is not None:
        return text
    if isinstance(exc, FileNotFoundError):
        name = f" {exc.filename}" if exc.filename else ""
        return f"Berkas atau folder{name} tidak ditemukan."
    if isinstance(exc, IsADirectoryError):
        return f"{exc.filename or 'Tujuan'} adalah folder, bukan berkas: pilih nama berkas."
    if isinstance(exc, OSError) and exc.errno is not None:
        name = f" {exc.filename}" if exc.filename else ""
        reason = _OS_REASONS.get(exc.errno, f"kode galat sistem {exc.errno}")
        return f"Berkas{name} tidak dapat dibuka atau ditulis: {reason}."
    return None


_OS_REASONS = {
    errno.ENOTDIR: "salah satu bagian lokasinya bukan folder",
    errno.ENOSPC: "ruang disk penuh",
    errno.EROFS: "lokasinya hanya dapat dibaca",
    errno.EEXIST: "berkas dengan nama itu sudah ada",
    errno.ENAMETOOLONG: "nama atau lokasinya terlalu panjang",
    errno.EINVAL: "nama berkas memuat karakter yang tidak diizinkan",
    errno.EBUSY: "berkas sedang dipakai program lain",
    errno.EIO: "perangkat penyimpanan tidak dapat dibaca atau ditulis",
}


def show_failure(parent: QWidget | None, exc: BaseException, *, level: Level = "error",
                 report: Callable[[str], None] | None = None) -> str:
    """Tell the user about a known failure; re-raise a bug (the error hook shows it)."""
    text = describe_error(exc)
    if text is None:
        raise exc
    if report is not None:
        report(text)
    elif level == "warn":
        messages.warn(parent, text)
    else:
        messages.error(parent, text)
    return text


def run_action(parent: QWidget | None, work: Callable[[], T], *, level: Level = "error",
               report: Callable[[str], None] | None = None, done: str = "") -> Outcome[T]:
    """Run short work on the UI thread; a known failure is told, and the outcome says whether it worked.

    `done`: the sentence shown in the status bar after success (visible feedback for a save)."""
    try:
        value = work()
    except Exception as exc:  # noqa: BLE001 - known failures told in words, bugs re-raised
        return Outcome(False, None, show_failure(parent, exc, level=level, report=report))
    if done:
        status_message(parent, done)
    return Outcome(True, value)


def in_transaction(parent: QWidget | None, context: AppContext, work: Callable[[Session], T], *,
                   level: Level = "error", report: Callable[[str], None] | None = None,
                   done: str = "") -> Outcome[T]:
    """One unit of work on the open database (committed, or rolled back and told)."""

    def unit() -> T:
        with context.transaction() as session:
            return work(session)

    return run_action(parent, unit, level=level, report=report, done=done)


def in_session(parent: QWidget | None, context: AppContext, work: Callable[[Session], T], *,
               level: Level = "error", report: Callable[[str], None] | None = None) -> Outcome[T]:
    """Read-only work on the open database."""

    def unit() -> T:
        with context.session() as session:
            return work(session)

    return run_action(parent, unit, level=level, report=report)


def run_long(parent: QWidget | None, work: Work, *, title: str, on_done: Callable[[Any], None] | None = None,
             on_failed: Callable[[str], None] | None = None, level: Level = "error") -> BackgroundTask:
    """Long work in the background with progress and Batal; a known failure is told as a sentence."""
    from ukom_desktop.ui.background import _report_error, run_in_background

    def failed(exc: BaseException, details: str) -> None:
        text = describe_error(exc)
        if text is None:
            _report_error(parent, exc, details)
            return
        if level == "warn":
            messages.warn(parent, text)
        else:
            messages.error(parent, text)
        if on_failed is not None:
            on_failed(text)

    return run_in_background(parent, work, title=title, on_done=on_done, on_error=failed)


def write_file_in_background(parent: QWidget | None, write: Callable[[], T], *, title: str,
                             on_done: Callable[[T], None] | None = None) -> BackgroundTask:
    """A file export (one call that writes a file) run in the background like an import."""

    def work():  # type: ignore[no-untyped-def]
        yield 0, 0, title
        return write()

    return run_long(parent, work, title=title, on_done=on_done)


def export_in_background(parent: QWidget | None, context: AppContext, write: Callable[[Session], T], *,
                         title: str, done: Callable[[T], str]) -> BackgroundTask:
    """An export that reads the database and writes a file, in the background with its own session;
    `done(result)` gives the sentence for the status bar."""
    database = context.database
    assert database is not None, "no database open"

    def run() -> T:
        from ukom_desktop.services.database_access import session

        with session(database) as opened:  # its own session: the work runs on another thread
            return write(opened)

    return write_file_in_background(parent, run, title=title,
                                    on_done=lambda result: status_message(parent, done(result), 15000))


def status_message(widget: QWidget | None, text: str, timeout_ms: int = 10000) -> None:
    """Visible feedback after a save: the main window's status bar (found from any widget in it)."""
    from PySide6.QtWidgets import QApplication, QMainWindow

    window = widget.window() if widget is not None else None
    while window is not None and not isinstance(window, QMainWindow):
        parent = window.parentWidget()
        window = parent.window() if parent is not None else None
    if window is None:
        active = QApplication.activeWindow()
        window = active if isinstance(active, QMainWindow) else None
        if window is None:
            for top in QApplication.topLevelWidgets():
                if isinstance(top, QMainWindow):
                    window = top
                    break
    if window is not None:
        window.statusBar().showMessage(text, timeout_ms)
