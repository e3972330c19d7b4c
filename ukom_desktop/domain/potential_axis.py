"""The potential axis of the 9-box (domain.md 3.2): built from the competency assessment, the potential
assessment and the track record (rekam jejak), not from the psychotest aspects alone.

Each input is put on a 0-100 scale: competency = JPM (capped at 100), potential = average aspect
rating / scale maximum x 100, track record = its rating (same scale as the aspects) / maximum x 100.
The axis score is their weighted mean; an input that is missing drops out and the remaining weights
count in proportion. The weights are a setting (``potential.axis_mix``); the defaults 40/40/20 are
UNVERIFIED (agencies set them). The cut-offs follow the potential settings on the same scale:
tinggi from ``tinggi_min / scale_max x 100`` (80 by default), menengah from ``menengah_min / scale_max
x 100`` (60), so with the potential input alone the band is the one of the aspect average.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ukom_desktop.domain.ninebox import PotentialBand
from ukom_desktop.domain.potential import CATEGORY_NAMES, PotentialSettings, PotentialSummary
from ukom_desktop.domain.results import HUNDRED, SettingsError, as_decimal, format_percent_id, round_half_up

TRACK_RECORD_CODE = "RJ"  # stored as a PotentialScore beside the 8 aspects, on the aspects' scale
TRACK_RECORD_NAME = "Rekam Jejak"
SETTING_KEY = "potential.axis_mix"
INPUT_LABELS: dict[str, str] = {"kompetensi": "Kompetensi (JPM)", "potensi": "Potensi (8 aspek)",
                                "rekam_jejak": "Rekam jejak"}
DEFAULT_MIX: dict[str, Decimal] = {"kompetensi": Decimal(40), "potensi": Decimal(40), "rekam_jejak": Decimal(20)}


def parse_mix(data: Mapping[str, Any] | None) -> dict[str, Decimal]:
    """Weights from the stored setting; missing keys take the defaults; all must be >= 0, sum > 0."""
    mix = dict(DEFAULT_MIX)
    if data:
        if not isinstance(data, Mapping):
            raise SettingsError("Bobot sumbu potensial harus berupa objek JSON.")
        for key, value in data.items():
            if key not in DEFAULT_MIX:
                raise SettingsError(f"Komponen sumbu potensial '{key}' tidak dikenal; gunakan "
                                    "kompetensi, potensi, atau rekam_jejak.")
            weight = as_decimal(value, f"Bobot {INPUT_LABELS[key]}", SettingsError)
            if weight < 0:
                raise SettingsError(f"Bobot {INPUT_LABELS[key]} tidak boleh negatif.")
            mix[key] = weight
    if sum(mix.values()) <= 0:
        raise SettingsError("Jumlah bobot sumbu potensial harus lebih dari nol.")
    return mix


@dataclass(frozen=True)
class AxisInput:
    key: str
    label: str
    percent: Decimal | None  # 0-100, None when missing
    weight: Decimal  # as set, before dropping missing inputs


@dataclass(frozen=True)
class PotentialAxis:
    inputs: tuple[AxisInput, ...]
    score: Decimal  # 0-100, 2 decimals
    band: PotentialBand

    @property
    def band_name(self) -> str:
        return CATEGORY_NAMES[self.band]

    def describe(self) -> str:
        """"Kompetensi (JPM) 94,44% (bobot 40), ... = 78,27%: potensial menengah"."""
        parts = [f"{i.label} {format_percent_id(i.percent)} (bobot {_plain(i.weight)})"
                 for i in self.inputs if i.percent is not None and i.weight > 0]
        missing = [i.label.lower() for i in self.inputs if i.percent is None and i.weight > 0]
        text = "; ".join(parts) + f" = {format_percent_id(self.score)}: potensial {self.band_name.lower()}"
        if missing:
            text += f" ({', '.join(missing)} belum tersedia, bobotnya dibagi ke komponen lain)"
        return text


def _plain(value: Decimal) -> str:
    return str(int(value)) if value == value.to_integral_value() else f"{value.normalize():f}".replace(".", ",")


def potential_axis(
    jpm: Decimal | None, summary: PotentialSummary | None, track_record: Decimal | None,
    settings: PotentialSettings, mix: Mapping[str, Decimal] | None = None,
) -> PotentialAxis | None:
    """The potential band for the 9-box; None without the potential assessment (the core input)."""
    if summary is None:
        return None
    weights = dict(mix or DEFAULT_MIX)
    scale = settings.scale_max
    potensi = Decimal(summary.average) / scale * HUNDRED
    values: dict[str, Decimal | None] = {
        "kompetensi": min(Decimal(jpm), HUNDRED) if jpm is not None else None,
        "potensi": potensi,
        "rekam_jejak": Decimal(track_record) / scale * HUNDRED if track_record is not None else None,
    }
    inputs = tuple(AxisInput(k, INPUT_LABELS[k], None if v is None else round_half_up(v, 2),
                             weights.get(k, Decimal(0))) for k, v in values.items())
    used = [(v, i.weight) for i in inputs if (v := values[i.key]) is not None and i.weight > 0]
    total = sum((w for _v, w in used), Decimal(0))
    if total <= 0:
        score = round_half_up(potensi, 2)
    else:
        score = round_half_up(sum((v * w for v, w in used), Decimal(0)) / total, 2)
    if score >= settings.tinggi_min / scale * HUNDRED:
        band = PotentialBand.TINGGI
    elif score >= settings.menengah_min / scale * HUNDRED:
        band = PotentialBand.MENENGAH
    else:
        band = PotentialBand.RENDAH
    return PotentialAxis(inputs, score, band)
