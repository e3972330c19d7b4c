"""Who rates whom in which exercise (an *assignment* is participant x exercise x assessor), and the forms.

- From the stored schedule when the event has one: every session participant is rated in the
  session's exercise by each assessor of that session. A session without assessors (a written,
  whole-wave exercise such as the in-basket) is scored by the participant's lead assessor.
- Without a schedule: the participant's lead assessor (EventParticipant.lead_assessor_id) rates every
  exercise of the event; when no participant has a lead assessor yet, every assessor of the event
  team may rate every participant.
- In every case an assessor never rates a participant of their own work unit (conflict of interest,
  domain.conflict_of_interest.same_unit, the rule the scheduler applies): such an assignment is left
  out, and `unassigned_participants` names who is left without anyone to rate them.
- Exercises that measure no competency in the event matrix (a psychotest) get no form; participants
  marked absent are left out.

A form lists the competencies the exercise measures (EventMatrixCell), restricted to the competencies
of the participant's target-position standard when it has one.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

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
from ukom_desktop.domain.conflict_of_interest import same_unit
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
class _Present:
    lead: int | None
    unit: str


# ---------------------------------------------------------------------------------------------
# Settings and matrix


def integration_settings(session: Session, event_id: int) -> rules.IntegrationSettings:
    try:
        return rules.IntegrationSettings.from_dict(event_setting(session, event_id, "integration", None))
    except ValueError as exc:
        raise RatingError(str(exc)) from exc


def exercise_order(session: Session, event_id: int) -> dict[int, int]:
    """exercise id -> its place in the event's running order."""
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


def expected_cells(
    session: Session, event_id: int, assignments: Iterable[Assignment]
) -> dict[Assignment, list[int]]:
    """Assignment -> competency ids on its form."""
    items = list(assignments)
    cells = matrix(session, event_id)
    standards = standard_competencies(session, {a.event_participant_id for a in items})
    return {a: form_competencies(cells, standards, a.event_participant_id, a.exercise_id) for a in items}


# ---------------------------------------------------------------------------------------------
# Assignments


def _present_participants(session: Session, event_id: int) -> dict[int, _Present]:
    """event participant id -> lead assessor id and unit, for participants not marked absent."""
    rows = session.execute(
        select(EventParticipant.id, EventParticipant.lead_assessor_id, EventParticipant.attendance, Participant.unit)
        .join(Participant, Participant.id == EventParticipant.participant_id)
        .where(EventParticipant.event_id == event_id)
    ).all()
    return {r[0]: _Present(r[1], r[3] or "") for r in rows if r[2] != Attendance.TIDAK_HADIR}


def _member_units(session: Session, member_ids: Iterable[int]) -> dict[int, str]:
    ids = set(member_ids)
    if not ids:
        return {}
    return {r[0]: r[1] or "" for r in session.execute(select(TeamMember.id, TeamMember.unit).where(TeamMember.id.in_(ids)))}


def team_assessors(session: Session, event_id: int) -> list[AssessorOption]:
    """Assessors of the event team (role asesor), by name."""
    rows = session.execute(
        select(TeamMember.id, TeamMember.name, TeamMember.nip)
        .join(EventTeamMember, EventTeamMember.member_id == TeamMember.id)
        .where(EventTeamMember.event_id == event_id, EventTeamMember.role == TeamRole.ASESOR)
        .order_by(TeamMember.name)
    ).all()
    return [AssessorOption(r[0], r[1], r[2]) for r in rows]


def _has_schedule(session: Session, event_id: int) -> bool:
    return session.scalars(
        select(ScheduleSession.id).where(ScheduleSession.event_id == event_id).limit(1)
    ).first() is not None


