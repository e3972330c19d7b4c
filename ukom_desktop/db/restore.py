"""Listing backups and restoring one over a database file, safely.

A restore keeps a copy of the current file first (through the backup API, so changes still in its -wal are
in the copy), then removes the current file's -wal and -shm (left there, SQLite would replay newer changes
onto the restored file) and moves the verified backup into place.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ukom_desktop import paths

from .backup import (
    IDENTITY_KEY,
    BackupError,
    backup_sqlite,
    copy_database,
    db_errors,
    open_file,
    verify_sqlite,
)
from .encryption import EncryptionError, key_for


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    made_at: datetime  # local time of the file
    size: int
    revision: str | None
    events: int | None
    participants: int | None
    identity: str | None


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    target: Path
    previous_copy: Path | None  # the current file as it was before the restore
    info: BackupInfo


def _scalar(conn: sqlite3.Connection, sql: str) -> object | None:
    try:
        row = conn.execute(sql).fetchone()
    except db_errors():
        return None
    return row[0] if row else None


def describe_backup(path: Path, key: str | None = None) -> BackupInfo:
    """Date, size, schema revision and counts of a backup file (opened read-only).

    An encrypted backup is read with ``key`` (the current database's key), else its own registered key."""
    stat = path.stat()
    revision = events = participants = identity = None
    unreadable: tuple[type[BaseException], ...] = (*db_errors(), BackupError, EncryptionError)
    try:
        conn = open_file(path, key=key or key_for(path))
        try:
            revision = _scalar(conn, "SELECT version_num FROM alembic_version")
            events = _scalar(conn, "SELECT COUNT(*) FROM event")
            participants = _scalar(conn, "SELECT COUNT(*) FROM participant")
            identity = _scalar(conn, f"SELECT value FROM setting WHERE key = '{IDENTITY_KEY}'")
        finally:
            conn.close()
    except unreadable:
        pass  # a backup of another key, or not a database: listed without counts
    return BackupInfo(
        path=path,
        made_at=datetime.fromtimestamp(stat.st_mtime),
        size=stat.st_size,
        revision=str(revision) if revision is not None else None,
        events=int(events) if isinstance(events, int) else None,
        participants=int(participants) if isinstance(participants, int) else None,
        identity=str(identity).strip('"') if identity else None,
    )


def list_backups(folder: Path | None = None, key: str | None = None) -> list[BackupInfo]:
    """Every finished backup under the backup folder (all series), newest first."""
    root = folder or paths.backup_dir()
    found = [p for p in root.rglob("*.sqlite") if p.is_file() and p.stat().st_size > 0]
    infos = [describe_backup(p, key) for p in found]
    return sorted(infos, key=lambda info: info.made_at, reverse=True)


def _check_restorable(source: Path, key: str | None) -> BackupInfo:
    if not source.is_file():
        raise BackupError(f"Berkas cadangan {source} tidak ditemukan.")
    verify_sqlite(source, key)
    info = describe_backup(source, key)
    if info.revision is None:
        raise BackupError(f"Berkas {source.name} bukan cadangan basis data UKOM Desktop.")
    from .migrate import known_revisions

    if info.revision not in known_revisions():
        raise BackupError(
            f"Cadangan {source.name} dibuat oleh versi aplikasi yang lebih baru (revisi {info.revision}); "
            "perbarui aplikasi terlebih dahulu."
        )
    return info


def restore_backup(source: Path, target: Path) -> RestoreResult:
    """Put `source` in place of `target`, keeping a copy of the current `target` first.

    The caller closes every connection to `target` before (the window disposes its engine)."""
    source, target = source.resolve(), target.resolve()
    if source == target:
        raise BackupError("Berkas cadangan dan berkas tujuan sama.")
    key = key_for(source) or key_for(target)  # an encrypted backup opens with the database's own key
    info = _check_restorable(source, key)
    previous: Path | None = None
    if target.exists() and target.stat().st_size > 0:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        keep = paths.backup_dir() / "sebelum-pulih" / f"{target.stem}-sebelum-pulih-{stamp}.sqlite"
        try:
            previous = backup_sqlite(target, keep)
        except BackupError:
            previous = _raw_copy(target, keep)  # a damaged current file is still kept, byte for byte
    staged = target.with_name(target.name + ".pulih")
    try:
        copy_database(source, staged, key)
        for suffix in ("-wal", "-shm", "-journal"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
        os.replace(staged, target)
    except OSError as exc:
        staged.unlink(missing_ok=True)
        raise BackupError(f"Pemulihan ke {target} gagal: {exc.strerror or exc}.") from exc
    finally:
        staged.unlink(missing_ok=True)
    return RestoreResult(restored_from=source, target=target, previous_copy=previous, info=info)


def _raw_copy(target: Path, keep: Path) -> Path:
    import shutil

    keep.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(target, keep)
    for suffix in ("-wal", "-shm"):
        side = Path(f"{target}{suffix}")
        if side.exists():
            shutil.copy2(side, Path(f"{keep}{suffix}"))
    return keep
