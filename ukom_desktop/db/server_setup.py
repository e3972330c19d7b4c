"""`db setup-server`: two PostgreSQL roles so the application's own account cannot wipe or forge the audit log.

- the owner role owns the database, the schema and every table; only it runs migrations (`db upgrade`);
- the working role, used by every workstation, may read and write the data but not TRUNCATE, ALTER,
  drop or disable triggers, and may only INSERT into audit_log (no UPDATE or DELETE).

Run once by the server's administrator (a superuser, or a role with CREATEROLE that owns the database).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import Connection, create_engine, text
from sqlalchemy.engine import make_url

from . import migrate

_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


class ServerSetupError(RuntimeError):
    """A sentence for the administrator."""


@dataclass(frozen=True)
class ServerSetup:
    database: str
    owner: str
    app: str
    created: tuple[str, ...]  # the roles made now (an existing role keeps its password)
    revision: str | None


def _ident(name: str) -> str:
    if not _NAME.match(name):
        raise ServerSetupError(
            f"Nama peran '{name}' tidak sah: gunakan huruf kecil, angka dan garis bawah (maksimal 63 karakter)."
        )
    return f'"{name}"'


def _literal(value: str) -> str:
    """A string literal for statements that take no parameters (CREATE ROLE ... PASSWORD)."""
    return "'" + value.replace("'", "''") + "'"


def _ensure_role(conn: Connection, name: str, password: str | None) -> bool:
    exists = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": name}).scalar()
    if exists:
        return False
    if not password:
        raise ServerSetupError(f"Peran {name} belum ada: berikan sandinya untuk membuatnya.")
    conn.execute(text(f"CREATE ROLE {_ident(name)} LOGIN PASSWORD {_literal(password)}"))
    return True


def _own_everything(conn: Connection, owner: str) -> None:
    o = _ident(owner)
    for kind, query in (
        ("TABLE", "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"),
        ("SEQUENCE", "SELECT sequencename FROM pg_sequences WHERE schemaname = 'public'"),
    ):
        for (name,) in conn.execute(text(query)):
            conn.execute(text(f'ALTER {kind} public."{name}" OWNER TO {o}'))
    conn.execute(text(
        "DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_proc WHERE proname = 'audit_log_append_only') THEN "
        f"ALTER FUNCTION audit_log_append_only() OWNER TO {o}; END IF; END $$"
    ))


def _grant_working_role(conn: Connection, owner: str, app: str) -> None:
    o, a = _ident(owner), _ident(app)
    for statement in (
        "REVOKE ALL ON SCHEMA public FROM PUBLIC",
        f"GRANT USAGE ON SCHEMA public TO {a}",
        f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {a}",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {a}",
        f"REVOKE INSERT, UPDATE, DELETE ON alembic_version FROM {a}",
        f"REVOKE UPDATE, DELETE ON audit_log FROM {a}",
        f"GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO {a}",
        f"ALTER DEFAULT PRIVILEGES FOR ROLE {o} IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {a}",
        f"ALTER DEFAULT PRIVILEGES FOR ROLE {o} IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO {a}",
    ):
        conn.execute(text(statement))


def setup_server(admin_url: str, *, owner: str, app: str, owner_password: str | None,
                 app_password: str | None) -> ServerSetup:
    """Create the two roles (when missing), give the owner the database, migrate as the owner, grant the
    working role what it needs and nothing more."""
    url = make_url(admin_url)
    if url.get_backend_name() != "postgresql":
        raise ServerSetupError("'db setup-server' hanya untuk server PostgreSQL.")
    if owner == app:
        raise ServerSetupError("Peran pemilik dan peran kerja harus berbeda.")
    database = url.database or ""
    o, a = _ident(owner), _ident(app)
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            created = tuple(n for n, p in ((owner, owner_password), (app, app_password))
                            if _ensure_role(conn, n, p))
            conn.execute(text(f"GRANT {o} TO CURRENT_USER"))
            conn.execute(text(f'ALTER DATABASE "{database}" OWNER TO {o}'))
            conn.execute(text(f'REVOKE ALL ON DATABASE "{database}" FROM PUBLIC'))
            conn.execute(text(f'GRANT CONNECT, TEMPORARY ON DATABASE "{database}" TO {a}'))
            conn.execute(text(f"ALTER SCHEMA public OWNER TO {o}"))
            _own_everything(conn, owner)
        as_owner = create_engine(url, connect_args={"options": f"-c role={owner}"})
        try:
            revision = migrate.check_compatible(as_owner)
            if revision != migrate.head_revision():
                migrate.upgrade(as_owner)
            revision = migrate.current_revision(as_owner)
        finally:
            as_owner.dispose()
        with admin.connect() as conn:
            _own_everything(conn, owner)
            _grant_working_role(conn, owner, app)
    finally:
        admin.dispose()
    return ServerSetup(database, owner, app, created, revision)
