"""The exercise library (alat ukur) and an event's exercise x competency matrix with its rule checks.

`check_event_matrix` applies domain/matrix_rules to the event's standard (the competencies its target
positions require) and its matrix; `ensure_event_ready_for_scheduling` refuses, in one Indonesian message,
an event whose matrix breaks a blocking rule. The scheduling service calls it before building a timetable.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from ukom_desktop.db import audit
from ukom_desktop.db.models import (
    Competency,
    Event,
    EventExercise,
    EventMatrixCell,
    EventParticipant,
    EventPosition,
    Exercise,
    ExerciseCompetency,
    ExerciseKind,
    Position,
    PositionStandard,
    Rating,
    ScheduleSession,
)
from ukom_desktop.db.models.base import utcnow
from ukom_desktop.domain.labels import EXERCISE_KIND
from ukom_desktop.domain.matrix_rules import (
    DEFAULT_MIN_EXERCISES,
    SETTING_MIN_EXERCISES,
    MatrixCheck,
    MatrixItem,
    check_matrix,
    normalize_min_exercises,
    problems_text,
)
from ukom_desktop.errors import UserFacingError, check_version
from ukom_desktop.services.lookup import require_event as _event
from ukom_desktop.services.settings import event_setting


@dataclass(frozen=True)
class ExerciseInfo:
    id: int | None
    code: str
    name: str
    kind: str
    duration_minutes: int = 60
    description: str = ""
    active: bool = True
    measures: tuple[str, ...] = ()  # competency codes of the library's default matrix
    version: int = 0

    @property
    def kind_label(self) -> str:
        return EXERCISE_KIND.get(self.kind, self.kind)


@dataclass(frozen=True)
class MatrixCompetency:
    id: int
    code: str
    name: str
    group: str
    in_standard: bool
    levels: tuple[tuple[str, Decimal], ...] = ()  # (position name, required level)


@dataclass(frozen=True)
class EventMatrix:
    """Everything the matrix screen and the formulation document need about one event."""

    event_id: int
    event_code: str
    event_name: str
    positions: tuple[tuple[int, str], ...]  # (position id, "name (job level)")
    exercises: tuple[ExerciseInfo, ...]  # the event's exercises in running order
    competencies: tuple[MatrixCompetency, ...]  # the standard's competencies, then others ticked
    cells: frozenset[tuple[int, int]]  # (exercise id, competency id)
    check: MatrixCheck
    min_exercises: int = DEFAULT_MIN_EXERCISES
    library: tuple[ExerciseInfo, ...] = field(default_factory=tuple)


# ------------------------------------------------------------------ exercise library


def _exercise_info(ex: Exercise, measures: Iterable[str] = ()) -> ExerciseInfo:
    return ExerciseInfo(ex.id, ex.code, ex.name, ex.kind.value, ex.duration_minutes, ex.description or "",
                        ex.active, tuple(measures), ex.version)


def list_exercises(session: Session, *, include_inactive: bool = True) -> list[ExerciseInfo]:
    query = select(Exercise).order_by(Exercise.sort_order, Exercise.code)
    if not include_inactive:
        query = query.where(Exercise.active.is_(True))
    measures: dict[int, list[str]] = {}
    rows = session.execute(
        select(ExerciseCompetency.exercise_id, Competency.code)
        .join(Competency, Competency.id == ExerciseCompetency.competency_id).order_by(Competency.sort_order)
    )
    for exercise_id, code in rows:
        measures.setdefault(exercise_id, []).append(code)
    return [_exercise_info(ex, measures.get(ex.id, ())) for ex in session.scalars(query)]


def save_exercise(session: Session, data: ExerciseInfo) -> ExerciseInfo:
    """Create (id None) or update an exercise and its default competencies (by code)."""
    problems = []
    code = data.code.strip().upper()
    if not code:
        problems.append("Kode alat ukur wajib diisi.")
    if not data.name.strip():
        problems.append("Nama alat ukur wajib diisi.")
    if data.kind not in {k.value for k in ExerciseKind}:
        problems.append("Jenis alat ukur harus seluruh gelombang, kelompok, atau perorangan.")
    if not 5 <= data.duration_minutes <= 600:
        problems.append("Durasi alat ukur harus antara 5 dan 600 menit.")
    same = session.scalars(select(Exercise).where(func.upper(Exercise.code) == code)).first() if code else None
    if same is not None and same.id != data.id:
        problems.append(f"Kode {code} sudah dipakai oleh alat ukur {same.name}.")
    comps = {c.code: c for c in session.scalars(select(Competency))}
    unknown = [c for c in data.measures if c not in comps]
    if unknown:
        problems.append(f"Kompetensi tidak dikenal: {', '.join(unknown)}.")
    if problems:
        raise UserFacingError(" ".join(problems))
    if data.id is None:
        order = (session.scalar(select(func.max(Exercise.sort_order))) or 0) + 1
        ex = Exercise(code=code, name=data.name.strip(), kind=ExerciseKind(data.kind), sort_order=order)
        session.add(ex)
    else:
        found = session.get(Exercise, data.id)
        if found is None:
            raise UserFacingError("Alat ukur tidak ditemukan; mungkin telah dihapus oleh pengguna lain.")
        ex = found
        check_version(ex.version, data.version or None, f"alat ukur {ex.name}")
        ex.updated_at = utcnow()  # a change of the measured competencies alone also bumps the version
    ex.code, ex.name, ex.kind = code, data.name.strip(), ExerciseKind(data.kind)
    ex.duration_minutes, ex.description, ex.active = data.duration_minutes, data.description.strip(), data.active
    session.flush()
    session.execute(delete(ExerciseCompetency).where(ExerciseCompetency.exercise_id == ex.id))
    for comp_code in dict.fromkeys(data.measures):
        session.add(ExerciseCompetency(exercise_id=ex.id, competency_id=comps[comp_code].id))
    session.flush()
    audit.record(session, action="save", entity="exercise", entity_id=ex.id, entity_uuid=ex.uuid,
                 new={"code": ex.code, "name": ex.name, "measures": list(data.measures)})
    return _exercise_info(ex, data.measures)


# ------------------------------------------------------------------ the event's standard and matrix


def participant_position_ids(session: Session, event_id: int) -> set[int]:
    """The target positions the event's participants hold (they cannot be taken off the event)."""
    return {pid for pid in session.scalars(select(EventParticipant.target_position_id).where(
        EventParticipant.event_id == event_id)) if pid is not None}


