"""Scheduling an event: build the problem from the database, run the solver with progress, store the
result in one transaction, load it back, check it, and apply grid edits that the checker accepts.

Typical use (the window runs the generator through ui.background.run_in_background)::

    outcome = run_to_end(schedule_event(db.sessions, event_id))        # ScheduleOutcome
    findings = check_stored_schedule(session, event_id)                # list[Violation]
    result = apply_edit(session, event_id, GridEdit("move_participant", "P007", "S12", "S15"))
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Generator, Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session, sessionmaker

from ukom_desktop.db.models import (
    EventParticipant,
    ParticipantGroup,
    ScheduleSession,
    SessionAssessor,
    SessionParticipant,
)
from ukom_desktop.domain.scheduling import (
    EditError,
    Schedule,
    ScheduleResult,
    ScheduleStats,
    Violation,
    build_schedule,
    check_schedule,
    compute_stats,
    move_assessor,
    move_participant,
    new_violations,
    replace_assessor,
    reschedule_session,
    set_lead,
)
from ukom_desktop.domain.scheduling import model as dm
from ukom_desktop.errors import ConflictError, UserFacingError
from ukom_desktop.services import access
from ukom_desktop.services.schedule_inputs import input_fingerprint
from ukom_desktop.services.schedule_problem import (
    EventProblem,
    StoredSchedule,
    build_event_problem,
    load_stored_schedule,
    require_schedulable,
    session_db_id,
)

Progress = tuple[int, int, str]

__all__ = [
    "EditOutcome",
    "GridEdit",
    "ScheduleOutcome",
    "apply_edit",
    "check_stored_schedule",
    "prepare_event",
    "run_to_end",
    "schedule_event",
    "solve_steps",
    "store_result",
]


@dataclass(frozen=True)
class ScheduleOutcome:
    """What a scheduling run did; `result` is the domain result (schedule, findings, stats)."""

    event_id: int
    event_code: str
    result: ScheduleResult
    sessions_stored: int
    waves_stored: tuple[int, ...]
    notes: tuple[str, ...] = ()

    @property
    def stats(self) -> ScheduleStats:
        return self.result.stats

    @property
    def ok(self) -> bool:
        return self.result.ok

    def summary(self) -> dict[str, Any]:
        s = self.result.stats
        return {
            "event": self.event_code,
            "waves": list(self.waves_stored),
            "waves_skipped": list(self.result.waves_skipped),
            "sessions": s.sessions,
            "participants": s.participants,
            "distinct_min": s.distinct_min,
            "distinct_median": s.distinct_median,
            "load_spread": s.load_spread,
            "lead_spread": s.lead_spread,
            "violations": s.hard_violations + len(self.result.infeasible),
            "warnings": len(self.result.warnings),
            "seconds": round(s.seconds, 2),
            "infeasible": [v.message for v in self.result.infeasible],
            "hard": [v.message for v in self.result.violations],
            "notes": list(self.notes),
        }


class _Stop(Exception):
    """Raised inside the solver's progress callback when the run is cancelled."""


def run_to_end(steps: Generator[Progress, None, Any]) -> Any:
    """Drive a progress generator without a window (CLI, tests); returns its result."""
    while True:
        try:
            next(steps)
        except StopIteration as stop:
            return stop.value


def prepare_event(session: Session, event_id: int) -> None:
    """Let the competency area complete the event's exercise setup first, when that module exists."""
    try:
        from ukom_desktop.services import exercise_matrix  # type: ignore[attr-defined]
    except ImportError:
        return
    ready = getattr(exercise_matrix, "ensure_event_ready_for_scheduling", None)
    if ready is not None:
        ready(session, event_id)


def solve_steps(
    problem: dm.ScheduleProblem, waves: Iterable[int] | None = None, time_limit_s: float = 7.0
) -> Generator[Progress, None, ScheduleResult]:
    """Run the solver on a helper thread and yield its progress per wave.

    Closing the generator (the user pressed Batal) stops the solver at the next wave.
    """
    wave_list = None if waves is None else sorted(set(waves))
    messages: queue.Queue[tuple[str, Any]] = queue.Queue()
    stop = threading.Event()

    def progress(done: int, total: int, message: str) -> None:
        if stop.is_set():
            raise _Stop
        messages.put(("progress", (done, total, message)))

    def work() -> None:
        try:
            messages.put(("done", build_schedule(problem, wave_list, time_limit_s=time_limit_s, progress=progress)))
        except _Stop:
            messages.put(("stopped", None))
        except BaseException as exc:  # noqa: BLE001 - re-raised in the caller's thread
            messages.put(("error", exc))

    thread = threading.Thread(target=work, name="ukom-scheduler", daemon=True)
    thread.start()
    try:
        while True:
            kind, payload = messages.get()
            if kind == "progress":
                yield payload
            elif kind == "done":
                return payload
            elif kind == "error":
                raise payload
            else:
                raise UserFacingError("Penyusunan jadwal dibatalkan.")
    finally:
        stop.set()