def _candidates(
    session: Session, event_id: int, present: dict[int, _Present], any_lead: bool, exercises: list[int],
    measured: set[int], limited: bool,
) -> set[Assignment]:
    """Every assignment the schedule (or the fallback) gives, before the conflict-of-interest rule."""
    result: set[Assignment] = set()
    if _has_schedule(session, event_id):
        stmt = (
            select(SessionParticipant.session_id, SessionParticipant.event_participant_id, ScheduleSession.exercise_id)
            .join(ScheduleSession, ScheduleSession.id == SessionParticipant.session_id)
            .where(ScheduleSession.event_id == event_id)
        )
        if limited:
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
            lead = present[ep_id].lead
            raters = assessors.get(sid) or ([lead] if lead is not None else [])
            for member in raters:
                result.add(Assignment(ep_id, exercise_id, member))
        return result
    if any_lead:
        for ep_id, info in present.items():
            if info.lead is not None:
                result.update(Assignment(ep_id, ex, info.lead) for ex in exercises)
        return result
    for assessor in team_assessors(session, event_id):
        for ep_id in present:
            result.update(Assignment(ep_id, ex, assessor.id) for ex in exercises)
    return result


def event_assignments(
    session: Session, event_id: int, only: Iterable[int] | None = None
) -> set[Assignment]:
    """Every participant x exercise x assessor that should be rated in the event (see module doc).

    ``only`` limits the result to those event participants (the rule itself looks at the whole event).
    """
    present = _present_participants(session, event_id)
    any_lead = any(info.lead is not None for info in present.values())
    if only is not None:
        wanted = set(only)
        present = {ep: info for ep, info in present.items() if ep in wanted}
    cells = matrix(session, event_id)
    measured = {ex for ex, comps in cells.items() if comps}
    exercises = [ex for ex in exercise_order(session, event_id) if ex in measured]
    candidates = _candidates(session, event_id, present, any_lead, exercises, measured, only is not None)
    units = _member_units(session, {a.assessor_id for a in candidates})
    return {
        a for a in candidates if not same_unit(units.get(a.assessor_id, ""), present[a.event_participant_id].unit)
    }


def unassigned_participants(session: Session, event_id: int, assignments: Iterable[Assignment]) -> list[str]:
    """Names of present participants nobody may rate (no lead assessor, or only assessors of their unit)."""
    rated = {a.event_participant_id for a in assignments}
    if not matrix(session, event_id):
        return []
    present = _present_participants(session, event_id)
    missing = [ep for ep in present if ep not in rated]
    if not missing:
        return []
    rows = session.execute(
        select(EventParticipant.number, Participant.name)
        .join(Participant, Participant.id == EventParticipant.participant_id)
        .where(EventParticipant.id.in_(missing))
    ).all()
    return [name for _number, name in sorted(rows, key=lambda r: (r[0] is None, r[0] or 0, r[1]))]


def conflict_reason(session: Session, event_participant_id: int, assessor_id: int) -> str:
    """A sentence when the assessor is of the participant's own unit (empty otherwise)."""
    unit = session.scalar(
        select(Participant.unit).join(EventParticipant, EventParticipant.participant_id == Participant.id)
        .where(EventParticipant.id == event_participant_id)
    ) or ""
    if not same_unit(_member_units(session, [assessor_id]).get(assessor_id, ""), unit):
        return ""
    return (
        f"Asesor ini berasal dari unit kerja yang sama dengan peserta ({unit.strip()}) sehingga tidak boleh "
        "menilainya (benturan kepentingan); tunjuk asesor lain."
    )


def assessors_with_work(session: Session, event_id: int) -> list[AssessorOption]:
    """Assessors that have at least one participant to rate, by name (for "bertindak sebagai")."""
    ids = {a.assessor_id for a in event_assignments(session, event_id)}
    if not ids:
        return []
    rows = session.execute(
        select(TeamMember.id, TeamMember.name, TeamMember.nip).where(TeamMember.id.in_(ids)).order_by(TeamMember.name)
    ).all()
    return [AssessorOption(r[0], r[1], r[2]) for r in rows]


def ratings_of(session: Session, ep_ids: Iterable[int], assessor_id: int | None = None) -> list[Rating]:
    """The stored ratings of these event participants (of one assessor when given)."""
    ids = list(ep_ids)
    if not ids:
        return []
    stmt = select(Rating).where(Rating.event_participant_id.in_(ids))
    if assessor_id is not None:
        stmt = stmt.where(Rating.assessor_id == assessor_id)
    return list(session.scalars(stmt))


def event_purpose(session: Session, event_id: int) -> str:
    event = session.get(Event, event_id)
    return str(getattr(event.purpose, "value", event.purpose)) if event else ""