def event_position_ids(session: Session, event_id: int) -> list[int]:
    """Target positions of the event: its EventPosition rows and its participants' target positions."""
    ids = list(session.scalars(select(EventPosition.position_id).where(EventPosition.event_id == event_id)
                               .order_by(EventPosition.id)))
    for pid in session.scalars(
        select(EventParticipant.target_position_id).where(
            EventParticipant.event_id == event_id, EventParticipant.target_position_id.is_not(None)
        ).distinct()
    ):
        if pid is not None and pid not in ids:
            ids.append(pid)
    return ids


def set_event_positions(session: Session, event_id: int, position_ids: Sequence[int]) -> None:
    """Make `position_ids` the event's target positions (EventPosition rows), keeping their order."""
    _event(session, event_id)
    wanted = list(dict.fromkeys(position_ids))
    if wanted and session.scalar(select(func.count()).select_from(Position).where(Position.id.in_(wanted))) != len(
        wanted
    ):
        raise UserFacingError("Salah satu jabatan sasaran tidak ditemukan; muat ulang daftar jabatan.")
    in_use = set(session.scalars(select(EventParticipant.target_position_id).where(
        EventParticipant.event_id == event_id, EventParticipant.target_position_id.is_not(None))))
    dropped = in_use - set(wanted)
    if dropped:
        names = ", ".join(sorted(session.scalars(select(Position.name).where(Position.id.in_(dropped)))))
        raise UserFacingError(f"Jabatan {names} masih menjadi jabatan sasaran peserta kegiatan ini; "
                              "ubah jabatan sasaran peserta tersebut terlebih dahulu.")
    session.execute(delete(EventPosition).where(EventPosition.event_id == event_id))
    session.flush()
    for pid in wanted:
        session.add(EventPosition(event_id=event_id, position_id=pid))
    session.flush()


def event_standard(session: Session, event_id: int) -> dict[int, list[tuple[str, Decimal]]]:
    """Competency id -> [(position label, required level)] over the event's target positions."""
    result: dict[int, list[tuple[str, Decimal]]] = {}
    for pid in event_position_ids(session, event_id):
        position = session.get(Position, pid)
        if position is None:
            continue
        label = f"{position.name} ({position.job_level.name})"
        for std in session.scalars(select(PositionStandard).where(PositionStandard.position_id == pid)):
            result.setdefault(std.competency_id, []).append((label, std.level))
    return result


def min_exercises_for(session: Session, event: Event | int) -> int:
    return normalize_min_exercises(event_setting(session, event, SETTING_MIN_EXERCISES, DEFAULT_MIN_EXERCISES))


def event_matrix(session: Session, event_id: int, *, cells: Iterable[tuple[int, int]] | None = None,
                 exercise_ids: Sequence[int] | None = None) -> EventMatrix:
    """The event's matrix as stored, or with `cells`/`exercise_ids` as the user is editing them (live check)."""
    event = _event(session, event_id)
    library = list_exercises(session)
    by_id = {ex.id: ex for ex in library}
    if exercise_ids is None:
        exercise_ids = list(session.scalars(
            select(EventExercise.exercise_id).where(EventExercise.event_id == event_id)
            .order_by(EventExercise.sort_order, EventExercise.id)
        ))
    exercises = tuple(by_id[i] for i in exercise_ids if i in by_id)
    if cells is None:
        cells = session.execute(
            select(EventMatrixCell.exercise_id, EventMatrixCell.competency_id).where(EventMatrixCell.event_id == event_id)
        ).all()
    chosen = {ex.id for ex in exercises}
    cell_set = frozenset((ex, comp) for ex, comp in cells if ex in chosen)
    standard = event_standard(session, event_id)
    comps = {c.id: c for c in session.scalars(select(Competency))}
    order = sorted(comps.values(), key=lambda c: ({"manajerial": 0, "sosial_kultural": 1}.get(c.group.value, 2),
                                                  c.sort_order, c.code))
    ticked = {comp for _ex, comp in cell_set}
    matrix_comps = tuple(
        MatrixCompetency(c.id, c.code, c.name, c.group.value, c.id in standard, tuple(standard.get(c.id, ())))
        for c in order if c.id in standard or c.id in ticked
    )
    positions = []
    for pid in event_position_ids(session, event_id):
        position = session.get(Position, pid)
        if position is not None:
            positions.append((pid, f"{position.name} ({position.job_level.name})"))
    minimum = min_exercises_for(session, event)
    check = check_matrix(
        [MatrixItem(c.code, c.name) for c in matrix_comps if c.in_standard],
        [MatrixItem(ex.code, ex.name) for ex in exercises],
        [(by_id[ex].code, comps[comp].code) for ex, comp in cell_set if comp in comps],
        minimum,
        has_positions=bool(positions),
    )
    return EventMatrix(event.id, event.code, event.name, tuple(positions), exercises, matrix_comps, cell_set, check,
                       minimum, tuple(library))


