"""An assessor never rates a participant of their own unit, with or without a schedule."""

from __future__ import annotations

import pytest
from ratings_support import competency_id, exercise_id, members, small_event
from sqlalchemy import select

from ukom_desktop.db.models import TeamMember
from ukom_desktop.domain.conflict_of_interest import same_unit
from ukom_desktop.services import ratings
from ukom_desktop.services.rating_progress import rating_progress


@pytest.fixture
def event(database):  # type: ignore[no-untyped-def]
    with database.sessions.begin() as session:
        event_id = small_event(session)
    return database, event_id


def _put_in_unit(session, member_id: int, unit: str) -> None:  # type: ignore[no-untyped-def]
    session.get(TeamMember, member_id).unit = unit


def test_the_rule_compares_filled_units_ignoring_surrounding_spaces() -> None:
    assert same_unit("Biro Umum", " Biro Umum ")
    assert not same_unit("Biro Umum", "Biro Keuangan")
    assert not same_unit("", "")  # an unknown unit is never taken for a conflict
    assert not same_unit(None, "Biro Umum")


def test_the_team_fallback_leaves_out_participants_of_the_assessors_own_unit(event) -> None:  # type: ignore[no-untyped-def]
    database, event_id = event
    with database.sessions.begin() as session:
        team = ratings.team_assessors(session, event_id)
        people = members(session, event_id)
        _put_in_unit(session, team[0].id, people[0].participant.unit)
        own = {ep.id for ep in people if ep.participant.unit == people[0].participant.unit}
    with database.sessions() as session:
        mine = {p.event_participant_id for p in ratings.participants_for_assessor(session, event_id, team[0].id)}
        assert mine == {ep.id for ep in people} - own
        colleague = {p.event_participant_id for p in ratings.participants_for_assessor(session, event_id, team[1].id)}
        assert own <= colleague


def test_a_lead_assessor_of_the_participants_unit_gets_no_form_and_the_progress_says_who_is_left(event) -> None:  # type: ignore[no-untyped-def]
    database, event_id = event
    with database.sessions.begin() as session:
        team = ratings.team_assessors(session, event_id)
        people = members(session, event_id)
        people[0].lead_assessor_id = team[0].id
        people[1].lead_assessor_id = team[1].id
        _put_in_unit(session, team[1].id, people[1].participant.unit)
        name = people[1].participant.name
    with database.sessions() as session:
        assert [p.event_participant_id for p in ratings.participants_for_assessor(session, event_id, team[0].id)] == [
            people[0].id
        ]
        assert ratings.participants_for_assessor(session, event_id, team[1].id) == []
        with pytest.raises(ratings.RatingError, match="unit kerja yang sama"):
            ratings.rating_form(session, people[1].id, team[1].id)
        with pytest.raises(ratings.RatingError, match="benturan kepentingan"):
            ratings.save_rating(session, event_participant_id=people[1].id, exercise_id=exercise_id(session, "RP"),
                                competency_id=competency_id(session, "M.01"), assessor_id=team[1].id, level=3)
        progress = rating_progress(session, event_id)
        assert name in progress.without_assessor
        assert people[1].id not in {row.key for row in progress.by_participant}
        assert session.scalars(select(TeamMember.unit).where(TeamMember.id == team[1].id)).one() != ""
