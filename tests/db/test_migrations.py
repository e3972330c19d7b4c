"""Schema upgrades: empty to head, models equal head, old files upgrade with data, newer files refused."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import func, select, text

from ukom_desktop.db import migrate
from ukom_desktop.db.database import open_database
from ukom_desktop.db.engine import make_engine
from ukom_desktop.db.models import Base, Competency, Event, EventParticipant, Participant

FIXTURES = Path(__file__).parent.parent / "fixtures" / "db"


def test_empty_database_upgrades_to_head(db_url: str) -> None:
    db = open_database(db_url)
    try:
        assert db.created
        assert migrate.current_revision(db.engine) == migrate.head_revision()
    finally:
        db.dispose()


def test_head_schema_matches_the_models(db_url: str) -> None:
    db = open_database(db_url)
    try:
        with db.engine.connect() as conn:
            ctx = MigrationContext.configure(conn, opts={"compare_type": True})
            diff = compare_metadata(ctx, Base.metadata)
        assert diff == []
    finally:
        db.dispose()


@pytest.mark.parametrize("fixture", sorted(FIXTURES.glob("ukom-*.sqlite")), ids=lambda p: p.stem)
def test_old_database_file_upgrades_with_its_data_intact(fixture: Path, tmp_path: Path) -> None:
    copy = tmp_path / fixture.name
    shutil.copy(fixture, copy)
    before = make_engine(f"sqlite:///{copy}")
    with before.connect() as conn:
        nips_before = sorted(r[0] for r in conn.execute(text("SELECT nip FROM participant")))
        events_before = conn.execute(text("SELECT code, name FROM event")).all()
    before.dispose()
    assert len(nips_before) == 12

    db = open_database(f"sqlite:///{copy}")
    try:
        assert migrate.current_revision(db.engine) == migrate.head_revision()
        with db.sessions() as session:
            assert sorted(session.scalars(select(Participant.nip))) == nips_before
            assert [(e.code, e.name) for e in session.scalars(select(Event))] == [tuple(r) for r in events_before]
            assert session.scalar(select(func.count()).select_from(EventParticipant)) == 12
            assert session.scalar(select(func.count()).select_from(Competency)) == 9
    finally:
        db.dispose()


def test_upgrade_of_an_existing_file_makes_a_backup_first(tmp_path: Path) -> None:
    copy = tmp_path / "lama.sqlite"
    shutil.copy(FIXTURES / "ukom-0001.sqlite", copy)
    db = open_database(f"sqlite:///{copy}")
    try:
        if db.upgraded_from is None:
            pytest.skip("the oldest fixture is already at head: nothing to upgrade yet")
        assert db.backup_made is not None and db.backup_made.exists()
    finally:
        db.dispose()


def test_database_from_a_newer_app_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "baru.sqlite"
    open_database(f"sqlite:///{path}").dispose()
    engine = make_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_dari_masa_depan'"))
    engine.dispose()
    with pytest.raises(migrate.DatabaseTooNewError, match="versi UKOM Desktop yang lebih baru"):
        open_database(f"sqlite:///{path}")
    engine = make_engine(f"sqlite:///{path}")
    with engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "9999_dari_masa_depan"
    engine.dispose()


def test_a_database_of_another_program_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "lain.sqlite"
    engine = make_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE pelanggan (id INTEGER PRIMARY KEY, nama TEXT)"))
    engine.dispose()
    with pytest.raises(migrate.DatabaseNotUkomError, match="bukan basis data UKOM Desktop"):
        open_database(f"sqlite:///{path}")
