"""Assessor-meeting rules: statistics, suggested level, flags, final-level validation, blind rating."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from ukom_desktop.domain.integration import (
    FLAG_FEW_EXERCISES,
    FLAG_SPREAD,
    IntegrationSettings,
    Rating,
    format_level,
    integrate_competency,
    integrate_participant,
    round_to_step,
    suggest_level,
    validate_final,
    validate_level,
    visible_ratings,
)

D = Decimal
HALVES = IntegrationSettings(allow_half_levels=True)


def ratings(*levels: float | None, code: str = "M.01") -> list[Rating]:
    """One rating per exercise E1, E2, ... by assessor A1, A2, ... (None = no evidence)."""
    return [
        Rating(code, f"E{i}", f"A{i}", level, no_evidence=level is None)
        for i, level in enumerate(levels, start=1)
    ]


@pytest.mark.parametrize(
    ("value", "halves", "expected"),
    [
        (D("2.5"), False, D("3")),  # half up, not banker's rounding
        (D("3.5"), False, D("4")),
        (D("2.49"), False, D("2")),
        (D("3.25"), True, D("3.5")),  # 6.5 half-steps -> 7
        (D("3.24"), True, D("3")),
        (D("3.75"), True, D("4")),
        (D("3.5"), True, D("3.5")),
        (D("4"), True, D("4")),
    ],
)
def test_round_to_step(value: Decimal, halves: bool, expected: Decimal) -> None:
    assert round_to_step(value, halves) == expected


@pytest.mark.parametrize(
    ("levels", "settings", "expected"),
    [
        ((3, 4), IntegrationSettings(), D("4")),  # mean 3.5 -> 4
        ((3, 4), HALVES, D("3.5")),  # mean 3.5 kept as a half
        ((3, 3, 4), IntegrationSettings(), D("3")),  # mean 3.33 -> 3
        ((3, 3, 4), HALVES, D("3.5")),  # 3.33 -> 6.67 half-steps -> 7 -> 3.5
        ((2, 3, 3, 3), HALVES, D("3")),  # mean 2.75 -> 5.5 half-steps -> 6 -> 3
        ((2, 2, 3, 3), IntegrationSettings(), D("3")),  # mean 2.5 -> 3
        ((3, None, 4), IntegrationSettings(), D("4")),  # no-evidence rating left out
        ((None, None), IntegrationSettings(), None),
        ((3.3, 3.3), IntegrationSettings(), D("3")),  # float levels read exactly
    ],
)
def test_suggested_level_by_mean(
    levels: tuple, settings: IntegrationSettings, expected: Decimal | None
) -> None:
    assert suggest_level(ratings(*levels), settings) == expected


def test_rating_with_level_but_marked_no_evidence_is_ignored() -> None:
    rows = [Rating("M.01", "E1", "A1", 2), Rating("M.01", "E2", "A2", 5, no_evidence=True)]
    assert suggest_level(rows) == D("2")


def test_median_and_exercise_mean_rules() -> None:
    # LGD seen by two assessors (4 and 4), interview by one (2).
    rows = [
        Rating("M.02", "LGD", "A1", 4),
        Rating("M.02", "LGD", "A2", 4),
        Rating("M.02", "CBI", "A1", 2),
    ]
    # mean: 10/3 = 3.33 -> 3 ; median: 4 ; exercise_mean: (4 + 2) / 2 = 3
    assert suggest_level(rows, IntegrationSettings(suggestion_rule="mean")) == D("3")
    assert suggest_level(rows, IntegrationSettings(suggestion_rule="median")) == D("4")
    assert suggest_level(rows, IntegrationSettings(suggestion_rule="exercise_mean")) == D("3")
    # even count median: (2 + 4) / 2 = 3
    assert suggest_level(ratings(2, 4), IntegrationSettings(suggestion_rule="median")) == D("3")


def test_suggestion_stays_inside_max_level() -> None:
    settings = IntegrationSettings(max_level=4)
    assert suggest_level(ratings(5, 5), settings) == D("4")


def test_competency_statistics() -> None:
    rows = ratings(2, 4, None, 3) + ratings(5, code="M.02")
    result = integrate_competency("M.01", rows)
    assert result.count == 3
    assert result.no_evidence_count == 1
    assert len(result.ratings) == 4
    assert result.exercises_with_evidence == ("E1", "E2", "E4")
    assert result.mean == D("3.00")
    assert (result.min_level, result.max_level, result.spread) == (D("2"), D("4"), D("2"))
    assert result.suggested_level == D("3")


def test_mean_is_rounded_to_two_decimals_for_display() -> None:
    assert integrate_competency("M.01", ratings(3, 3, 4)).mean == D("3.33")


@pytest.mark.parametrize(
    ("levels", "settings", "expected_flags"),
    [
        ((3, 4), IntegrationSettings(), ()),  # spread 1 is not above 1
        ((2, 4), IntegrationSettings(), (FLAG_SPREAD,)),
        ((3, 4.5), HALVES, (FLAG_SPREAD,)),  # spread 1.5 > 1
        ((2, 4), IntegrationSettings(spread_threshold=D(2)), ()),
        ((3,), IntegrationSettings(), (FLAG_FEW_EXERCISES,)),
        ((3, None), IntegrationSettings(), (FLAG_FEW_EXERCISES,)),
        ((3,), IntegrationSettings(min_exercises_with_evidence=1), ()),
        ((1, 4, None), IntegrationSettings(min_exercises_with_evidence=3), (FLAG_SPREAD, FLAG_FEW_EXERCISES)),
        ((None,), IntegrationSettings(), (FLAG_FEW_EXERCISES,)),
    ],
)
def test_flags(levels: tuple, settings: IntegrationSettings, expected_flags: tuple[str, ...]) -> None:
    result = integrate_competency("M.01", ratings(*levels), settings)
    assert tuple(flag.code for flag in result.flags) == expected_flags
    assert result.flagged is bool(expected_flags)
    assert all(message for message in result.flag_messages)


def test_two_assessors_in_one_exercise_count_as_one_exercise() -> None:
    rows = [Rating("M.01", "LGD", "A1", 3), Rating("M.01", "LGD", "A2", 3)]
    result = integrate_competency("M.01", rows)
    assert result.count == 2
    assert [flag.code for flag in result.flags] == [FLAG_FEW_EXERCISES]
    assert "Hanya 1 simulasi" in result.flags[0].message


def test_spread_flag_message_is_indonesian() -> None:
    result = integrate_competency("M.01", ratings(2, 4))
    assert result.flags[0].message.startswith("Selisih penilaian antarasesor 2 level")


def test_integrate_participant_uses_standard_order_and_reports_unrated() -> None:
    rows = ratings(3, 3, code="M.02") + ratings(4, 4, code="M.01") + ratings(1, 1, code="X.99")
    results = integrate_participant(rows, competency_codes=["M.01", "M.02", "SK.01"])
    assert [r.competency_code for r in results] == ["M.01", "M.02", "SK.01"]
    assert [r.suggested_level for r in results] == [D("4"), D("3"), None]
    assert results[2].count == 0 and results[2].mean is None and results[2].spread is None
    assert [f.code for f in results[2].flags] == [FLAG_FEW_EXERCISES]


def test_integrate_participant_without_codes_keeps_first_seen_order() -> None:
    rows = ratings(3, 3, code="M.02") + ratings(4, 4, code="M.01")
    assert [r.competency_code for r in integrate_participant(rows)] == ["M.02", "M.01"]


@pytest.mark.parametrize(
    ("suggested", "final", "reason", "settings", "error_part"),
    [
        (D(3), D(3), "", IntegrationSettings(), None),
        (D(3), 3, None, IntegrationSettings(), None),
        (D(3), D(4), "", IntegrationSettings(), "berbeda dari usulan 3"),
        (D(3), D(4), "   ", IntegrationSettings(), "tuliskan alasannya"),
        (D(3), D(4), "Bukti CBI lebih kuat", IntegrationSettings(), None),
        (D("3.5"), D(3), "", HALVES, "berbeda dari usulan 3,5"),
        (D(3), D("3.5"), "alasan", IntegrationSettings(), "bilangan bulat"),
        (D(3), D("3.5"), "alasan", HALVES, None),
        (D(3), D("3.25"), "alasan", HALVES, "setengah"),
        (D(3), 0, "alasan", IntegrationSettings(), "antara 1 dan 5"),
        (D(3), 6, "alasan", IntegrationSettings(), "antara 1 dan 5"),
        (D(3), 5, "alasan", IntegrationSettings(max_level=4), "antara 1 dan 4"),
        (D(3), None, "alasan", IntegrationSettings(), "belum diisi"),
        (None, 3, "", IntegrationSettings(), "tidak ada bukti"),
        (None, 3, "Ditetapkan dari rekam jejak", IntegrationSettings(), None),
    ],
)
def test_validate_final(
    suggested: Decimal | None,
    final: Decimal | int | None,
    reason: str | None,
    settings: IntegrationSettings,
    error_part: str | None,
) -> None:
    error = validate_final(suggested, final, reason, settings)
    if error_part is None:
        assert error is None
    else:
        assert error is not None and error_part in error
        assert error.startswith(("Level akhir", "Tidak ada usulan"))


def test_validate_level_rejects_text() -> None:
    assert validate_level("tiga") == "Level harus berupa angka."
    assert validate_level("3,5", HALVES) is None


def _sample_for_visibility() -> list[Rating]:
    return [
        Rating("M.01", "CBI", "A1", 3),
        Rating("M.01", "LGD", "A2", 4),
        Rating("M.02", "LGD", "A1", 2),
        Rating("M.02", "RP", "A3", 3),
    ]


@pytest.mark.parametrize(
    ("viewer", "submitted", "meeting", "expected_assessors"),
    [
        ("A1", False, False, {"A1"}),  # blind until own ratings are submitted
        ("A2", False, False, {"A2"}),
        ("A4", False, False, set()),  # nothing of their own yet
        ("A1", True, False, {"A1", "A2", "A3"}),  # after submitting, colleagues' ratings are visible
        ("A1", False, True, {"A1", "A2", "A3"}),  # the integration meeting sees everything
        ("A4", False, True, {"A1", "A2", "A3"}),
    ],
)
def test_blind_rating_rule(viewer: str, submitted: bool, meeting: bool, expected_assessors: set[str]) -> None:
    seen = visible_ratings(_sample_for_visibility(), viewer, submitted, meeting)
    assert {r.assessor_id for r in seen} == expected_assessors
    if not submitted and not meeting:
        assert all(r.assessor_id == viewer for r in seen)


def test_settings_round_trip_through_json() -> None:
    settings = IntegrationSettings(
        allow_half_levels=True,
        spread_threshold=D("1.5"),
        min_exercises_with_evidence=3,
        max_level=4,
        suggestion_rule="median",
    )
    stored = json.dumps(settings.to_dict())
    assert IntegrationSettings.from_dict(json.loads(stored)) == settings


def test_settings_defaults_and_missing_keys() -> None:
    defaults = IntegrationSettings()
    assert (defaults.allow_half_levels, defaults.spread_threshold, defaults.min_exercises_with_evidence) == (
        False,
        D(1),
        2,
    )
    assert IntegrationSettings.from_dict({}) == defaults
    assert IntegrationSettings.from_dict(None) == defaults
    assert IntegrationSettings.from_dict({"allow_half_levels": True, "other": 1}) == IntegrationSettings(
        allow_half_levels=True
    )


@pytest.mark.parametrize(
    "data",
    [
        {"spread_threshold": "-1"},
        {"spread_threshold": "abc"},
        {"min_exercises_with_evidence": 0},
        {"min_exercises_with_evidence": "dua"},
        {"max_level": 0},
        {"suggestion_rule": "modus"},
    ],
)
def test_invalid_settings_are_refused(data: dict) -> None:
    with pytest.raises(ValueError):
        IntegrationSettings.from_dict(data)


@pytest.mark.parametrize(
    ("value", "text"),
    [(3, "3"), (D("3.0"), "3"), (D("3.5"), "3,5"), (3.25, "3,25"), (None, "-"), (D("-0.5"), "-0,5")],
)
def test_format_level(value: object, text: str) -> None:
    assert format_level(value) == text  # type: ignore[arg-type]