def check_event_matrix(session: Session, event_id: int) -> MatrixCheck:
    """The rule check of the event's stored matrix (see domain/matrix_rules)."""
    return event_matrix(session, event_id).check


def ensure_event_ready_for_scheduling(session: Session, event_id: int) -> MatrixCheck:
    """Raise UserFacingError listing every blocking matrix problem; return the check (warnings only) otherwise."""
    event = _event(session, event_id)
    check = check_event_matrix(session, event_id)
    if not check.ok:
        raise UserFacingError(problems_text(check, event.code))
    return check


def save_event_matrix(session: Session, event_id: int, exercise_ids: Sequence[int],
                      cells: Iterable[tuple[int, int]], *, actor: str = "") -> EventMatrix:
    """Store the event's exercises (in this order) and ticked cells, replacing what was there.

    An exercise that already has ratings or scheduled sessions in this event cannot be removed from it.
    """
    _event(session, event_id)
    wanted = list(dict.fromkeys(exercise_ids))
    known = set(session.scalars(select(Exercise.id).where(Exercise.id.in_(wanted)))) if wanted else set()
    if len(known) != len(wanted):
        raise UserFacingError("Salah satu alat ukur tidak ditemukan; muat ulang pustaka alat ukur.")
    current = set(session.scalars(select(EventExercise.exercise_id).where(EventExercise.event_id == event_id)))
    removed = current - set(wanted)
    if removed:
        rated = set(session.scalars(
            select(Rating.exercise_id).join(EventParticipant, EventParticipant.id == Rating.event_participant_id)
            .where(EventParticipant.event_id == event_id, Rating.exercise_id.in_(removed))
        ))
        scheduled = set(session.scalars(select(ScheduleSession.exercise_id).where(
            ScheduleSession.event_id == event_id, ScheduleSession.exercise_id.in_(removed))))
        blocked = rated | scheduled
        if blocked:
            names = ", ".join(sorted(session.scalars(select(Exercise.name).where(Exercise.id.in_(blocked)))))
            raise UserFacingError(f"Alat ukur {names} sudah dijadwalkan atau dinilai dalam kegiatan ini sehingga "
                                  "tidak dapat dikeluarkan dari kegiatan.")
    comp_ids = set(session.scalars(select(Competency.id)))
    cell_set = {(ex, comp) for ex, comp in cells if ex in known and comp in comp_ids}
    old_cells = session.execute(select(EventMatrixCell.exercise_id, EventMatrixCell.competency_id)
                                .where(EventMatrixCell.event_id == event_id)).all()
    session.execute(delete(EventMatrixCell).where(EventMatrixCell.event_id == event_id))
    existing = {row.exercise_id: row for row in session.scalars(
        select(EventExercise).where(EventExercise.event_id == event_id))}
    for ex_id, row in existing.items():
        if ex_id not in wanted:
            session.delete(row)
    for order, ex_id in enumerate(wanted):
        if ex_id in existing:
            existing[ex_id].sort_order = order
        else:
            session.add(EventExercise(event_id=event_id, exercise_id=ex_id, sort_order=order))
    session.flush()
    for ex_id, comp_id in sorted(cell_set):
        session.add(EventMatrixCell(event_id=event_id, exercise_id=ex_id, competency_id=comp_id))
    session.flush()
    audit.record(session, action="update_matrix", entity="event", entity_id=event_id,
                 old={"cells": sorted(map(list, old_cells))}, new={"exercises": wanted,
                                                                   "cells": sorted(map(list, cell_set))}, actor=actor)
    return event_matrix(session, event_id)


def library_cells(session: Session, exercise_ids: Iterable[int]) -> set[tuple[int, int]]:
    """The library's default matrix for these exercises: a starting point for an event's matrix."""
    ids = list(exercise_ids)
    if not ids:
        return set()
    return set(session.execute(
        select(ExerciseCompetency.exercise_id, ExerciseCompetency.competency_id)
        .where(ExerciseCompetency.exercise_id.in_(ids))
    ).all())
