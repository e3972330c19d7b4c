"""Reading an event's scheduling problem and its stored schedule from the database.

The domain scheduler works on string ids; this module maps the database rows to them and back:
participants are "P007" (their number in the event), assessors "A12" (team member id), rooms "R3",
exercises their code, stored sessions "S41" (schedule_session id), preset groups "G5" (group id).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field, fields, replace
from datetime import date, datetime, time
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from ukom_desktop.db.models import (
    Attendance,
    Event,
    EventExercise,
    EventParticipant,
    EventTeamMember,
    Participant,
    ParticipantGroup,
    Room,
    ScheduleSession,
    SessionAssessor,
    SessionParticipant,
    TeamMember,
    TeamRole,
    Wave,
)
from ukom_desktop.domain.scheduling import model as dm
from ukom_desktop.domain.wave_days import default_wave_days, working_days
from ukom_desktop.errors import UserFacingError
from ukom_desktop.services.lookup import require_event as _event
from ukom_desktop.services.waves import wave_room_ids

#: Team roles that observe and rate participants (and so are scheduled).
RATING_ROLES = (TeamRole.ASESOR, TeamRole.PENILAI_TEKNIS)


@dataclass(frozen=True)
class PersonInfo:
    """What the grid, exports and messages show of a participant or an assessor."""

    db_id: int
    name: str
    nip: str
    unit: str
    number: int | None = None  # participants: nomor peserta
    extra: str = ""  # participants: jabatan; assessors: role label


@dataclass(frozen=True)
class EventProblem:
    """The event's scheduling problem with the mapping between domain ids and database keys."""

    event_id: int
    event_code: str
    event_name: str
    problem: dm.ScheduleProblem
    participants: dict[str, PersonInfo]  # domain id -> info (event_participant id)
    assessors: dict[str, PersonInfo]  # domain id -> info (team_member id)
    room_db: dict[str, int]
    exercise_db: dict[str, int]
    wave_db: dict[int, int]  # wave number -> wave id
    group_db: dict[str, int]  # preset group id -> participant_group id
    group_names: dict[str, str]  # preset group id -> name shown
    notes: tuple[str, ...] = ()  # Indonesian: who is left out and why

    def assessor_key(self, member_id: int) -> str | None:
        """The solver's key of the team member with this database id (None when not on the team)."""
        for aid, info in self.assessors.items():
            if info.db_id == member_id:
                return aid
        return None

    def room_name(self, room_id: str) -> str:
        room = self.problem.room_by_id.get(room_id)
        return room.name if room and room.name else room_id

    def exercise_name(self, exercise_id: str) -> str:
        exercise = self.problem.exercise_by_id.get(exercise_id)
        return exercise.name if exercise else exercise_id


@dataclass(frozen=True)
class StoredSchedule:
    """A schedule as stored, in domain form, with the problem it belongs to."""

    event: EventProblem
    schedule: dm.Schedule
    labels: dict[str, str] = field(default_factory=dict)  # session id -> label ("Kelompok A")

    @property
    def problem(self) -> dm.ScheduleProblem:
        return self.event.problem

    @property
    def waves_with_sessions(self) -> list[int]:
        return sorted({s.wave for s in self.schedule.sessions})


_Named = TypeVar("_Named", dm.Participant, dm.Assessor)


def session_key(db_id: int) -> str:
    return f"S{db_id}"


def session_db_id(key: str) -> int | None:
    if key.startswith("S") and key[1:].isdigit():
        return int(key[1:])
    return None


# ------------------------------------------------------------------------------------ settings

def _as_time(value: Any) -> time | None:
    if value is None or isinstance(value, time):
        return value
    text = str(value).strip().replace(".", ":")
    hour, _, minute = text.partition(":")
    return time(int(hour), int(minute or 0))


def scheduling_settings(session: Session, event: Event) -> dm.Settings:
    """dm.Settings with the event's (or the global) "scheduling" setting applied over the defaults.

    The setting is a JSON object whose keys are Settings field names, times as "08:00".
    """
    from ukom_desktop.services.settings import event_setting

    raw = event_setting(session, event, "scheduling", {}) or {}
    values: dict[str, Any] = {}
    for f in fields(dm.Settings):
        if f.name not in raw:
            continue
        value = raw[f.name]
        try:
            values[f.name] = _as_time(value) if f.type in ("time", "time | None") else int(value)
        except (TypeError, ValueError):
            raise UserFacingError(
                f"Pengaturan penjadwalan '{f.name}' bernilai '{value}' dan tidak dapat dibaca."
            ) from None
    return dm.Settings(**values)


# ------------------------------------------------------------------------------------ problem

def _wave_days(wave: Wave, event: Event, wave_count: int) -> list[date]:
    """The wave's own working days, or, when it has no date yet, its share of the event's days."""
    if wave.start_date is None:
        return default_wave_days(event.start_date, event.end_date, wave.number, wave_count)
    return working_days(wave.start_date, wave.end_date)


