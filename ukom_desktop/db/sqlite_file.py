"""Looking at a SQLite file before anything writes to it, opening it read-only, and making a new one whole.

- A file is judged from its first bytes and a read-only connection: a foreign file, a database of another
  program or of a newer version is refused without a single byte of it changing.
- A 0-byte file is not silently turned into a database: the caller asks first (EmptyDatabaseFileError).
- A file in a folder the user cannot write to (or a read-only file) is opened read-only: view and print.
- A new database is built in a temporary `.part` file beside the target and moved into place only when it
  is complete (schema at head, reference data in), so a power cut during the first start never leaves a
  half-made ukom.sqlite; stale `.part` files of killed starts are removed at the next start.
"""

from __future__ import annotations

import contextlib
import glob
import os
import secrets
import sqlite3
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import NullPool

from ukom_desktop.errors import UserFacingError

HEADER = b"SQLite format 3\x00"
PART_SUFFIX = ".part"
SIDE_FILES = ("-wal", "-shm", "-journal")


class EmptyDatabaseFileError(UserFacingError):
    """The chosen file is empty (0 bytes): making it a new database needs the user's consent."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"Berkas {path} kosong (0 byte), bukan basis data UKOM Desktop. Pilih berkas lain, atau setujui "
            "untuk menjadikannya basis data baru (baris perintah: ukom-desktop --db BERKAS db upgrade --buat-baru)."
        )
        self.path = path


class NotSqliteError(UserFacingError):
    """The file is not a SQLite database at all."""


@dataclass(frozen=True)
class FileLook:
    """What a database file is, found without writing to it."""

    path: Path
    exists: bool
    empty: bool  # 0 bytes and no write-ahead log with content
    sqlite: bool
    writable: bool  # the file and its folder can be written (SQLite needs both)


def _folder_writable(folder: Path) -> bool:
    """Really try: os.access says yes to root even on an immutable or read-only-mounted folder."""
    try:
        handle, name = tempfile.mkstemp(prefix=".ukom-tulis-", dir=folder)
    except OSError:
        return False
    os.close(handle)
    with contextlib.suppress(OSError):
        os.unlink(name)
    return True


def _file_writable(path: Path) -> bool:
    try:
        with open(path, "r+b"):  # opening for writing changes neither content nor modification time
            return True
    except OSError:
        return False


def look(path: Path) -> FileLook:
    folder = path.parent
    if not path.exists():
        return FileLook(path, False, False, False, folder.is_dir() and _folder_writable(folder))
    size = path.stat().st_size
    wal = path.with_name(path.name + "-wal")
    empty = size == 0 and not (wal.exists() and wal.stat().st_size > 0)
    with open(path, "rb") as handle:
        head = handle.read(len(HEADER))
    writable = _file_writable(path) and _folder_writable(folder)
    return FileLook(path, True, empty, head == HEADER, writable)


def connect_read_only(path: Path) -> sqlite3.Connection:
    """A connection that cannot write, also where SQLite cannot make its -shm file (read-only folder)."""
    uri = Path(path).resolve().as_uri()
    try:
        conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, check_same_thread=False)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError:
        with contextlib.suppress(Exception):
            conn.close()
    # A WAL database in a folder nobody may write to: nothing can change it, read it as it is.
    return sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True, check_same_thread=False)


def tables_and_revision(path: Path) -> tuple[set[str], str | None, bool]:
    """(table names, alembic revision or None, whether every table is empty: only looked at without a
    revision) read through a read-only connection; a file SQLite cannot read raises NotSqliteError."""
    try:
        conn = connect_read_only(path)
    except sqlite3.DatabaseError as exc:
        raise NotSqliteError(f"Berkas {path} tidak dapat dibaca sebagai basis data SQLite: {exc}.") from None
    try:
        names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        names = {n for n in names if not n.startswith("sqlite_")}
        revision = None
        if "alembic_version" in names:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
        all_empty = revision is None and all(
            conn.execute(f'SELECT 1 FROM "{n}" LIMIT 1').fetchone() is None for n in names
        )
        return names, revision, all_empty
    except sqlite3.DatabaseError as exc:
        raise NotSqliteError(f"Berkas {path} tidak dapat dibaca sebagai basis data SQLite: {exc}.") from None
    finally:
        conn.close()


def _read_only_pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.execute("PRAGMA query_only=ON")
    cursor.close()


def read_only_engine(path: Path) -> Engine:
    """An engine over the file that can only read (view and print); a write raises 'readonly database'."""
    engine = create_engine("sqlite://", creator=lambda: connect_read_only(path), poolclass=NullPool)
    event.listen(engine, "connect", _read_only_pragmas)
    return engine


# ------------------------------------------------------------------------------- making a new file


def _parts(path: Path) -> list[Path]:
    return sorted(path.parent.glob(f"{glob.escape(path.name)}.*{PART_SUFFIX}"))


def remove_side_files(path: Path) -> None:
    for suffix in SIDE_FILES:
        with contextlib.suppress(FileNotFoundError):
            path.with_name(path.name + suffix).unlink()


def clean_stale_parts(path: Path) -> list[Path]:
    """Remove the half-made files a killed first start left beside `path` (and their -wal/-shm)."""
    removed = []
    for part in _parts(path):
        with contextlib.suppress(OSError):
            part.unlink()
            removed.append(part)
        remove_side_files(part)
    return removed


def _fsync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def create_whole(path: Path, build: Callable[[str], None]) -> None:
    """Build a new database with `build(url)` in a temporary file beside `path`, then move it into place.

    Until the move, `path` does not change (it is absent, or the 0-byte file the user agreed to replace).
    The temporary file is left in rollback-journal mode with no -wal, so the one file is the whole database.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    part = path.with_name(f"{path.name}.{secrets.token_hex(6)}{PART_SUFFIX}")
    os.close(os.open(part, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666))  # the usual permissions (umask)
    try:
        build(f"sqlite:///{part}")
        conn = sqlite3.connect(part)
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            conn.execute("PRAGMA journal_mode=DELETE")
        finally:
            conn.close()
        with open(part, "rb+") as done:
            os.fsync(done.fileno())
        remove_side_files(path)  # a stale -wal beside the target would be replayed into the new file
        os.replace(part, path)
        _fsync_folder(path.parent)
    except BaseException:
        with contextlib.suppress(OSError):
            part.unlink()
        remove_side_files(part)
        raise
