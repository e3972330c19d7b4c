"""Waves, groups of 4-8 balanced by unit, and question sets that differ between neighbours."""

from __future__ import annotations

import random

import pytest

from ukom_desktop.domain.grouping_rules import (
    Member,
    deal_question_sets,
    plan_grouping,
    split_into_waves,
    unit_crowding,
    wave_sizes,
)


def members(count: int, units: int, seed: int = 1) -> list[Member]:
    rng = random.Random(seed)
    return [Member(id=i + 1, unit=f"Unit {rng.randrange(units)}", number=i + 1) for i in range(count)]


@pytest.mark.parametrize(("total", "size", "expected"), [
    (30, 30, [30]), (31, 30, [16, 15]), (65, 30, [22, 22, 21]), (0, 30, []), (7, 3, [3, 2, 2]),
])
def test_waves_are_even_and_never_above_the_wave_size(total: int, size: int, expected: list[int]) -> None:
    assert wave_sizes(total, size) == expected


def test_waves_follow_the_participant_numbers() -> None:
    people = list(reversed(members(65, 5)))
    waves = split_into_waves(people, 30)
    assert [m.number for m in waves[0]] == list(range(1, 23))
    assert [m.number for m in waves[2]][-1] == 65


@pytest.mark.parametrize("count", [4, 9, 17, 30, 47])
def test_every_group_holds_4_to_8_people_and_everyone_is_placed_once(count: int) -> None:
    people = members(count, 6)
    plan = plan_grouping(people, wave_size=30, group_min=4, group_max=8)
    placed = [m for wave in plan.waves for g in wave.groups for m in g.member_ids]
    assert sorted(placed) == [m.id for m in people]
    assert all(4 <= len(g.member_ids) <= 8 for wave in plan.waves for g in wave.groups)
    assert plan.notes == ()


def test_units_are_spread_over_the_groups() -> None:
    people = [Member(id=i, unit="Bina Marga" if i <= 8 else f"Unit {i % 7}", number=i) for i in range(1, 31)]
    plan = plan_grouping(people, wave_size=30, group_min=4, group_max=8)
    unit_of = {m.id: m.unit for m in people}
    assert unit_crowding(plan, unit_of) == 0
    groups = plan.waves[0].groups
    assert len(groups) == 4
    # eight people of one unit in four groups: two in each, never a group of one unit
    assert [sum(unit_of[m] == "Bina Marga" for m in g.member_ids) for g in groups] == [2, 2, 2, 2]


def test_a_wave_too_small_for_a_group_is_explained() -> None:
    plan = plan_grouping(members(3, 2), group_min=4, group_max=8)
    assert len(plan.waves[0].groups) == 1
    assert "tidak dapat dibagi rata" in plan.notes[0]


def test_question_sets_differ_between_neighbouring_groups() -> None:
    plan = plan_grouping(members(30, 6), group_min=4, group_max=8, question_sets=2, mode="kelompok")
    sets = [g.question_sets for g in plan.waves[0].groups]
    assert all(len(set(s)) == 1 for s in sets)  # one set per group
    firsts = [s[0] for s in sets]
    assert all(a != b for a, b in zip(firsts, firsts[1:], strict=False))


def test_question_sets_per_seat_alternate_through_the_hall() -> None:
    dealt = deal_question_sets([[1, 2, 3], [4, 5]], 3, "peserta")
    seats = [s for group in dealt for s in group]
    assert seats == ["A", "B", "C", "A", "B"]
    assert all(a != b for a, b in zip(seats, seats[1:], strict=False))


def test_groups_keep_observers_free_of_a_conflict_of_interest() -> None:
    people = [Member(id=i, unit=("A", "B", "C")[i % 3], number=i) for i in range(1, 13)]
    assessors = [(1, "A"), (2, "A"), (3, "B"), (4, "B")]
    plan = plan_grouping(people, group_min=4, group_max=8, assessors=assessors, observers_needed=2)
    unit_of = {m.id: m.unit for m in people}
    for group in plan.waves[0].groups:
        units = {unit_of[m] for m in group.member_ids}
        assert sum(1 for _a, unit in assessors if unit not in units) >= 2


def test_group_sizes_must_make_sense() -> None:
    with pytest.raises(ValueError):
        plan_grouping(members(10, 2), group_min=5, group_max=4)
