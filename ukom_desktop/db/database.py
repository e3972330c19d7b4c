"""Opening a database the way the app does at start: check, back up, upgrade, hand out sessions."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import Connection, Engine
from sqlalchemy.orm import Session, sessionmaker

from ukom_desktop import paths
from ukom_desktop.errors import UserFacingError

from . import backup, migrate, sqlite_file
from .engine import describe_url, make_engine, make_session_factory, resolve_database_url, sqlite_path
from .filesystem import NETWORK_WARNING, is_network_path
from .models import Base

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
    read_only: bool = False  # the file or its folder cannot be written: view and print only

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

    failures: tuple[type[BaseException], ...] = (backup.BackupError, OSError, *backup.db_errors())
    try:
        return _auto_backup(db_file, pending_upgrade)
    except failures as exc:
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
    from contextlib import suppress

    with suppress(*backup.db_errors()):  # a read-only file keeps none; its backups get one when it becomes writable
        backup.ensure_identity(db_file)


def _seed(conn: Connection) -> None:
    """The shipped reference data (competency dictionary, job levels, exercises), in the caller's transaction."""
    from ukom_desktop.services.reference_data import ensure_reference_data

    session = Session(bind=conn)
    try:
        ensure_reference_data(session)
        session.flush()
    finally:
        session.close()


def _build_new(url: str) -> None:
    """Schema at head and the reference data: what a new database holds before anyone sees it."""
    engine = make_engine(url)
    try:
        migrate.upgrade(engine, then=_seed)
    finally:
        engine.dispose()


def _set_aside(path: Path) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.tidak-selesai-{stamp}")
    os.replace(path, target)
    sqlite_file.remove_side_files(path)
    return target


def _prepare_sqlite_file(path: Path, allow_empty: bool) -> tuple[bool, bool]:
    """Look at the file without writing to it: (created now, read-only). Refuses what is not ours."""
    sqlite_file.clean_stale_parts(path)
    found = sqlite_file.look(path)
    if not found.exists:
        try:
            sqlite_file.create_whole(path, _build_new)
        except PermissionError:
            raise UserFacingError(
                f"Basis data baru tidak dapat dibuat di {path.parent} karena folder itu tidak dapat ditulis; "
                "pilih folder lain."
            ) from None
        return True, False
    if found.empty:
        if not allow_empty:
            raise sqlite_file.EmptyDatabaseFileError(path)
        if not found.writable:
            raise UserFacingError(f"Berkas {path} kosong dan foldernya tidak dapat ditulis; pilih folder lain.")
        sqlite_file.create_whole(path, _build_new)
        return True, False
    if not found.sqlite:
        from .encryption import is_encrypted

        if is_encrypted(path):  # SQLCipher: no readable header; the engine asks for (and tests) the key
            return False, False
        raise migrate.DatabaseNotUkomError(
            f"Berkas {path} bukan basis data SQLite yang sah dan bukan basis data UKOM Desktop; berkas tidak diubah. "
            "Pilih berkas lain atau buat basis data baru."
        )
    tables, revision, all_empty = sqlite_file.tables_and_revision(path)
    if revision is None:
        ours = tables <= set(Base.metadata.tables) | {"alembic_version"}
        if tables and not (ours and all_empty):
            raise migrate.DatabaseNotUkomError(
                "Basis data ini berisi tabel lain dan bukan basis data UKOM Desktop; berkas tidak diubah. "
                "Pilih berkas lain atau buat basis data baru."
            )
        if not found.writable:
            raise UserFacingError(f"Basis data {path} belum lengkap dan foldernya tidak dapat ditulis.")
        # Empty, or the half-made start of an older version of the app: set it aside and start whole.
        if tables:
            _set_aside(path)
        else:
            os.unlink(path)
            sqlite_file.remove_side_files(path)
        sqlite_file.create_whole(path, _build_new)
        return True, False
    if revision not in migrate.known_revisions():
        raise migrate.DatabaseTooNewError(
            f"Basis data ini dibuat oleh versi UKOM Desktop yang lebih baru (revisi {revision}). "
            "Perbarui aplikasi terlebih dahulu; basis data tidak diubah."
        )
    if not found.writable and revision != migrate.head_revision():
        raise UserFacingError(
            f"Basis data {path} perlu diperbarui ke versi aplikasi ini, tetapi berkas atau foldernya tidak dapat "
            "ditulis. Salin berkas ke folder yang dapat ditulis lalu buka salinannya."
        )
    return False, not found.writable


def open_database(
    url: str | None = None, *, upgrade: bool = True, auto_backup: bool = True, allow_empty: bool = False
) -> Database:
    """Resolve the URL, refuse a newer or foreign database, back the file up, then upgrade to head.

    A SQLite file is looked at before anything writes to it (see db/sqlite_file.py): a foreign file is
    refused unchanged, a 0-byte one only becomes a database with `allow_empty`, a new one appears whole,
    and one that cannot be written is opened read-only.
    """
    resolved = resolve_database_url(url)
    path = sqlite_path(resolved)
    created_file, read_only = _prepare_sqlite_file(path, allow_empty) if path is not None else (False, False)
    if read_only:
        assert path is not None
        engine = sqlite_file.read_only_engine(path)
        _apply_display_zone(engine)
        ro_warnings = [NETWORK_WARNING] if is_network_path(path) else []
        return Database(url=resolved, engine=engine, sessions=make_session_factory(engine), read_only=True,
                        warnings=ro_warnings)
    engine = make_engine(resolved)
    try:
        current = migrate.check_compatible(engine)
        pending = current != migrate.head_revision()
        made = None
        warnings: list[str] = []
        db_file = sqlite_path(resolved)
        if db_file is not None and is_network_path(db_file):
            warnings.append(NETWORK_WARNING)
        if auto_backup and db_file is not None and current is not None and not created_file:
            made = _safe_auto_backup(db_file, pending, warnings)
        if upgrade and pending:  # a new server database gets its reference data in the same transaction
            migrate.upgrade(engine, then=_seed if current is None else None)
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
        created=created_file or current is None,
        warnings=warnings,
    )
