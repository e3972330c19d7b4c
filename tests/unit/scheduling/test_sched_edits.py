"""Tentative drag-and-drop edits and the findings they would add, as the schedule grid uses them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest
from sched_cases import at, hand_problem, hand_schedule

from ukom_desktop.domain.scheduling import (
    EditError,
    Rule,
    Schedule,
    check_schedule,
    move_assessor,
    move_participant,
    new_violations,
    reschedule_session,
    set_lead,
)


def test_moving_a_participant_into_an_occupied_interview_is_reported() -> None:
    problem, before = hand_problem(), hand_schedule()
    after = move_participant(before, "P2", "S4", "S3")
    assert after.session("S3").participant_ids == ("P1", "P2")
    assert after.session("S4").participant_ids == ()
    added = new_violations(problem, before, after)
    size = [v for v in added if v.code == Rule.ONE_TO_ONE_SIZE]
    assert {v.session_ids for v in size} == {("S3",), ("S4",)}
    assert any("Budi Santoso, Citra Lestari" in v.message for v in size)
    assert all(v.is_hard for v in size)
    # The original schedule is untouched.
    assert before.session("S3").participant_ids == ("P1",)
    assert check_schedule(problem, before) == []


def test_moving_an_assessor_into_a_clash_is_reported() -> None:
    problem, before = hand_problem(), hand_schedule()
    after = move_assessor(before, "A3", "S5", "S4")  # A3 already interviews P1 at 11:00
    added = new_violations(problem, before, after)
    clash = [v for v in added if v.code == Rule.PERSON_DOUBLE_BOOKED]
    assert [v.person_ids for v in clash] == [("A3",)]
    assert "Hadi Wijaya" in clash[0].message
    assert set(clash[0].session_ids) == {"S3", "S4"}
    assert any(v.code == Rule.ONE_TO_ONE_SIZE and v.session_ids == ("S5",) for v in added)


def test_a_harmless_move_adds_nothing() -> None:
    problem, before = hand_problem(), hand_schedule()
    after = reschedule_session(before, "S6", at(14, 10))
    assert after.session("S6").end == at(15, 10)
    assert new_violations(problem, before, after) == []


def test_existing_findings_are_not_reported_again() -> None:
    problem = hand_problem()
    before = reschedule_session(hand_schedule(), "S3", at(11), room_id="RK1")  # already a soft finding
    assert [v.code for v in check_schedule(problem, before)] == [Rule.ROOM_KIND_MISMATCH]
    after = reschedule_session(before, "S6", at(14, 10))
    assert new_violations(problem, before, after) == []


def test_moving_the_lead_to_an_assessor_of_the_same_unit() -> None:
    problem, before = hand_problem(), hand_schedule()
    problem = replace(
        problem,
        assessors=[replace(a, unit="Biro Hukum") if a.id == "A4" else a for a in problem.assessors],
    )
    after = set_lead(before, "P2", None)
    after = set_lead(after, "P3", "A4")
    added = new_violations(problem, before, after)
    codes = {v.code for v in added}
    assert Rule.MISSING_LEAD in codes
    coi = [v for v in added if v.code == Rule.CONFLICT_OF_INTEREST and v.person_ids == ("A4", "P3")]
    assert coi and "asesor utama" in coi[0].message


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda s: move_participant(s, "P9", "S3", "S4"), "Peserta itu tidak lagi terdaftar pada sesi asalnya; muat ulang jadwal lalu ulangi."),
        (lambda s: move_participant(s, "P1", "S3", "S1"), "Peserta itu sudah terdaftar pada sesi tujuan."),
        (lambda s: move_assessor(s, "A1", "S3", "S4"), "Asesor itu tidak lagi bertugas pada sesi asalnya; muat ulang jadwal lalu ulangi."),
        (lambda s: move_assessor(s, "A3", "S3", "S99"), "Sesi itu tidak ada lagi dalam jadwal; muat ulang jadwal lalu ulangi."),
    ],
)
def test_edits_that_make_no_sense_are_refused(call: Callable[[Schedule], Schedule], message: str) -> None:
    with pytest.raises(EditError) as caught:
        call(hand_schedule())
    assert str(caught.value) == message
