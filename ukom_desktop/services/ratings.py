"""Rating entry for assessors: who rates whom in which exercise, the forms, saving, progress, submission.

Who may rate what (an *assignment* is participant x exercise x assessor):

- From the stored schedule when the event has one: every session participant is rated in the
  session's exercise by each assessor of that session. A session without assessors (a written,
  whole-wave exercise such as the in-basket) is scored by the participant's lead assessor.
- Without a schedule: the participant's lead assessor (EventParticipant.lead_assessor_id) rates every
  exercise of the event; when no participant has a lead assessor yet, every assessor of the event
  team may rate every participant.
- Exercises that measure no competency in the event matrix (a psychotest) get no form; participants
  marked absent are left out.

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
from ukom_desktop.db.models import (
    Attendance,
    Competency,
    Event,
    EventExercise,
    EventMatrixCell,
    EventParticipant,
    EventTeamMember,
    Exercise,
    Participant,
    PositionStandard,
    Rating,
    ScheduleSession,
    SessionAssessor,
    SessionParticipant,
    TeamMember,
    TeamRole,
)
from ukom_desktop.domain import integration as rules
from ukom_desktop.errors import UserFacingError
from ukom_desktop.services.settings import event_setting


class RatingError(UserFacingError):
    """A rating that cannot be saved or submitted; the message is in Bahasa Indonesia."""


@dataclass(frozen=True)
class Assignment:
    event_participant_id: int
    exercise_id: int
    assessor_id: int


@dataclass(frozen=True)
class AssessorOption:
    id: int
    name: str
    nip: str


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


@dataclass(frozen=True)
class ProgressRow:
    """Expected and filled cells for one participant (assessor_id None) or one assessor."""

    key: int
    label: str
    expected: int
    filled: int
    submitted_parts: int  # participant rows: assessors who submitted; assessor rows: participants submitted
    parts: int
    number: int | None = None  # participant number (participant rows)

    @property
    def missing(self) -> int:
        return self.expected - self.filled


@dataclass(frozen=True)
class Progress:
    by_participant: tuple[ProgressRow, ...]
    by_assessor: tuple[ProgressRow, ...]


# ---------------------------------------------------------------------------------------------
# Settings and matrix


def integration_settings(session: Session, event_id: int) -> rules.IntegrationSettings:
    try:
        return rules.IntegrationSettings.from_dict(event_setting(session, event_id, "integration", None))
    except ValueError as exc:
        raise RatingError(str(exc)) from exc


def _exercise_order(session: Session, event_id: int) -> dict[int, int]:
    rows = session.execute(
        select(EventExercise.exercise_id, EventExercise.sort_order, Exercise.sort_order)
        .join(Exercise, Exercise.id == EventExercise.exercise_id)
        .where(EventExercise.event_id == event_id)
    ).all()
    ordered = sorted(rows, key=lambda r: (r[1], r[2], r[0]))
    return {r[0]: n for n, r in enumerate(ordered)}


def matrix(session: Session, event_id: int) -> dict[int, list[int]]:
    """exercise id -> competency ids it measures in this event (competencies in dictionary order)."""
    rows = session.execute(
        select(EventMatrixCell.exercise_id, EventMatrixCell.competency_id)
        .join(Competency, Competency.id == EventMatrixCell.competency_id)
        .where(EventMatrixCell.event_id == event_id)
        .order_by(Competency.sort_order, Competency.code)
    ).all()
    result: dict[int, list[int]] = defaultdict(list)
    for exercise_id, competency_id in rows:
        result[exercise_id].append(competency_id)
    return dict(result)


def standard_competencies(session: Session, event_participant_ids: Iterable[int]) -> dict[int, set[int]]:
    """event participant id -> competency ids of their target position's standard (absent: no standard)."""
    ids = list(event_participant_ids)
    if not ids:
        return {}
    rows = session.execute(
        select(EventParticipant.id, PositionStandard.competency_id)
        .join(PositionStandard, PositionStandard.position_id == EventParticipant.target_position_id)
        .where(EventParticipant.id.in_(ids))
    ).all()
    result: dict[int, set[int]] = defaultdict(set)
    for ep_id, comp_id in rows:
        result[ep_id].add(comp_id)
    return dict(result)


def form_competencies(
    cells: dict[int, list[int]], standards: dict[int, set[int]], ep_id: int, exercise_id: int
) -> list[int]:
    measured = cells.get(exercise_id, [])
    standard = standards.get(ep_id)
    if standard:
        narrowed = [c for c in measured if c in standard]
        return narrowed
    return list(measured)


