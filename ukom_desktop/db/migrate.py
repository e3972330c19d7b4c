"""Bringing a database to the schema of this version of the app, safely."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


class DatabaseTooNewError(RuntimeError):
    """The database was written by a newer version of the app."""


class DatabaseNotUkomError(RuntimeError):
    """The file is a database, but not one of UKOM Desktop."""


def alembic_config(engine: Engine | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if engine is not None:
        cfg.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    return {rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def check_compatible(engine: Engine) -> str | None:
    """Raise if this app cannot open the database; return its current revision (None when empty)."""
    current = current_revision(engine)
    if current is None:
        tables = set(inspect(engine).get_table_names())
        if tables:
            raise DatabaseNotUkomError(
                "Basis data ini berisi tabel lain dan bukan basis data UKOM Desktop; "
                "pilih berkas lain atau buat basis data baru."
            )
        return None
    if current not in known_revisions():
        raise DatabaseTooNewError(
            f"Basis data ini dibuat oleh versi UKOM Desktop yang lebih baru (revisi {current}). "
            "Perbarui aplikasi terlebih dahulu; basis data tidak diubah."
        )
    return current


def upgrade(engine: Engine, revision: str = "head") -> None:
    cfg = alembic_config(engine)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
