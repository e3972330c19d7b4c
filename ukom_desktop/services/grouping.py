"""Automatic split of an event's participants into waves, groups of 4-8 and question sets (SOP 000 step 7).

The rules are in domain.grouping_rules (which reuses the scheduler's group former). Participants who
confirmed they will not attend are left out and lose their wave and group. Group sizes, the number of
question sets and how sets are dealt are settings ("grouping.*"; an event may override them).
Regrouping an event that already has a schedule is refused unless the caller says so (force): the
schedule's groups would no longer match.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import cast

from sqlalchemy import Table, bindparam, delete, func, select, update
from sqlalchemy.orm import Session

from ukom_desktop.db.models import (
    Attendance,
    Event,
    EventParticipant,
    EventTeamMember,
    Participant,
    ParticipantGroup,
    ScheduleSession,
    TeamMember,
    TeamRole,
    Wave,
)
from ukom_desktop.domain.grouping_rules import QUESTION_SET_MODES, Member, plan_grouping, question_set_labels
from ukom_desktop.domain.wave_days import default_wave_days, span_of
from ukom_desktop.errors import UserFacingError
from ukom_desktop.services.settings import event_setting, set_event_setting

DEFAULTS = {"group_min": 4, "group_max": 8, "question_sets": 2, "mode": "kelompok"}


@dataclass
class GroupingOptions:
    wave_size: int | None = None  # None: the event's wave size
    group_min: int | None = None  # None: setting grouping.group_min (4)
    group_max: int | None = None
    question_sets: int | None = None
    mode: str | None = None  # "kelompok" or "peserta"


@dataclass(frozen=True)
class WaveSummary:
    number: int
    participants: int
    group_sizes: tuple[int, ...]


@dataclass(frozen=True)
class GroupingSummary:
    participants: int
    left_out: int  # tidak hadir
    waves: tuple[WaveSummary, ...]
    notes: tuple[str, ...] = field(default=())
    schedule_cleared: bool = False

    @property
    def group_count(self) -> int:
        return sum(len(w.group_sizes) for w in self.waves)

    def text(self) -> str:
        lines = [f"{self.participants} peserta dibagi ke {len(self.waves)} gelombang dan {self.group_count} kelompok."]
        for wave in self.waves:
            sizes = ", ".join(str(s) for s in wave.group_sizes)
            lines.append(f"Gelombang {wave.number}: {wave.participants} peserta, kelompok berisi {sizes} orang.")
        if self.left_out:
            lines.append(f"{self.left_out} peserta tidak hadir tidak dimasukkan ke kelompok.")
        lines.extend(self.notes)
        return "\n".join(lines)


def event_options(session: Session, event_id: int) -> GroupingOptions:
    """The grouping options the event uses now (its settings, else the defaults)."""
    event = session.get(Event, event_id)
    if event is None:
        raise UserFacingError("Kegiatan tidak ditemukan.")
    return resolved_options(session, event)


def resolved_options(session: Session, event: Event, options: GroupingOptions | None = None) -> GroupingOptions:
    o = options or GroupingOptions()
    stored = event_setting(session, event, "grouping", {}) or {}

    def pick(name: str, given: object) -> object:
        return given if given is not None else stored.get(name, DEFAULTS[name])

    resolved = GroupingOptions(
        wave_size=o.wave_size or event.wave_size or 30,
        group_min=int(pick("group_min", o.group_min)),  # type: ignore[call-overload]
        group_max=int(pick("group_max", o.group_max)),  # type: ignore[call-overload]
        question_sets=int(pick("question_sets", o.question_sets)),  # type: ignore[call-overload]
        mode=str(pick("mode", o.mode)),
    )
    problems = []
    if not 1 <= resolved.group_min <= resolved.group_max:  # type: ignore[operator]
        problems.append("Ukuran kelompok terkecil harus 1 atau lebih dan tidak melebihi ukuran terbesar.")
    if not 1 <= resolved.question_sets <= 26:  # type: ignore[operator]
        problems.append("Jumlah paket soal harus antara 1 dan 26.")
    if resolved.mode not in QUESTION_SET_MODES:
        problems.append("Cara pembagian paket soal tidak dikenal.")
    if not 1 <= resolved.wave_size <= 200:  # type: ignore[operator]
        problems.append("Ukuran gelombang harus antara 1 dan 200 peserta.")
    if problems:
        raise UserFacingError(" ".join(problems))
    return resolved


def build_groups(
    session: Session, event_id: int, options: GroupingOptions | None = None, *, force: bool = False
) -> GroupingSummary:
    event = session.get(Event, event_id)
    if event is None:
        raise UserFacingError("Kegiatan tidak ditemukan.")
    opts = resolved_options(session, event, options)
    sessions = session.scalar(
        select(func.count()).select_from(ScheduleSession).where(ScheduleSession.event_id == event_id)
    ) or 0
    if sessions and not force:
        raise UserFacingError(
            "Kegiatan ini sudah memiliki jadwal. Pembagian ulang kelompok membuat jadwal tidak sesuai; "
            "hapus jadwal terlebih dahulu atau ulangi dengan pilihan paksa."
        )
    rows = session.execute(
        select(EventParticipant.id, EventParticipant.number, Participant.unit, EventParticipant.attendance)
        .join(Participant, Participant.id == EventParticipant.participant_id)
        .where(EventParticipant.event_id == event_id)
    ).all()
    members = [Member(id=r[0], unit=r[2] or "", number=r[1]) for r in rows if r[3] != Attendance.TIDAK_HADIR]
    absent = [r[0] for r in rows if r[3] == Attendance.TIDAK_HADIR]
    if not members:
        raise UserFacingError("Belum ada peserta yang dapat dibagi ke kelompok.")
    assessors = session.execute(
        select(TeamMember.id, TeamMember.unit)
        .join(EventTeamMember, EventTeamMember.member_id == TeamMember.id)
        .where(EventTeamMember.event_id == event_id, EventTeamMember.role == TeamRole.ASESOR)
    ).all()
    plan = plan_grouping(
        members, wave_size=opts.wave_size, group_min=opts.group_min, group_max=opts.group_max,  # type: ignore[arg-type]
        question_sets=opts.question_sets, mode=opts.mode, assessors=[(a, u or "") for a, u in assessors],  # type: ignore[arg-type]
    )
    from ukom_desktop.services.material_reuse import avoid_reuse  # issue 17: no case met again

    dealt = {member: qset for member, (_w, _g, qset) in plan.assignment().items()}
    moved, reuse_notes = avoid_reuse(session, event_id, dealt, question_set_labels(opts.question_sets))  # type: ignore[arg-type]

    waves = {w.number: w for w in session.scalars(select(Wave).where(Wave.event_id == event_id))}
    for wave_plan in plan.waves:
        if wave_plan.number not in waves:
            start, end = span_of(default_wave_days(event.start_date, event.end_date, wave_plan.number,
                                                   len(plan.waves)))
            waves[wave_plan.number] = Wave(event_id=event_id, number=wave_plan.number, start_date=start,
                                           end_date=end)
            session.add(waves[wave_plan.number])
    session.execute(delete(ParticipantGroup).where(ParticipantGroup.event_id == event_id))
    session.flush()
    for number, wave in list(waves.items()):
        if number > len(plan.waves):
            session.delete(wave)  # its schedule sessions go with it (only reached with force)
            del waves[number]
    values = []
    for wave_plan in plan.waves:
        wave = waves[wave_plan.number]
        for group_plan in wave_plan.groups:
            group = ParticipantGroup(event_id=event_id, wave_id=wave.id, number=group_plan.number,
                                     name=group_plan.name)
            session.add(group)
            session.flush()
            for member, qset in zip(group_plan.member_ids, group_plan.question_sets, strict=True):
                values.append({"b_id": member, "b_wave": wave.id, "b_group": group.id,
                               "b_set": moved.get(member, qset)})
    values += [{"b_id": ep_id, "b_wave": None, "b_group": None, "b_set": ""} for ep_id in absent]
    table = cast(Table, EventParticipant.__table__)  # typed as the wider FromClause
    session.execute(
        update(table)
        .where(table.c.id == bindparam("b_id"))
        .values(wave_id=bindparam("b_wave"), group_id=bindparam("b_group"), question_set=bindparam("b_set"),
                version=table.c.version + 1),
        values,
    )
    set_event_setting(session, event, "grouping", {
        "group_min": opts.group_min, "group_max": opts.group_max, "question_sets": opts.question_sets,
        "mode": opts.mode,
    })
    session.flush()
    session.expire_all()
    return GroupingSummary(
        participants=len(members), left_out=len(absent),
        waves=tuple(
            WaveSummary(w.number, len(w.member_ids), tuple(len(g.member_ids) for g in w.groups)) for w in plan.waves
        ),
        notes=plan.notes + reuse_notes, schedule_cleared=bool(sessions),
    )
