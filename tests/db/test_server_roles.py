"""db setup-server: the working role cannot empty, alter or unguard the audit log; the app still works."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from ukom_desktop.db import audit
from ukom_desktop.db.database import open_database
from ukom_desktop.db.models import Participant
from ukom_desktop.db.server_setup import ServerSetupError, setup_server


def test_role_names_are_checked_before_anything_runs() -> None:
    with pytest.raises(ServerSetupError, match="tidak sah"):
        setup_server("postgresql+psycopg://admin@127.0.0.1:1/ukom", owner="x; DROP TABLE y", app="ukom_app",
                     owner_password="a", app_password="b")
    with pytest.raises(ServerSetupError, match="hanya untuk server PostgreSQL"):
        setup_server("sqlite:///x.sqlite", owner="a", app="b", owner_password="a", app_password="b")


def test_working_role_cannot_wipe_or_unguard_the_audit_log(postgres_url: str) -> None:
    suffix = uuid.uuid4().hex[:8]
    owner, app = f"ukom_owner_{suffix}", f"ukom_app_{suffix}"
    database = make_url(postgres_url).database
    try:
        done = setup_server(postgres_url, owner=owner, app=app, owner_password="Pemilik!@#%", app_password="Kerja'#%")
        assert set(done.created) == {owner, app}
        app_url = make_url(postgres_url).set(username=app, password="Kerja'#%").render_as_string(hide_password=False)
        db = open_database(app_url)
        try:
            with db.sessions.begin() as session:
                session.add(Participant(nip="198609262015051001", name="Budi Santoso"))
                audit.record(session, action="tambah", entity="participant", actor="sekretariat")
            for statement in ("TRUNCATE audit_log", "DELETE FROM audit_log", "UPDATE audit_log SET actor = 'x'",
                              "ALTER TABLE audit_log DISABLE TRIGGER ALL",
                              "DROP TRIGGER audit_log_append_only ON audit_log",
                              "DELETE FROM alembic_version"):
                with pytest.raises(DBAPIError), db.engine.begin() as conn:
                    conn.execute(text(statement))
            with db.sessions() as session:
                assert audit.verify_chain(session) == []
        finally:
            db.dispose()
        # running it again keeps the roles and their passwords
        assert setup_server(postgres_url, owner=owner, app=app, owner_password=None, app_password=None).created == ()
    finally:
        admin = create_engine(postgres_url, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'ALTER DATABASE "{database}" OWNER TO CURRENT_USER'))
            for role in (owner, app):
                if conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": role}).scalar():
                    conn.execute(text(f'REASSIGN OWNED BY "{role}" TO CURRENT_USER'))
                    conn.execute(text(f'DROP OWNED BY "{role}"'))
                    conn.execute(text(f'DROP ROLE "{role}"'))
        admin.dispose()
