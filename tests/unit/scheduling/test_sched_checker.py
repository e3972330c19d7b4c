"""The independent checker: one hand-made breach per rule, each with an Indonesian reason naming who or where."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time

import pytest
from sched_cases import MONDAY, at, hand_problem, hand_schedule

from ukom_desktop.domain.scheduling import (
    HARD,
    SOFT,
    Rule,
    Schedule,
    ScheduleProblem,
    Session,
    Violation,
    check_schedule,
    replace_assessor,
    reschedule_session,
    set_lead,
)


def only(violations: list[Violation], code: Rule) -> list[Violation]:
    return [v for v in violations if v.code == code]


def with_session(schedule: Schedule, session: Session) -> Schedule:
    return Schedule(
        tuple(session if s.id == session.id else s for s in schedule.sessions), dict(schedule.lead)
    )


def with_participant_unit(problem: ScheduleProblem, pid: str, unit: str) -> ScheduleProblem:
    people = [replace(p, unit=unit) if p.id == pid else p for p in problem.participants]
    return replace(problem, participants=people)


def test_valid_hand_made_schedule_has_no_findings_at_all() -> None:
    assert check_schedule(hand_problem(), hand_schedule()) == []


def test_participant_double_booked() -> None:
    edited = reschedule_session(hand_schedule(), "S3", at(10))  # P1's interview during the LGD
    found = only(check_schedule(hand_problem(), edited), Rule.PERSON_DOUBLE_BOOKED)
    assert len(found) == 1
    v = found[0]
    assert v.severity == HARD
    assert v.person_ids == ("P1",)
    assert set(v.session_ids) == {"S2", "S3"}
    assert "Budi Santoso" in v.message and "terjadwal ganda" in v.message


def test_assessor_double_booked() -> None:
    edited = reschedule_session(
        hand_schedule(), "S5", at(11), room_id="RW3"
    )  # A3 interviews P1 and P3 at 11:00
    found = only(check_schedule(hand_problem(), edited), Rule.PERSON_DOUBLE_BOOKED)
    assert [v.person_ids for v in found] == [("A3",)]
    assert found[0].message.startswith("Asesor Hadi Wijaya terjadwal ganda")


def test_room_double_booked() -> None:
    edited = reschedule_session(hand_schedule(), "S4", at(11), room_id="RW1")
    found = only(check_schedule(hand_problem(), edited), Rule.ROOM_DOUBLE_BOOKED)
    assert len(found) == 1
    assert found[0].severity == HARD
    assert set(found[0].session_ids) == {"S3", "S4"}
    assert "Ruang Wawancara 1" in found[0].message


def test_assessor_of_the_participants_own_unit() -> None:
    problem = with_participant_unit(
        hand_problem(), "P1", "Biro Keuangan"
    )  # A3's unit; A3 interviews P1 and leads
    found = only(check_schedule(problem, hand_schedule()), Rule.CONFLICT_OF_INTEREST)
    assert {v.person_ids for v in found} == {("A3", "P1")}
    assert len(found) == 2  # the interview and the lead
    assert all("Hadi Wijaya" in v.message and "Budi Santoso" in v.message for v in found)
    assert all("Biro Keuangan" in v.message for v in found)


def test_assessor_unavailable_in_the_afternoon() -> None:
    problem = hand_problem()
    morning_only = replace(problem.assessor_by_id["A3"], availability=frozenset({(MONDAY, "pagi")}))
    problem = replace(problem, assessors=[morning_only if a.id == "A3" else a for a in problem.assessors])
    found = only(check_schedule(problem, hand_schedule()), Rule.ASSESSOR_UNAVAILABLE)
    assert len(found) == 1
    assert found[0].session_ids == ("S5",)  # the 13:00 interview; the 11:00 one is fine
    assert "Hadi Wijaya" in found[0].message and "siang" in found[0].message


def test_session_across_midday_needs_both_half_days() -> None:
    problem = hand_problem()
    st = replace(problem.settings, lunch_start=None, lunch_end=None)
    morning_only = replace(problem.assessor_by_id["A4"], availability=frozenset({(MONDAY, "pagi")}))
    problem = replace(
        problem, settings=st, assessors=[morning_only if a.id == "A4" else a for a in problem.assessors]
    )
    edited = reschedule_session(hand_schedule(), "S6", at(11, 30), room_id="RW3")  # 11:30-12:30
    found = only(check_schedule(problem, edited), Rule.ASSESSOR_UNAVAILABLE)
    assert {v.session_ids for v in found} == {("S6",)}


def test_room_capacity_exceeded() -> None:
    problem = hand_problem()
    small = replace(problem.room_by_id["RK1"], capacity=3)
    problem = replace(problem, rooms=[small if r.id == "RK1" else r for r in problem.rooms])
    found = only(check_schedule(problem, hand_schedule()), Rule.ROOM_CAPACITY)
    assert len(found) == 1
    assert "Ruang Kelompok 1" in found[0].message and "3 peserta" in found[0].message


def test_too_many_participants_for_one_lead() -> None:
    problem = hand_problem()
    problem = replace(problem, settings=replace(problem.settings, lead_per_assessor=1))
    edited = set_lead(hand_schedule(), "P2", "A3")  # A3 now leads P1 and P2
    found = only(check_schedule(problem, edited), Rule.LEAD_OVERLOAD)
    assert len(found) == 1
    assert found[0].person_ids == ("A3", "P1", "P2")
    assert "Hadi Wijaya" in found[0].message and "paling banyak 1" in found[0].message
    assert "2 peserta (Budi Santoso, Citra Lestari)" in found[0].message
    assert "P1" not in found[0].message and "A3" not in found[0].message


def test_one_to_one_session_with_two_participants() -> None:
    base = hand_schedule()
    crowded = replace(base.session("S3"), participant_ids=("P1", "P2"))
    found = only(check_schedule(hand_problem(), with_session(base, crowded)), Rule.ONE_TO_ONE_SIZE)
    assert [v.session_ids for v in found] == [("S3",)]
    message = found[0].message
    assert "2 peserta (Budi Santoso, Citra Lestari)" in message and "tepat 1 peserta" in message
    assert "1 asesor (Hadi Wijaya)" in message
    assert "P1" not in message and "A3" not in message  # names in words, never internal ids


def test_participant_without_changeover() -> None:
    edited = reschedule_session(hand_schedule(), "S3", at(10, 50))  # 5 minutes after the LGD
    found = only(check_schedule(hand_problem(), edited), Rule.NO_CHANGEOVER)
    assert len(found) == 1
    assert found[0].person_ids == ("P1",)
    assert "Budi Santoso" in found[0].message and "jeda 5 menit" in found[0].message


def test_participant_too_long_without_rest() -> None:
    problem = hand_problem()
    problem = replace(problem, settings=replace(problem.settings, max_continuous_minutes=150))
    edited = reschedule_session(hand_schedule(), "S2", at(9, 40))  # 10-minute changeover is not a rest
    found = only(check_schedule(problem, edited), Rule.CONTINUOUS_TOO_LONG)
    assert {v.person_ids for v in found} == {("P1",), ("P2",), ("P3",), ("P4",)}
    message = next(v.message for v in found if v.person_ids == ("P3",))
    assert "Dewi Anggraini" in message and "160 menit" in message
    # With the default limit of 180 minutes the same schedule is fine.
    assert only(check_schedule(hand_problem(), edited), Rule.CONTINUOUS_TOO_LONG) == []


def test_group_size_outside_limits() -> None:
    problem = hand_problem()
    problem = replace(problem, settings=replace(problem.settings, group_min=5))
    found = only(check_schedule(problem, hand_schedule()), Rule.GROUP_SIZE)
    assert len(found) == 1
    assert found[0].session_ids == ("S2",)
    assert "4 peserta" in found[0].message and "5-8" in found[0].message
    assert "Ruang Kelompok 1" in found[0].message


def test_group_session_with_one_observer() -> None:
    base = hand_schedule()
    thin = replace(base.session("S2"), assessor_ids=("A1",))
    found = only(check_schedule(hand_problem(), with_session(base, thin)), Rule.GROUP_OBSERVERS)
    assert len(found) == 1
    assert "1 asesor" in found[0].message and "minimal 2" in found[0].message


def test_session_outside_working_day() -> None:
    edited = reschedule_session(hand_schedule(), "S6", at(15, 30))  # ends 16:30
    found = only(check_schedule(hand_problem(), edited), Rule.OUTSIDE_WORKING_DAY)
    assert [v.session_ids for v in found] == [("S6",)]
    assert "08.00-16.00" in found[0].message and "Ruang Wawancara 2" in found[0].message


def test_working_day_is_a_setting() -> None:
    problem = hand_problem()
    problem = replace(problem, settings=replace(problem.settings, day_end=time(13, 30)))
    found = only(check_schedule(problem, hand_schedule()), Rule.OUTSIDE_WORKING_DAY)
    assert {v.session_ids for v in found} == {("S5",), ("S6",)}


def test_session_on_a_day_outside_the_wave() -> None:
    edited = reschedule_session(hand_schedule(), "S6", at(13, day=date(2026, 11, 24)))
    found = only(check_schedule(hand_problem(), edited), Rule.OUTSIDE_WAVE_DAYS)
    assert [v.session_ids for v in found] == [("S6",)]
    assert "gelombang 1" in found[0].message


def test_room_kind_mismatch_is_only_a_warning() -> None:
    edited = reschedule_session(hand_schedule(), "S3", at(11), room_id="RK1")
    findings = check_schedule(hand_problem(), edited)
    found = only(findings, Rule.ROOM_KIND_MISMATCH)
    assert len(found) == 1
    assert found[0].severity == SOFT
    assert "ruang wawancara" in found[0].message and "Ruang Kelompok 1" in found[0].message
    assert [v for v in findings if v.is_hard] == []


def test_fewer_distinct_assessors_is_a_warning() -> None:
    edited = replace_assessor(hand_schedule(), "S3", "A3", "A1")  # P1 seen by A1 and A2 only
    findings = check_schedule(hand_problem(), edited)
    found = only(findings, Rule.FEW_DISTINCT_ASSESSORS)
    assert len(found) == 1
    assert found[0].severity == SOFT
    assert "Budi Santoso" in found[0].message and "2 asesor berbeda" in found[0].message
    # Its lead A3 no longer observes P1 either.
    assert only(findings, Rule.LEAD_NOT_OBSERVING)[0].person_ids == ("A3", "P1")


def test_distinct_warning_says_when_the_team_is_too_small() -> None:
    problem = hand_problem()
    # Only A3 and A4 may rate P1 once A1 and A2 come from P1's unit.
    problem = replace(
        problem,
        assessors=[replace(a, unit="Biro Umum") if a.id in ("A1", "A2") else a for a in problem.assessors],
    )
    edited = replace_assessor(hand_schedule(), "S2", "A1", "A3")
    edited = replace_assessor(edited, "S2", "A2", "A4")
    found = only(check_schedule(problem, edited), Rule.FEW_DISTINCT_ASSESSORS)
    p1 = next(v for v in found if v.person_ids == ("P1",))
    assert "paling banyak 2 asesor berbeda" in p1.message


def test_unbalanced_load_is_a_warning() -> None:
    edited = reschedule_session(hand_schedule(), "S5", at(14, 15))
    edited = replace_assessor(edited, "S5", "A3", "A4")  # A4: 3 interviews, A1/A2/A3: 1 session each
    found = only(check_schedule(hand_problem(), edited), Rule.LOAD_IMBALANCE)
    assert len(found) == 1
    assert found[0].severity == SOFT
    assert "Intan Sari" in found[0].message and "3 sesi" in found[0].message


def test_missing_exercise_and_missing_lead() -> None:
    base = hand_schedule()
    edited = Schedule(tuple(s for s in base.sessions if s.id != "S6"), dict(base.lead))
    edited = set_lead(edited, "P4", None)
    findings = check_schedule(hand_problem(), edited)
    missing = only(findings, Rule.MISSING_EXERCISE)
    assert [v.person_ids for v in missing] == [("P4",)]
    assert "Eko Prasetyo" in missing[0].message and "Wawancara" in missing[0].message
    no_lead = only(findings, Rule.MISSING_LEAD)
    assert [v.person_ids for v in no_lead] == [("P4",)]
    assert "asesor utama" in no_lead[0].message


def test_lunch_overlap_is_a_warning() -> None:
    edited = reschedule_session(hand_schedule(), "S6", at(12, 30))
    found = only(check_schedule(hand_problem(), edited), Rule.LUNCH_OVERLAP)
    assert [(v.session_ids, v.severity) for v in found] == [(("S6",), SOFT)]
    assert "12.00-13.00" in found[0].message


def test_unknown_references_are_hard() -> None:
    base = hand_schedule()
    ghost = replace(base.session("S3"), assessor_ids=("A9",), room_id="RX")
    found = only(check_schedule(hand_problem(), with_session(base, ghost)), Rule.UNKNOWN_REFERENCE)
    assert len(found) == 1
    assert "asesor A9" in found[0].message and "ruang RX" in found[0].message


def test_participant_in_another_waves_session() -> None:
    problem = hand_problem()
    problem = replace(
        problem,
        participants=[replace(p, wave=2) if p.id == "P4" else p for p in problem.participants],
        wave_days={1: [MONDAY], 2: [date(2026, 11, 24)]},
    )
    found = only(check_schedule(problem, hand_schedule(), waves=[1]), Rule.WAVE_MISMATCH)
    assert {v.person_ids for v in found} == {("P4",)}
    assert all("gelombang 2" in v.message for v in found)


@pytest.mark.parametrize("waves", [[1], None])
def test_hard_findings_come_first(waves: list[int] | None) -> None:
    edited = reschedule_session(hand_schedule(), "S3", at(11), room_id="RK1")  # soft
    edited = reschedule_session(edited, "S6", at(15, 30))  # hard
    findings = check_schedule(hand_problem(), edited, waves)
    severities = [v.severity for v in findings]
    assert severities == sorted(severities, key=lambda s: s != HARD)
    assert HARD in severities and SOFT in severities
