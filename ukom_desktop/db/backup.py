"""Consistent, verified copies of the SQLite database (sqlite3 backup API) with retention.

Automatic backups are grouped by the database's identity (a UUID kept in its `setting` table, made once),
never by the file name: two different ukom.sqlite files each get their own series. A copy is written to a
`.part` file, checked with integrity_check and only then moved into place, so a full disk or a refused
folder leaves no half-written file that would count as the latest backup.
"""

from __future__ import annotations

import json
import os
import sqlite3
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ukom_desktop import paths

KEEP_AUTOMATIC = 10
IDENTITY_KEY = "database.identity"
PART_SUFFIX = ".part"


class BackupError(RuntimeError):
    pass


def db_errors() -> tuple[type[BaseException], ...]:
    """The driver errors of a plain and of an encrypted (SQLCipher) file."""
    try:
        from sqlcipher3 import dbapi2
    except ImportError:  # pragma: no cover - a packaging mistake
        return (sqlite3.Error,)
    return (sqlite3.Error, dbapi2.Error)


def open_file(db_file: Path, *, key: str | None = None, writable: bool = False) -> Any:
    """A DB-API connection to a plain or an encrypted database file.

    An encrypted file (issue 13) opens with SQLCipher and its key (``key``, else the key registered for
    the file or UKOM_DB_KEY); without one it is a BackupError sentence, with a wrong one WrongKeyError."""
    from .encryption import connect, is_encrypted, key_for

    if is_encrypted(db_file):
        key = key or key_for(db_file)
        if not key:
            raise BackupError(f"Berkas {db_file.name} terenkripsi; kuncinya diperlukan.")
        return connect(db_file, key)
    if writable:
        return sqlite3.connect(db_file, timeout=10)
    return sqlite3.connect(f"file:{db_file}?mode=ro", uri=True)


def _readonly(db_file: Path, key: str | None = None) -> Any:
    return open_file(db_file, key=key)


def read_identity(db_file: Path) -> str | None:
    """The identity stored in the database, or None (older database, or not ours)."""
    from .encryption import EncryptionError

    unreadable: tuple[type[BaseException], ...] = (*db_errors(), BackupError, EncryptionError)
    try:
        conn = _readonly(db_file)
    except unreadable:
        return None
    try:
        row = conn.execute("SELECT value FROM setting WHERE key = ?", (IDENTITY_KEY,)).fetchone()
    except db_errors():
        return None
    finally:
        conn.close()
    if row is None:
        return None
    value = json.loads(row[0]) if isinstance(row[0], str) else row[0]
    return str(value) if value else None


