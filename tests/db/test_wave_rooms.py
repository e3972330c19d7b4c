"""A wave may be given a subset of the active rooms (issue 11 item 1): the scheduler places the wave's
sessions only in them, the check flags a session in a room not of its wave, and no choice means every room."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select, update

from ukom_desktop.db.models import Room, ScheduleSession, Wave
from ukom_desktop.domain.scheduling.model import Rule
from ukom_desktop.errors import UserFacingError
from ukom_desktop.services.scheduling import check_stored_schedule, run_to_end, schedule_event
from ukom_desktop.services.waves import list_wave_infos, room_ids_by_name, set_wave_rooms

CHOSEN = ("Aula Utama", "Ruang Diskusi 2", "Ruang Diskusi 3", "Ruang Wawancara 2", "Ruang Wawancara 3",
          "Ruang Wawancara 5", "Ruang Wawancara 7")


@pytest.fixture
def db(tmp_path: Path):  # type: ignore[no-untyped-def]
    from ukom_desktop.db.database import open_database
    from ukom_desktop.services.demo import build_demo

    database = open_database(f"sqlite:///{tmp_path / 'ukom.sqlite'}")
    with database.sessions.begin() as session:
        database.event_id = build_demo(session, participants=12, seed=5).event_id
    yield database
    database.dispose()


def _room_names(session, event_id: int) -> set[str]:  # type: ignore[no-untyped-def]
    rows = session.execute(
        select(Room.name).join(ScheduleSession, ScheduleSession.room_id == Room.id)
        .where(ScheduleSession.event_id == event_id)
    )
    return {name for (name,) in rows}


def test_wave_with_rooms_is_scheduled_only_in_them(db) -> None:  # type: ignore[no-untyped-def]
    with db.sessions.begin() as session:
        (info,) = list_wave_infos(session, db.event_id)
        assert info.room_ids == () and info.rooms_text == "Semua ruang aktif"
        info = set_wave_rooms(session, db.event_id, 1, room_ids_by_name(session, CHOSEN))
        assert info.room_names == tuple(sorted(CHOSEN))
    outcome = run_to_end(schedule_event(db.sessions, db.event_id, time_limit_s=4.0))
    assert outcome.ok, outcome.summary()
    with db.sessions() as session:
        used = _room_names(session, db.event_id)
        assert used and used <= set(CHOSEN), used - set(CHOSEN)
        assert check_stored_schedule(session, db.event_id).hard == []

        # a session moved by hand into a room not of the wave is a hard finding of the check
        other = session.scalar(select(Room).where(Room.name == "Ruang Wawancara 1"))
        first = session.scalar(select(ScheduleSession).where(ScheduleSession.event_id == db.event_id).limit(1))
        session.execute(update(ScheduleSession).where(ScheduleSession.id == first.id).values(room_id=other.id))
        report = check_stored_schedule(session, db.event_id)
        flagged = [v for v in report.hard if v.code == Rule.ROOM_NOT_OF_WAVE]
        assert len(flagged) == 1 and "gelombang 1" in flagged[0].message


def test_no_rooms_chosen_means_every_active_room(db) -> None:  # type: ignore[no-untyped-def]
    with db.sessions.begin() as session:
        set_wave_rooms(session, db.event_id, 1, room_ids_by_name(session, ["Aula Utama"]))
        set_wave_rooms(session, db.event_id, 1, [])
        (info,) = list_wave_infos(session, db.event_id)
        assert info.room_ids == ()
    outcome = run_to_end(schedule_event(db.sessions, db.event_id, time_limit_s=4.0))
    assert outcome.ok, outcome.summary()
    with db.sessions() as session:
        assert "Ruang Wawancara 1" in _room_names(session, db.event_id)


def test_rooms_without_a_needed_kind_are_named_before_solving(db) -> None:  # type: ignore[no-untyped-def]
    with db.sessions.begin() as session:
        set_wave_rooms(session, db.event_id, 1, room_ids_by_name(session, ["Aula Utama", "Ruang Diskusi 1"]))
    outcome = run_to_end(schedule_event(db.sessions, db.event_id, time_limit_s=2.0))
    assert not outcome.ok
    assert any("ruang yang dipilih untuk gelombang ini" in m for m in outcome.summary()["hard"] +
               [v.message for v in outcome.result.infeasible])


def test_unknown_or_inactive_rooms_are_sentences(db) -> None:  # type: ignore[no-untyped-def]
    with db.sessions.begin() as session:
        with pytest.raises(UserFacingError, match="Ruang tidak ditemukan: Ruang Rapat"):
            room_ids_by_name(session, ["Aula Utama", "Ruang Rapat"])
        session.execute(update(Room).where(Room.name == "Ruang Diskusi 4").values(active=False))
        with pytest.raises(UserFacingError, match="nonaktif"):
            set_wave_rooms(session, db.event_id, 1, room_ids_by_name(session, ["Ruang Diskusi 4"]))
        wave = session.scalar(select(Wave).where(Wave.event_id == db.event_id))
        assert wave is not None
