"""Feasibility checks: precise Indonesian explanations, per wave, of why no schedule can exist."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time

from sched_cases import MONDAY, hand_problem, small_problem

from ukom_desktop.domain.scheduling import (
    HARD,
    SOFT,
    Assessor,
    Participant,
    Rule,
    ScheduleProblem,
    build_schedule,
    check_feasibility,
    infeasible_waves,
)

TUESDAY = date(2026, 11, 24)


def two_wave_problem(wave2_size: int, assessors: int) -> ScheduleProblem:
    """Wave 1 is comfortable; wave 2 has ``wave2_size`` participants for ``assessors`` assessors."""
    base = hand_problem()
    units = ["Biro Umum", "Biro Hukum"]
    people = list(base.participants)
    people += [Participant(f"Q{i:02d}", units[i % 2], 2) for i in range(wave2_size)]
    team = [Assessor(f"B{i:02d}", "Inspektorat" if i % 2 else "Biro Keuangan") for i in range(assessors)]
    return replace(base, participants=people, assessors=team, wave_days={1: [MONDAY], 2: [TUESDAY]})


def test_comfortable_problem_has_no_hard_findings() -> None:
    assert [f for f in check_feasibility(hand_problem()) if f.is_hard] == []


def test_too_few_assessors_for_the_leads() -> None:
    problem = two_wave_problem(wave2_size=31, assessors=9)
    findings = check_feasibility(problem)
    lead = [f for f in findings if f.code == Rule.LEAD_CAPACITY]
    assert [(f.wave, f.severity) for f in lead] == [(2, HARD)]
    assert lead[0].message.startswith("Gelombang 2: 31 peserta, kapasitas asesor 27")
    assert "9 asesor tersedia x 3 peserta per asesor" in lead[0].message
    assert infeasible_waves(findings, problem.waves) == {2}


def test_lead_capacity_follows_the_setting() -> None:
    problem = two_wave_problem(wave2_size=31, assessors=9)
    problem = replace(problem, settings=replace(problem.settings, lead_per_assessor=4))
    assert [f for f in check_feasibility(problem) if f.code == Rule.LEAD_CAPACITY] == []


def test_unavailable_assessors_do_not_count() -> None:
    problem = two_wave_problem(wave2_size=20, assessors=9)

    def away_on_tuesday(*ids: str) -> ScheduleProblem:
        monday_only = frozenset({(MONDAY, "pagi"), (MONDAY, "siang")})
        team = [replace(a, availability=monday_only) if a.id in ids else a for a in problem.assessors]
        return replace(problem, assessors=team)

    # Two away: 7 x 3 = 21 places for 20 participants. Three away: 18.
    assert [f for f in check_feasibility(away_on_tuesday("B00", "B01")) if f.code == Rule.LEAD_CAPACITY] == []
    findings = check_feasibility(away_on_tuesday("B00", "B01", "B02"))
    lead = [f for f in findings if f.code == Rule.LEAD_CAPACITY]
    assert [f.message for f in lead] == [
        "Gelombang 2: 20 peserta, kapasitas asesor 18 (6 asesor tersedia x 3 peserta per asesor)."
    ]


def test_every_assessor_from_the_participants_unit() -> None:
    problem = hand_problem()
    same = [replace(a, unit="Biro Umum") for a in problem.assessors]
    findings = check_feasibility(replace(problem, assessors=same))
    unit = [f for f in findings if f.code == Rule.UNIT_COVERS_ALL_ASSESSORS]
    assert len(unit) == 1
    f = unit[0]
    assert f.wave == 1 and f.severity == HARD
    assert f.person_ids == ("P1", "P2")
    assert "2 peserta dari unit Biro Umum (Budi Santoso, Citra Lestari) tidak dapat dinilai" in f.message
    assert "semua asesor yang tersedia berasal dari unit Biro Umum" in f.message


def test_unit_capacity_when_few_assessors_come_from_other_units() -> None:
    problem = hand_problem()
    team = [replace(a, unit="Biro Umum") for a in problem.assessors[:3]] + [problem.assessors[3]]
    findings = check_feasibility(
        replace(problem, assessors=team, settings=replace(problem.settings, lead_per_assessor=1))
    )
    lead = [f for f in findings if f.code == Rule.LEAD_CAPACITY]
    assert [f.message for f in lead] == [
        "Gelombang 1: 2 peserta dari unit Biro Umum, kapasitas asesor dari unit lain 1 (1 asesor)."
    ]


def test_no_interview_room() -> None:
    problem = hand_problem()
    findings = check_feasibility(
        replace(problem, rooms=[r for r in problem.rooms if r.kind != "ruang_wawancara"])
    )
    rooms = [f for f in findings if f.code == Rule.NO_ROOM_OF_KIND]
    assert len(rooms) == 1
    assert rooms[0].wave is None and rooms[0].severity == HARD
    assert rooms[0].message == (
        "Tidak ada ruang wawancara untuk latihan satu peserta dengan satu asesor: Wawancara."
    )


def test_not_enough_participants_for_a_group() -> None:
    problem = hand_problem()
    three = [p for p in problem.participants if p.id != "P4"]
    findings = check_feasibility(replace(problem, participants=three))
    groups = [f for f in findings if f.code == Rule.GROUP_PARTITION]
    assert [f.message for f in groups] == [
        "Gelombang 1: 3 peserta tidak dapat dibagi menjadi kelompok berukuran 4-8 peserta."
    ]


def test_not_enough_time_in_the_wave() -> None:
    problem = small_problem()
    st = replace(problem.settings, day_start=time(11, 30))  # 11:30-12:00 and 13:00-16:00: 210 minutes
    findings = check_feasibility(replace(problem, settings=st))
    assessor_time = [f for f in findings if f.code == Rule.ASSESSOR_TIME]
    assert len(assessor_time) == 1
    # 8 x (45+10) + 8 x (30+10) + 1 group x 2 observers x (60+10) = 900 minutes; 4 x 210 = 840.
    assert assessor_time[0].message == (
        "Gelombang 1: latihan yang dinilai asesor membutuhkan 900 menit kerja asesor, tersedia 840 menit."
    )


def test_exercise_longer_than_the_continuous_limit() -> None:
    problem = hand_problem()
    long_test = [replace(e, duration_minutes=200) if e.id == "PSI" else e for e in problem.exercises]
    findings = check_feasibility(replace(problem, exercises=long_test))
    messages = [f.message for f in findings if f.code == Rule.PARTICIPANT_TIME]
    assert (
        "Gelombang 1: latihan Psikotes berlangsung 200 menit, melebihi batas 180 menit tanpa istirahat."
        in messages
    )


def test_small_team_reduces_the_distinct_target_and_says_so() -> None:
    findings = check_feasibility(small_problem())
    reduced = [f for f in findings if f.code == Rule.DISTINCT_REDUCED]
    assert {f.severity for f in reduced} == {SOFT}
    assert any(
        f.message
        == "Gelombang 1: peserta dari unit Biro Umum hanya dapat dinilai oleh 2 asesor yang tersedia "
        "dari unit lain, kurang dari target 3 asesor berbeda."
        for f in reduced
    )
    assert infeasible_waves(findings, [1]) == set()


def test_solver_skips_and_explains_infeasible_waves() -> None:
    problem = two_wave_problem(wave2_size=31, assessors=9)
    result = build_schedule(problem, time_limit_s=2)
    assert result.waves_skipped == (2,)
    assert result.waves_scheduled == (1,)
    assert not result.ok
    assert any(
        f.message.startswith("Gelombang 2: 31 peserta, kapasitas asesor 27") for f in result.infeasible
    )
    assert all(s.wave == 1 for s in result.schedule.sessions)
