"""Choosing the database (SQLite file by default, PostgreSQL on a LAN server) and opening sessions."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import NullPool

from ukom_desktop import paths

from .filesystem import journal_mode_for

ENV_VAR = "UKOM_DATABASE_URL"


class DatabaseUrlError(ValueError):
    """A database address the app cannot use; the message is in Bahasa Indonesia."""


def resolve_database_url(cli_value: str | None = None) -> str:
    """--db wins, then UKOM_DATABASE_URL, then the SQLite file in the user-data folder.

    A plain file path is accepted and turned into a sqlite:/// URL.
    """
    raw = cli_value or os.environ.get(ENV_VAR) or ""
    if not raw:
        return f"sqlite:///{paths.default_database_path()}"
    if "://" not in raw:
        return f"sqlite:///{Path(raw).expanduser().resolve()}"
    if raw.startswith(("postgresql://", "postgres://")):
        raw = "postgresql+psycopg://" + raw.split("://", 1)[1]
    from .credentials import complete_url, mask_secrets

    try:
        url = make_url(raw)
    except Exception:  # noqa: BLE001 - any parse failure is the user's typo
        raise DatabaseUrlError(f"Alamat basis data tidak dikenali: {mask_secrets(raw)}") from None
    if url.get_backend_name() not in ("sqlite", "postgresql"):
        raise DatabaseUrlError(
            f"Jenis basis data '{url.get_backend_name()}' tidak didukung; gunakan berkas SQLite atau PostgreSQL."
        )
    # A server address without its password: UKOM_DB_PASSWORD or the credential store complete it.
    return complete_url(raw) if url.get_backend_name() == "postgresql" else raw


def sqlite_path(url: str) -> Path | None:
    """The file behind a sqlite URL, or None for PostgreSQL and in-memory databases."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def describe_url(url: str) -> str:
    """A human description without the password, for the status bar and the about box."""
    path = sqlite_path(url)
    if path is not None:
        return f"SQLite: {path}"
    return f"PostgreSQL: {make_url(url).render_as_string(hide_password=True)}"


def _pragmas(journal_mode: str):  # type: ignore[no-untyped-def]
    def apply(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        _sqlite_pragmas(dbapi_connection, _record, journal_mode)

    return apply


def _sqlite_pragmas(dbapi_connection, _record, journal_mode: str = "WAL") -> None:  # type: ignore[no-untyped-def]
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA journal_mode={journal_mode}")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def _encrypted_engine(url: str, path: Path) -> Engine:
    """SQLCipher: the key is applied on every new connection before anything else (issue 13).

    Connections are pooled, so the key derivation (deliberately slow) is paid once, not per session."""
    from . import encryption

    key = encryption.key_for(path)
    if not key:
        raise encryption.KeyNeededError(path)
    encryption.check_key(path, key)
    engine = create_engine(url, module=encryption.dbapi_module(), pool_size=2, max_overflow=4,
                           connect_args={"check_same_thread": False})
    event.listen(engine, "connect", lambda conn, _rec: encryption.apply_key(conn, key, path), insert=True)
    event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def make_engine(url: str) -> Engine:
    path = sqlite_path(url)
    if path is not None:
        from .encryption import is_encrypted

        if is_encrypted(path):
            return _encrypted_engine(url, path)
        path.parent.mkdir(parents=True, exist_ok=True)
        # NullPool: a file database is cheap to open and this avoids holding locks between uses.
        engine = create_engine(url, poolclass=NullPool)
        # WAL needs shared memory a network drive does not have: a rollback journal there (issue 12 item 15).
        event.listen(engine, "connect", _pragmas(journal_mode_for(path)))
        return engine
    if make_url(url).get_backend_name() == "sqlite":
        engine = create_engine(url)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=5)


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(bind=engine, expire_on_commit=False)


@contextmanager
def transaction(factory: sessionmaker[Session]) -> Iterator[Session]:
    """One unit of work: commit on success, roll back everything on any error."""
    session = factory()
    try:
        yield session
        session.commit()
    except BaseException as exc:
        session.rollback()
        after = getattr(exc, "after_rollback", None)  # e.g. a refusal written to the audit log (issue 13)
        if callable(after):
            after()
        raise
    finally:
        session.close()
