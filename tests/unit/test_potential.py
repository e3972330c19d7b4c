"""Potential aspects, scale, average and category (domain.md 3.1-3.2)."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from ukom_desktop.domain.ninebox import PotentialBand, box_number
from ukom_desktop.domain.potential import (
    ASPECTS,
    PotentialError,
    PotentialSettings,
    aspect_by_code,
    compute_potential,
    find_aspect_code,
    potential_category,
)
from ukom_desktop.domain.results import SettingsError


def ratings(*values: object) -> dict[str, object]:
    return {f"P{i + 1}": v for i, v in enumerate(values)}


def test_eight_aspects_in_regulation_order() -> None:
    assert [(a.code, a.name) for a in ASPECTS] == [
        ("P1", "Kemampuan Intelektual"),
        ("P2", "Kemampuan Interpersonal"),
        ("P3", "Kesadaran Diri"),
        ("P4", "Kemampuan Berpikir Kritis dan Strategis"),
        ("P5", "Kemampuan Menyelesaikan Permasalahan"),
        ("P6", "Kecerdasan Emosional"),
        ("P7", "Kemampuan Belajar Cepat dan Mengembangkan Diri"),
        ("P8", "Motivasi dan Komitmen"),
    ]
    assert aspect_by_code("P8") is ASPECTS[7]
    assert aspect_by_code("P9") is None


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("P1", "P1"),
        ("p 4", "P4"),
        ("P-08", "P8"),
        ("P9", None),
        ("kesadaran diri", "P3"),
        ("Self Awareness", "P3"),
        ("Kemampuan Belajar Cepat & Mengembangkan Diri", "P7"),
        ("Kecerdasan Emosional (Emotional Quotient)", "P6"),
        ("grit", "P8"),
        ("Kepemimpinan", None),
        ("", None),
    ],
)
def test_find_aspect_code(text: str, code: str | None) -> None:
    assert find_aspect_code(text) == code


@pytest.mark.parametrize(
    ("average", "band"),
    [
        (5, PotentialBand.TINGGI),
        (4, PotentialBand.TINGGI),
        (3.995, PotentialBand.TINGGI),  # rounds to 4.00, as printed
        (3.99, PotentialBand.MENENGAH),
        (3, PotentialBand.MENENGAH),
        (2.99, PotentialBand.RENDAH),
        (1, PotentialBand.RENDAH),
    ],
)
def test_default_cut_offs(average: float, band: PotentialBand) -> None:
    assert potential_category(average) is band


def test_compute_potential_totals_and_category() -> None:
    result = compute_potential(ratings(4, 3, 5, 4, Decimal("3.5"), 4, 3, 4))
    assert result.total == Decimal("30.5")
    assert result.average == Decimal("3.81")  # 3.8125 rounded half up
    assert result.percent_of_max == Decimal("76.25")  # 30.5 / 40
    assert result.category is PotentialBand.MENENGAH
    assert result.category_name == "Menengah"
    assert [r.code for r in result.ratings] == [f"P{i}" for i in range(1, 9)]


@pytest.mark.parametrize(
    ("values", "band", "name"),
    [
        ([4] * 8, PotentialBand.TINGGI, "Tinggi"),
        ([4] * 7 + [3.92], PotentialBand.MENENGAH, "Menengah"),  # average 3.99
        ([3] * 8, PotentialBand.MENENGAH, "Menengah"),
        ([3] * 7 + [2.92], PotentialBand.RENDAH, "Rendah"),  # average 2.99
    ],
)
def test_category_boundaries_through_compute(values: list[float], band: PotentialBand, name: str) -> None:
    result = compute_potential(ratings(*values))
    assert (result.category, result.category_name) == (band, name)


def test_keys_may_be_aspect_names_and_order_is_normalised() -> None:
    data = {a.name: 5 for a in reversed(ASPECTS)}
    result = compute_potential(data)
    assert [r.code for r in result.ratings] == [a.code for a in ASPECTS]
    assert result.average == 5


def test_partial_ratings_when_allowed() -> None:
    result = compute_potential({"P1": 5, "P2": 4}, require_all=False)
    assert result.total == 9
    assert result.average == Decimal("4.50")
    assert result.percent_of_max == Decimal("90.00")
    assert result.category is PotentialBand.TINGGI


@pytest.mark.parametrize(
    ("data", "kwargs", "message"),
    [
        ({"P1": 4}, {}, "belum dinilai: Kemampuan Interpersonal, Kesadaran Diri"),
        ({}, {"require_all": False}, "Belum ada aspek potensi yang dinilai"),
        ({"P1": None}, {"require_all": False}, "Kemampuan Intelektual belum diisi"),
        ({"P1": 6}, {"require_all": False}, r"Kemampuan Intelektual \(6\) harus berada di antara 1 dan 5"),
        ({"P2": 0.5}, {"require_all": False}, r"\(0,5\) harus berada di antara 1 dan 5"),
        ({"Kepemimpinan": 4}, {"require_all": False}, "Aspek potensi 'Kepemimpinan' tidak dikenal"),
        (
            {"P3": 4, "Kesadaran Diri": 4},
            {"require_all": False},
            "Kesadaran Diri tercantum lebih dari satu kali",
        ),
        ({"P1": "empat"}, {"require_all": False}, "bukan angka yang sah"),
    ],
)
def test_bad_ratings(data: dict, kwargs: dict, message: str) -> None:
    with pytest.raises(PotentialError, match=message):
        compute_potential(data, **kwargs)


def test_custom_scale_and_cut_offs() -> None:
    settings = PotentialSettings(scale_min=1, scale_max=9, tinggi_min=7, menengah_min=4.5, decimals=1)  # type: ignore[arg-type]
    result = compute_potential(ratings(*[7] * 7, 6.7), settings)  # average 6.9625 -> 7.0
    assert result.average == Decimal("7.0")
    assert result.category is PotentialBand.TINGGI
    assert potential_category(4.45, settings) is PotentialBand.MENENGAH  # 4.5 after rounding
    assert potential_category(4.44, settings) is PotentialBand.RENDAH
    with pytest.raises(PotentialError, match="antara 1 dan 9"):
        compute_potential({"P1": 10}, settings, require_all=False)


def test_potential_category_feeds_the_nine_box() -> None:
    result = compute_potential(ratings(*[5] * 8))
    assert box_number(result.category, "di_atas") == 9


def test_settings_dict_round_trip() -> None:
    assert PotentialSettings().to_dict() == {
        "version": 1,
        "scale_min": 1,
        "scale_max": 5,
        "tinggi_min": 4,
        "menengah_min": 3,
        "decimals": 2,
    }
    custom = PotentialSettings.from_dict(
        {"scale_max": 4, "tinggi_min": 3.25, "menengah_min": 2.5, "decimals": 1}
    )
    assert custom.tinggi_min == Decimal("3.25")
    assert PotentialSettings.from_dict(json.loads(json.dumps(custom.to_dict()))) == custom
    assert PotentialSettings.from_dict(None) == PotentialSettings()
    assert PotentialSettings.from_dict({"tinggi_min": 4.5}).menengah_min == 3


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"scale_min": 5, "scale_max": 5}, "lebih kecil dari nilai tertingginya"),
        ({"tinggi_min": 3, "menengah_min": 3}, "batas menengah lebih kecil"),
        ({"tinggi_min": 6}, "dalam skala"),
        ({"menengah_min": 0.5}, "dalam skala"),
        ({"tinggi_min": "tinggi"}, "Batas kategori potensi tinggi 'tinggi' bukan angka"),
        ({"decimals": -1}, "desimal"),
        ({"scale_max": True}, "harus berupa angka"),
    ],
)
def test_bad_settings(data: dict, message: str) -> None:
    with pytest.raises(SettingsError, match=message):
        PotentialSettings.from_dict(data)
