"""Waves (gelombang) of an event with their days and rooms: listed with the days the scheduler will use, given
dates and a number of working days in the window, given a subset of the active rooms (none chosen: every active
room), added and removed (issue 11 item 1)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ukom_desktop.db.models import Event, EventParticipant, Room, ScheduleSession, Wave, WaveRoom
from ukom_desktop.domain.wave_days import default_wave_days, wave_span, workday_span, working_days
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
    room_ids: tuple[int, ...] = ()  # the rooms chosen for the wave; empty: every active room
    room_names: tuple[str, ...] = ()

    @property
    def rooms_text(self) -> str:
        return ", ".join(self.room_names) if self.room_ids else "Semua ruang aktif"


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
    chosen = wave_room_ids(session, [w.id for w in waves])
    names = dict(session.execute(select(Room.id, Room.name)).all())
    infos = []
    for wave in waves:
        own = wave.start_date is not None
        days = (working_days(wave.start_date, wave.end_date) if own
                else default_wave_days(event.start_date, event.end_date, wave.number, len(waves)))
        infos.append(WaveInfo(
            wave.number, days[0] if days else None, days[-1] if days else None, len(days), not own,
            people.get(wave.id, 0), sessions.get(wave.id, 0),
            tuple(chosen.get(wave.id, ())), tuple(names[r] for r in chosen.get(wave.id, ())),
        ))
    return infos


def wave_dates(session: Session, wave: Wave) -> tuple[date | None, date | None]:
    """First and last day of the wave: its own, else its share of the event's days (as the scheduler uses)."""
    if wave.start_date is not None:
        return wave.start_date, wave.end_date or wave.start_date
    count = session.scalar(select(func.count()).select_from(Wave).where(Wave.event_id == wave.event_id)) or 1
    return wave_span(None, None, wave.event.start_date, wave.event.end_date, wave.number, count)


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


def wave_room_ids(session: Session, wave_ids: Iterable[int]) -> dict[int, list[int]]:
    """wave id -> the ids of the rooms chosen for it, by room name (waves without a choice are left out)."""
    ids = list(wave_ids)
    out: dict[int, list[int]] = defaultdict(list)
    if not ids:
        return out
    for wave_id, room_id in session.execute(
        select(WaveRoom.wave_id, WaveRoom.room_id).join(Room, Room.id == WaveRoom.room_id)
        .where(WaveRoom.wave_id.in_(ids)).order_by(Room.name)
    ):
        out[wave_id].append(room_id)
    return out


def set_wave_rooms(session: Session, event_id: int, number: int, room_ids: Iterable[int]) -> WaveInfo:
    """Give the wave these rooms (active rooms only); no rooms: the wave uses every active room again."""
    from ukom_desktop.services import access

    access.require(session, access.perm.MANAGE_EVENTS)
    wave = _wave(session, event_id, number)
    wanted = set(room_ids)
    rooms = {r.id: r for r in session.scalars(select(Room).where(Room.id.in_(wanted)))} if wanted else {}
    if len(rooms) != len(wanted):
        raise UserFacingError("Sebagian ruang yang dipilih tidak ditemukan; muat ulang daftar ruang.")
    inactive = sorted(r.name for r in rooms.values() if not r.active)
    if inactive:
        raise UserFacingError(f"Ruang {', '.join(inactive)} nonaktif dan tidak dapat dipilih untuk gelombang.")
    current = {row.room_id: row for row in session.scalars(select(WaveRoom).where(WaveRoom.wave_id == wave.id))}
    for room_id, row in current.items():
        if room_id not in wanted:
            session.delete(row)
    for room_id in wanted - set(current):
        session.add(WaveRoom(wave_id=wave.id, room_id=room_id))
    session.flush()
    return next(i for i in list_wave_infos(session, event_id) if i.number == number)


def room_ids_by_name(session: Session, names: Iterable[str]) -> list[int]:
    """The ids of the rooms named (case and spaces ignored); an unknown name is a sentence, not a guess."""
    by_name = {r.name.strip().casefold(): r.id for r in session.scalars(select(Room))}
    ids, unknown = [], []
    for name in (n.strip() for n in names):
        if not name:
            continue
        if name.casefold() in by_name:
            ids.append(by_name[name.casefold()])
        else:
            unknown.append(name)
    if unknown:
        raise UserFacingError(f"Ruang tidak ditemukan: {', '.join(unknown)}. Periksa ejaan nama ruang.")
    return ids
