"""A new event has a first wave at once, covering the event's days and following them until the user gives it
dates of its own; grouping fills that wave instead of adding another (issue 11 item 1)."""

from __future__ import annotations

import random
from datetime import date

from sqlalchemy import func, select

from ukom_desktop.db.models import EventParticipant, Wave
from ukom_desktop.services import events
from ukom_desktop.services.demo import make_nip
from ukom_desktop.services.document_printing import event_dates
from ukom_desktop.services.events import EventData
from ukom_desktop.services.grouping import GroupingOptions, build_groups
from ukom_desktop.services.listings import list_waves
from ukom_desktop.services.participants import ParticipantForm, save_participant
from ukom_desktop.services.waves import list_wave_infos, set_wave_days

# Mon 7 Dec 2026 .. Tue 8 Dec 2026
MONDAY, TUESDAY = date(2026, 12, 7), date(2026, 12, 8)


def _new_event(session, start: date | None = MONDAY, end: date | None = TUESDAY) -> int:  # type: ignore[no-untyped-def]
    return events.create_event(session, EventData(name="Penilaian Kompetensi Pengawas", start_date=start,
                                                  end_date=end))


def _move_dates(session, event_id: int, start: date, end: date) -> None:  # type: ignore[no-untyped-def]
    data = events.event_data(session, event_id)
    data.start_date, data.end_date = start, end
    events.update_event(session, event_id, data)


def test_a_new_event_has_one_wave_over_its_days(database) -> None:  # type: ignore[no-untyped-def]
    with database.sessions.begin() as session:
        event_id = _new_event(session)
    with database.sessions() as session:
        (info,) = list_wave_infos(session, event_id)
        (row,) = list_waves(session, event_id)  # the Jadwal tab's Gelombang table
    assert (info.number, info.start_date, info.end_date, info.days, info.from_event) == (1, MONDAY, TUESDAY, 2, True)
    assert (row.number, row.start_date, row.end_date) == (1, MONDAY, TUESDAY)


def test_the_default_wave_follows_the_events_dates_until_it_is_given_its_own(database) -> None:  # type: ignore[no-untyped-def]
    with database.sessions.begin() as session:
        event_id = _new_event(session, None, None)
        assert [(i.number, i.start_date) for i in list_wave_infos(session, event_id)] == [(1, None)]
        _move_dates(session, event_id, date(2026, 12, 9), date(2026, 12, 11))  # Wednesday .. Friday
        (row,) = list_waves(session, event_id)
        assert (row.start_date, row.end_date) == (date(2026, 12, 9), date(2026, 12, 11))
        set_wave_days(session, event_id, 1, date(2026, 12, 10), 2)  # the user's own dates: Thursday + Friday
        _move_dates(session, event_id, date(2027, 1, 4), date(2027, 1, 5))
        (info,) = list_wave_infos(session, event_id)
        assert (info.start_date, info.end_date, info.from_event) == (date(2026, 12, 10), date(2026, 12, 11), False)


def test_grouping_fills_the_first_wave_instead_of_adding_one(database) -> None:  # type: ignore[no-untyped-def]
    rng, used = random.Random(7), set[str]()
    with database.sessions.begin() as session:
        event_id = _new_event(session)
        for n in range(12):
            save_participant(session, event_id, ParticipantForm(
                nip=make_nip(rng, "L" if n % 2 else "P", used), name=f"Peserta {n + 1}", unit=f"Bagian {n % 3}"))
        summary = build_groups(session, event_id)
        assert len(summary.waves) == 1
    with database.sessions() as session:
        waves = list(session.scalars(select(Wave).where(Wave.event_id == event_id)))
        assert [w.number for w in waves] == [1]
        in_wave = session.scalar(select(func.count()).where(EventParticipant.wave_id == waves[0].id))
        assert in_wave == 12
        (info,) = list_wave_infos(session, event_id)
        assert (info.start_date, info.end_date, info.participants) == (MONDAY, TUESDAY, 12)


def test_two_waves_from_grouping_share_the_events_days(database) -> None:  # type: ignore[no-untyped-def]
    rng, used = random.Random(8), set[str]()
    with database.sessions.begin() as session:
        event_id = _new_event(session, MONDAY, date(2026, 12, 10))  # Monday .. Thursday
        for n in range(12):
            save_participant(session, event_id, ParticipantForm(
                nip=make_nip(rng, "P", used), name=f"Peserta {n + 1}", unit=f"Bagian {n % 3}"))
        build_groups(session, event_id, GroupingOptions(wave_size=6))
    with database.sessions() as session:
        infos = list_wave_infos(session, event_id)
        rows = list_waves(session, event_id)
        letter_days = [event_dates(session, event_id, n) for n in (1, 2)]  # a letter printed for one wave
    wanted = [(MONDAY, TUESDAY), (date(2026, 12, 9), date(2026, 12, 10))]
    assert [(i.number, i.participants) for i in infos] == [(1, 6), (2, 6)]
    assert [(i.start_date, i.end_date) for i in infos] == wanted
    assert [(r.start_date, r.end_date) for r in rows] == wanted
    assert letter_days == wanted
