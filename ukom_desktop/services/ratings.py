"""Rating entry for assessors: the forms, saving, submission and the blind-rating rule.

Who rates whom is decided in services.rating_assignments (schedule, lead assessor or event team, never
an assessor of the participant's own unit); progress per participant and assessor is in
services.rating_progress. Their public names are importable from here as well.

A form lists the competencies the exercise measures (EventMatrixCell), restricted to the competencies
of the participant's target-position standard when it has one. Each save is one rating, validated
against the "integration" settings (halves allowed or not), with an audit entry for every change.
Submitting marks the assessor's ratings of a participant submitted_at; they are then locked, and the
blind-rating rule (domain.integration.visible_ratings) lets the assessor see colleagues' ratings.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from ukom_desktop.db import audit
from ukom_desktop.db.models import Competency, EventParticipant, Exercise, Participant, Rating
from ukom_desktop.domain import integration as rules
from ukom_desktop.services import access
from ukom_desktop.services.rating_assignments import (
    AssessorOption,
    Assignment,
    RatingError,
    assessors_with_work,
    conflict_reason,
    event_assignments,
    event_purpose,
    exercise_order,
    expected_cells,
    form_competencies,
    integration_settings,
    matrix,
    ratings_of,
    standard_competencies,
    team_assessors,
    unassigned_participants,
)
from ukom_desktop.services.rating_progress import Progress, ProgressRow, rating_progress

__all__ = [
    "AssessorOption", "Assignment", "FormRow", "ParticipantToRate", "Progress", "ProgressRow", "RatingError",
    "RatingForm", "assessors_with_work", "domain_ratings", "event_assignments", "event_purpose",
    "form_competencies", "has_submitted", "integration_settings", "matrix", "participants_for_assessor",
    "rating_form", "rating_progress", "save_rating", "standard_competencies", "submit_ratings",
    "team_assessors", "unassigned_participants", "visible_ratings_for",
]


@dataclass(frozen=True)
class ParticipantToRate:
    event_participant_id: int
    number: int | None
    name: str
    nip: str
    unit: str
    exercises: tuple[int, ...]  # exercise ids this assessor rates, in the event's running order
    expected: int  # cells on the forms
    filled: int  # cells with a level or "tanpa bukti"
    submitted: bool

    @property
    def missing(self) -> int:
        return self.expected - self.filled


@dataclass(frozen=True)
class FormRow:
    exercise_id: int
    exercise_code: str
    exercise_name: str
    competency_id: int
    competency_code: str
    competency_name: str
    level: Decimal | None
    no_evidence: bool
    evidence: str
    submitted: bool

    @property
    def filled(self) -> bool:
        return self.level is not None or self.no_evidence


@dataclass(frozen=True)
class RatingForm:
    """All form rows of one assessor for one participant (every exercise they rate), in print order."""

    event_participant_id: int
    assessor_id: int
    participant_name: str
    rows: tuple[FormRow, ...]
    allow_half_levels: bool
    max_level: int
    submitted: bool

    @property
    def missing(self) -> int:
        return sum(1 for r in self.rows if not r.filled)


def participants_for_assessor(session: Session, event_id: int, assessor_id: int) -> list[ParticipantToRate]:
    """The participants this assessor rates, with how much of their forms is filled in."""
    access.require_self(session, assessor_id)
    mine = [a for a in event_assignments(session, event_id) if a.assessor_id == assessor_id]
    if not mine:
        return []
    expected = expected_cells(session, event_id, mine)
    order = exercise_order(session, event_id)
    by_ep: dict[int, list[Assignment]] = defaultdict(list)
    for a in mine:
        by_ep[a.event_participant_id].append(a)
    ratings = ratings_of(session, by_ep, assessor_id)
    filled: dict[tuple[int, int, int], Rating] = {
        (r.event_participant_id, r.exercise_id, r.competency_id): r for r in ratings
    }
    info = {
        r[0]: r[1:]
        for r in session.execute(
            select(EventParticipant.id, EventParticipant.number, Participant.name, Participant.nip, Participant.unit)
            .join(Participant, Participant.id == EventParticipant.participant_id)
            .where(EventParticipant.id.in_(by_ep))
        )
    }
    result = []
    for ep_id, items in by_ep.items():
        items.sort(key=lambda a: order.get(a.exercise_id, 999))
        total = done = 0
        for a in items:
            for comp in expected[a]:
                total += 1
                r = filled.get((ep_id, a.exercise_id, comp))
                if r is not None and (r.level is not None or r.no_evidence):
                    done += 1
        submitted = any(r.submitted_at is not None for (e, _x, _c), r in filled.items() if e == ep_id)
        number, name, nip, unit = info[ep_id]
        result.append(
            ParticipantToRate(ep_id, number, name, nip, unit, tuple(a.exercise_id for a in items), total, done,
                              submitted)
        )
    result.sort(key=lambda p: (p.number is None, p.number or 0, p.name))
    return result


def _event_of(session: Session, ep_id: int) -> EventParticipant:
    ep = session.get(EventParticipant, ep_id)
    if ep is None:
        raise RatingError("Peserta tidak ditemukan pada kegiatan ini.")
    return ep


def rating_form(session: Session, event_participant_id: int, assessor_id: int) -> RatingForm:
    """The assessor's form for one participant: every exercise they rate, its competencies, saved values."""
    access.require_self(session, assessor_id)
    ep = _event_of(session, event_participant_id)
    mine = sorted(
        (a for a in event_assignments(session, ep.event_id, [ep.id]) if a.assessor_id == assessor_id),
        key=lambda a: exercise_order(session, ep.event_id).get(a.exercise_id, 999),
    )
    if not mine:
        raise RatingError(conflict_reason(session, ep.id, assessor_id)
                          or "Asesor ini tidak ditugaskan menilai peserta tersebut.")
    expected = expected_cells(session, ep.event_id, mine)
    saved = {(r.exercise_id, r.competency_id): r for r in ratings_of(session, [ep.id], assessor_id)}
    exercises = {e.id: e for e in session.scalars(select(Exercise).where(Exercise.id.in_({a.exercise_id for a in mine})))}
    comp_ids = {c for cs in expected.values() for c in cs}
    comps = {c.id: c for c in session.scalars(select(Competency).where(Competency.id.in_(comp_ids)))}
    rows = []
    for a in mine:
        ex = exercises[a.exercise_id]
        for comp_id in expected[a]:
            comp = comps[comp_id]
            r = saved.get((ex.id, comp_id))
            rows.append(
                FormRow(
                    ex.id, ex.code, ex.name, comp.id, comp.code, comp.name,
                    None if r is None or r.level is None else Decimal(r.level),
                    bool(r and r.no_evidence), r.evidence if r else "", bool(r and r.submitted_at),
                )
            )
    settings = integration_settings(session, ep.event_id)
    return RatingForm(
        ep.id, assessor_id, ep.participant.name, tuple(rows), settings.allow_half_levels, settings.max_level,
        any(r.submitted for r in rows),
    )


