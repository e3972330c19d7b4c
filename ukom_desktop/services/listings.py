"""Read-only rows for the main window's tables, as plain dataclasses (fast column queries)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ukom_desktop.db.models import (
    Event,
    EventParticipant,
    Participant,
    ParticipantGroup,
    Position,
    Room,
    ScheduleSession,
    TeamMember,
    Wave,
)
from ukom_desktop.domain.wave_days import wave_span
from ukom_desktop.services import access


@dataclass(frozen=True)
class EventRow:
    id: int
    code: str
    name: str
    requesting_agency: str
    purpose: str
    start_date: date | None
    end_date: date | None
    venue: str
    status: str
    participants: int


@dataclass(frozen=True)
class EventParticipantRow:
    id: int
    number: int | None
    nip: str
    name: str
    golongan: str
    jabatan: str
    unit: str
    phone: str
    email: str
    wave: int | None
    group: int | None
    target_position: str
    invitation: str
    attendance: str
    cv_complete: bool
    tracing_complete: bool


@dataclass(frozen=True)
class TeamMemberRow:
    id: int
    name: str
    nip: str
    golongan: str
    role: str
    jf_jenjang: str
    unit: str
    certification: str
    certification_expiry: date | None
    phone: str
    max_per_wave: int
    active: bool


@dataclass(frozen=True)
class WaveRow:
    id: int
    number: int
    start_date: date | None
    end_date: date | None
    participants: int
    groups: int
    sessions: int


@dataclass(frozen=True)
class RoomRow:
    id: int
    name: str
    kind: str
    capacity: int
    location: str


@dataclass(frozen=True)
class ReportRow:
    event_participant_id: int
    number: int | None
    nip: str
    name: str
    wave: int | None
    status: str
    author: str
    reviewer: str
    revision: int


def _value(v: object) -> str:
    return str(getattr(v, "value", v) or "")


def list_events(session: Session, include_archived: bool = False) -> list[EventRow]:
    access.require(session, access.perm.READ_EVENTS)
    counts = (
        select(EventParticipant.event_id, func.count().label("n"))
        .group_by(EventParticipant.event_id)
        .subquery()
    )
    stmt = (
        select(Event, func.coalesce(counts.c.n, 0))
        .outerjoin(counts, counts.c.event_id == Event.id)
        .order_by(Event.start_date.desc().nulls_last(), Event.id.desc())
    )
    if not include_archived:
        stmt = stmt.where(Event.archived.is_(False))
    rows: Sequence[tuple[Any, ...]] = session.execute(stmt).all()  # a Row unpacks as a tuple
    return [
        EventRow(
            id=e.id, code=e.code, name=e.name, requesting_agency=e.requesting_agency, purpose=_value(e.purpose),
            start_date=e.start_date, end_date=e.end_date, venue=e.venue, status=_value(e.status), participants=n,
        )
        for e, n in rows
    ]


def list_event_participants(session: Session, event_id: int) -> list[EventParticipantRow]:
    stmt = (
        select(
            EventParticipant.id, EventParticipant.number, Participant.nip, Participant.name, Participant.golongan,
            Participant.jabatan, Participant.unit, Participant.phone, Participant.email, Wave.number,
            ParticipantGroup.number, Position.name, EventParticipant.invitation_status,
            EventParticipant.attendance, EventParticipant.cv_complete, EventParticipant.tracing_complete,
        )
        .join(Participant, Participant.id == EventParticipant.participant_id)
        .outerjoin(Wave, Wave.id == EventParticipant.wave_id)
        .outerjoin(ParticipantGroup, ParticipantGroup.id == EventParticipant.group_id)
        .outerjoin(Position, Position.id == EventParticipant.target_position_id)
        .where(EventParticipant.event_id == event_id)
        .order_by(EventParticipant.number, Participant.name)
    )
    if (visible := access.visible_participants(session, event_id)) is not None:  # an asesor: their own only
        stmt = stmt.where(EventParticipant.id.in_(visible))
    # More columns than SQLAlchemy types one by one: the rows are plain tuples read by position.
    rows: Sequence[tuple[Any, ...]] = session.execute(stmt).all()
    return [
        EventParticipantRow(
            id=r[0], number=r[1], nip=r[2], name=r[3], golongan=r[4], jabatan=r[5], unit=r[6], phone=r[7],
            email=r[8], wave=r[9], group=r[10], target_position=r[11] or "", invitation=_value(r[12]),
            attendance=_value(r[13]), cv_complete=r[14], tracing_complete=r[15],
        )
        for r in rows
    ]


def list_team_members(session: Session, include_inactive: bool = True) -> list[TeamMemberRow]:
    stmt = select(TeamMember).order_by(TeamMember.role, TeamMember.name)
    if not include_inactive:
        stmt = stmt.where(TeamMember.active.is_(True))
    return [
        TeamMemberRow(
            id=m.id, name=m.name, nip=m.nip, golongan=m.golongan, role=_value(m.role), jf_jenjang=m.jf_jenjang,
            unit=m.unit, certification=m.certification, certification_expiry=m.certification_expiry,
            phone=m.phone, max_per_wave=m.max_participants_per_wave, active=m.active,
        )
        for m in session.scalars(stmt)
    ]


def list_waves(session: Session, event_id: int) -> list[WaveRow]:
    people = (
        select(func.count()).where(EventParticipant.wave_id == Wave.id).correlate(Wave).scalar_subquery()
    )
    groups = (
        select(func.count()).where(ParticipantGroup.wave_id == Wave.id).correlate(Wave).scalar_subquery()
    )
    sessions = (
        select(func.count()).where(ScheduleSession.wave_id == Wave.id).correlate(Wave).scalar_subquery()
    )
    stmt = select(Wave, people, groups, sessions).where(Wave.event_id == event_id).order_by(Wave.number)
    rows: Sequence[tuple[Any, ...]] = session.execute(stmt).all()
    event = session.get(Event, event_id)
    out = []
    for w, p, g, s in rows:
        start, end = w.start_date, w.end_date
        if event is not None:  # no dates of its own: its share of the event's days
            start, end = wave_span(start, end, event.start_date, event.end_date, w.number, len(rows))
        out.append(WaveRow(id=w.id, number=w.number, start_date=start, end_date=end, participants=p, groups=g,
                           sessions=s))
    return out


def list_rooms(session: Session) -> list[RoomRow]:
    return [
        RoomRow(id=r.id, name=r.name, kind=_value(r.kind), capacity=r.capacity, location=r.location)
        for r in session.scalars(select(Room).where(Room.active.is_(True)).order_by(Room.kind, Room.name))
    ]


