"""One window per database file: a lock file beside the database names who holds it.

`ukom.sqlite.lock` holds, as JSON at its start, the user, computer, process and start time of the window
that has the file open, and the name of that window's local server (a second start on the same computer
asks it to come forward). The lock itself is an operating-system lock on one byte far past the JSON
(msvcrt on Windows, flock elsewhere): it ends with the process, so a crash never leaves a stale lock.
"""

from __future__ import annotations

import contextlib
import getpass
import hashlib
import json
import os
import socket
import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO

LOCK_OFFSET = 4096  # the locked byte: past the JSON, so others can read who holds the file


@dataclass(frozen=True)
class Holder:
    user: str
    host: str
    pid: int
    since: str  # local time, "06-12-2026 09.15"
    server: str  # the QLocalServer name of the holding window

    @property
    def same_computer(self) -> bool:
        return self.host.casefold() == socket.gethostname().casefold()

    def sentence(self) -> str:
        who = f"{self.user} di komputer {self.host}" if self.user else f"komputer {self.host}"
        return f"Basis data ini sedang dibuka oleh {who} sejak {self.since}."


def lock_path(db_file: Path) -> Path:
    return db_file.with_name(db_file.name + ".lock")


def server_name(db_file: Path) -> str:
    """A name for the local server of the window holding `db_file` (same file, same name)."""
    text = os.path.normcase(str(db_file.resolve()))
    return "ukom-desktop-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


def _lock(handle: IO[bytes]) -> bool:
    handle.seek(LOCK_OFFSET)
    if sys.platform == "win32":
        import msvcrt

        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _unlock(handle: IO[bytes]) -> None:
    handle.seek(LOCK_OFFSET)
    if sys.platform == "win32":
        import msvcrt

        with contextlib.suppress(OSError):
            msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
        return
    import fcntl

    fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def read_holder(db_file: Path) -> Holder | None:
    try:
        raw = lock_path(db_file).read_bytes()[:LOCK_OFFSET].rstrip(b"\0 \n")
        data = json.loads(raw.decode("utf-8"))
        return Holder(str(data.get("user", "")), str(data.get("host", "")), int(data.get("pid", 0)),
                      str(data.get("since", "")), str(data.get("server", "")))
    except (OSError, ValueError, TypeError, AttributeError):
        return None


class InstanceLock:
    """Held while the window has the database open; release() when it closes or opens another."""

    def __init__(self, db_file: Path, handle: IO[bytes]) -> None:
        self.db_file = db_file
        self.handle: IO[bytes] | None = handle
        self.server = server_name(db_file)

    def release(self) -> None:
        if self.handle is None:
            return
        handle, self.handle = self.handle, None
        try:
            # The file stays (deleting it could race a window taking it now); only the name goes.
            with contextlib.suppress(OSError):
                handle.seek(0)
                handle.write(b" " * (LOCK_OFFSET - 1) + b"\n")
                handle.flush()
            _unlock(handle)
        finally:
            handle.close()


def acquire(db_file: Path) -> InstanceLock | Holder:
    """The lock on `db_file`, or who holds it. A folder where no lock file can be written (read-only
    share) gives an unnamed lock: the database check at opening tells the user about the folder."""
    path = lock_path(db_file)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)  # a new database in a new folder
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError:
        return InstanceLock(db_file, open(os.devnull, "r+b"))  # noqa: SIM115 - closed by release()
    handle = os.fdopen(fd, "r+b")
    if not _lock(handle):
        handle.close()
        holder = read_holder(db_file)
        return holder or Holder("", "(tidak diketahui)", 0, "(tidak diketahui)", server_name(db_file))
    info = {
        "user": _user(), "host": socket.gethostname(), "pid": os.getpid(),
        "since": datetime.now().strftime("%d-%m-%Y %H.%M"), "server": server_name(db_file),
    }
    handle.seek(0)
    handle.write(json.dumps(info, ensure_ascii=False).encode("utf-8").ljust(LOCK_OFFSET - 1, b" ") + b"\n")
    handle.flush()
    return InstanceLock(db_file, handle)


def _user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):
        return ""
