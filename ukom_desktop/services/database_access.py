"""The window's way to a database: opening one (app start, a server, an encrypted or an empty file), its
sessions and units of work, backups and restores, encrypted copies and server addresses.

The window (ukom_desktop/ui) imports nothing of ukom_desktop.db or SQLAlchemy (a guard test checks it); what it
needs of them is here, as plain values, dataclasses and sentences. The module stays light to import: the
database layer is imported inside the functions, so the window frame appears before SQLAlchemy is loaded.
Questions to the user (the key of an encrypted file, making an empty file a database) come in as callables.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from ukom_desktop.errors import UserFacingError

if TYPE_CHECKING:  # the types the window names in its annotations
    from sqlalchemy.orm import Session as Session

    from ukom_desktop.db.database import Database as Database
    from ukom_desktop.db.restore import BackupInfo as BackupInfo
    from ukom_desktop.db.restore import RestoreResult as RestoreResult

T = TypeVar("T")
AskKey = Callable[[str, str], "str | None"]  # (file name, problem sentence or "") -> key, or None for Batal


# -- opening -----------------------------------------------------------------------------------------------
def open_for_window(url: str, *, ask_key: AskKey, confirm_empty: Callable[[Path], bool],
                    allow_empty: bool = False) -> Database | None:
    """Open (creating and upgrading as needed) the database at `url` the way the window does.

    An encrypted file: the key is asked until it is right (a wrong key changes nothing); Batal raises the
    "key needed" sentence. A 0-byte file becomes a database only when `confirm_empty` agrees; otherwise None.
    A new database gets the shipped reference data before anyone sees it."""
    from ukom_desktop.db.database import open_database
    from ukom_desktop.db.encryption import KeyNeededError, WrongKeyError, register_key
    from ukom_desktop.db.sqlite_file import EmptyDatabaseFileError

    problem = ""
    while True:
        try:
            database = open_database(url, allow_empty=allow_empty)
            break
        except (KeyNeededError, WrongKeyError) as exc:
            if isinstance(exc, WrongKeyError):
                register_key(exc.path, None)
                problem = str(exc)
            key = ask_key(exc.path.name, problem)
            if key is None:
                raise KeyNeededError(exc.path) from None
            register_key(exc.path, key)
        except EmptyDatabaseFileError as exc:  # never made a database without asking
            if allow_empty or not confirm_empty(exc.path):
                return None
            allow_empty = True
    if database.created:
        from ukom_desktop.services.reference_data import ensure_reference_data

        with transaction(database) as session:
            ensure_reference_data(session)
    return database


@contextmanager
def session(database: Database) -> Iterator[Session]:
    """A read session (no commit)."""
    opened = database.sessions()
    try:
        yield opened
    finally:
        opened.close()


@contextmanager
def transaction(database: Database) -> Iterator[Session]:
    """One unit of work: committed when the block ends normally, rolled back on any error."""
    from ukom_desktop.db.engine import transaction as unit_of_work

    with unit_of_work(database.sessions) as opened:
        yield opened


def in_transaction(database: Database, work: Callable[[Session], T]) -> T:
    with transaction(database) as opened:
        return work(opened)


def sqlite_file_of(url: str | None) -> Path | None:
    """The resolved SQLite file behind an address (as --db or the settings give it); None for a server, an
    in-memory database or an address that cannot be used (opening it says what is wrong)."""
    from ukom_desktop.db.engine import DatabaseUrlError, resolve_database_url, sqlite_path

    try:
        path = sqlite_path(resolve_database_url(url))
    except (DatabaseUrlError, ValueError):
        return None
    return path.resolve() if path is not None else None


def assessor_working_file(database: str | None) -> Path | None:
    """The file when `database` (a --db value) is an assessor's working database; cheap (stdlib sqlite3 only),
    so starting the window stays fast. An encrypted one is recognised by its folder (`asesor/` of the data
    folder, where Berkas > Buka paket asesor puts them)."""
    import sqlite3

    from ukom_desktop import paths
    from ukom_desktop.db.encryption import is_encrypted

    if not database or "://" in database and not database.startswith("sqlite:///"):
        return None
    path = Path(database.removeprefix("sqlite:///"))
    if not path.is_file() or path.stat().st_size == 0:
        return None
    if is_encrypted(path):  # its tables are unreadable before the passphrase: the folder of working databases tells
        return path if path.resolve().parent == (paths.data_dir() / "asesor").resolve() else None
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
            found = conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='lp_meta'").fetchone()
    except sqlite3.Error:
        return None
    return path if found else None


# -- server addresses and passwords -------------------------------------------------------------------------
@dataclass(frozen=True)
class Address:
    url: str  # resolved (a file path becomes sqlite:///...), or as given when it cannot be resolved
    needs_password: bool  # a server address whose password is neither in it, in UKOM_DB_PASSWORD nor stored


def resolve_address(target: str | None) -> Address:
    """The address to open: --db, UKOM_DATABASE_URL or the default file; a server's password completed from
    UKOM_DB_PASSWORD or the credential store when it can be."""
    from ukom_desktop.db.credentials import needs_password
    from ukom_desktop.db.engine import DatabaseUrlError, resolve_database_url

    try:
        resolved = resolve_database_url(target)
    except DatabaseUrlError:
        return Address(target or "", False)  # opening it says what is wrong with it
    return Address(resolved, needs_password(resolved))


def with_password(url: str, password: str) -> str:
    from ukom_desktop.db.credentials import with_password as complete

    return complete(url, password)


def public_address(url: str) -> str:
    """The address without its password: what may be shown, remembered or hashed into a settings key."""
    from ukom_desktop.db.credentials import url_without_password

    return url_without_password(url)


def mask_secrets(text: str) -> str:
    """Any database password in `text` (an error report, a log line) replaced by stars."""
    from ukom_desktop.db.credentials import mask_secrets as mask

    return mask(text)


def server_to_remember(url: str) -> str | None:
    """The server address (without its password) to prefill next time; None for a file."""
    from ukom_desktop.db.credentials import is_server_url

    return public_address(url) if is_server_url(url) else None


def keep_server_password(url: str, password: str) -> str | None:
    """Store the password in the operating system's credential store; a sentence when that failed (a
    warning only: the connection goes on and the password is asked again next time)."""
    from ukom_desktop.db.credentials import CredentialStoreWarning, store_password

    try:
        store_password(url, password)
    except CredentialStoreWarning as exc:
        return str(exc)
    return None


def check_server_address(text: str) -> str:
    """A typed server address, checked and without any password; a sentence when it is not one."""
    from ukom_desktop.db.credentials import is_server_url
    from ukom_desktop.db.engine import DatabaseUrlError, resolve_database_url

    try:
        resolved = resolve_database_url(text.strip())
    except (DatabaseUrlError, ValueError):
        raise UserFacingError("Alamat server tidak dikenali; contoh: postgresql://ukom@server:5432/ukom.") from None
    if not is_server_url(resolved):
        raise UserFacingError("Alamat server harus diawali postgresql://, misalnya postgresql://ukom@server/ukom.")
    return public_address(resolved)


# -- copies: backup, restore, encryption --------------------------------------------------------------------
def backup_copy(db_file: Path, target: Path) -> Path:
    """A verified copy of the open file at `target` (written beside it and moved into place when checked)."""
    from ukom_desktop.db.backup import backup_sqlite

    return backup_sqlite(db_file, target)


def backups_for(target: Path, folder: Path | None = None) -> list[BackupInfo]:
    """The backups that can replace `target` (newest first), read with its key when it is encrypted."""
    from ukom_desktop.db.encryption import key_for
    from ukom_desktop.db.restore import list_backups

    return list_backups(folder, key_for(target))


def describe_backup_file(path: Path, target: Path) -> BackupInfo:
    """Date, size, revision and counts of a file the user chose as a backup of `target`."""
    from ukom_desktop.db.encryption import key_for
    from ukom_desktop.db.restore import describe_backup

    return describe_backup(path, key_for(target))


def restore(source: Path, target: Path) -> RestoreResult:
    """Put the backup `source` in place of `target` (the current file copied first). Every connection to
    `target` must be closed. A backup that cannot be used is a sentence and leaves `target` unchanged."""
    from ukom_desktop.db.backup import BackupError
    from ukom_desktop.db.restore import restore_backup

    try:
        return restore_backup(source, target)
    except BackupError as exc:
        raise UserFacingError(f"Pemulihan gagal; basis data tidak diubah.\n\n{exc}") from exc


def is_encrypted_file(path: Path | None) -> bool:
    from ukom_desktop.db.encryption import is_encrypted

    return path is not None and is_encrypted(path)


def switched_copy(source: Path, target: Path, new_key: str = "") -> Path:
    """Berkas > Enkripsi basis data...: a plain copy of an encrypted file (with the key it was opened with),
    or an encrypted copy of a plain one with `new_key` (checked first). `source` is not changed."""
    from ukom_desktop.db.encryption import check_new_key, decrypt_copy, encrypt_copy, is_encrypted, key_for

    if is_encrypted(source):
        return decrypt_copy(source, target, key_for(source) or "")
    check_new_key(new_key)
    return encrypt_copy(source, target, new_key)
