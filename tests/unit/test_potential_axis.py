"""The 9-box potential axis from competency, potential and track record (domain.md 3.2)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ukom_desktop.domain import potential
from ukom_desktop.domain.ninebox import PotentialBand
from ukom_desktop.domain.potential_axis import parse_mix, potential_axis
from ukom_desktop.domain.results import SettingsError

SETTINGS = potential.DEFAULT_POTENTIAL_SETTINGS


def _summary(value: int) -> potential.PotentialSummary:
    return potential.compute_potential({a.code: value for a in potential.ASPECTS})


def test_all_three_inputs_are_mixed_40_40_20_by_default() -> None:
    axis = potential_axis(Decimal("100"), _summary(3), Decimal(5), SETTINGS)
    assert axis is not None
    # 100 x 40 + 60 x 40 + 100 x 20 = 84: potential aspects alone (60%) would only be menengah
    assert axis.score == Decimal("84.00") and axis.band is PotentialBand.TINGGI
    text = axis.describe()
    assert "Kompetensi (JPM) 100,00% (bobot 40)" in text and "Potensi (8 aspek) 60,00% (bobot 40)" in text
    assert "Rekam jejak 100,00% (bobot 20)" in text and "= 84,00%: potensial tinggi" in text


def test_a_low_competency_result_pulls_the_axis_down() -> None:
    axis = potential_axis(Decimal("50"), _summary(4), None, SETTINGS)
    assert axis is not None
    # track record missing: 50 x 40 + 80 x 40 over 80 = 65 -> menengah (the aspects alone say tinggi)
    assert axis.score == Decimal("65.00") and axis.band is PotentialBand.MENENGAH
    assert "rekam jejak belum tersedia" in axis.describe()


def test_with_the_potential_input_only_the_band_is_the_aspects_band() -> None:
    mix = parse_mix({"kompetensi": 0, "rekam_jejak": 0})
    for value in (2, 3, 4, 5):
        summary = _summary(value)
        axis = potential_axis(Decimal("90"), summary, Decimal(1), SETTINGS, mix)
        assert axis is not None and axis.band is summary.category


def test_without_the_potential_assessment_there_is_no_axis() -> None:
    assert potential_axis(Decimal("90"), None, Decimal(4), SETTINGS) is None


@pytest.mark.parametrize("bad", [{"kinerja": 10}, {"kompetensi": -1}, {"kompetensi": 0, "potensi": 0,
                                                                       "rekam_jejak": 0}])
def test_bad_mixes_are_refused_in_indonesian(bad: dict[str, int]) -> None:
    with pytest.raises(SettingsError):
        parse_mix(bad)