def _availability(member: TeamMember, all_days: list[date]) -> frozenset[tuple[date, dm.HalfDay]] | None:
    """Members are available unless a row says otherwise; an explicit "available" row wins."""
    blocked: set[tuple[date, str]] = set()
    granted: set[tuple[date, str]] = set()
    for row in member.availability:
        halves = ("pagi", "siang") if str(row.part) == "sehari" else (str(row.part),)
        for half in halves:
            (granted if row.available else blocked).add((row.day, half))
    if not blocked - granted:
        return None
    return frozenset((d, h) for d in all_days for h in dm.HALF_DAYS if (d, h) not in blocked - granted)


def _named_apart(people: list[_Named], qualifiers: dict[str, str]) -> list[_Named]:
    """The checker's sentences name people; two people of one name get a qualifier in words (their
    participant number, NIP or unit) so that a finding never leaves the reader guessing who is meant."""
    counts = Counter(p.name.casefold() for p in people)
    return [
        replace(p, name=f"{p.name} ({qualifiers[p.id]})") if counts[p.name.casefold()] > 1 and p.id in qualifiers
        else p
        for p in people
    ]


def find_event(session: Session, code: str) -> Event:
    event = session.scalar(select(Event).where(Event.code == code))
    if event is None:
        raise UserFacingError(f"Kegiatan dengan kode {code} tidak ditemukan.")
    return event


def build_event_problem(session: Session, event_id: int) -> EventProblem:
    """The event's waves, participants, assessing team, rooms and exercises as a ScheduleProblem."""
    event = _event(session, event_id)
    notes: list[str] = []
    waves = list(session.scalars(select(Wave).where(Wave.event_id == event_id).order_by(Wave.number)))
    wave_days = {w.number: _wave_days(w, event, len(waves)) for w in waves}
    wave_number = {w.id: w.number for w in waves}

    rows = session.execute(
        select(EventParticipant, Participant)
        .join(Participant, Participant.id == EventParticipant.participant_id)
        .where(EventParticipant.event_id == event_id)
        .order_by(EventParticipant.number, Participant.name)
    ).all()
    groups = {g.id: g for g in session.scalars(select(ParticipantGroup).where(ParticipantGroup.event_id == event_id))}
    numbers = [ep.number for ep, _ in rows if ep.number is not None]
    numbered = len(numbers) == len(set(numbers))
    participants: list[dm.Participant] = []
    p_info: dict[str, PersonInfo] = {}
    group_db: dict[str, int] = {}
    group_names: dict[str, str] = {}
    no_wave, absent = 0, 0
    for ep, person in rows:
        if ep.attendance == Attendance.TIDAK_HADIR:
            absent += 1
            continue
        if ep.wave_id is None or ep.wave_id not in wave_number:
            no_wave += 1
            continue
        pid = f"P{ep.number:03d}" if numbered and ep.number is not None else f"EP{ep.id}"
        gid = None
        if ep.group_id is not None and ep.group_id in groups:
            group = groups[ep.group_id]
            gid = f"G{group.id}"
            group_db[gid] = group.id
            group_names[gid] = group.name or f"Kelompok {group.number}"
        unit = person.unit.strip() or f"(unit {person.name} belum diisi)"
        participants.append(dm.Participant(pid, unit, wave_number[ep.wave_id], gid, person.name))
        p_info[pid] = PersonInfo(ep.id, person.name, person.nip, person.unit, ep.number, person.jabatan)
    participants = _named_apart(participants, {
        pid: f"no. {info.number}" if info.number is not None else f"NIP {info.nip}" for pid, info in p_info.items()
    })
    if no_wave:
        notes.append(f"{no_wave} peserta belum masuk gelombang sehingga tidak dijadwalkan.")
    if absent:
        notes.append(f"{absent} peserta menyatakan tidak hadir sehingga tidak dijadwalkan.")

    all_days = sorted({d for days in wave_days.values() for d in days})
    team = session.scalars(
        select(EventTeamMember).where(EventTeamMember.event_id == event_id).order_by(EventTeamMember.id)
    ).all()
    assessors: list[dm.Assessor] = []
    a_info: dict[str, PersonInfo] = {}
    inactive = 0
    from ukom_desktop.domain.labels import TEAM_ROLE, label

    for etm in team:
        member = etm.member
        if etm.role not in RATING_ROLES:
            continue
        if not member.active:
            inactive += 1
            continue
        aid = f"A{member.id:02d}"
        unit = member.unit.strip() or "(unit belum diisi)"
        assessors.append(
            dm.Assessor(aid, unit, _availability(member, all_days), member.max_participants_per_wave, member.name)
        )
        a_info[aid] = PersonInfo(member.id, member.name, member.nip, member.unit, None, label(TEAM_ROLE, etm.role))
    assessors = _named_apart(assessors, {a.id: a.unit for a in assessors})
    if inactive:
        notes.append(f"{inactive} anggota tim berstatus nonaktif sehingga tidak dijadwalkan.")

    rooms = [
        dm.Room(f"R{r.id}", r.capacity, str(r.kind), r.name)  # type: ignore[arg-type]
        for r in session.scalars(select(Room).where(Room.active.is_(True)).order_by(Room.name))
    ]
    exercises: list[dm.Exercise] = []
    exercise_db: dict[str, int] = {}
    for ee in session.scalars(
        select(EventExercise).where(EventExercise.event_id == event_id).order_by(EventExercise.sort_order)
    ):
        ex = ee.exercise
        exercises.append(dm.Exercise(ex.code, ex.name, str(ex.kind), ex.duration_minutes))  # type: ignore[arg-type]
        exercise_db[ex.code] = ex.id

    chosen = wave_room_ids(session, wave_number)
    wave_rooms = {wave_number[wid]: tuple(f"R{r}" for r in ids) for wid, ids in chosen.items()}
    problem = dm.ScheduleProblem(
        wave_rooms=wave_rooms,
        wave_days=wave_days,
        participants=participants,
        assessors=assessors,
        rooms=rooms,
        exercises=exercises,
        settings=scheduling_settings(session, event),
    )
    return EventProblem(
        event_id=event.id,
        event_code=event.code,
        event_name=event.name,
        problem=problem,
        participants=p_info,
        assessors=a_info,
        room_db={r.id: int(r.id[1:]) for r in rooms},
        exercise_db=exercise_db,
        wave_db={w.number: w.id for w in waves},
        group_db=group_db,
        group_names=group_names,
        notes=tuple(notes),
    )


