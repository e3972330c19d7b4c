"""Waves (gelombang) of an event with their days: listed with the days the scheduler will use, given dates
and a number of working days in the window, added and removed (issue 11 item 1)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ukom_desktop.db.models import Event, EventParticipant, ScheduleSession, Wave
from ukom_desktop.domain.wave_days import default_wave_days, workday_span, working_days
from ukom_desktop.errors import UserFacingError

MAX_WAVE_DAYS = 10


@dataclass(frozen=True)
class WaveInfo:
    number: int
    start_date: date | None  # the days the scheduler uses (the wave's own or its share of the event's)
    end_date: date | None
    days: int
    from_event: bool  # the wave has no dates of its own: it follows the event's days
    participants: int
    sessions: int


def _event(session: Session, event_id: int) -> Event:
    event = session.get(Event, event_id)
    if event is None:
        raise UserFacingError("Kegiatan tidak ditemukan.")
    return event


def _waves(session: Session, event_id: int) -> list[Wave]:
    return list(session.scalars(select(Wave).where(Wave.event_id == event_id).order_by(Wave.number)))


def list_wave_infos(session: Session, event_id: int) -> list[WaveInfo]:
    event = _event(session, event_id)
    waves = _waves(session, event_id)
    people = dict(session.execute(
        select(EventParticipant.wave_id, func.count()).where(EventParticipant.event_id == event_id)
        .group_by(EventParticipant.wave_id)
    ).all())
    sessions = dict(session.execute(
        select(ScheduleSession.wave_id, func.count()).where(ScheduleSession.event_id == event_id)
        .group_by(ScheduleSession.wave_id)
    ).all())
    infos = []
    for wave in waves:
        own = wave.start_date is not None
        days = (working_days(wave.start_date, wave.end_date) if own
                else default_wave_days(event.start_date, event.end_date, wave.number, len(waves)))
        infos.append(WaveInfo(
            wave.number, days[0] if days else None, days[-1] if days else None, len(days), not own,
            people.get(wave.id, 0), sessions.get(wave.id, 0),
        ))
    return infos


def _wave(session: Session, event_id: int, number: int) -> Wave:
    wave = session.scalar(select(Wave).where(Wave.event_id == event_id, Wave.number == number))
    if wave is None:
        raise UserFacingError(f"Gelombang {number} tidak ada pada kegiatan ini.")
    return wave


def set_wave_days(session: Session, event_id: int, number: int, start: date | None, days: int) -> WaveInfo:
    """Give the wave ``days`` consecutive working days from ``start``; no start: follow the event's days."""
    wave = _wave(session, event_id, number)
    if start is None:
        wave.start_date = wave.end_date = None
    else:
        if not 1 <= days <= MAX_WAVE_DAYS:
            raise UserFacingError(f"Jumlah hari gelombang harus antara 1 dan {MAX_WAVE_DAYS}.")
        span = workday_span(start, days)
        wave.start_date, wave.end_date = span[0], span[-1]
    session.flush()
    return next(i for i in list_wave_infos(session, event_id) if i.number == number)


def add_wave(session: Session, event_id: int) -> int:
    """A new wave after the last one, starting on the working day after it (2 days) when that has dates."""
    _event(session, event_id)
    waves = _waves(session, event_id)
    number = (waves[-1].number if waves else 0) + 1
    wave = Wave(event_id=event_id, number=number)
    last = list_wave_infos(session, event_id)[-1] if waves else None
    if last is not None and last.end_date is not None and not last.from_event:
        from datetime import timedelta

        span = workday_span(last.end_date + timedelta(days=1), 2)
        wave.start_date, wave.end_date = span[0], span[-1]
    session.add(wave)
    session.flush()
    return number


def remove_wave(session: Session, event_id: int, number: int) -> None:
    wave = _wave(session, event_id, number)
    members = session.scalar(select(func.count()).where(EventParticipant.wave_id == wave.id)) or 0
    if members:
        raise UserFacingError(
            f"Gelombang {number} masih berisi {members} peserta; pindahkan mereka ke gelombang lain terlebih dahulu."
        )
    session.delete(wave)
    session.flush()
