"""Progress of rating entry: what is still missing per participant and per assessor."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ukom_desktop.db.models import EventParticipant, Participant, TeamMember
from ukom_desktop.services import access
from ukom_desktop.services.rating_assignments import (
    event_assignments,
    expected_cells,
    ratings_of,
    unassigned_participants,
)


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
    # present participants nobody may rate: no lead assessor, or only assessors of their own unit
    without_assessor: tuple[str, ...] = ()


def rating_progress(session: Session, event_id: int) -> Progress:
    """What is still missing, per participant and per assessor."""
    access.require(session, access.perm.RATING_PROGRESS)
    assignments = event_assignments(session, event_id)
    expected = expected_cells(session, event_id, assignments)
    ep_ids = {a.event_participant_id for a in assignments}
    ratings = {
        (r.event_participant_id, r.exercise_id, r.competency_id, r.assessor_id): r
        for r in ratings_of(session, ep_ids)
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
        tuple(unassigned_participants(session, event_id, assignments)),
    )