def require_schedulable(event: EventProblem) -> None:
    """A clear sentence when there is nothing to schedule at all."""
    problem = event.problem
    if not problem.wave_days:
        raise UserFacingError(f"Kegiatan {event.event_code} belum dibagi ke dalam gelombang.")
    if not problem.participants:
        raise UserFacingError(f"Kegiatan {event.event_code} belum memiliki peserta dalam gelombang.")
    if not problem.exercises:
        raise UserFacingError(f"Kegiatan {event.event_code} belum memiliki alat ukur (latihan) yang dipilih.")


# ------------------------------------------------------------------------------------ stored schedule

def _naive(moment: datetime) -> datetime:
    """Stored times are local wall-clock times; PostgreSQL hands them back with a zone attached."""
    return moment.replace(tzinfo=None)


def load_stored_schedule(session: Session, event_id: int, event: EventProblem | None = None) -> StoredSchedule:
    """The event's stored sessions and leads in domain form."""
    event = event or build_event_problem(session, event_id)
    wave_number = {wid: n for n, wid in event.wave_db.items()}
    p_key = {info.db_id: pid for pid, info in event.participants.items()}
    a_key = {info.db_id: aid for aid, info in event.assessors.items()}
    ex_key = {db: code for code, db in event.exercise_db.items()}
    members: dict[int, list[str]] = defaultdict(list)
    observers: dict[int, list[str]] = defaultdict(list)
    db_sessions = list(
        session.scalars(
            select(ScheduleSession)
            .where(ScheduleSession.event_id == event_id)
            .order_by(ScheduleSession.starts_at, ScheduleSession.id)
        )
    )
    ids = [s.id for s in db_sessions]
    if ids:
        for sp in session.scalars(select(SessionParticipant).where(SessionParticipant.session_id.in_(ids))):
            members[sp.session_id].append(p_key.get(sp.event_participant_id, f"EP{sp.event_participant_id}"))
        for sa in session.scalars(select(SessionAssessor).where(SessionAssessor.session_id.in_(ids))):
            observers[sa.session_id].append(a_key.get(sa.member_id, f"A{sa.member_id:02d}"))
    sessions: list[dm.Session] = []
    labels: dict[str, str] = {}
    for s in db_sessions:
        key = session_key(s.id)
        sessions.append(
            dm.Session(
                id=key,
                exercise_id=ex_key.get(s.exercise_id, f"X{s.exercise_id}"),
                wave=wave_number.get(s.wave_id, 0) if s.wave_id is not None else 0,
                room_id=f"R{s.room_id}" if s.room_id is not None else "",
                start=_naive(s.starts_at),
                end=_naive(s.ends_at),
                participant_ids=tuple(sorted(members[s.id])),
                assessor_ids=tuple(sorted(observers[s.id])),
            )
        )
        if s.label:
            labels[key] = s.label
    lead: dict[str, str] = {}
    for pid, info in event.participants.items():
        ep = session.get(EventParticipant, info.db_id)
        if ep is not None and ep.lead_assessor_id is not None:
            lead[pid] = a_key.get(ep.lead_assessor_id, f"A{ep.lead_assessor_id:02d}")
    return StoredSchedule(event, dm.Schedule(sessions=tuple(sessions), lead=lead), labels)