def _group_label(
    event: EventProblem, result: ScheduleResult, s: dm.Session, formed: dict[tuple[int, str], int]
) -> tuple[str, int | None]:
    """Name and participant_group id of a group session."""
    members = set(s.participant_ids)
    for label, pids in result.groups.get(s.wave, {}).items():
        if set(pids) == members:
            if label in event.group_db:
                return event.group_names.get(label, label), event.group_db[label]
            return f"Kelompok {label}", formed.get((s.wave, label))
    return "", None


def _keep_formed_groups(
    session: Session, event: EventProblem, result: ScheduleResult, waves: list[int]
) -> dict[tuple[int, str], int]:
    """Groups the scheduler formed itself (nobody had grouped the wave) become the participants' groups, so
    the Peserta tab, the group recap and the SOP checklist show the groups the schedule uses.

    Returns (wave, label) -> participant_group id. Participants who already had a group keep it.
    """
    out: dict[tuple[int, str], int] = {}
    for wave in waves:
        wave_id = event.wave_db.get(wave)
        formed = [(label, pids) for label, pids in result.groups.get(wave, {}).items() if label not in event.group_db]
        if wave_id is None or not formed:
            continue
        taken = session.scalar(
            select(func.max(ParticipantGroup.number)).where(
                ParticipantGroup.event_id == event.event_id, ParticipantGroup.wave_id == wave_id
            )
        ) or 0
        for offset, (label, pids) in enumerate(formed, start=1):
            group = ParticipantGroup(event_id=event.event_id, wave_id=wave_id, number=taken + offset,
                                     name=f"Kelompok {label}")
            session.add(group)
            session.flush()
            out[(wave, label)] = group.id
            session.execute(
                update(EventParticipant)
                .where(EventParticipant.id.in_([event.participants[p].db_id for p in pids]),
                       EventParticipant.group_id.is_(None))
                .values(group_id=group.id, version=EventParticipant.version + 1)
                .execution_options(synchronize_session=False)
            )
    return out


def store_result(session: Session, event: EventProblem, result: ScheduleResult) -> int:
    """Replace the stored sessions of the scheduled waves and set the participants' lead assessors.

    Runs inside the caller's transaction; returns the number of sessions written.
    """
    access.require(session, access.perm.MANAGE_SCHEDULE)
    waves = list(result.waves_scheduled)
    if not waves:
        return 0
    wave_ids = [event.wave_db[w] for w in waves if w in event.wave_db]
    old = select(ScheduleSession.id).where(
        ScheduleSession.event_id == event.event_id, ScheduleSession.wave_id.in_(wave_ids)
    )
    old_ids = list(session.scalars(old))
    if old_ids:
        session.execute(delete(SessionParticipant).where(SessionParticipant.session_id.in_(old_ids)))
        session.execute(delete(SessionAssessor).where(SessionAssessor.session_id.in_(old_ids)))
        session.execute(delete(ScheduleSession).where(ScheduleSession.id.in_(old_ids)))
    kinds = {e.id: e.kind for e in event.problem.exercises}
    formed = _keep_formed_groups(session, event, result, waves)
    written = 0
    for s in result.schedule.sessions:
        if s.wave not in waves:
            continue
        label, group_id = _group_label(event, result, s, formed) if kinds.get(s.exercise_id) == "group" else ("", None)
        row = ScheduleSession(
            event_id=event.event_id,
            wave_id=event.wave_db.get(s.wave),
            exercise_id=event.exercise_db[s.exercise_id],
            room_id=event.room_db.get(s.room_id),
            group_id=group_id,
            starts_at=s.start,
            ends_at=s.end,
            label=label,
        )
        row.participants = [
            SessionParticipant(event_participant_id=event.participants[pid].db_id) for pid in s.participant_ids
        ]
        row.assessors = [SessionAssessor(member_id=event.assessors[aid].db_id) for aid in s.assessor_ids]
        session.add(row)
        written += 1
    in_waves = [pid for pid, p in ((p.id, p) for p in event.problem.participants) if p.wave in waves]
    for pid in in_waves:
        lead = result.schedule.lead.get(pid)
        session.execute(
            update(EventParticipant)
            .where(EventParticipant.id == event.participants[pid].db_id)
            .values(lead_assessor_id=event.assessors[lead].db_id if lead else None,
                    version=EventParticipant.version + 1)
            .execution_options(synchronize_session=False)
        )
    session.flush()
    from ukom_desktop.services.event_progress import follow_progress

    follow_progress(session, event.event_id)
    return written


