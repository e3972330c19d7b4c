"""Scheduling an event from the database: build, store in one transaction, load back, check, edit."""

from __future__ import annotations

from pathlib import Path

import pytest
from scheduled_demo import scheduled_demo_copy
from sqlalchemy import func, select

from ukom_desktop.db.models import (
    EventParticipant,
    EventTeamMember,
    ParticipantGroup,
    ScheduleSession,
    TeamMember,
    TeamRole,
    Wave,
)
from ukom_desktop.domain.scheduling import Rule
from ukom_desktop.errors import UserFacingError
from ukom_desktop.services.schedule_problem import build_event_problem, load_stored_schedule, session_db_id
from ukom_desktop.services.scheduling import (
    GridEdit,
    apply_edit,
    check_stored_schedule,
    run_to_end,
    schedule_event,
)


@pytest.fixture
def scheduled(tmp_path: Path):  # type: ignore[no-untyped-def]
    from ukom_desktop.db.database import open_database

    db = open_database(f"sqlite:///{scheduled_demo_copy(tmp_path)}")
    yield db
    db.dispose()


def _one_to_one_pair(stored, exercise_id: str = "RP"):  # type: ignore[no-untyped-def]
    sessions = [s for s in stored.schedule.sessions if s.exercise_id == exercise_id]
    return sessions[0], sessions[1]


def test_stored_schedule_loads_back_with_no_violation(scheduled) -> None:  # type: ignore[no-untyped-def]
    with scheduled.sessions() as session:
        report = check_stored_schedule(session, 1)
        leads = session.scalar(
            select(func.count()).where(EventParticipant.event_id == 1, EventParticipant.lead_assessor_id.is_not(None))
        )
    assert report.hard == [] and report.unscheduled_waves == ()
    assert report.stats.participants == 30 and report.stats.distinct_min >= 3
    assert report.stats.load_spread <= 1
    assert leads == 30
    # Every participant: psikotes, in-basket, LGD, role play, interview, exactly once each.
    stored = report.stored
    for pid in stored.event.participants:
        kinds = sorted(s.exercise_id for s in stored.schedule.sessions_of_participant(pid))
        assert kinds == sorted(["PSI", "INB", "LGD", "RP", "WWC"])
    group_sessions = [s for s in stored.schedule.sessions if s.exercise_id == "LGD"]
    assert all(stored.labels[s.id].startswith("Kelompok ") for s in group_sessions)


def test_a_move_the_checker_refuses_is_not_written(scheduled) -> None:  # type: ignore[no-untyped-def]
    with scheduled.sessions() as session:
        stored = load_stored_schedule(session, 1)
    first, second = _one_to_one_pair(stored)
    edit = GridEdit("move_participant", person=first.participant_ids[0], source=first.id, target=second.id)
    with scheduled.sessions.begin() as session:
        outcome = apply_edit(session, 1, edit)
    assert not outcome.applied and outcome.refused
    assert any(v.code == Rule.ONE_TO_ONE_SIZE for v in outcome.added)
    with scheduled.sessions() as session:
        again = load_stored_schedule(session, 1)
    assert again.schedule.session(first.id).participant_ids == first.participant_ids


def test_an_assessor_is_never_moved_onto_a_participant_of_their_own_unit(scheduled) -> None:  # type: ignore[no-untyped-def]
    with scheduled.sessions() as session:
        stored = load_stored_schedule(session, 1)
    problem = stored.problem
    rp = [s for s in stored.schedule.sessions if s.exercise_id == "RP"]
    for a in rp:
        for b in rp:
            assessor = problem.assessor_by_id[a.assessor_ids[0]]
            other = problem.assessor_by_id[b.assessor_ids[0]]
            target = problem.participant_by_id[b.participant_ids[0]]
            if assessor.unit == target.unit and a.id != b.id and other.id != assessor.id:
                edit = GridEdit("swap_assessors", person=assessor.id, source=a.id, target=b.id, other=other.id)
                with scheduled.sessions.begin() as session:
                    outcome = apply_edit(session, 1, edit)
                assert not outcome.applied
                assert any(v.code == Rule.CONFLICT_OF_INTEREST for v in outcome.added)
                return
    pytest.skip("no same-unit pair in this demo")


