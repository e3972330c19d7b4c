"""A rotating log file in the platform log folder, safe when several processes write it.

The window and command-line runs (or two windows) may write the same ukom-desktop.log. The plain
RotatingFileHandler of one process renames the file under the feet of another, which then keeps
writing into the renamed backup and rotates it again. Here a rollover happens under an exclusive lock
(a ".lock" file beside the log), the size is checked again under that lock, and a process whose file
was rotated by another one reopens the current file before it writes. A rollover that the operating
system refuses (Windows, the file held by another program) is skipped; the line is still written.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Iterator
from logging.handlers import RotatingFileHandler
from pathlib import Path

from ukom_desktop import paths

_configured: Path | None = None
MAX_BYTES = 2_000_000
BACKUP_COUNT = 5


@contextlib.contextmanager
def _exclusive(lock_path: str) -> Iterator[None]:
    with open(lock_path, "a+b") as handle:
        if os.name == "nt":  # pragma: no cover - Windows
            import msvcrt

            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_LOCK, 1)
            try:
                yield
            finally:
                handle.seek(0)
                msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
        else:
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


class SharedRotatingFileHandler(RotatingFileHandler):
    """RotatingFileHandler that several processes can share (see the module text)."""

    def __init__(self, filename: str | os.PathLike[str], max_bytes: int = MAX_BYTES,
                 backup_count: int = BACKUP_COUNT) -> None:
        super().__init__(filename, maxBytes=max_bytes, backupCount=backup_count, encoding="utf-8", delay=True)
        self.lock_path = self.baseFilename + ".lock"

    def _reopen_if_rotated(self) -> None:
        if self.stream is None:
            return
        try:
            current = os.stat(self.baseFilename)
        except FileNotFoundError:
            current = None
        mine = os.fstat(self.stream.fileno())
        if current is None or (current.st_ino, current.st_dev) != (mine.st_ino, mine.st_dev):
            self.stream.close()
            self.stream = None  # type: ignore[assignment]  # reopened by emit()

    def emit(self, record: logging.LogRecord) -> None:
        try:
            with _exclusive(self.lock_path):
                self._reopen_if_rotated()
                if self.shouldRollover(record):
                    # Windows refuses to rename a file another program holds: keep writing to it.
                    with contextlib.suppress(OSError):
                        self.doRollover()
                logging.FileHandler.emit(self, record)
        except Exception:  # noqa: BLE001 - logging must never stop the application
            self.handleError(record)


def setup_logging(level: int = logging.INFO) -> Path:
    global _configured
    if _configured is not None:
        return _configured
    log_file = paths.log_dir() / "ukom-desktop.log"
    handler = SharedRotatingFileHandler(log_file)
    handler.setFormatter(logging.Formatter("%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s"))
    from ukom_desktop.db.credentials import SecretMaskingFilter

    handler.addFilter(SecretMaskingFilter())  # no database password ever reaches the log
    root = logging.getLogger("ukom_desktop")
    root.setLevel(level)
    root.addHandler(handler)
    _configured = log_file
    return log_file
