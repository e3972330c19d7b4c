"""Potential assessment (penilaian potensi), domain.md 3.1-3.2.

Eight aspects from PermenPAN-RB 3/2020 Pasal 17 as amended by 20/2025, each given a rating.
The rating scale and the cut-offs for tinggi/menengah/rendah are set by each agency
(UNVERIFIED defaults here: scale 1-5, tinggi when the average >= 4.0, menengah when >= 3.0).
The category feeds the potential axis of the 9-box (``ninebox.PotentialBand``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ukom_desktop.domain.ninebox import PotentialBand
from ukom_desktop.domain.results import HUNDRED, Number, SettingsError, as_decimal, round_half_up

SETTINGS_VERSION = 1


class PotentialError(ValueError):
    """Ratings that cannot give a potential result; the message is in Bahasa Indonesia."""


@dataclass(frozen=True)
class PotentialAspect:
    code: str
    name: str
    term: str  # the English term the regulation puts in brackets, "" when none


ASPECTS: tuple[PotentialAspect, ...] = (
    PotentialAspect("P1", "Kemampuan Intelektual", ""),
    PotentialAspect("P2", "Kemampuan Interpersonal", ""),
    PotentialAspect("P3", "Kesadaran Diri", "self awareness"),
    PotentialAspect("P4", "Kemampuan Berpikir Kritis dan Strategis", "critical and strategic thinking"),
    PotentialAspect("P5", "Kemampuan Menyelesaikan Permasalahan", "problem solving"),
    PotentialAspect("P6", "Kecerdasan Emosional", "emotional quotient"),
    PotentialAspect("P7", "Kemampuan Belajar Cepat dan Mengembangkan Diri", "growth mindset"),
    PotentialAspect("P8", "Motivasi dan Komitmen", "grit"),
)
_BY_CODE: dict[str, PotentialAspect] = {a.code: a for a in ASPECTS}

CATEGORY_NAMES: dict[PotentialBand, str] = {
    PotentialBand.TINGGI: "Tinggi",
    PotentialBand.MENENGAH: "Menengah",
    PotentialBand.RENDAH: "Rendah",
}


def _key(text: str) -> str:
    return re.sub(r"[^0-9a-z]+", "", text.lower().replace("&", " dan "))


_LOOKUP: dict[str, str] = {}
for _a in ASPECTS:
    _LOOKUP[_key(_a.name)] = _a.code
    if _a.term:
        _LOOKUP[_key(_a.term)] = _a.code
        _LOOKUP[_key(f"{_a.name} ({_a.term})")] = _a.code


def find_aspect_code(name_or_code: str) -> str | None:
    """Aspect code from a code or name: "p 3", "Kesadaran Diri", "self awareness" -> "P3"; else None."""
    text = str(name_or_code or "").strip()
    m = re.fullmatch(r"[pP]\s*[.\-]?\s*0*([1-9])", text)
    if m:
        code = f"P{m.group(1)}"
        return code if code in _BY_CODE else None
    return _LOOKUP.get(_key(text)) if text else None


def aspect_by_code(code: str) -> PotentialAspect | None:
    return _BY_CODE.get(code)


@dataclass(frozen=True)
class PotentialSettings:
    """Rating scale and cut-offs on the average rating; stored as JSON (to_dict/from_dict)."""

    scale_min: Decimal = Decimal(1)  # UNVERIFIED default
    scale_max: Decimal = Decimal(5)  # UNVERIFIED default
    tinggi_min: Decimal = Decimal(4)  # average >= this: tinggi (UNVERIFIED default)
    menengah_min: Decimal = Decimal(3)  # average >= this: menengah, below: rendah (UNVERIFIED default)
    decimals: int = 2

    def __post_init__(self) -> None:
        if (
            isinstance(self.decimals, bool)
            or not isinstance(self.decimals, int)
            or not 0 <= self.decimals <= 4
        ):
            raise SettingsError("Jumlah desimal rata-rata potensi harus bilangan bulat 0 sampai 4.")
        for name in ("scale_min", "scale_max", "tinggi_min", "menengah_min"):
            object.__setattr__(
                self, name, as_decimal(getattr(self, name), "Pengaturan potensi", SettingsError)
            )
        if not self.scale_min < self.scale_max:
            raise SettingsError("Nilai terendah skala potensi harus lebih kecil dari nilai tertingginya.")
        if not self.scale_min <= self.menengah_min < self.tinggi_min <= self.scale_max:
            raise SettingsError(
                "Batas kategori potensi harus berada dalam skala, dengan batas menengah lebih kecil "
                "dari batas tinggi."
            )

    def category_of(self, average: Number) -> PotentialBand:
        """Category of an average rating, rounded to ``decimals`` first (">= lower, < upper")."""
        value = round_half_up(as_decimal(average, "Rata-rata potensi", PotentialError), self.decimals)
        if value >= self.tinggi_min:
            return PotentialBand.TINGGI
        if value >= self.menengah_min:
            return PotentialBand.MENENGAH
        return PotentialBand.RENDAH

    def to_dict(self) -> dict[str, Any]:
        def num(value: Decimal) -> int | float:
            return int(value) if value == value.to_integral_value() else float(value)

        return {
            "version": SETTINGS_VERSION,
            "scale_min": num(self.scale_min),
            "scale_max": num(self.scale_max),
            "tinggi_min": num(self.tinggi_min),
            "menengah_min": num(self.menengah_min),
            "decimals": self.decimals,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | None) -> PotentialSettings:
        """Settings from stored JSON; missing keys take the defaults."""
        if not data:
            return cls()
        if not isinstance(data, Mapping):
            raise SettingsError("Pengaturan potensi harus berupa objek JSON.")
        kwargs: dict[str, Any] = {}
        labels = {
            "scale_min": "Nilai terendah skala potensi",
            "scale_max": "Nilai tertinggi skala potensi",
            "tinggi_min": "Batas kategori potensi tinggi",
            "menengah_min": "Batas kategori potensi menengah",
        }
        for key, label in labels.items():
            if key in data:
                kwargs[key] = as_decimal(data[key], label, SettingsError)
        if "decimals" in data:
            kwargs["decimals"] = data["decimals"]
        return cls(**kwargs)


DEFAULT_POTENTIAL_SETTINGS = PotentialSettings()


@dataclass(frozen=True)
class AspectRating:
    code: str
    name: str
    value: Decimal


@dataclass(frozen=True)
class PotentialSummary:
    ratings: tuple[AspectRating, ...]  # in the order of ASPECTS
    total: Decimal
    average: Decimal  # rounded to settings.decimals
    percent_of_max: Decimal  # total / (number of ratings x scale_max) x 100, 2 decimals
    category: PotentialBand
    category_name: str  # "Tinggi" | "Menengah" | "Rendah"


def potential_category(
    average: Number, settings: PotentialSettings = DEFAULT_POTENTIAL_SETTINGS
) -> PotentialBand:
    return settings.category_of(average)


def compute_potential(
    ratings: Mapping[str, Number | None],
    settings: PotentialSettings = DEFAULT_POTENTIAL_SETTINGS,
    *,
    require_all: bool = True,
) -> PotentialSummary:
    """Total, average and category of the aspect ratings, keyed by aspect code or name.

    With ``require_all`` every one of the 8 aspects must be rated. Raises PotentialError.
    """
    values: dict[str, Decimal] = {}
    for key, raw in ratings.items():
        code = find_aspect_code(key)
        if code is None:
            raise PotentialError(f"Aspek potensi '{key}' tidak dikenal.")
        name = _BY_CODE[code].name
        if code in values:
            raise PotentialError(f"Aspek potensi {name} tercantum lebih dari satu kali.")
        if raw is None:
            raise PotentialError(f"Nilai aspek potensi {name} belum diisi.")
        value = as_decimal(raw, f"Nilai aspek potensi {name}", PotentialError)
        if not settings.scale_min <= value <= settings.scale_max:
            raise PotentialError(
                f"Nilai aspek potensi {name} ({_plain(value)}) harus berada di antara "
                f"{_plain(settings.scale_min)} dan {_plain(settings.scale_max)}."
            )
        values[code] = value
    if not values:
        raise PotentialError("Belum ada aspek potensi yang dinilai.")
    missing = [a.name for a in ASPECTS if a.code not in values]
    if require_all and missing:
        raise PotentialError(f"Aspek potensi berikut belum dinilai: {', '.join(missing)}.")
    rows = tuple(AspectRating(a.code, a.name, values[a.code]) for a in ASPECTS if a.code in values)
    total = sum((r.value for r in rows), Decimal(0))
    count = Decimal(len(rows))
    average = round_half_up(total / count, settings.decimals)
    percent = round_half_up(total / (count * settings.scale_max) * HUNDRED, 2)
    category = settings.category_of(average)
    return PotentialSummary(
        ratings=rows,
        total=total,
        average=average,
        percent_of_max=percent,
        category=category,
        category_name=CATEGORY_NAMES[category],
    )


def _plain(value: Decimal) -> str:
    """3.50 -> "3,5", 4 -> "4" for messages."""
    text = f"{value.normalize():f}" if value != value.to_integral_value() else str(int(value))
    return text.replace(".", ",")