def test_swapping_two_participants_keeps_the_schedule_valid_and_is_saved(scheduled) -> None:  # type: ignore[no-untyped-def]
    with scheduled.sessions() as session:
        stored = load_stored_schedule(session, 1)
    lgd = [s for s in stored.schedule.sessions if s.exercise_id == "LGD"]
    from ukom_desktop.services.scheduling import preview_edit

    applied = None
    for a in lgd:
        for b in lgd:
            if a.id >= b.id:
                continue
            for p in a.participant_ids:
                for q in b.participant_ids:
                    edit = GridEdit("swap_participants", person=p, source=a.id, target=b.id, other=q)
                    _after, added = preview_edit(stored, edit)
                    if not added:
                        with scheduled.sessions.begin() as session:
                            applied = apply_edit(session, 1, edit)
                        break
                if applied:
                    break
            if applied:
                break
        if applied:
            break
    assert applied is not None and applied.applied
    with scheduled.sessions() as session:
        report = check_stored_schedule(session, 1)
        moved = report.stored.schedule.session(edit.target).participant_ids
    assert edit.person in moved and edit.other not in moved
    assert report.hard == []
    with scheduled.sessions() as session:  # the swapped people now belong to each other's group
        info = report.stored.event.participants
        target_group = session.get(ScheduleSession, session_db_id(edit.target)).group_id
        source_group = session.get(ScheduleSession, session_db_id(edit.source)).group_id
        assert target_group is not None and source_group is not None
        assert session.get(EventParticipant, info[edit.person].db_id).group_id == target_group
        assert session.get(EventParticipant, info[edit.other].db_id).group_id == source_group


def test_rescheduling_replaces_only_the_chosen_wave_and_writes_nothing_when_cancelled(scheduled) -> None:  # type: ignore[no-untyped-def]
    with scheduled.sessions() as session:
        before = session.scalar(select(func.count()).select_from(ScheduleSession))
        ids_before = set(session.scalars(select(ScheduleSession.uuid)))
    steps = schedule_event(scheduled.sessions, 1, [1], time_limit_s=3.0)
    next(steps)
    next(steps)  # solving has started
    steps.close()  # the user pressed Batal
    with scheduled.sessions() as session:
        assert set(session.scalars(select(ScheduleSession.uuid))) == ids_before
    outcome = run_to_end(schedule_event(scheduled.sessions, 1, [1], time_limit_s=3.0))
    assert outcome.ok and outcome.waves_stored == (1,)
    with scheduled.sessions() as session:
        after = session.scalar(select(func.count()).select_from(ScheduleSession))
        assert not ids_before & set(session.scalars(select(ScheduleSession.uuid)))
    assert after == before == outcome.sessions_stored


def test_too_small_a_team_is_explained_and_nothing_is_stored(database) -> None:  # type: ignore[no-untyped-def]
    from ukom_desktop.services.demo import build_demo

    with database.sessions.begin() as session:
        demo = build_demo(session, participants=30, seed=3)
        team = session.scalars(
            select(EventTeamMember).join(TeamMember).where(
                EventTeamMember.event_id == demo.event_id, TeamMember.role == TeamRole.ASESOR
            )
        ).all()
        for etm in team[4:]:
            session.delete(etm)
    outcome = run_to_end(schedule_event(database.sessions, demo.event_id, time_limit_s=2.0))
    assert not outcome.ok and outcome.sessions_stored == 0
    text = " ".join(outcome.summary()["infeasible"])
    assert "gelombang 1: 30 peserta, kapasitas asesor 12" in text.lower()
    with database.sessions() as session:
        assert session.scalar(select(func.count()).select_from(ScheduleSession)) == 0


