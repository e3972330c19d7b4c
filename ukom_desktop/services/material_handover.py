"""Numbered booklets of an event (one per participant and exercise whose paket soal maps to a material
version), where they are used (the room of the scheduled session, else the group), and which came back
(berita acara serah terima soal, issue 17 item 4)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ukom_desktop.db.models import (
    BookletReturn,
    EventMaterial,
    EventParticipant,
    Exercise,
    Participant,
    ParticipantGroup,
    Room,
    ScheduleSession,
    SessionParticipant,
    Wave,
)
from ukom_desktop.errors import UserFacingError
from ukom_desktop.services.access import perm, require


@dataclass(frozen=True)
class Booklet:
    number: str  # "IB-007": exercise code and nomor peserta
    event_participant_id: int
    participant_number: int | None
    nip: str
    name: str
    unit: str
    jabatan: str
    wave: int | None
    group: str
    question_set: str
    exercise_id: int
    exercise_code: str
    exercise_name: str
    version_id: int
    room: str


@dataclass(frozen=True)
class RoomCount:
    room: str
    out: int
    back: int
    missing: tuple[str, ...]


@dataclass(frozen=True)
class HandoverStatus:
    rooms: tuple[RoomCount, ...]

    @property
    def out_count(self) -> int:
        return sum(r.out for r in self.rooms)

    @property
    def back_count(self) -> int:
        return sum(r.back for r in self.rooms)

    @property
    def missing(self) -> tuple[str, ...]:
        return tuple(n for r in self.rooms for n in r.missing)

    def short_text(self) -> str:
        """Counts only (the missing numbers are in the table)."""
        if not self.rooms:
            return self.text()
        rooms = "; ".join(f"{r.room}: {r.back}/{r.out}" for r in self.rooms)
        state = ("Semua buku soal sudah kembali." if not self.missing
                 else f"{len(self.missing)} buku soal belum kembali.")
        return f"Kembali/keluar per ruang: {rooms}. Jumlah: keluar {self.out_count}, kembali {self.back_count}. {state}"

    def text(self) -> str:
        lines = [f"{r.room}: keluar {r.out}, kembali {r.back}" + (f", belum kembali: {', '.join(r.missing)}"
                                                                   if r.missing else "") for r in self.rooms]
        if not self.rooms:
            return "Belum ada buku soal bernomor (paket soal belum dipasangkan dengan materi)."
        lines.append(f"Jumlah: keluar {self.out_count}, kembali {self.back_count}.")
        lines.append("Semua buku soal sudah kembali." if not self.missing
                     else f"{len(self.missing)} buku soal belum kembali.")
        return "\n".join(lines)


def booklet_number(exercise_code: str, participant_number: int | None, ep_id: int) -> str:
    return f"{exercise_code}-{participant_number:03d}" if participant_number is not None else f"{exercise_code}-X{ep_id}"


def group_names(group: str) -> list[str]:
    """A group given as 'B' or 'Kelompok B'."""
    text = group.strip().upper()
    return [text, f"KELOMPOK {text}"]


def event_booklets(session: Session, event_id: int, wave: int | None = None, group: str | None = None
                   ) -> list[Booklet]:
    mapping = {(m.exercise_id, m.question_set): m.version_id
               for m in session.scalars(select(EventMaterial).where(EventMaterial.event_id == event_id))}
    if not mapping:
        return []
    exercises = {e.id: e for e in session.scalars(select(Exercise).where(Exercise.id.in_({k[0] for k in mapping})))}
    rooms = {(r[0], r[1]): r[2] for r in session.execute(
        select(SessionParticipant.event_participant_id, ScheduleSession.exercise_id, Room.name)
        .join(ScheduleSession, ScheduleSession.id == SessionParticipant.session_id)
        .join(Room, Room.id == ScheduleSession.room_id)
        .where(ScheduleSession.event_id == event_id)
    )}
    query = (
        select(EventParticipant.id, EventParticipant.number, Participant.nip, Participant.name, Participant.unit,
               Participant.jabatan, Wave.number, ParticipantGroup.name, EventParticipant.question_set)
        .join(Participant, Participant.id == EventParticipant.participant_id)
        .outerjoin(Wave, Wave.id == EventParticipant.wave_id)
        .outerjoin(ParticipantGroup, ParticipantGroup.id == EventParticipant.group_id)
        .where(EventParticipant.event_id == event_id, EventParticipant.question_set != "")
        .order_by(EventParticipant.number, Participant.name)
    )
    if wave is not None:
        query = query.where(Wave.number == wave)
    if group:
        query = query.where(func.upper(ParticipantGroup.name).in_(group_names(group)))
    out = []
    ordered = sorted(exercises.values(), key=lambda e: (e.sort_order, e.code))
    for ep_id, number, nip, name, unit, jabatan, wave_no, group, qset in session.execute(query):
        for exercise in ordered:
            version = mapping.get((exercise.id, qset.upper()))
            if version is None:
                continue
            room = rooms.get((ep_id, exercise.id)) or (group or "Tanpa kelompok")
            out.append(Booklet(booklet_number(exercise.code, number, ep_id), ep_id, number, nip, name, unit or "",
                               jabatan or "", wave_no, group or "", qset, exercise.id, exercise.code, exercise.name,
                               version, room))
    return out


def record_returns(session: Session, event_id: int, numbers: Sequence[str]) -> int:
    """Mark booklets as returned; an unknown number is refused (a typing error must not hide a lost booklet)."""
    require(session, perm.MANAGE_MATERIALS)
    known = {b.number for b in event_booklets(session, event_id)}
    wanted = [n.strip().upper() for n in numbers if n.strip()]
    unknown = [n for n in wanted if n not in known]
    if unknown:
        raise UserFacingError("Nomor buku soal tidak dikenal pada kegiatan ini: " + ", ".join(unknown[:10]))
    done = set(session.scalars(select(BookletReturn.booklet_number).where(BookletReturn.event_id == event_id)))
    added = 0
    for number in dict.fromkeys(wanted):
        if number not in done:
            session.add(BookletReturn(event_id=event_id, booklet_number=number))
            added += 1
    session.flush()
    return added


def handover_status(session: Session, event_id: int, wave: int | None = None, group: str | None = None
                    ) -> HandoverStatus:
    booklets = event_booklets(session, event_id, wave, group)
    back = set(session.scalars(select(BookletReturn.booklet_number).where(BookletReturn.event_id == event_id)))
    rooms: dict[str, list[Booklet]] = {}
    for b in booklets:
        rooms.setdefault(b.room, []).append(b)
    return HandoverStatus(tuple(
        RoomCount(room, len(items), sum(1 for b in items if b.number in back),
                  tuple(b.number for b in items if b.number not in back))
        for room, items in sorted(rooms.items())
    ))


def unmapped_sets(session: Session, event_id: int) -> list[str]:
    """Paket soal held by participants that have no material version for an exercise that other paket have."""
    mapping = {(m.exercise_id, m.question_set) for m in
               session.scalars(select(EventMaterial).where(EventMaterial.event_id == event_id))}
    used = {q.upper() for q in session.scalars(select(EventParticipant.question_set).where(
        EventParticipant.event_id == event_id, EventParticipant.question_set != "").distinct())}
    codes = dict(session.execute(select(Exercise.id, Exercise.code)).all())
    return sorted(f"{codes.get(ex, '?')} paket {q}" for ex in {e for e, _q in mapping} for q in used
                  if (ex, q) not in mapping)


@dataclass(frozen=True)
class BookletRow:
    number: str
    participant: str
    room: str
    exercise: str
    returned: bool


def booklet_rows(session: Session, event_id: int) -> list[BookletRow]:
    """Every numbered booklet of the event and whether it came back."""
    back = set(session.scalars(select(BookletReturn.booklet_number).where(BookletReturn.event_id == event_id)))
    return [BookletRow(b.number, f"{b.participant_number or '-'} {b.name}", b.room, b.exercise_name, b.number in back)
            for b in event_booklets(session, event_id)]


@dataclass(frozen=True)
class PrintScope:
    """What a room print covers: the whole event, a wave, or one group of a wave."""

    wave: int | None
    group: str | None
    label: str


def print_scopes(session: Session, event_id: int) -> list[PrintScope]:
    """The choices for room printing, in order: the event, each wave, each group within its wave."""
    scopes = [PrintScope(None, None, "Semua peserta kegiatan")]
    groups: dict[int, list[str]] = {}
    for wave_no, name in session.execute(
        select(Wave.number, ParticipantGroup.name).join(ParticipantGroup, ParticipantGroup.wave_id == Wave.id)
        .where(Wave.event_id == event_id).order_by(Wave.number, ParticipantGroup.number)
    ):
        groups.setdefault(wave_no, []).append(name)
    waves = session.scalars(select(Wave.number).where(Wave.event_id == event_id).order_by(Wave.number)).all()
    for wave_no in waves:
        scopes.append(PrintScope(wave_no, None, f"Gelombang {wave_no}"))
        scopes += [PrintScope(wave_no, name, f"Gelombang {wave_no} - {name}") for name in groups.get(wave_no, [])
                   if name]
    return scopes