# ---------------------------------------------------------------------------------------------
# Assignments


def _present_participants(session: Session, event_id: int) -> dict[int, int | None]:
    """event participant id -> lead assessor id, for participants not marked absent."""
    rows = session.execute(
        select(EventParticipant.id, EventParticipant.lead_assessor_id, EventParticipant.attendance).where(
            EventParticipant.event_id == event_id
        )
    ).all()
    return {r[0]: r[1] for r in rows if r[2] != Attendance.TIDAK_HADIR}


def team_assessors(session: Session, event_id: int) -> list[AssessorOption]:
    """Assessors of the event team (role asesor), by name."""
    rows = session.execute(
        select(TeamMember.id, TeamMember.name, TeamMember.nip)
        .join(EventTeamMember, EventTeamMember.member_id == TeamMember.id)
        .where(EventTeamMember.event_id == event_id, EventTeamMember.role == TeamRole.ASESOR)
        .order_by(TeamMember.name)
    ).all()
    return [AssessorOption(r[0], r[1], r[2]) for r in rows]


def event_assignments(
    session: Session, event_id: int, only: Iterable[int] | None = None
) -> set[Assignment]:
    """Every participant x exercise x assessor that should be rated in the event (see module doc).

    ``only`` limits the result to those event participants (the rule itself looks at the whole event).
    """
    present = _present_participants(session, event_id)
    if only is not None:
        wanted = set(only)
        any_lead = any(lead is not None for lead in present.values())
        present = {ep: lead for ep, lead in present.items() if ep in wanted}
    else:
        any_lead = any(lead is not None for lead in present.values())
    cells = matrix(session, event_id)
    measured = {ex for ex, comps in cells.items() if comps}
    has_schedule = session.scalars(
        select(ScheduleSession.id).where(ScheduleSession.event_id == event_id).limit(1)
    ).first() is not None
    result: set[Assignment] = set()
    if has_schedule:
        stmt = (
            select(SessionParticipant.session_id, SessionParticipant.event_participant_id, ScheduleSession.exercise_id)
            .join(ScheduleSession, ScheduleSession.id == SessionParticipant.session_id)
            .where(ScheduleSession.event_id == event_id)
        )
        if only is not None:
            stmt = stmt.where(SessionParticipant.event_participant_id.in_(present))
        seats = [(sid, ep, ex) for sid, ep, ex in session.execute(stmt) if ep in present and ex in measured]
        assessors: dict[int, list[int]] = defaultdict(list)
        session_ids = {sid for sid, _ep, _ex in seats}
        if session_ids:
            for sid, member in session.execute(
                select(SessionAssessor.session_id, SessionAssessor.member_id).where(
                    SessionAssessor.session_id.in_(session_ids)
                )
            ):
                assessors[sid].append(member)
        for sid, ep_id, exercise_id in seats:
            raters = assessors.get(sid) or ([present[ep_id]] if present[ep_id] is not None else [])
            for member in raters:
                result.add(Assignment(ep_id, exercise_id, member))
        return result
    exercises = [ex for ex in _exercise_order(session, event_id) if ex in measured]
    if any_lead:
        for ep_id, lead in present.items():
            if lead is not None:
                result.update(Assignment(ep_id, ex, lead) for ex in exercises)
        return result
    for member in team_assessors(session, event_id):
        for ep_id in present:
            result.update(Assignment(ep_id, ex, member.id) for ex in exercises)
    return result


def assessors_with_work(session: Session, event_id: int) -> list[AssessorOption]:
    """Assessors that have at least one participant to rate, by name (for "bertindak sebagai")."""
    ids = {a.assessor_id for a in event_assignments(session, event_id)}
    if not ids:
        return []
    rows = session.execute(
        select(TeamMember.id, TeamMember.name, TeamMember.nip).where(TeamMember.id.in_(ids)).order_by(TeamMember.name)
    ).all()
    return [AssessorOption(r[0], r[1], r[2]) for r in rows]


def _ratings_of(session: Session, ep_ids: Iterable[int], assessor_id: int | None = None) -> list[Rating]:
    ids = list(ep_ids)
    if not ids:
        return []
    stmt = select(Rating).where(Rating.event_participant_id.in_(ids))
    if assessor_id is not None:
        stmt = stmt.where(Rating.assessor_id == assessor_id)
    return list(session.scalars(stmt))


def _expected_cells(
    session: Session, event_id: int, assignments: Iterable[Assignment]
) -> dict[Assignment, list[int]]:
    items = list(assignments)
    cells = matrix(session, event_id)
    standards = standard_competencies(session, {a.event_participant_id for a in items})
    return {a: form_competencies(cells, standards, a.event_participant_id, a.exercise_id) for a in items}