def test_groups_set_by_the_user_are_kept(database) -> None:  # type: ignore[no-untyped-def]
    from ukom_desktop.services.demo import build_demo

    with database.sessions.begin() as session:
        demo = build_demo(session, participants=30, seed=5)
        wave = session.scalar(select(Wave).where(Wave.event_id == demo.event_id))
        people = session.scalars(
            select(EventParticipant).where(EventParticipant.event_id == demo.event_id).order_by(EventParticipant.number)
        ).all()
        for n in range(5):
            group = ParticipantGroup(event_id=demo.event_id, wave_id=wave.id, number=n + 1, name=f"Kelompok {n + 1}")
            session.add(group)
            session.flush()
            for ep in people[n * 6:(n + 1) * 6]:
                ep.group_id = group.id
    with database.sessions() as session:
        event = build_event_problem(session, demo.event_id)
    outcome = run_to_end(schedule_event(database.sessions, demo.event_id, time_limit_s=3.0))
    assert outcome.ok, outcome.summary()
    with database.sessions() as session:
        stored = load_stored_schedule(session, demo.event_id)
    lgd = [s for s in stored.schedule.sessions if s.exercise_id == "LGD"]
    assert len(lgd) == 5
    wanted = {frozenset(p.id for p in event.problem.participants if p.group == g) for g in event.group_db}
    assert {frozenset(s.participant_ids) for s in lgd} == wanted
    assert {stored.labels[s.id] for s in lgd} == {f"Kelompok {n}" for n in range(1, 6)}


def test_groups_the_scheduler_forms_become_the_participants_groups(scheduled) -> None:  # type: ignore[no-untyped-def]
    def groups_now():  # type: ignore[no-untyped-def]
        with scheduled.sessions() as session:
            stored = load_stored_schedule(session, 1)
            names = {g.id: g.name for g in session.scalars(select(ParticipantGroup))}
            member_of = {ep.id: ep.group_id for ep in session.scalars(select(EventParticipant))}
            session_group = {s.id: s.group_id for s in session.scalars(select(ScheduleSession))}
        return stored, names, member_of, session_group

    # The demo had waves but no groups: the LGD groups the scheduler formed are now the Peserta tab's groups.
    stored, names, member_of, session_group = groups_now()
    lgd = [s for s in stored.schedule.sessions if s.exercise_id == "LGD"]
    assert lgd and len(names) == len(lgd)
    for s in lgd:
        group_id = session_group[session_db_id(s.id)]
        assert names[group_id] == stored.labels[s.id]  # "Kelompok A" on the grid and in the Peserta tab
        assert {member_of[stored.event.participants[p].db_id] for p in s.participant_ids} == {group_id}
    # Scheduling again keeps those groups instead of forming new ones.
    assert run_to_end(schedule_event(scheduled.sessions, 1, time_limit_s=3.0)).ok
    again, names_again, member_again, _ = groups_now()
    assert names_again == names and member_again == member_of


def test_unknown_wave_and_empty_event_get_sentences(database) -> None:  # type: ignore[no-untyped-def]
    from ukom_desktop.services.demo import build_demo

    with database.sessions.begin() as session:
        full = build_demo(session, participants=5, seed=1)
        empty = build_demo(session, participants=0, seed=2)
    with pytest.raises(UserFacingError, match="Gelombang 9 tidak ada"):
        run_to_end(schedule_event(database.sessions, full.event_id, [9]))
    with pytest.raises(UserFacingError, match="belum memiliki peserta"):
        run_to_end(schedule_event(database.sessions, empty.event_id))


def test_findings_name_people_in_words_and_tell_namesakes_apart(scheduled) -> None:  # type: ignore[no-untyped-def]
    from ukom_desktop.db.models import Participant

    with scheduled.sessions.begin() as session:
        stored = load_stored_schedule(session, 1)
        first, second = _one_to_one_pair(stored)
        a, b = first.participant_ids[0], second.participant_ids[0]
        info_a, info_b = stored.event.participants[a], stored.event.participants[b]
        twin = session.get(EventParticipant, info_b.db_id)
        session.get(Participant, twin.participant_id).name = info_a.name  # two people of one name
    edit = GridEdit("move_participant", person=a, source=first.id, target=second.id)
    with scheduled.sessions.begin() as session:
        outcome = apply_edit(session, 1, edit)
    size = [v for v in outcome.added if v.code == Rule.ONE_TO_ONE_SIZE and second.id in v.session_ids]
    assert not outcome.applied and size
    message = size[0].message
    # "2 peserta (Nama (no. 3), Nama (no. 17))": the names, told apart by the number the grid shows.
    assert f"{info_a.name} (no. {info_a.number})" in message
    assert f"{info_a.name} (no. {info_b.number})" in message
    assert a not in message and b not in message  # never the internal ids ("P003")