def schedule_event(
    factory: sessionmaker[Session],
    event_id: int,
    waves: Iterable[int] | None = None,
    time_limit_s: float = 7.0,
) -> Generator[Progress, None, ScheduleOutcome]:
    """Build, solve and store: yields (done, total, message); the whole write is one transaction.

    Nothing is written when the run is cancelled or fails.
    """
    from ukom_desktop.db.engine import transaction

    yield 0, 1, "Membaca data kegiatan"
    with transaction(factory) as session:
        access.require(session, access.perm.MANAGE_SCHEDULE)
        prepare_event(session, event_id)
        event = build_event_problem(session, event_id)
    require_schedulable(event)
    wave_list = None if waves is None else sorted(set(waves))
    if wave_list is not None:
        unknown = [w for w in wave_list if w not in event.problem.wave_days]
        if unknown:
            raise UserFacingError(f"Gelombang {', '.join(map(str, unknown))} tidak ada pada kegiatan ini.")
    result = yield from solve_steps(event.problem, wave_list, time_limit_s)
    yield 1, 1, "Menyimpan jadwal"
    with transaction(factory) as session:
        if input_fingerprint(build_event_problem(session, event_id)) != input_fingerprint(event):
            raise ConflictError(
                "peserta, gelombang, tim atau ruang kegiatan ini berubah selama jadwal disusun; "
                "jadwal tidak disimpan, susun ulang jadwal"
            )
        written = store_result(session, event, result) if not result.violations else 0
        stored = result.waves_scheduled if not result.violations else ()
    notes = list(event.notes) + list(result.notes)
    if result.violations:
        notes.append("Jadwal tidak disimpan karena masih ada pelanggaran berat.")
    return ScheduleOutcome(event.event_id, event.event_code, result, written, tuple(stored), tuple(notes))


# ------------------------------------------------------------------------------------ checking

@dataclass(frozen=True)
class CheckReport:
    stored: StoredSchedule
    violations: list[Violation]
    stats: ScheduleStats
    unscheduled_waves: tuple[int, ...] = ()

    @property
    def hard(self) -> list[Violation]:
        return [v for v in self.violations if v.is_hard]

    @property
    def soft(self) -> list[Violation]:
        return [v for v in self.violations if not v.is_hard]


def check_stored_schedule(session: Session, event_id: int, waves: Iterable[int] | None = None) -> CheckReport:
    """Run the independent checker on what is stored; waves without any session are listed apart."""
    stored = load_stored_schedule(session, event_id)
    problem = stored.problem
    with_sessions = stored.waves_with_sessions
    wanted = sorted(set(waves)) if waves is not None else with_sessions
    checked = [w for w in wanted if w in with_sessions]
    unscheduled = tuple(w for w in (wanted if waves is not None else problem.waves)
                        if w not in with_sessions and problem.participants_of(w))
    violations = check_schedule(problem, stored.schedule, checked) if checked else []
    stats = compute_stats(problem, stored.schedule, violations, 0.0, checked)
    return CheckReport(stored, violations, stats, unscheduled)


# ------------------------------------------------------------------------------------ grid edits

EditKind = Literal["move_participant", "move_assessor", "replace_assessor", "swap_participants",
                   "swap_assessors", "reschedule", "set_lead"]


@dataclass(frozen=True)
class GridEdit:
    """One change made on the grid, in domain ids (sessions "S41", participants "P007", assessors "A12").

    move_participant / move_assessor: person from `source` to `target` session.
    replace_assessor: in session `source`, `person` is replaced by `other`.
    swap_participants / swap_assessors: `person` (in `source`) and `other` (in `target`) change places.
    reschedule: session `source` starts at `start` (and moves to room `room` when given).
    set_lead: `person` (a participant) gets `other` as lead assessor.
    """

    kind: EditKind
    person: str = ""
    source: str = ""
    target: str = ""
    other: str = ""
    start: Any = None
    room: str | None = None


@dataclass(frozen=True)
class EditOutcome:
    applied: bool
    added: list[Violation] = field(default_factory=list)  # findings the edit would add (or added)
    schedule: Schedule | None = None

    @property
    def refused(self) -> bool:
        return not self.applied and any(v.is_hard for v in self.added)

    @property
    def needs_confirmation(self) -> bool:
        return not self.applied and bool(self.added) and not self.refused


