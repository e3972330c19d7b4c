"""Matrix rules: every standard competency measured by at least N exercises; empty exercises flagged."""

from __future__ import annotations

import pytest

from ukom_desktop.domain.matrix_rules import MatrixItem, check_matrix, normalize_min_exercises, problems_text

COMPS = [MatrixItem("M.01", "Integritas"), MatrixItem("M.02", "Kerja Sama"), MatrixItem("SK.01", "Perekat Bangsa")]
EXS = [MatrixItem("INB", "In-Basket"), MatrixItem("LGD", "LGD"), MatrixItem("WWC", "Wawancara"),
       MatrixItem("PSI", "Psikotes")]


def _full(codes: list[str], exercises: list[str]) -> set[tuple[str, str]]:
    return {(ex, c) for ex in exercises for c in codes}


def test_every_competency_measured_twice_passes_with_only_the_empty_exercise_flagged() -> None:
    exercises = [EXS[0], EXS[2], EXS[3]]
    check = check_matrix(COMPS, exercises, _full(["M.01", "M.02", "SK.01"], ["INB", "WWC"]), 2)
    assert check.ok
    assert check.coverage == {"M.01": 2, "M.02": 2, "SK.01": 2}
    assert [(f.kind, f.exercise_code) for f in check.findings] == [("empty_exercise", "PSI")]
    assert not check.findings[0].blocking
    assert "Psikotes" in check.findings[0].message


def test_a_competency_below_the_minimum_blocks_and_is_named() -> None:
    cells = _full(["M.01", "M.02", "SK.01"], ["INB", "WWC"]) - {("INB", "M.02")}
    cells |= {("LGD", "M.01"), ("PSI", "M.01")}
    check = check_matrix(COMPS, EXS, cells, 2)
    assert not check.ok
    assert [(f.kind, f.competency_code) for f in check.errors] == [("under_covered", "M.02")]
    assert "hanya diukur oleh 1 alat ukur; minimal 2" in check.errors[0].message


def test_minimum_is_a_setting() -> None:
    cells = _full(["M.01", "M.02", "SK.01"], ["INB", "WWC", "LGD", "PSI"])
    assert check_matrix(COMPS, EXS, cells, 4).ok
    check = check_matrix(COMPS, EXS, cells - {("PSI", "SK.01")}, 4)
    assert [f.competency_code for f in check.errors] == ["SK.01"]


def test_unmeasured_competency_and_missing_parts_are_errors() -> None:
    check = check_matrix(COMPS, EXS[:1], {("INB", "M.01"), ("INB", "M.02")}, 1)
    assert [f.competency_code for f in check.errors] == ["SK.01"]
    assert "tidak diukur oleh alat ukur mana pun" in check.errors[0].message
    assert {f.kind for f in check_matrix([], [], set(), has_positions=False).errors} == {"no_positions",
                                                                                          "no_exercises"}
    assert {f.kind for f in check_matrix([], EXS, set()).errors} == {"no_standard"}


def test_cells_of_exercises_outside_the_event_do_not_count() -> None:
    check = check_matrix(COMPS[:1], EXS[:1], {("INB", "M.01"), ("RP", "M.01")}, 2)
    assert check.coverage == {"M.01": 1}
    assert not check.ok


def test_ticked_competency_outside_the_standard_is_a_warning() -> None:
    cells = _full(["M.01"], ["INB", "LGD"]) | {("INB", "T.01")}
    check = check_matrix(COMPS[:1], EXS[:2], cells, 2)
    assert check.ok
    assert [f.kind for f in check.warnings] == ["outside_standard"]
    assert "T.01" in check.warnings[0].message


@pytest.mark.parametrize(("value", "expected"), [(3, 3), ("2", 2), (0, 1), (-4, 1), (None, 2), ("dua", 2)])
def test_min_exercises_setting_is_normalised(value: object, expected: int) -> None:
    assert normalize_min_exercises(value) == expected


def test_problems_text_lists_every_blocking_problem() -> None:
    check = check_matrix(COMPS, EXS[:1], set(), 2)
    text = problems_text(check, "UKOM-1")
    assert text.startswith("Kegiatan UKOM-1 belum dapat dijadwalkan")
    for code in ("M.01", "M.02", "SK.01"):
        assert code in text
    assert "Psikotes" not in text  # warnings do not block
