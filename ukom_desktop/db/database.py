"""Opening a database the way the app does at start: check, back up, upgrade, hand out sessions."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from ukom_desktop import paths

from . import backup, migrate
from .engine import describe_url, make_engine, make_session_factory, resolve_database_url, sqlite_path

AUTO_BACKUP_EVERY = timedelta(hours=12)


@dataclass
class Database:
    url: str
    engine: Engine
    sessions: sessionmaker[Session]
    backup_made: Path | None = None
    upgraded_from: str | None = field(default=None)
    created: bool = False  # the database was empty: first start on this file or server

    @property
    def description(self) -> str:
        return describe_url(self.url)

    @property
    def file(self) -> Path | None:
        return sqlite_path(self.url)

    def dispose(self) -> None:
        self.engine.dispose()


def _auto_backup(db_file: Path, pending_upgrade: bool) -> Path | None:
    """Before an upgrade always; otherwise at most every AUTO_BACKUP_EVERY, to keep start-up quick."""
    if not db_file.exists() or db_file.stat().st_size == 0:
        return None
    folder = paths.backup_dir()
    latest = backup.latest_backup(folder, db_file.stem, "auto")
    if not pending_upgrade and latest is not None:
        age = datetime.now() - datetime.fromtimestamp(latest.stat().st_mtime)
        if age < AUTO_BACKUP_EVERY:
            return None
    made = backup.backup_sqlite(db_file, label="auto")
    backup.prune_backups(folder, db_file.stem, "auto")
    return made


def open_database(url: str | None = None, *, upgrade: bool = True, auto_backup: bool = True) -> Database:
    """Resolve the URL, refuse a newer or foreign database, back the file up, then upgrade to head."""
    resolved = resolve_database_url(url)
    engine = make_engine(resolved)
    try:
        current = migrate.check_compatible(engine)
        pending = current != migrate.head_revision()
        made = None
        db_file = sqlite_path(resolved)
        if auto_backup and db_file is not None and current is not None:
            made = _auto_backup(db_file, pending)
        if upgrade and pending:
            migrate.upgrade(engine)
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
    )