# ---------------------------------------------------------------------------------------------
# Saving and submitting


def _snapshot(rating: Rating | None) -> dict[str, object] | None:
    if rating is None:
        return None
    return {
        "level": None if rating.level is None else str(Decimal(rating.level).normalize()),
        "no_evidence": rating.no_evidence,
        "evidence": rating.evidence,
    }


def save_rating(
    session: Session,
    *,
    event_participant_id: int,
    exercise_id: int,
    competency_id: int,
    assessor_id: int,
    level: Decimal | float | int | str | None,
    no_evidence: bool = False,
    evidence: str = "",
    actor: str = "",
) -> Rating | None:
    """Store one rating (the natural key participant x competency x exercise x assessor).

    "No evidence" stores no level. An empty cell (no level, no evidence mark, no notes) removes the
    rating. Refused when the assessor is not assigned, the competency is not on the form, the level
    is outside the scale or off the allowed step, or the assessor already submitted this participant.
    Returns the rating (None when removed); the caller commits (one transaction per save).
    """
    access.require_self(session, assessor_id)
    ep = _event_of(session, event_participant_id)
    assignment = Assignment(ep.id, exercise_id, assessor_id)
    if assignment not in event_assignments(session, ep.event_id, [ep.id]):
        raise RatingError(conflict_reason(session, ep.id, assessor_id)
                          or "Asesor ini tidak ditugaskan menilai peserta tersebut pada simulasi ini.")
    if competency_id not in expected_cells(session, ep.event_id, [assignment])[assignment]:
        raise RatingError("Kompetensi ini tidak diukur oleh simulasi tersebut menurut matriks kegiatan.")
    settings = integration_settings(session, ep.event_id)
    value = None if no_evidence else rules.as_decimal(level) if level not in (None, "") else None
    if value is not None:
        problem = rules.validate_level(value, settings)
        if problem:
            raise RatingError(problem)
    evidence = (evidence or "").strip()
    rating = session.scalars(
        select(Rating).where(
            Rating.event_participant_id == ep.id, Rating.exercise_id == exercise_id,
            Rating.competency_id == competency_id, Rating.assessor_id == assessor_id,
        )
    ).one_or_none()
    submitted = session.scalars(
        select(Rating.id).where(
            Rating.event_participant_id == ep.id, Rating.assessor_id == assessor_id, Rating.submitted_at.is_not(None)
        )
    ).first()
    if submitted is not None:
        raise RatingError(
            "Penilaian untuk peserta ini sudah diserahkan dan tidak dapat diubah lagi. Perubahan dibahas "
            "dalam rapat integrasi."
        )
    old = _snapshot(rating)
    if value is None and not no_evidence and not evidence:
        if rating is not None:
            audit.record(session, action="hapus", entity="rating", entity_id=rating.id, entity_uuid=rating.uuid,
                         old=old, new=None, actor=actor)
            session.delete(rating)
            session.flush()
        return None
    if rating is None:
        rating = Rating(event_participant_id=ep.id, exercise_id=exercise_id, competency_id=competency_id,
                        assessor_id=assessor_id)
        session.add(rating)
    rating.level = value
    rating.no_evidence = bool(no_evidence)
    rating.evidence = evidence
    new = _snapshot(rating)
    if new != old:
        session.flush()
        audit.record(session, action="ubah" if old else "isi", entity="rating", entity_id=rating.id,
                     entity_uuid=rating.uuid, old=old, new=new, actor=actor)
    session.flush()
    return rating


