"""Rating entry: who rates whom, the form from the matrix, saving with audit, submission, blind rule."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from ratings_support import competency_id, exercise_id, fill_form, members, small_event
from sqlalchemy import func, select

from ukom_desktop.db.models import (
    AuditEntry,
    Event,
    Rating,
    ScheduleSession,
    SessionAssessor,
    SessionParticipant,
)
from ukom_desktop.services import ratings
from ukom_desktop.services.settings import set_event_setting


@pytest.fixture
def event(database):  # type: ignore[no-untyped-def]
    with database.sessions.begin() as session:
        event_id = small_event(session)
    return database, event_id


def test_without_schedule_or_leads_every_team_assessor_rates_everyone(event) -> None:  # type: ignore[no-untyped-def]
    database, event_id = event
    with database.sessions() as session:
        team = ratings.team_assessors(session, event_id)
        first = ratings.participants_for_assessor(session, event_id, team[0].id)
        assert len(team) >= 2 and len(first) == 4
        # Psikotes measures no competency: no form for it; the other four exercises are rated.
        assert len(first[0].exercises) == 4


def test_lead_assessor_limits_who_sees_whom(event) -> None:  # type: ignore[no-untyped-def]
    database, event_id = event
    with database.sessions.begin() as session:
        team = ratings.team_assessors(session, event_id)
        people = members(session, event_id)
        people[0].lead_assessor_id = team[0].id
        people[1].lead_assessor_id = team[1].id
    with database.sessions() as session:
        mine = ratings.participants_for_assessor(session, event_id, team[0].id)
        assert [p.event_participant_id for p in mine] == [people[0].id]
        assert ratings.participants_for_assessor(session, event_id, team[2].id) == []


def test_a_stored_schedule_decides_the_exercises_and_raters(event) -> None:  # type: ignore[no-untyped-def]
    database, event_id = event
    with database.sessions.begin() as session:
        team = ratings.team_assessors(session, event_id)
        people = members(session, event_id)
        people[0].lead_assessor_id = team[0].id
        start = datetime(2026, 11, 23, 8, tzinfo=UTC)
        rp = ScheduleSession(event_id=event_id, exercise_id=exercise_id(session, "RP"), starts_at=start,
                             ends_at=start + timedelta(minutes=40))
        rp.participants = [SessionParticipant(event_participant_id=people[0].id)]
        rp.assessors = [SessionAssessor(member_id=team[1].id)]
        inb = ScheduleSession(event_id=event_id, exercise_id=exercise_id(session, "INB"), starts_at=start,
                              ends_at=start + timedelta(minutes=120))
        inb.participants = [SessionParticipant(event_participant_id=people[0].id)]
        session.add_all([rp, inb])
    with database.sessions() as session:
        role_player = ratings.participants_for_assessor(session, event_id, team[1].id)
        assert [p.exercises for p in role_player] == [(exercise_id(session, "RP"),)]
        # The written in-basket has no observer: the lead assessor scores it.
        lead = ratings.participants_for_assessor(session, event_id, team[0].id)
        assert [p.exercises for p in lead] == [(exercise_id(session, "INB"),)]


def test_form_lists_the_competencies_the_exercise_measures(event) -> None:  # type: ignore[no-untyped-def]
    database, event_id = event
    with database.sessions() as session:
        assessor = ratings.team_assessors(session, event_id)[0].id
        ep = members(session, event_id)[0]
        form = ratings.rating_form(session, ep.id, assessor)
        inbasket = [r.competency_code for r in form.rows if r.exercise_code == "INB"]
        assert inbasket == ["M.01", "M.04", "M.06", "M.07", "M.08"]
        assert form.missing == len(form.rows) and not form.submitted


def test_every_change_is_audited_and_bad_levels_are_refused(event) -> None:  # type: ignore[no-untyped-def]
    database, event_id = event
    with database.sessions.begin() as session:
        assessor = ratings.team_assessors(session, event_id)[0].id
        ep = members(session, event_id)[0]
        key = {"event_participant_id": ep.id, "exercise_id": exercise_id(session, "INB"),
               "competency_id": competency_id(session, "M.01"), "assessor_id": assessor}
        ratings.save_rating(session, level=3, **key)
        ratings.save_rating(session, level=4, evidence="Menolak gratifikasi dalam simulasi.", **key)
        ratings.save_rating(session, level=4, evidence="Menolak gratifikasi dalam simulasi.", **key)  # no change
        with pytest.raises(ratings.RatingError, match="antara 1 dan 5"):
            ratings.save_rating(session, level=6, **key)
        with pytest.raises(ratings.RatingError, match="bilangan bulat"):
            ratings.save_rating(session, level="3,5", **key)
        with pytest.raises(ratings.RatingError, match="tidak diukur"):
            ratings.save_rating(session, level=3, **{**key, "competency_id": competency_id(session, "M.02")})
    with database.sessions() as session:
        entries = list(session.scalars(select(AuditEntry).where(AuditEntry.entity == "rating").order_by(AuditEntry.id)))
        assert [(e.action, e.new_value["level"]) for e in entries] == [("isi", "3"), ("ubah", "4")]
        assert entries[1].old_value == {"level": "3", "no_evidence": False, "evidence": ""}
        assert session.scalar(select(func.count()).select_from(Rating)) == 1


def test_halves_are_accepted_when_the_setting_allows_them(event) -> None:  # type: ignore[no-untyped-def]
    database, event_id = event
    with database.sessions.begin() as session:
        set_event_setting(session, session.get(Event, event_id), "integration", {"allow_half_levels": True})
    with database.sessions.begin() as session:
        assessor = ratings.team_assessors(session, event_id)[0].id
        ep = members(session, event_id)[0]
        rating = ratings.save_rating(session, event_participant_id=ep.id, exercise_id=exercise_id(session, "INB"),
                                     competency_id=competency_id(session, "M.01"), assessor_id=assessor,
                                     level="3,5")
        assert rating is not None and rating.level == Decimal("3.5")


def test_submission_needs_a_complete_form_and_locks_it(event) -> None:  # type: ignore[no-untyped-def]
    database, event_id = event
    with database.sessions.begin() as session:
        assessor = ratings.team_assessors(session, event_id)[0].id
        ep = members(session, event_id)[0]
        fill_form(session, ep.id, assessor, submit=False)
        form = ratings.rating_form(session, ep.id, assessor)
        last = form.rows[-1]
        ratings.save_rating(session, event_participant_id=ep.id, exercise_id=last.exercise_id,
                            competency_id=last.competency_id, assessor_id=assessor, level=None)
        with pytest.raises(ratings.RatingError, match="belum lengkap"):
            ratings.submit_ratings(session, ep.id, assessor)
        ratings.save_rating(session, event_participant_id=ep.id, exercise_id=last.exercise_id,
                            competency_id=last.competency_id, assessor_id=assessor, level=None, no_evidence=True)
        assert ratings.submit_ratings(session, ep.id, assessor) == len(form.rows)
        with pytest.raises(ratings.RatingError, match="sudah diserahkan"):
            ratings.save_rating(session, event_participant_id=ep.id, exercise_id=last.exercise_id,
                                competency_id=last.competency_id, assessor_id=assessor, level=2)


def test_blind_rule_hides_colleagues_until_the_viewer_has_submitted(event) -> None:  # type: ignore[no-untyped-def]
    database, event_id = event
    with database.sessions.begin() as session:
        team = ratings.team_assessors(session, event_id)
        ep = members(session, event_id)[0]
        fill_form(session, ep.id, team[0].id, default=2)
        fill_form(session, ep.id, team[1].id, default=4, submit=False)
    with database.sessions() as session:
        before = ratings.visible_ratings_for(session, ep.id, team[1].id)
        assert {r.assessor_id for r in before} == {team[1].id}
        meeting = ratings.visible_ratings_for(session, ep.id, team[1].id, integration=True)
        assert {r.assessor_id for r in meeting} == {team[0].id, team[1].id}
        after = ratings.visible_ratings_for(session, ep.id, team[0].id)
        assert {r.assessor_id for r in after} == {team[0].id, team[1].id}


def test_progress_counts_missing_cells_per_participant_and_assessor(event) -> None:  # type: ignore[no-untyped-def]
    database, event_id = event
    with database.sessions.begin() as session:
        team = ratings.team_assessors(session, event_id)
        people = members(session, event_id)
        for ep in people[:2]:
            ep.lead_assessor_id = team[0].id
        filled = fill_form(session, people[0].id, team[0].id)
    with database.sessions() as session:
        progress = ratings.rating_progress(session, event_id)
        first, second = progress.by_participant
        assert (first.filled, first.missing, first.submitted_parts, first.parts) == (filled, 0, 1, 1)
        assert (second.filled, second.missing) == (0, filled)
        (only,) = progress.by_assessor
        assert (only.expected, only.filled, only.submitted_parts, only.parts) == (2 * filled, filled, 1, 2)
