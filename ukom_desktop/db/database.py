"""Opening a database the way the app does at start: check, back up, upgrade, hand out sessions."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from ukom_desktop import paths

from . import backup, migrate
from .engine import describe_url, make_engine, make_session_factory, resolve_database_url, sqlite_path
from .filesystem import NETWORK_WARNING, is_network_path

AUTO_BACKUP_EVERY = timedelta(hours=12)


@dataclass
class Database:
    url: str
    engine: Engine
    sessions: sessionmaker[Session]
    backup_made: Path | None = None
    upgraded_from: str | None = field(default=None)
    created: bool = False  # the database was empty: first start on this file or server
    warnings: list[str] = field(default_factory=list)  # shown once after opening (backup failed, network drive)

    @property
    def description(self) -> str:
        return describe_url(self.url)

    @property
    def file(self) -> Path | None:
        return sqlite_path(self.url)

    def dispose(self) -> None:
        self.engine.dispose()


def _auto_backup(db_file: Path, pending_upgrade: bool) -> Path | None:
    """Before an upgrade always; otherwise at most every AUTO_BACKUP_EVERY, to keep start-up quick.

    The series is the database's identity, not its file name."""
    if not db_file.exists() or db_file.stat().st_size == 0:
        return None
    if not os.access(db_file, os.W_OK) and backup.read_identity(db_file) is None:
        return None  # a read-only file cannot change, and cannot be given its identity: nothing to keep
    folder = backup.series_folder(backup.ensure_identity(db_file))
    backup.clean_partial_backups(folder)
    latest = backup.latest_backup(folder, "*", "auto")
    if not pending_upgrade and latest is not None:
        age = datetime.now() - datetime.fromtimestamp(latest.stat().st_mtime)
        if age < AUTO_BACKUP_EVERY:
            return None
    made = backup.backup_sqlite(db_file, label="auto")
    backup.prune_backups(folder, "*", "auto")
    return made


def _safe_auto_backup(db_file: Path, pending_upgrade: bool, warnings: list[str]) -> Path | None:
    """A failed automatic backup (full disk, refused folder) is a warning, never a reason not to open."""
    import logging
    import sqlite3

    try:
        return _auto_backup(db_file, pending_upgrade)
    except (backup.BackupError, OSError, sqlite3.Error) as exc:
        logging.getLogger("ukom_desktop").warning("Cadangan otomatis gagal: %s", exc)
        reason = str(exc) if isinstance(exc, backup.BackupError) else (
            f"folder cadangan {paths.data_dir() / 'backups'} tidak dapat ditulis atau disk penuh."
        )
        warnings.append(
            f"Cadangan otomatis gagal dibuat: {reason} Basis data tetap dibuka; buat cadangan secara manual "
            "setelah masalahnya diatasi."
        )
        return None


def _apply_display_zone(engine: Engine) -> None:
    """Stored moments are shown in the zone this database's setting names (else the computer's)."""
    from sqlalchemy import select
    from sqlalchemy.exc import SQLAlchemyError

    from ukom_desktop.domain import timestamps

    from .models import Setting

    try:
        with engine.connect() as conn:
            value = conn.execute(select(Setting.value).where(Setting.key == timestamps.SETTING_KEY)).scalar()
    except SQLAlchemyError:
        value = None  # an empty database has no settings yet
    timestamps.set_display_zone(value)


def _give_identity(db_file: Path) -> None:
    """A new database gets its identity (the key of its backup series) right away."""
    import sqlite3
    from contextlib import suppress

    with suppress(sqlite3.Error):  # a read-only file keeps none; its backups get one when it becomes writable
        backup.ensure_identity(db_file)


def open_database(url: str | None = None, *, upgrade: bool = True, auto_backup: bool = True) -> Database:
    """Resolve the URL, refuse a newer or foreign database, back the file up, then upgrade to head."""
    resolved = resolve_database_url(url)
    engine = make_engine(resolved)
    try:
        current = migrate.check_compatible(engine)
        pending = current != migrate.head_revision()
        made = None
        warnings: list[str] = []
        db_file = sqlite_path(resolved)
        if db_file is not None and is_network_path(db_file):
            warnings.append(NETWORK_WARNING)
        if auto_backup and db_file is not None and current is not None:
            made = _safe_auto_backup(db_file, pending, warnings)
        if upgrade and pending:
            migrate.upgrade(engine)
        if db_file is not None and upgrade:
            _give_identity(db_file)
        _apply_display_zone(engine)
    except BaseException:
        engine.dispose()
        raise
    return Database(
        url=resolved,
        engine=engine,
        sessions=make_session_factory(engine),
        backup_made=made,
        upgraded_from=current if pending else None,
        created=current is None,
        warnings=warnings,
    )
