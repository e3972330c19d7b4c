"""Competency result rules: gaps, JPM, categories by purpose, settings, validity (domain.md 2, 4.5)."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest

from ukom_desktop.domain.results import (
    DEFAULT_PEMETAAN,
    DEFAULT_PENGISIAN,
    CategorySet,
    CompetencyScore,
    JpmSettings,
    Purpose,
    ResultError,
    SettingsError,
    categorize,
    compute_result,
    development_areas,
    format_decimal_id,
    format_percent_id,
    is_result_valid,
    jpm_percent,
    parse_purpose,
    strengths,
    valid_until,
)

CODES = ["M.01", "M.02", "M.03", "M.04", "M.05", "M.06", "M.07", "M.08", "SK.01"]


def scores(
    finals: list[float | int | str | Decimal | None], standards: list[int] | int = 3
) -> list[CompetencyScore]:
    stds = standards if isinstance(standards, list) else [standards] * len(finals)
    return [
        CompetencyScore(code=CODES[i], name=f"Kompetensi {i + 1}", standard=stds[i], final=f)
        for i, f in enumerate(finals)
    ]


def spread(total: str, n: int = 9) -> list[Decimal]:
    """n finals summing exactly to total: all equal but the last."""
    t = Decimal(total)
    base = (t / n).quantize(Decimal("0.01"))
    return [base] * (n - 1) + [t - base * (n - 1)]


# --- categories at every boundary ------------------------------------------------------------

BOUNDARIES = [
    # (jpm, purpose, code, name)
    ("79.99", "pengisian", "MMS", "Masih Memenuhi Syarat"),
    ("80", "pengisian", "MS", "Memenuhi Syarat"),
    ("80.00", "pengisian", "MS", "Memenuhi Syarat"),
    ("67.99", "pengisian", "KMS", "Kurang Memenuhi Syarat"),
    ("68", "pengisian", "MMS", "Masih Memenuhi Syarat"),
    ("77.99", "pengisian", "MMS", "Masih Memenuhi Syarat"),
    ("78", "pengisian", "MMS", "Masih Memenuhi Syarat"),
    ("89.99", "pengisian", "MS", "Memenuhi Syarat"),
    ("90", "pengisian", "MS", "Memenuhi Syarat"),
    ("0", "pengisian", "KMS", "Kurang Memenuhi Syarat"),
    ("100", "pengisian", "MS", "Memenuhi Syarat"),
    ("79.99", "pemetaan", "CO", "Cukup Optimal"),
    ("80", "pemetaan", "CO", "Cukup Optimal"),
    ("67.99", "pemetaan", "KO", "Kurang Optimal"),
    ("68", "pemetaan", "KO", "Kurang Optimal"),
    ("77.99", "pemetaan", "KO", "Kurang Optimal"),
    ("78", "pemetaan", "CO", "Cukup Optimal"),
    ("89.99", "pemetaan", "CO", "Cukup Optimal"),
    ("90", "pemetaan", "O", "Optimal"),
    ("0", "pemetaan", "KO", "Kurang Optimal"),
    ("133.33", "pemetaan", "O", "Optimal"),
]


@pytest.mark.parametrize(("jpm", "purpose", "code", "name"), BOUNDARIES)
def test_categorize_boundaries(jpm: str, purpose: str, code: str, name: str) -> None:
    category = categorize(Decimal(jpm), purpose)
    assert (category.code, category.name) == (code, name)
    # A float of the same value lands in the same category.
    assert categorize(float(jpm), purpose).code == code


@pytest.mark.parametrize(
    ("jpm", "purpose", "code"),
    [
        (79.995, "pengisian", "MS"),
        (79.994, "pengisian", "MMS"),
        (89.995, "pemetaan", "O"),
        (77.994, "pemetaan", "KO"),
    ],
)
def test_categorize_rounds_like_the_printed_number(jpm: float, purpose: str, code: str) -> None:
    assert categorize(jpm, purpose).code == code


# Standard 3 for each of the 9 competencies: total 27.
END_TO_END = [
    ("21.6", "pengisian", "80.00", "MS"),
    ("21.59", "pengisian", "79.96", "MMS"),
    ("18.36", "pengisian", "68.00", "MMS"),
    ("18.35", "pengisian", "67.96", "KMS"),
    ("24.3", "pemetaan", "90.00", "O"),
    ("24.29", "pemetaan", "89.96", "CO"),
    ("21.06", "pemetaan", "78.00", "CO"),
    ("21.05", "pemetaan", "77.96", "KO"),
    ("27", "pemetaan", "100.00", "O"),
]


@pytest.mark.parametrize(("total", "purpose", "jpm", "code"), END_TO_END)
def test_compute_result_at_boundaries(total: str, purpose: str, jpm: str, code: str) -> None:
    result = compute_result(scores(spread(total)), purpose)
    assert result.total_final == Decimal(total)
    assert result.total_standard == 27
    assert result.jpm == Decimal(jpm)
    assert result.category_code == code
    assert result.purpose is Purpose(purpose)


def test_float_scores_summing_to_exactly_80_percent_are_ms() -> None:
    finals = [4.63, 2.5, 1.49, 3.22, 1.02, 2.79, 1.47, 3.08, 1.4]
    assert sum(finals) / 27 * 100 < 80  # binary floats fall just short
    result = compute_result(scores(finals), "pengisian")
    assert result.jpm == Decimal("80.00")
    assert (result.category_code, result.category_name) == ("MS", "Memenuhi Syarat")


@pytest.mark.parametrize(
    ("last", "jpm", "code"),
    [("3.999", "80.00", "MS"), ("3.9988", "79.99", "MMS"), ("3.99899", "79.99", "MMS")],
)
def test_jpm_is_rounded_half_up_before_classifying(last: str, jpm: str, code: str) -> None:
    # Four competencies at standard 5 (total 20): JPM = total_final x 5, e.g. 15.999 -> 79.995 -> 80.00.
    result = compute_result(scores([4, 4, 4, Decimal(last)], 5), "pengisian")
    assert result.jpm == Decimal(jpm)
    assert result.category_code == code


# --- cap and offset -----------------------------------------------------------------------------


def test_cap_at_100_by_default() -> None:
    result = compute_result(scores([4] * 9), "pemetaan")
    assert result.jpm_uncapped == Decimal("133.33")
    assert str(result.jpm) == "100.00"
    assert result.capped
    assert result.category_code == "O"


def test_cap_can_be_switched_off() -> None:
    result = compute_result(scores([4] * 9), "pengisian", JpmSettings(cap_at_100=False))
    assert result.jpm == result.jpm_uncapped == Decimal("133.33")
    assert not result.capped
    assert result.category_code == "MS"


def test_no_cap_needed_below_100() -> None:
    result = compute_result(scores([3] * 9), "pengisian")
    assert result.jpm == Decimal("100.00")
    assert not result.capped


@pytest.mark.parametrize(
    ("offset", "jpm", "counted"),
    [(True, "100.00", "6"), (False, "83.33", "5")],
)
def test_offset_above_standard_setting(offset: bool, jpm: str, counted: str) -> None:
    result = compute_result(scores([4, 2], 3), "pengisian", JpmSettings(offset_above_standard=offset))
    assert result.total_final == 6  # always the plain sum for the report
    assert result.total_counted == Decimal(counted)
    assert result.jpm == Decimal(jpm)


@pytest.mark.parametrize(
    ("achieved", "standard", "cap", "decimals", "expected"),
    [
        (21.6, 27, True, 2, "80.00"),
        (2, 3, True, 2, "66.67"),
        (1, 3, True, 0, "33"),
        (5, 4, True, 2, "100.00"),
        (5, 4, False, 1, "125.0"),
        (Decimal("3.25"), 4, True, 3, "81.250"),
    ],
)
def test_jpm_percent(achieved: float, standard: int, cap: bool, decimals: int, expected: str) -> None:
    value = jpm_percent(achieved, standard, cap_at_100=cap, decimals=decimals)
    assert str(value) == expected


# --- gaps ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("final", "standard", "gap"),
    [
        (Decimal("3.25"), 3, "0.25"),
        (2.75, 3, "-0.25"),
        (3.1, 3, "0.1"),
        ("2,5", 4, "-1.5"),
        (3, 3, "0"),
        (5, 1, "4"),
    ],
)
def test_gap_is_final_minus_standard_with_decimals(final: object, standard: int, gap: str) -> None:
    score = CompetencyScore("M.01", "Integritas", standard, final)  # type: ignore[arg-type]
    assert score.gap == Decimal(gap)
    result = compute_result([score], "pengisian")
    assert result.competencies[0].gap == Decimal(gap)
    assert result.competencies[0].below_standard is (Decimal(gap) < 0)


def test_development_areas_and_strengths() -> None:
    items = scores([Decimal("2.5"), 3, Decimal("3.75"), 1, None], 3)
    assert [s.code for s in development_areas(items)] == ["M.01", "M.04"]
    assert [s.code for s in strengths(items)] == ["M.02", "M.03"]
    assert [s.code for s in strengths(items, include_at_standard=False)] == ["M.03"]
    result = compute_result(items[:4], "pemetaan")
    assert [r.code for r in result.development_areas] == ["M.01", "M.04"]
    assert [r.code for r in result.strengths] == ["M.02", "M.03"]
    assert [r.gap for r in result.development_areas] == [Decimal("-0.5"), Decimal("-2")]


# --- errors -------------------------------------------------------------------------------------


def test_zero_standard_total_is_a_clear_error() -> None:
    with pytest.raises(ResultError, match="Total nilai standar kompetensi adalah 0"):
        compute_result(scores([3, 2], 0), "pengisian")
    with pytest.raises(ResultError, match="JPM tidak dapat dihitung"):
        jpm_percent(5, 0)


@pytest.mark.parametrize(
    ("items", "message"),
    [
        ([], "Belum ada kompetensi yang dinilai"),
        (scores([3, None]), r"Nilai akhir kompetensi Kompetensi 2 \(M\.02\) belum diisi"),
        (scores([-1]), "tidak boleh negatif"),
        (scores([3], [-3]), "Nilai standar kompetensi .* tidak boleh negatif"),
        (scores(["tiga"]), "bukan angka yang sah"),
        (scores([3, 3])[:1] * 2, "M.01 tercantum lebih dari satu kali"),
    ],
)
def test_bad_scores_raise_indonesian_errors(items: list[CompetencyScore], message: str) -> None:
    with pytest.raises(ResultError, match=message):
        compute_result(items, "pengisian")


@pytest.mark.parametrize(
    ("text", "purpose"),
    [
        ("pengisian", Purpose.PENGISIAN),
        ("Pengisian Jabatan", Purpose.PENGISIAN),
        ("SELEKSI", Purpose.PENGISIAN),
        ("pemetaan", Purpose.PEMETAAN),
        ("Pemetaan Kompetensi", Purpose.PEMETAAN),
        (Purpose.PEMETAAN, Purpose.PEMETAAN),
    ],
)
def test_parse_purpose(text: str, purpose: Purpose) -> None:
    assert parse_purpose(text) is purpose


def test_unknown_purpose() -> None:
    with pytest.raises(ValueError, match="Tujuan penilaian 'evaluasi' tidak dikenal"):
        compute_result(scores([3]), "evaluasi")


# --- settings as data ---------------------------------------------------------------------------


def test_default_settings_dump() -> None:
    data = JpmSettings().to_dict()
    assert data["cap_at_100"] is True
    assert data["offset_above_standard"] is True
    assert data["decimals"] == 2
    assert data["categories"]["pengisian"] == [
        {"code": "MS", "name": "Memenuhi Syarat", "lower": 80},
        {"code": "MMS", "name": "Masih Memenuhi Syarat", "lower": 68},
        {"code": "KMS", "name": "Kurang Memenuhi Syarat", "lower": None},
    ]
    assert [c["code"] for c in data["categories"]["pemetaan"]] == ["O", "CO", "KO"]
    assert [c["lower"] for c in data["categories"]["pemetaan"]] == [90, 78, None]


def test_settings_round_trip_through_json() -> None:
    custom = JpmSettings(
        pengisian=CategorySet.from_list(
            "pengisian",
            [
                {"code": "MS", "name": "Memenuhi Syarat", "lower": 75.5},
                {"code": "MMS", "name": "Masih Memenuhi Syarat", "lower": 60},
                {"code": "KMS", "name": "Kurang Memenuhi Syarat", "lower": None},
            ],
        ),
        cap_at_100=False,
        offset_above_standard=False,
        decimals=1,
    )
    restored = JpmSettings.from_dict(json.loads(json.dumps(custom.to_dict())))
    assert restored == custom
    assert restored.pengisian.categories[0].lower == Decimal("75.5")
    assert categorize(75.5, "pengisian", restored).code == "MS"
    assert categorize(75.44, "pengisian", restored).code == "MMS"  # rounds to 75.4 with 1 decimal
    assert JpmSettings.from_dict(JpmSettings().to_dict()) == JpmSettings()


@pytest.mark.parametrize("data", [None, {}])
def test_empty_settings_give_defaults(data: dict | None) -> None:
    assert JpmSettings.from_dict(data) == JpmSettings()


def test_partial_settings_keep_other_defaults() -> None:
    settings = JpmSettings.from_dict({"cap_at_100": False})
    assert settings.cap_at_100 is False
    assert settings.pengisian == DEFAULT_PENGISIAN
    assert settings.pemetaan == DEFAULT_PEMETAAN
    assert settings.decimals == 2


def _cats(*triples: tuple[str, str, object]) -> list[dict[str, object]]:
    return [{"code": c, "name": n, "lower": lo} for c, n, lo in triples]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"cap_at_100": "ya"}, "cap_at_100"),
        ({"decimals": 7}, "desimal"),
        ({"decimals": 1.5}, "desimal"),
        ({"categories": []}, "objek JSON"),
        ({"categories": {"evaluasi": []}}, "evaluasi"),
        ({"categories": {"pengisian": "MS"}}, "daftar"),
        ({"categories": {"pengisian": []}}, "tidak boleh kosong"),
        ({"categories": {"pengisian": _cats(("MS", "A", 80), ("KMS", "B", 70))}}, "terendah"),
        (
            {"categories": {"pengisian": _cats(("MS", "A", 80), ("MMS", "B", 80), ("K", "C", None))}},
            "menurun",
        ),
        (
            {"categories": {"pengisian": _cats(("MS", "A", 70), ("MMS", "B", 80), ("K", "C", None))}},
            "menurun",
        ),
        ({"categories": {"pengisian": _cats(("MS", "A", None), ("K", "C", None))}}, "tanpa batas bawah"),
        ({"categories": {"pengisian": _cats(("MS", "A", 80), ("MS", "B", None))}}, "berulang"),
        ({"categories": {"pengisian": _cats(("MS", "A", "abc"), ("K", "B", None))}}, "bukan angka"),
        ({"categories": {"pengisian": _cats(("", "A", 80), ("K", "B", None))}}, "kode dan nama"),
        ({"categories": {"pengisian": [["MS", 80]]}}, "kode, nama dan batas bawah"),
    ],
)
def test_bad_settings_are_rejected(data: dict, message: str) -> None:
    with pytest.raises(SettingsError, match=message):
        JpmSettings.from_dict(data)


def test_category_sets_cannot_be_swapped() -> None:
    with pytest.raises(SettingsError, match="tertukar"):
        JpmSettings(pengisian=DEFAULT_PEMETAAN)


@pytest.mark.parametrize(
    ("category_set", "code", "text"),
    [
        (DEFAULT_PENGISIAN, "MS", "JPM ≥ 80%"),
        (DEFAULT_PENGISIAN, "MMS", "68% ≤ JPM < 80%"),
        (DEFAULT_PENGISIAN, "KMS", "JPM < 68%"),
        (DEFAULT_PEMETAAN, "O", "JPM ≥ 90%"),
        (DEFAULT_PEMETAAN, "CO", "78% ≤ JPM < 90%"),
        (DEFAULT_PEMETAAN, "KO", "JPM < 78%"),
    ],
)
def test_range_text_for_legends(category_set: CategorySet, code: str, text: str) -> None:
    assert category_set.range_text(code) == text


def test_range_text_with_decimal_threshold() -> None:
    cs = CategorySet.from_list("pemetaan", _cats(("O", "Optimal", 87.5), ("KO", "Kurang Optimal", None)))
    assert cs.range_text("O") == "JPM ≥ 87,5%"
    assert cs.range_text("KO") == "JPM < 87,5%"


@pytest.mark.parametrize(
    ("value", "decimals", "text"),
    [(85.5, 2, "85,50"), (Decimal("79.995"), 2, "80,00"), (100, 0, "100"), (3.25, 1, "3,3")],
)
def test_format_decimal_id(value: object, decimals: int, text: str) -> None:
    assert format_decimal_id(value, decimals) == text  # type: ignore[arg-type]


def test_format_percent_id() -> None:
    assert format_percent_id(Decimal("68")) == "68,00%"


# --- validity -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("assessed", "years", "until"),
    [
        (date(2025, 1, 10), 3, date(2028, 1, 10)),
        (date(2023, 12, 31), 3, date(2026, 12, 31)),
        (date(2024, 2, 29), 3, date(2027, 2, 28)),
        (date(2024, 2, 29), 4, date(2028, 2, 29)),
        (date(2025, 2, 28), 3, date(2028, 2, 28)),
        (date(2025, 3, 1), 1, date(2026, 3, 1)),
    ],
)
def test_valid_until(assessed: date, years: int, until: date) -> None:
    assert valid_until(assessed, years) == until


def test_default_validity_is_three_years() -> None:
    assert valid_until(date(2026, 11, 22)) == date(2029, 11, 22)


@pytest.mark.parametrize(
    ("on", "valid"),
    [
        (date(2026, 11, 22), True),
        (date(2029, 11, 22), True),
        (date(2029, 11, 23), False),
        (date(2026, 11, 21), False),
    ],
)
def test_is_result_valid(on: date, valid: bool) -> None:
    assert is_result_valid(date(2026, 11, 22), on) is valid
