"""Database selection, SQLite pragmas, optimistic locking, the append-only audit log, backups."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm.exc import StaleDataError

from ukom_desktop import paths
from ukom_desktop.db import audit
from ukom_desktop.db.backup import backup_sqlite, prune_backups
from ukom_desktop.db.engine import DatabaseUrlError, resolve_database_url
from ukom_desktop.db.models import AuditEntry, Participant
from ukom_desktop.errors import user_message


def test_url_choice_order(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("UKOM_DATABASE_URL", raising=False)
    assert resolve_database_url() == f"sqlite:///{paths.default_database_path()}"
    monkeypatch.setenv("UKOM_DATABASE_URL", "postgresql://u:p@server/ukom")
    assert resolve_database_url() == "postgresql+psycopg://u:p@server/ukom"
    assert resolve_database_url(str(tmp_path / "a.sqlite")) == f"sqlite:///{tmp_path / 'a.sqlite'}"
    with pytest.raises(DatabaseUrlError, match="tidak didukung"):
        resolve_database_url("mysql://x/y")


def test_sqlite_runs_with_wal_and_foreign_keys(sqlite_database) -> None:  # type: ignore[no-untyped-def]
    with sqlite_database.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        with pytest.raises(DBAPIError):
            conn.execute(text("INSERT INTO event_participant (event_id, participant_id) VALUES (999, 999)"))


def _participant() -> Participant:
    return Participant(nip="198609262015051001", name="Budi Santoso")


def test_second_writer_of_a_stale_row_gets_a_clear_conflict(database) -> None:  # type: ignore[no-untyped-def]
    with database.sessions.begin() as s:
        s.add(_participant())
    first, second = database.sessions(), database.sessions()
    try:
        a = first.scalars(select(Participant)).one()
        b = second.scalars(select(Participant)).one()
        a.phone = "081234567890"
        first.commit()
        b.phone = "089999999999"
        with pytest.raises(StaleDataError) as caught:
            second.commit()
        assert "diubah oleh pengguna lain" in (user_message(caught.value) or "")
    finally:
        first.close()
        second.close()
    with database.sessions() as s:
        assert s.scalars(select(Participant)).one().phone == "081234567890"


def test_audit_log_is_append_only(database) -> None:  # type: ignore[no-untyped-def]
    with database.sessions.begin() as s:
        audit.record(s, action="ubah", entity="rating", entity_id=1, old={"level": 2}, new={"level": 3},
                     actor="asesor1")
    with database.sessions() as s:
        entry = s.scalars(select(AuditEntry)).one()
        assert entry.new_value == {"level": 3}
        entry.note = "diubah diam-diam"
        with pytest.raises(audit.AuditLogReadOnlyError):
            s.flush()
        s.rollback()
    # Raw SQL past the ORM is stopped by the database itself.
    for statement in ("UPDATE audit_log SET actor = 'x'", "DELETE FROM audit_log"):
        with pytest.raises(DBAPIError), database.engine.begin() as conn:
            conn.execute(text(statement))
    with database.sessions() as s:
        assert s.scalars(select(AuditEntry.actor)).one() == "asesor1"


def test_backup_is_a_consistent_openable_copy(sqlite_database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with sqlite_database.sessions.begin() as s:
        s.add(_participant())
    target = backup_sqlite(sqlite_database.file, tmp_path / "cadangan.sqlite")
    with sqlite3.connect(target) as conn:
        assert conn.execute("SELECT name FROM participant").fetchall() == [("Budi Santoso",)]
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_prune_keeps_the_newest_automatic_backups(tmp_path: Path) -> None:
    for i in range(5):
        (tmp_path / f"ukom-auto-2026010{i}-000000-000000.sqlite").write_bytes(b"x")
    (tmp_path / "ukom-manual-20260101-000000-000000.sqlite").write_bytes(b"x")
    removed = prune_backups(tmp_path, "ukom", "auto", keep=2)
    assert len(removed) == 3
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "ukom-auto-20260103-000000-000000.sqlite",
        "ukom-auto-20260104-000000-000000.sqlite",
        "ukom-manual-20260101-000000-000000.sqlite",
    ]
