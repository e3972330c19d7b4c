"""Jabatan sasaran: the event's only target position is every imported participant's default, and a bulk
set accepts only the event's own target positions (issue 11 item 9)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from ukom_desktop.db.models import Event, EventParticipant, EventPosition
from ukom_desktop.errors import UserFacingError
from ukom_desktop.services.participant_import import commit_import, drain, preview_import
from ukom_desktop.services.target_positions import set_target_position

IMPORT = Path(__file__).resolve().parents[1] / "fixtures" / "import"


def _event_with_positions(db, count: int) -> tuple[int, list[int]]:  # type: ignore[no-untyped-def]
    from ukom_desktop.services.reference_data import create_position, ensure_reference_data

    with db.sessions.begin() as session:
        ensure_reference_data(session)
        event = Event(code="UKOM-UJI-009", name="Kegiatan uji")
        session.add(event)
        session.flush()
        ids = []
        for n in range(count):
            position = create_position(session, f"Kepala Bagian Uji {n + 1}", "ADMINISTRATOR")
            session.add(EventPosition(event_id=event.id, position_id=position.id))
            ids.append(position.id)
        return event.id, ids


def _import(db, event_id: int) -> None:  # type: ignore[no-untyped-def]
    with db.sessions.begin() as session:
        plan = drain(preview_import(session, event_id, IMPORT / "clean.xlsx"))
        drain(commit_import(session, plan))


def _targets(db) -> list[int | None]:  # type: ignore[no-untyped-def]
    with db.sessions() as session:
        return list(session.scalars(select(EventParticipant.target_position_id).order_by(EventParticipant.id)))


def test_the_only_target_position_is_the_default_at_import(sqlite_database) -> None:  # type: ignore[no-untyped-def]
    event_id, (only,) = _event_with_positions(sqlite_database, 1)
    _import(sqlite_database, event_id)
    targets = _targets(sqlite_database)
    assert targets and set(targets) == {only}


def test_two_positions_leave_it_open_and_bulk_sets_it(sqlite_database) -> None:  # type: ignore[no-untyped-def]
    event_id, (first, second) = _event_with_positions(sqlite_database, 2)
    _import(sqlite_database, event_id)
    assert set(_targets(sqlite_database)) == {None}
    with sqlite_database.sessions.begin() as session:
        ids = list(session.scalars(select(EventParticipant.id)))
        assert set_target_position(session, ids[:2], second) == 2
        with pytest.raises(UserFacingError, match="Jabatan sasaran kegiatan"):
            set_target_position(session, ids, 999_999)
    assert _targets(sqlite_database)[:3] == [second, second, None]
