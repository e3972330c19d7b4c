"""The solver, verified by the independent checker on small problems (CP-SAT with small time limits)."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import date, time

from sched_cases import MONDAY, hand_problem, small_problem

from ukom_desktop.domain.scheduling import (
    Assessor,
    Participant,
    Room,
    Rule,
    Schedule,
    ScheduleProblem,
    Session,
    build_schedule,
    check_schedule,
    greedy_baseline,
)

TUESDAY = date(2026, 11, 24)


def assert_complete(problem: ScheduleProblem, schedule: Schedule, waves: list[int] | None = None) -> None:
    """Every participant of the waves attends every exercise exactly once."""
    wanted = set(problem.waves if waves is None else waves)
    attended = Counter((pid, s.exercise_id) for s in schedule.sessions for pid in s.participant_ids)
    for p in problem.participants:
        if p.wave in wanted:
            for e in problem.exercises:
                assert attended[(p.id, e.id)] == 1, (p.id, e.id)


def overlaps(a: Session, b: Session) -> bool:
    return a.start < b.end and b.start < a.end


def medium_problem() -> ScheduleProblem:
    """16 participants of 4 units, 8 assessors of those 4 units, two days."""
    units = ["Biro Umum", "Biro Hukum", "Biro Keuangan", "Inspektorat"]
    participants = [Participant(f"P{i + 1:02d}", units[i % 4], 1) for i in range(16)]
    assessors = [Assessor(f"A{i + 1}", units[i % 4]) for i in range(8)]
    base = small_problem()
    rooms = [*base.rooms, Room("RK2", 8, "ruang_kelompok"), Room("RW3", 1, "ruang_wawancara")]
    return replace(
        base, participants=participants, assessors=assessors, rooms=rooms, wave_days={1: [MONDAY, TUESDAY]}
    )


def test_small_case_has_no_hard_violation_by_the_checker() -> None:
    problem = small_problem(days=2)
    result = build_schedule(problem, time_limit_s=2)
    findings = check_schedule(problem, result.schedule)
    assert [v for v in findings if v.is_hard] == []
    assert result.violations == [] and result.infeasible == [] and result.ok
    assert_complete(problem, result.schedule)
    by_id = problem.participant_by_id
    for s in result.schedule.sessions:
        kind = problem.exercise_by_id[s.exercise_id].kind
        if kind == "one_to_one":
            assert len(s.participant_ids) == 1 and len(s.assessor_ids) == 1
        if kind == "group":
            assert 4 <= len(s.participant_ids) <= 8 and len(s.assessor_ids) >= 2
        for aid in s.assessor_ids:
            assert all(by_id[pid].unit != problem.assessor_by_id[aid].unit for pid in s.participant_ids)
    leads = result.schedule.lead
    assert set(leads) == {p.id for p in problem.participants}
    assert all(problem.assessor_by_id[a].unit != by_id[p].unit for p, a in leads.items())
    assert max(Counter(leads.values()).values()) <= problem.settings.lead_per_assessor


def test_small_team_reports_the_reduced_distinct_target() -> None:
    result = build_schedule(small_problem(days=2), time_limit_s=2)
    codes = {v.code for v in result.warnings}
    assert Rule.DISTINCT_REDUCED in codes
    # Participants of units without an assessor can still reach D = 3.
    seen: dict[str, set[str]] = {}
    for s in result.schedule.sessions:
        for pid in s.participant_ids:
            seen.setdefault(pid, set()).update(s.assessor_ids)
    assert len(seen["P7"]) >= 3 and len(seen["P8"]) >= 3


def test_medium_case_reaches_distinct_target_with_balanced_load() -> None:
    problem = medium_problem()
    result = build_schedule(problem, time_limit_s=5)
    assert result.ok
    assert_complete(problem, result.schedule)
    assert result.stats.distinct_min >= 3
    assert result.stats.load_spread <= 1
    assert result.stats.lead_spread <= 1
    assert not [w for w in result.warnings if w.code in (Rule.LOAD_IMBALANCE, Rule.FEW_DISTINCT_ASSESSORS)]


def test_solver_beats_first_fit_on_spread() -> None:
    problem = medium_problem()
    solver = build_schedule(problem, time_limit_s=5)
    greedy = greedy_baseline(problem)
    assert_complete(problem, greedy.schedule)
    assert [v for v in check_schedule(problem, greedy.schedule) if v.code == Rule.MISSING_EXERCISE] == []
    assert solver.stats.load_spread <= greedy.stats.load_spread
    assert solver.stats.distinct_min >= greedy.stats.distinct_min


def test_availability_is_respected() -> None:
    problem = medium_problem()
    tuesday_afternoon = frozenset({(TUESDAY, "siang")})
    team = [
        replace(a, availability=tuesday_afternoon) if a.id in ("A1", "A6") else a for a in problem.assessors
    ]
    problem = replace(problem, assessors=team)
    result = build_schedule(problem, time_limit_s=3)
    assert result.ok
    for s in result.schedule.sessions:
        if {"A1", "A6"} & set(s.assessor_ids):
            assert s.start.date() == TUESDAY and s.start.time() >= time(12)


def test_waves_on_the_same_day_never_double_book() -> None:
    first = small_problem(days=2)
    second = [replace(p, id=f"Q{p.id}", wave=2) for p in first.participants]
    team = [*first.assessors, Assessor("A5", "Biro Keuangan"), Assessor("A6", "Inspektorat")]
    problem = replace(
        first,
        participants=[*first.participants, *second],
        assessors=team,
        wave_days={1: [MONDAY, TUESDAY], 2: [MONDAY, TUESDAY]},
    )
    result = build_schedule(problem, time_limit_s=3)
    assert result.waves_scheduled == (1, 2)
    assert result.violations == []
    assert_complete(problem, result.schedule)
    sessions = result.schedule.sessions
    for i, a in enumerate(sessions):
        for b in sessions[i + 1 :]:
            if overlaps(a, b):
                assert a.room_id != b.room_id
                assert not set(a.assessor_ids) & set(b.assessor_ids)


def test_whole_wave_split_when_the_hall_is_small() -> None:
    problem = small_problem(days=2)
    rooms = [replace(r, capacity=5) if r.kind == "aula" else r for r in problem.rooms]
    problem = replace(problem, rooms=rooms)
    result = build_schedule(problem, time_limit_s=2)
    assert result.ok
    psikotes = [s for s in result.schedule.sessions if s.exercise_id == "PSI"]
    assert sorted(len(s.participant_ids) for s in psikotes) == [4, 4]
    assert_complete(problem, result.schedule)


def test_what_cannot_be_placed_is_reported_as_hard() -> None:
    # Everyone works Monday morning only: after Psikotes and the LGD, four one-hour interviews
    # need four rooms between 11:00 and 12:00, and there are three.
    problem = hand_problem()
    morning = frozenset({(MONDAY, "pagi")})
    problem = replace(problem, assessors=[replace(a, availability=morning) for a in problem.assessors])
    result = build_schedule(problem, time_limit_s=2)
    assert result.infeasible == []
    missing = [v for v in result.violations if v.code == Rule.MISSING_EXERCISE]
    assert len(missing) == 1 and "Wawancara" in missing[0].message
    assert not result.ok
    assert any(n.startswith("Tidak dapat dijadwalkan: Wawancara") for n in result.notes)


def test_result_findings_are_the_checkers() -> None:
    problem = small_problem(days=2)
    result = build_schedule(problem, time_limit_s=2)
    checker = check_schedule(problem, result.schedule)
    assert result.violations == [v for v in checker if v.is_hard]
    assert [w for w in result.warnings if w in checker] == [v for v in checker if not v.is_hard]
    assert result.stats.hard_violations == 0
    assert result.stats.sessions == len(result.schedule.sessions)


def test_progress_is_reported_per_wave() -> None:
    seen: list[tuple[int, int, str]] = []
    build_schedule(small_problem(days=2), time_limit_s=2, progress=lambda d, t, m: seen.append((d, t, m)))
    assert seen[0] == (0, 1, "Menyusun jadwal gelombang 1")
    assert seen[-1][:2] == (1, 1)


def test_groups_set_by_the_user_are_kept() -> None:
    problem = small_problem(days=2)
    chosen = {"P1": "X", "P2": "X", "P3": "X", "P7": "X", "P4": "Y", "P5": "Y", "P6": "Y", "P8": "Y"}
    problem = replace(problem, participants=[replace(p, group=chosen[p.id]) for p in problem.participants])
    result = build_schedule(problem, time_limit_s=2)
    assert result.ok
    assert result.groups[1] == {"X": ["P1", "P2", "P3", "P7"], "Y": ["P4", "P5", "P6", "P8"]}
    lgd = sorted(sorted(s.participant_ids) for s in result.schedule.sessions if s.exercise_id == "LGD")
    assert lgd == [["P1", "P2", "P3", "P7"], ["P4", "P5", "P6", "P8"]]


def test_a_user_group_nobody_may_observe_is_explained() -> None:
    problem = small_problem(days=2)
    # Group Y mixes Biro Umum and Biro Hukum: every assessor comes from one of them.
    chosen = {"P1": "X", "P2": "X", "P7": "X", "P8": "X", "P3": "Y", "P4": "Y", "P5": "Y", "P6": "Y"}
    problem = replace(problem, participants=[replace(p, group=chosen[p.id]) for p in problem.participants])
    result = build_schedule(problem, time_limit_s=2)
    assert result.waves_skipped == (1,)
    assert [f.message for f in result.infeasible] == [
        "Gelombang 1: kelompok Y (P3, P4, P5, P6) memerlukan 2 asesor pengamat, tetapi hanya 0 asesor "
        "tersedia yang bukan berasal dari unit Biro Hukum atau Biro Umum."
    ]
