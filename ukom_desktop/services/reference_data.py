"""Shipping the reference data on first start: dictionary, job levels and the exercise library."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from ukom_desktop.db.models import (
    Competency,
    CompetencyGroup,
    CompetencyLevel,
    Exercise,
    ExerciseCompetency,
    ExerciseKind,
    JobLevel,
    JobLevelKind,
    Position,
    PositionStandard,
)
from ukom_desktop.domain import kamus
from ukom_desktop.domain.exercise_library import EXERCISES


def ensure_reference_data(session: Session) -> bool:
    """Insert whatever of the shipped reference data is missing (by code). True when anything was added."""
    added = False
    competencies = {c.code: c for c in session.scalars(select(Competency))}
    for order, seed in enumerate(kamus.COMPETENCIES, start=1):
        if seed.code in competencies:
            continue
        comp = Competency(
            code=seed.code,
            name=seed.name,
            group=CompetencyGroup(seed.group),
            definition=seed.definition,
            max_level=max((lv.level for lv in seed.levels), default=5),
            aliases=[a for a, canonical in getattr(kamus, "ALIASES", {}).items() if canonical == seed.name],
            sort_order=order,
        )
        comp.levels = [
            CompetencyLevel(level=lv.level, description=lv.description, indicators=list(lv.indicators))
            for lv in seed.levels
        ]
        session.add(comp)
        competencies[seed.code] = comp
        added = True
    levels = {jl.code for jl in session.scalars(select(JobLevel))}
    for order, seed_level in enumerate(kamus.JOB_LEVELS, start=1):
        if seed_level.code not in levels:
            session.add(
                JobLevel(
                    code=seed_level.code,
                    name=seed_level.name,
                    kind=JobLevelKind(seed_level.kind),
                    default_standard=seed_level.default_standard,
                    sort_order=order,
                )
            )
            added = True
    exercises = {e.code: e for e in session.scalars(select(Exercise))}
    session.flush()
    for order, ex_seed in enumerate(EXERCISES, start=1):
        if ex_seed.code in exercises:
            continue
        ex = Exercise(
            code=ex_seed.code,
            name=ex_seed.name,
            kind=ExerciseKind(ex_seed.kind),
            duration_minutes=ex_seed.duration_minutes,
            description=ex_seed.description,
            sort_order=order,
        )
        session.add(ex)
        session.flush()
        for code in ex_seed.measures:
            if code in competencies:
                session.add(ExerciseCompetency(exercise_id=ex.id, competency_id=competencies[code].id))
        added = True
    session.flush()
    return added


def create_position(session: Session, name: str, job_level_code: str, unit: str = "") -> Position:
    """A position whose standard starts at its job level's default for every active competency."""
    job_level = session.scalars(select(JobLevel).where(JobLevel.code == job_level_code)).one()
    position = Position(name=name, job_level=job_level, unit=unit)
    if job_level.default_standard is not None:
        for comp in session.scalars(select(Competency).where(Competency.active.is_(True))):
            if comp.group != CompetencyGroup.TEKNIS:
                position.standards.append(
                    PositionStandard(competency=comp, level=Decimal(job_level.default_standard))
                )
    session.add(position)
    session.flush()
    return position