def tentative(schedule: Schedule, edit: GridEdit) -> Schedule:
    """The schedule after the edit (nothing stored); EditError for an edit that makes no sense."""
    if edit.kind == "move_participant":
        return move_participant(schedule, edit.person, edit.source, edit.target)
    if edit.kind == "move_assessor":
        return move_assessor(schedule, edit.person, edit.source, edit.target)
    if edit.kind == "replace_assessor":
        return replace_assessor(schedule, edit.source, edit.person, edit.other)
    if edit.kind == "swap_participants":
        step = move_participant(schedule, edit.person, edit.source, edit.target)
        return move_participant(step, edit.other, edit.target, edit.source)
    if edit.kind == "swap_assessors":
        step = replace_assessor(schedule, edit.source, edit.person, edit.other)
        return replace_assessor(step, edit.target, edit.other, edit.person)
    if edit.kind == "reschedule":
        return reschedule_session(schedule, edit.source, edit.start, edit.room)
    if edit.kind == "set_lead":
        return set_lead(schedule, edit.person, edit.other or None)
    raise EditError(f"Jenis perubahan '{edit.kind}' tidak dikenal.")


def preview_edit(stored: StoredSchedule, edit: GridEdit) -> tuple[Schedule, list[Violation]]:
    """The tentative schedule and the findings it would add (same check as apply_edit)."""
    after = tentative(stored.schedule, edit)
    waves = {s.wave for s in after.sessions if s.id in (edit.source, edit.target)} or None
    return after, new_violations(stored.problem, stored.schedule, after, waves)


def _write_changes(session: Session, stored: StoredSchedule, after: Schedule) -> None:
    before = {s.id: s for s in stored.schedule.sessions}
    event = stored.event
    for s in after.sessions:
        old = before.get(s.id)
        if old == s:
            continue
        db_id = session_db_id(s.id)
        row = session.get(ScheduleSession, db_id) if db_id is not None else None
        if row is None:
            raise UserFacingError("Sesi jadwal tidak ditemukan; muat ulang jadwal lalu ulangi perubahan.")
        row.starts_at, row.ends_at = s.start, s.end
        row.room_id = event.room_db.get(s.room_id, row.room_id)
        if old is None or set(old.participant_ids) != set(s.participant_ids):
            session.execute(delete(SessionParticipant).where(SessionParticipant.session_id == row.id))
            session.add_all(
                SessionParticipant(session_id=row.id, event_participant_id=event.participants[p].db_id)
                for p in s.participant_ids
            )
            arrived = set(s.participant_ids) - set(old.participant_ids if old else ())
            if row.group_id is not None:  # moved into a group's session: now in that group (version bumped)
                for p in arrived:
                    moved = session.get(EventParticipant, event.participants[p].db_id)
                    if moved is not None:
                        moved.group_id = row.group_id
        if old is None or set(old.assessor_ids) != set(s.assessor_ids):
            session.execute(delete(SessionAssessor).where(SessionAssessor.session_id == row.id))
            session.add_all(
                SessionAssessor(session_id=row.id, member_id=event.assessors[a].db_id) for a in s.assessor_ids
            )
    for pid, info in event.participants.items():
        if stored.schedule.lead.get(pid) != after.lead.get(pid):
            lead = after.lead.get(pid)
            ep = session.get(EventParticipant, info.db_id)
            if ep is not None:
                ep.lead_assessor_id = event.assessors[lead].db_id if lead else None
    session.flush()


def apply_edit(session: Session, event_id: int, edit: GridEdit, accept_warnings: bool = False) -> EditOutcome:
    """Apply a grid edit to the stored schedule when the checker accepts it.

    The edit is replayed on the schedule as stored now (another workstation may have changed it).
    New hard findings refuse the edit; new soft findings need `accept_warnings` (the user saw them
    and agreed). Runs inside the caller's transaction.
    """
    access.require(session, access.perm.MANAGE_SCHEDULE)
    stored = load_stored_schedule(session, event_id)
    try:
        after, added = preview_edit(stored, edit)
    except EditError as exc:
        raise UserFacingError(str(exc)) from None
    if any(v.is_hard for v in added) or (added and not accept_warnings):
        return EditOutcome(False, added, stored.schedule)
    _write_changes(session, stored, after)
    from ukom_desktop.db import audit

    audit.record(
        session, action="ubah_jadwal", entity="event", entity_id=event_id,
        old={"edit": edit.kind, "source": edit.source},
        new={"person": edit.person, "target": edit.target, "other": edit.other, "warnings": len(added)},
    )
    return EditOutcome(True, added, after)

