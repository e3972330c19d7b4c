"""Waves without dates of their own use their share of the event's days, so an event made in the window
(dates on the event only) can be scheduled; waves get dates and days in the editor (issue 11 item 1)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select, update

from ukom_desktop.db.models import Event, Wave
from ukom_desktop.domain.wave_days import default_wave_days, working_days
from ukom_desktop.errors import UserFacingError
from ukom_desktop.services.scheduling import run_to_end, schedule_event
from ukom_desktop.services.waves import add_wave, list_wave_infos, remove_wave, set_wave_days


def test_event_days_are_split_over_waves_in_order() -> None:
    # Mon 7 Dec 2026 .. Fri 11 Dec + Mon 14: six working days, the weekend skipped
    start, end = date(2026, 12, 7), date(2026, 12, 14)
    assert len(working_days(start, end)) == 6
    assert default_wave_days(start, end, 1, 3) == [date(2026, 12, 7), date(2026, 12, 8)]
    assert default_wave_days(start, end, 3, 3) == [date(2026, 12, 11), date(2026, 12, 14)]
    assert default_wave_days(start, start, 2, 2) == [start]
    assert default_wave_days(None, None, 1, 1) == []


@pytest.fixture
def db(tmp_path: Path):  # type: ignore[no-untyped-def]
    from ukom_desktop.db.database import open_database
    from ukom_desktop.services.demo import build_demo

    database = open_database(f"sqlite:///{tmp_path / 'ukom.sqlite'}")
    with database.sessions.begin() as session:
        event_id = build_demo(session, participants=30, seed=3).event_id
        # as made in the window: the event has its dates, its wave none
        session.execute(update(Wave).values(start_date=None, end_date=None))
        session.execute(update(Event).values(start_date=date(2026, 12, 7), end_date=date(2026, 12, 8)))
    database.event_id = event_id
    yield database
    database.dispose()


def test_wave_without_dates_is_scheduled_on_the_events_days(db) -> None:  # type: ignore[no-untyped-def]
    with db.sessions() as session:
        (info,) = list_wave_infos(session, db.event_id)
    assert info.from_event and (info.start_date, info.end_date, info.days) == (date(2026, 12, 7), date(2026, 12, 8), 2)
    outcome = run_to_end(schedule_event(db.sessions, db.event_id, time_limit_s=4.0))
    assert outcome.ok, outcome.summary()
    assert {s.start.date() for s in outcome.result.schedule.sessions} == {date(2026, 12, 7), date(2026, 12, 8)}


def test_wave_dates_days_add_and_remove(db) -> None:  # type: ignore[no-untyped-def]
    with db.sessions.begin() as session:
        info = set_wave_days(session, db.event_id, 1, date(2026, 12, 10), 2)  # Thursday + 2 days
        assert (info.start_date, info.end_date, info.from_event) == (date(2026, 12, 10), date(2026, 12, 11), False)
        info = set_wave_days(session, db.event_id, 1, date(2026, 12, 11), 2)  # Friday: Monday is the 2nd day
        assert info.end_date == date(2026, 12, 14)
        number = add_wave(session, db.event_id)
        assert number == 2
        second = list_wave_infos(session, db.event_id)[1]
        assert (second.start_date, second.end_date) == (date(2026, 12, 15), date(2026, 12, 16))
        with pytest.raises(UserFacingError, match="antara 1 dan"):
            set_wave_days(session, db.event_id, 2, date(2026, 12, 15), 0)
        with pytest.raises(UserFacingError, match="masih berisi 30 peserta"):
            remove_wave(session, db.event_id, 1)
        remove_wave(session, db.event_id, 2)
        assert [w.number for w in session.scalars(select(Wave))] == [1]


@pytest.mark.parametrize("today", [date(2026, 12, 7), date(2026, 12, 8), date(2026, 12, 9), date(2026, 12, 13)])
def test_a_demo_moved_into_the_past_keeps_two_working_days_per_wave(tmp_path: Path, today: date) -> None:
    from ukom_desktop.db.database import open_database
    from ukom_desktop.services.demo import build_demo
    from ukom_desktop.services.demo_ratings import move_event_into_past

    database = open_database(f"sqlite:///{tmp_path / 'u.sqlite'}")
    with database.sessions.begin() as session:
        event_id = build_demo(session, participants=90, seed=1).event_id
        move_event_into_past(session, session.get(Event, event_id), 18, today=today)
        waves = list(session.scalars(select(Wave).order_by(Wave.number)))
        spans = [working_days(w.start_date, w.end_date) for w in waves]
        assert [len(s) for s in spans] == [2, 2, 2]
        assert all(a[-1] < b[0] for a, b in zip(spans, spans[1:], strict=False))  # one after the other
    database.dispose()