def ensure_identity(db_file: Path) -> str:
    """The database's identity, created (once) when it has none yet."""
    found = read_identity(db_file)
    if found:
        return found
    identity = str(uuid.uuid4())
    conn = open_file(db_file, writable=True)
    try:
        with conn:
            conn.execute(
                "INSERT OR IGNORE INTO setting (key, value, updated_at) VALUES (?, ?, ?)",
                (IDENTITY_KEY, json.dumps(identity), datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")),
            )
    finally:
        conn.close()
    return read_identity(db_file) or identity


def series_folder(identity: str) -> Path:
    """Where the automatic backups of one database (by identity) are kept."""
    folder = paths.backup_dir() / identity
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def verify_sqlite(path: Path, key: str | None = None) -> None:
    """Raise BackupError unless the file is a whole, consistent SQLite (or SQLCipher) database."""
    from .encryption import EncryptionError

    try:
        conn = _readonly(path, key)
        try:
            result = [row[0] for row in conn.execute("PRAGMA integrity_check")]
        finally:
            conn.close()
    except EncryptionError as exc:  # an encrypted copy whose key is not the one at hand
        raise BackupError(str(exc)) from exc
    except db_errors() as exc:
        raise BackupError(f"Berkas cadangan {path.name} rusak: {exc}.") from exc
    if result != ["ok"]:
        raise BackupError(f"Berkas cadangan {path.name} gagal diperiksa: {'; '.join(result[:3])}.")


def copy_database(source_file: Path, target: Path, key: str | None = None) -> Path:
    """Copy with the backup API into target.part, verify it, then move it into place (atomically).

    The copy of an encrypted file is encrypted with the same key."""
    from .encryption import apply_key, dbapi_module, is_encrypted, key_for

    target.parent.mkdir(parents=True, exist_ok=True)
    part = target.with_name(target.name + PART_SUFFIX)
    part.unlink(missing_ok=True)
    encrypted = is_encrypted(source_file)
    key = (key or key_for(source_file)) if encrypted else None
    try:
        source = _readonly(source_file, key)
        try:
            if encrypted and key:
                dest = dbapi_module().connect(str(part))
                apply_key(dest, key)
            else:
                dest = sqlite3.connect(part)
            try:
                source.backup(dest)
                dest.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal beside it
            finally:
                dest.close()
        finally:
            source.close()
        verify_sqlite(part, key)
        os.replace(part, target)
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    return target


def backup_sqlite(db_file: Path, target: Path | None = None, *, label: str = "manual") -> Path:
    """Copy a live database file consistently, even while another connection writes to it."""
    if not db_file.exists():
        raise BackupError(f"Berkas basis data {db_file} tidak ditemukan.")
    if target is None:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        target = series_folder(ensure_identity(db_file)) / f"{db_file.stem}-{label}-{stamp}.sqlite"
    if target.exists() and target.resolve() == db_file.resolve():
        raise BackupError("Berkas cadangan tidak boleh sama dengan berkas basis data.")
    from .encryption import is_encrypted, key_for

    if is_encrypted(db_file) and not key_for(db_file):  # issue 13: the backup stays encrypted (same key)
        raise BackupError(f"Berkas {db_file.name} terenkripsi; kuncinya diperlukan untuk mencadangkan.")
    try:
        return copy_database(db_file, target)
    except OSError as exc:  # a read-only folder, a full disk, a file in the way: the file named
        from ukom_desktop.io.output_file import cannot_write_sentence

        raise BackupError(cannot_write_sentence(target, exc)) from exc
    except db_errors() as exc:
        raise BackupError(f"Cadangan tidak dapat ditulis ke {target.parent}: {_reason(exc)}.") from exc


def _reason(exc: BaseException) -> str:
    """Why a copy failed, in words (the system's own text is English)."""
    import errno

    text = str(exc).lower()
    code = getattr(exc, "errno", None)
    if code == errno.ENOSPC or "disk is full" in text or "no space" in text:
        return "disk penuh; kosongkan ruang atau pilih folder lain"
    if code in (errno.EACCES, errno.EPERM, errno.EROFS) or "readonly" in text or "read-only" in text:
        return "folder tidak dapat ditulis (hak akses atau media hanya-baca)"
    if isinstance(exc, BackupError):
        return str(exc)
    return "periksa ruang kosong dan hak tulis folder tersebut"


def _series(folder: Path, stem: str, label: str) -> list[Path]:
    marker = f"-{label}-"
    found = [p for p in folder.glob(f"{stem}{marker}*.sqlite") if p.is_file() and p.stat().st_size > 0]
    return sorted(found, key=lambda p: p.name.rsplit(marker, 1)[1])


def prune_backups(folder: Path, stem: str, label: str, keep: int = KEEP_AUTOMATIC) -> list[Path]:
    """Delete the oldest automatic backups beyond `keep`; return what was deleted."""
    found = _series(folder, stem, label)
    doomed = found[:-keep] if keep > 0 else found
    for path in doomed:
        path.unlink(missing_ok=True)
    return doomed


def latest_backup(folder: Path, stem: str, label: str) -> Path | None:
    """The newest finished backup of a series; an empty or unfinished file never counts."""
    found = _series(folder, stem, label)
    return found[-1] if found else None


def clean_partial_backups(folder: Path) -> None:
    for part in folder.rglob(f"*{PART_SUFFIX}"):
        part.unlink(missing_ok=True)
