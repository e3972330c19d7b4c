"""Rooms per wave in the domain: the solver uses only a wave's own rooms, the checker flags a session in a
room not of its wave, and a wave without a choice keeps every room (issue 11 item 1)."""

from __future__ import annotations

from dataclasses import replace

from sched_cases import hand_problem, hand_schedule, small_problem

from ukom_desktop.domain.scheduling import Room, Rule, build_schedule, check_schedule


def test_solver_places_a_wave_only_in_its_rooms() -> None:
    base = small_problem(days=2)
    problem = replace(base, rooms=[*base.rooms, Room("RW9", 1, "ruang_wawancara"), Room("RK9", 8, "ruang_kelompok")],
                      wave_rooms={1: ("AULA", "RK9", "RW1", "RW9")})
    result = build_schedule(problem, time_limit_s=2)
    assert result.ok, [v.message for v in result.violations + result.infeasible]
    assert {s.room_id for s in result.schedule.sessions} <= {"AULA", "RK9", "RW1", "RW9"}
    assert "RK9" in {s.room_id for s in result.schedule.sessions}


def test_checker_flags_a_session_outside_its_waves_rooms() -> None:
    problem = replace(hand_problem(), wave_rooms={1: ("AULA", "RK1", "RW1", "RW2")})
    assert not [v for v in check_schedule(problem, hand_schedule()) if v.code == Rule.ROOM_NOT_OF_WAVE]
    sessions = list(hand_schedule().sessions)
    sessions[2] = replace(sessions[2], room_id="RW3")
    moved = replace(hand_schedule(), sessions=tuple(sessions))
    (found,) = [v for v in check_schedule(problem, moved) if v.code == Rule.ROOM_NOT_OF_WAVE]
    assert found.is_hard and "Ruang Wawancara 3" in found.message and found.wave == 1
    # without a choice for the wave every room is the wave's
    assert not [v for v in check_schedule(hand_problem(), moved) if v.code == Rule.ROOM_NOT_OF_WAVE]


def test_a_wave_without_a_room_of_a_needed_kind_is_explained_before_solving() -> None:
    problem = replace(small_problem(), wave_rooms={1: ("AULA", "RW1", "RW2")})
    result = build_schedule(problem, time_limit_s=1)
    assert not result.ok
    assert any(v.code == Rule.NO_ROOM_OF_KIND and "gelombang ini" in v.message for v in result.infeasible)