def submit_ratings(session: Session, event_participant_id: int, assessor_id: int, actor: str = "") -> int:
    """Mark the assessor's ratings of one participant submitted; every cell of the form must be filled.

    Returns the number of ratings submitted.
    """
    access.require_self(session, assessor_id)
    form = rating_form(session, event_participant_id, assessor_id)
    if form.submitted:
        raise RatingError("Penilaian untuk peserta ini sudah diserahkan.")
    empty = [f"{r.exercise_code} {r.competency_code}" for r in form.rows if not r.filled]
    if empty:
        shown = ", ".join(empty[:6]) + (f", dan {len(empty) - 6} lainnya" if len(empty) > 6 else "")
        raise RatingError(
            f"Penilaian belum lengkap untuk {form.participant_name}: {shown}. Isi level atau tandai "
            "\"tanpa bukti\" sebelum menyerahkan."
        )
    now = datetime.now(UTC)
    ratings = ratings_of(session, [event_participant_id], assessor_id)
    for rating in ratings:
        rating.submitted_at = now
    session.flush()
    audit.record(session, action="serahkan", entity="rating", entity_id=event_participant_id,
                 new={"assessor_id": assessor_id, "ratings": len(ratings)}, actor=actor,
                 note=f"Penilaian {form.participant_name} diserahkan")
    return len(ratings)


def has_submitted(session: Session, event_participant_id: int, assessor_id: int) -> bool:
    return session.scalars(
        select(Rating.id).where(
            Rating.event_participant_id == event_participant_id, Rating.assessor_id == assessor_id,
            Rating.submitted_at.is_not(None),
        )
    ).first() is not None


def domain_ratings(session: Session, event_participant_ids: Iterable[int]) -> list[rules.Rating]:
    """The stored ratings as domain values (codes of competency and exercise)."""
    ids = list(event_participant_ids)
    if not ids:
        return []
    rows = session.execute(
        select(Rating, Competency.code, Exercise.code)
        .join(Competency, Competency.id == Rating.competency_id)
        .join(Exercise, Exercise.id == Rating.exercise_id)
        .where(Rating.event_participant_id.in_(ids))
    ).all()
    return [
        rules.Rating(comp, ex, r.assessor_id, None if r.level is None else Decimal(r.level), r.no_evidence,
                     r.event_participant_id)
        for r, comp, ex in rows
    ]


def visible_ratings_for(
    session: Session, event_participant_id: int, viewer_assessor_id: int, *, integration: bool = False
) -> list[rules.Rating]:
    """The blind-rating rule applied to the stored ratings of one participant."""
    if integration:
        access.require_integration(session, event_participant_id)
    else:
        access.require_self(session, viewer_assessor_id)
    return rules.visible_ratings(
        domain_ratings(session, [event_participant_id]), viewer_assessor_id,
        has_submitted(session, event_participant_id, viewer_assessor_id), integration,
    )


@dataclass(frozen=True)
class ColleagueLevel:
    competency_id: int
    exercise_code: str
    assessor_name: str  # without degrees
    level: Decimal | None
    no_evidence: bool


def colleague_levels(session: Session, visible: Iterable[object], assessor_id: int) -> list[ColleagueLevel]:
    """Colleagues' visible ratings (not this assessor's own), for the rating form's hint column."""
    from ukom_desktop.db.models import TeamMember

    theirs = [r for r in visible if r.assessor_id != assessor_id]  # type: ignore[attr-defined]
    if not theirs:
        return []
    comp = dict(session.execute(select(Competency.code, Competency.id)).all())
    names = dict(session.execute(select(TeamMember.id, TeamMember.name)).all())
    return [ColleagueLevel(comp[r.competency_code], r.exercise_code,  # type: ignore[attr-defined]
                           names.get(r.assessor_id, "?").split(",")[0],  # type: ignore[attr-defined]
                           Decimal(r.level) if r.level is not None else None,  # type: ignore[attr-defined]
                           bool(r.no_evidence)) for r in theirs]  # type: ignore[attr-defined]