def participants_for_assessor(session: Session, event_id: int, assessor_id: int) -> list[ParticipantToRate]:
    """The participants this assessor rates, with how much of their forms is filled in."""
    mine = [a for a in event_assignments(session, event_id) if a.assessor_id == assessor_id]
    if not mine:
        return []
    expected = _expected_cells(session, event_id, mine)
    order = _exercise_order(session, event_id)
    by_ep: dict[int, list[Assignment]] = defaultdict(list)
    for a in mine:
        by_ep[a.event_participant_id].append(a)
    ratings = _ratings_of(session, by_ep, assessor_id)
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
    ep = _event_of(session, event_participant_id)
    mine = sorted(
        (a for a in event_assignments(session, ep.event_id, [ep.id]) if a.assessor_id == assessor_id),
        key=lambda a: _exercise_order(session, ep.event_id).get(a.exercise_id, 999),
    )
    if not mine:
        raise RatingError("Asesor ini tidak ditugaskan menilai peserta tersebut.")
    expected = _expected_cells(session, ep.event_id, mine)
    saved = {(r.exercise_id, r.competency_id): r for r in _ratings_of(session, [ep.id], assessor_id)}
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
    ep = _event_of(session, event_participant_id)
    assignment = Assignment(ep.id, exercise_id, assessor_id)
    if assignment not in event_assignments(session, ep.event_id, [ep.id]):
        raise RatingError("Asesor ini tidak ditugaskan menilai peserta tersebut pada simulasi ini.")
    if competency_id not in _expected_cells(session, ep.event_id, [assignment])[assignment]:
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
    ratings = _ratings_of(session, [event_participant_id], assessor_id)
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
    return rules.visible_ratings(
        domain_ratings(session, [event_participant_id]), viewer_assessor_id,
        has_submitted(session, event_participant_id, viewer_assessor_id), integration,
    )


# ---------------------------------------------------------------------------------------------
# Progress


def rating_progress(session: Session, event_id: int) -> Progress:
    """What is still missing, per participant and per assessor."""
    assignments = event_assignments(session, event_id)
    expected = _expected_cells(session, event_id, assignments)
    ep_ids = {a.event_participant_id for a in assignments}
    ratings = {
        (r.event_participant_id, r.exercise_id, r.competency_id, r.assessor_id): r
        for r in _ratings_of(session, ep_ids)
    }
    per_ep: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    per_as: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    pairs: set[tuple[int, int]] = set()
    for a, comps in expected.items():
        pairs.add((a.event_participant_id, a.assessor_id))
        for comp in comps:
            r = ratings.get((a.event_participant_id, a.exercise_id, comp, a.assessor_id))
            done = int(r is not None and (r.level is not None or r.no_evidence))
            for bucket in (per_ep[a.event_participant_id], per_as[a.assessor_id]):
                bucket[0] += 1
                bucket[1] += done
    submitted_pairs = {(ep, ass) for (ep, _x, _c, ass), r in ratings.items() if r.submitted_at is not None}
    names = {
        r[0]: (r[1], r[2])
        for r in session.execute(
            select(EventParticipant.id, EventParticipant.number, Participant.name)
            .join(Participant, Participant.id == EventParticipant.participant_id)
            .where(EventParticipant.event_id == event_id)
        )
    }
    members = dict(session.execute(select(TeamMember.id, TeamMember.name).where(TeamMember.id.in_(per_as))).all())
    by_ep = []
    for ep_id, (total, done) in per_ep.items():
        number, name = names[ep_id]
        mine = [p for p in pairs if p[0] == ep_id]
        by_ep.append((number or 0, ProgressRow(
            ep_id, name, total, done, sum(1 for p in mine if p in submitted_pairs), len(mine), number,
        )))
    by_as = []
    for member_id, (total, done) in per_as.items():
        mine = [p for p in pairs if p[1] == member_id]
        by_as.append(ProgressRow(member_id, members.get(member_id, "?"), total, done,
                                 sum(1 for p in mine if p in submitted_pairs), len(mine)))
    return Progress(
        tuple(row for _n, row in sorted(by_ep, key=lambda t: (t[0], t[1].label))),
        tuple(sorted(by_as, key=lambda r: r.label)),
    )


def event_purpose(session: Session, event_id: int) -> str:
    event = session.get(Event, event_id)
    return str(getattr(event.purpose, "value", event.purpose)) if event else ""
