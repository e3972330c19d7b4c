"""Competency result rules (domain.md 2 and 4.5): gaps, Job Person Match, categories, validity.

- gap = final level - standard level, per competency; decimals are allowed.
- JPM = sum(final) / sum(standard) x 100, rounded (half up) to ``decimals`` places *before* it is
  compared with the thresholds, so the number printed is the number classified (79.99 -> MMS,
  80.00 -> MS). Optionally capped at 100.
- The category set depends on the purpose: "pengisian" (MS/MMS/KMS) or "pemetaan" (O/CO/KO).
  Thresholds are data (``JpmSettings``), stored as JSON; the boundary rule is ">= lower, < upper".

Numbers are handled as ``Decimal``; floats are read through their shortest text form
(3.1 -> Decimal("3.1")), so binary rounding never moves a participant across a boundary.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from enum import StrEnum
from typing import Any, TypeVar

Number = int | float | Decimal

HUNDRED = Decimal(100)
SETTINGS_VERSION = 1


class ResultError(ValueError):
    """Scores that cannot give a result; the message is in Bahasa Indonesia."""


class SettingsError(ValueError):
    """Stored settings that cannot be read; the message is in Bahasa Indonesia."""


class Purpose(StrEnum):
    PENGISIAN = "pengisian"  # pengisian jabatan / seleksi: MS, MMS, KMS
    PEMETAAN = "pemetaan"  # pemetaan kompetensi: O, CO, KO


PURPOSE_LABELS: dict[Purpose, str] = {
    Purpose.PENGISIAN: "Pengisian Jabatan",
    Purpose.PEMETAAN: "Pemetaan Kompetensi",
}

_PURPOSE_WORDS: dict[str, Purpose] = {
    "pengisian": Purpose.PENGISIAN,
    "pengisianjabatan": Purpose.PENGISIAN,
    "seleksi": Purpose.PENGISIAN,
    "promosi": Purpose.PENGISIAN,
    "pemetaan": Purpose.PEMETAAN,
    "pemetaankompetensi": Purpose.PEMETAAN,
    "mapping": Purpose.PEMETAAN,
}


def parse_purpose(value: str | Purpose) -> Purpose:
    """Read a purpose from its code or a common wording ("Pengisian Jabatan", "Pemetaan")."""
    if isinstance(value, Purpose):
        return value
    key = re.sub(r"[^a-z]+", "", str(value).lower())
    try:
        return _PURPOSE_WORDS[key]
    except KeyError:
        raise ValueError(
            f"Tujuan penilaian '{value}' tidak dikenal; gunakan 'pengisian' atau 'pemetaan'."
        ) from None


def as_decimal(value: object, what: str = "Nilai", error: type[ValueError] = ValueError) -> Decimal:
    """Turn an int, float, Decimal or text ("3,25" or "3.25") into a finite Decimal."""
    if isinstance(value, bool) or value is None:
        raise error(f"{what} harus berupa angka.")
    try:
        if isinstance(value, Decimal):
            result = value
        elif isinstance(value, int):
            result = Decimal(value)
        elif isinstance(value, float):
            result = Decimal(repr(value))
        elif isinstance(value, str):
            result = Decimal(value.strip().replace(",", "."))
        else:
            raise error(f"{what} harus berupa angka.")
    except InvalidOperation:
        raise error(f"{what} '{value}' bukan angka yang sah.") from None
    if not result.is_finite():
        raise error(f"{what} '{value}' bukan angka yang sah.")
    return result


def _quantum(decimals: int) -> Decimal:
    return Decimal(1).scaleb(-decimals)


def round_half_up(value: Decimal, decimals: int = 2) -> Decimal:
    return value.quantize(_quantum(decimals), rounding=ROUND_HALF_UP)


def format_decimal_id(value: Number, decimals: int = 2) -> str:
    """Indonesian decimal comma with a fixed number of places: 85.5 -> "85,50"."""
    return f"{round_half_up(as_decimal(value), decimals):f}".replace(".", ",")


def format_percent_id(value: Number, decimals: int = 2) -> str:
    """Percentage as printed in the JPM block of a report: "85,50%"."""
    return f"{format_decimal_id(value, decimals)}%"


def _short_number(value: Decimal) -> str:
    """80 -> "80", 67.50 -> "67,5" (for threshold legends)."""
    text = f"{value.normalize():f}" if value != value.to_integral_value() else f"{int(value)}"
    return text.replace(".", ",")


def _json_number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


# ---------------------------------------------------------------------------------------------
# Categories and settings


@dataclass(frozen=True)
class Category:
    code: str  # "MS"
    name: str  # "Memenuhi Syarat"
    lower: Decimal | None  # inclusive lower bound of JPM in percent; None for the lowest category


@dataclass(frozen=True)
class CategorySet:
    """The categories of one purpose, highest first; each covers [lower, next higher lower)."""

    purpose: Purpose
    categories: tuple[Category, ...]

    def __post_init__(self) -> None:
        cats = self.categories
        label = PURPOSE_LABELS.get(self.purpose, str(self.purpose))
        if not cats:
            raise SettingsError(f"Kategori hasil untuk {label} tidak boleh kosong.")
        codes = [c.code for c in cats]
        if any(not c.code.strip() or not c.name.strip() for c in cats):
            raise SettingsError(f"Setiap kategori hasil untuk {label} harus memiliki kode dan nama.")
        if len(set(codes)) != len(codes):
            raise SettingsError(f"Kode kategori hasil untuk {label} tidak boleh berulang.")
        if cats[-1].lower is not None:
            raise SettingsError(
                f"Kategori terendah untuk {label} ({cats[-1].code}) tidak boleh memiliki batas bawah."
            )
        bounds = [c.lower for c in cats[:-1]]
        if any(b is None for b in bounds):
            raise SettingsError(f"Hanya kategori terendah untuk {label} yang boleh tanpa batas bawah.")
        for higher, lower in zip(bounds, bounds[1:], strict=False):
            assert higher is not None and lower is not None
            if not higher > lower:
                raise SettingsError(
                    f"Batas bawah kategori hasil untuk {label} harus menurun dari atas ke bawah."
                )

    def classify(self, jpm: Number) -> Category:
        value = as_decimal(jpm, "JPM")
        for category in self.categories:
            if category.lower is None or value >= category.lower:
                return category
        raise AssertionError("unreachable: the lowest category has no lower bound")

    def upper_of(self, code: str) -> Decimal | None:
        """Exclusive upper bound of a category (the lower bound of the one above), None for the top."""
        for index, category in enumerate(self.categories):
            if category.code == code:
                return self.categories[index - 1].lower if index else None
        raise KeyError(code)

    def by_code(self, code: str) -> Category:
        for category in self.categories:
            if category.code == code:
                return category
        raise KeyError(code)

    def range_text(self, code: str) -> str:
        """Legend text for a report: "JPM ≥ 80%", "68% ≤ JPM < 80%", "JPM < 68%"."""
        lower = self.by_code(code).lower
        upper = self.upper_of(code)
        if lower is None and upper is None:
            return "semua nilai JPM"
        if lower is None:
            assert upper is not None
            return f"JPM < {_short_number(upper)}%"
        if upper is None:
            return f"JPM ≥ {_short_number(lower)}%"
        return f"{_short_number(lower)}% ≤ JPM < {_short_number(upper)}%"

    def to_list(self) -> list[dict[str, Any]]:
        return [
            {"code": c.code, "name": c.name, "lower": None if c.lower is None else _json_number(c.lower)}
            for c in self.categories
        ]

    @classmethod
    def from_list(cls, purpose: Purpose | str, data: object) -> CategorySet:
        purpose = parse_purpose(purpose)
        label = PURPOSE_LABELS[purpose]
        if not isinstance(data, list | tuple):
            raise SettingsError(f"Daftar kategori hasil untuk {label} harus berupa daftar.")
        categories: list[Category] = []
        for item in data:
            if not isinstance(item, Mapping):
                raise SettingsError(
                    f"Setiap kategori hasil untuk {label} harus berisi kode, nama dan batas bawah."
                )
            code, name, lower = item.get("code"), item.get("name"), item.get("lower")
            if not isinstance(code, str) or not isinstance(name, str):
                raise SettingsError(f"Kode dan nama kategori hasil untuk {label} harus berupa teks.")
            bound = (
                None if lower is None else as_decimal(lower, f"Batas bawah kategori {code}", SettingsError)
            )
            categories.append(Category(code=code.strip(), name=name.strip(), lower=bound))
        return cls(purpose=purpose, categories=tuple(categories))


DEFAULT_PENGISIAN = CategorySet(
    purpose=Purpose.PENGISIAN,
    categories=(
        Category("MS", "Memenuhi Syarat", Decimal(80)),
        Category("MMS", "Masih Memenuhi Syarat", Decimal(68)),
        Category("KMS", "Kurang Memenuhi Syarat", None),
    ),
)
DEFAULT_PEMETAAN = CategorySet(
    purpose=Purpose.PEMETAAN,
    categories=(
        Category("O", "Optimal", Decimal(90)),
        Category("CO", "Cukup Optimal", Decimal(78)),
        Category("KO", "Kurang Optimal", None),
    ),
)


@dataclass(frozen=True)
class JpmSettings:
    """How a JPM is computed and classified; stored in the database as JSON (to_dict/from_dict)."""

    pengisian: CategorySet = DEFAULT_PENGISIAN
    pemetaan: CategorySet = DEFAULT_PEMETAAN
    cap_at_100: bool = True  # as in the Kaltim app (domain.md 2.1)
    # UNVERIFIED: may a score above standard in one competency offset a shortfall in another?
    # True: plain sum of final levels. False: each competency counts at most its standard.
    offset_above_standard: bool = True
    decimals: int = 2

    def __post_init__(self) -> None:
        if self.pengisian.purpose is not Purpose.PENGISIAN or self.pemetaan.purpose is not Purpose.PEMETAAN:
            raise SettingsError("Kategori hasil tertukar antara pengisian jabatan dan pemetaan.")
        if (
            isinstance(self.decimals, bool)
            or not isinstance(self.decimals, int)
            or not 0 <= self.decimals <= 4
        ):
            raise SettingsError("Jumlah desimal JPM harus bilangan bulat 0 sampai 4.")

    def category_set(self, purpose: Purpose | str) -> CategorySet:
        return self.pengisian if parse_purpose(purpose) is Purpose.PENGISIAN else self.pemetaan

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": SETTINGS_VERSION,
            "cap_at_100": self.cap_at_100,
            "offset_above_standard": self.offset_above_standard,
            "decimals": self.decimals,
            "categories": {
                Purpose.PENGISIAN.value: self.pengisian.to_list(),
                Purpose.PEMETAAN.value: self.pemetaan.to_list(),
            },
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | None) -> JpmSettings:
        """Settings from stored JSON; missing keys take the defaults."""
        if not data:
            return cls()
        if not isinstance(data, Mapping):
            raise SettingsError("Pengaturan JPM harus berupa objek JSON.")
        kwargs: dict[str, Any] = {}
        for key in ("cap_at_100", "offset_above_standard"):
            if key in data:
                if not isinstance(data[key], bool):
                    raise SettingsError(f"Pengaturan JPM '{key}' harus bernilai true atau false.")
                kwargs[key] = data[key]
        if "decimals" in data:
            kwargs["decimals"] = data["decimals"]
        categories = data.get("categories")
        if categories is None:
            categories = {}
        if not isinstance(categories, Mapping):
            raise SettingsError("Pengaturan kategori hasil harus berupa objek JSON.")
        unknown = set(categories) - {p.value for p in Purpose}
        if unknown:
            raise SettingsError(
                f"Tujuan penilaian tidak dikenal dalam pengaturan: {', '.join(sorted(unknown))}."
            )
        for purpose in Purpose:
            if purpose.value in categories:
                kwargs[purpose.value] = CategorySet.from_list(purpose, categories[purpose.value])
        return cls(**kwargs)


DEFAULT_SETTINGS = JpmSettings()


# ---------------------------------------------------------------------------------------------
# Scores and results


@dataclass(frozen=True)
class CompetencyScore:
    """Input: one competency of one participant (standard level and agreed final level)."""

    code: str
    name: str
    standard: Number
    final: Number | None  # None: not rated yet

    @property
    def gap(self) -> Decimal | None:
        if self.final is None:
            return None
        final = as_decimal(self.final, f"Nilai akhir kompetensi {self.name}", ResultError)
        return final - as_decimal(self.standard, f"Nilai standar kompetensi {self.name}", ResultError)


@dataclass(frozen=True)
class CompetencyResult:
    code: str
    name: str
    standard: Decimal
    final: Decimal
    gap: Decimal  # final - standard
    counted: Decimal  # what entered the JPM total (final, or min(final, standard) without offset)

    @property
    def below_standard(self) -> bool:
        return self.gap < 0


@dataclass(frozen=True)
class ResultSummary:
    purpose: Purpose
    competencies: tuple[CompetencyResult, ...]
    total_final: Decimal  # sum of final levels (report item 14)
    total_standard: Decimal  # sum of standard levels (report item 15)
    total_counted: Decimal  # numerator of the JPM
    jpm_uncapped: Decimal  # rounded, before the cap
    jpm: Decimal  # rounded and capped when the setting says so (report item 16)
    category_code: str
    category_name: str  # report item 17
    settings: JpmSettings = field(default=DEFAULT_SETTINGS, repr=False, compare=False)

    @property
    def capped(self) -> bool:
        return self.jpm != self.jpm_uncapped

    @property
    def development_areas(self) -> list[CompetencyResult]:
        return development_areas(self.competencies)

    @property
    def strengths(self) -> list[CompetencyResult]:
        return strengths(self.competencies)


def _cap(value: Decimal, decimals: int) -> Decimal:
    """100 with the same number of places as the JPM ("100.00"), when value is above it."""
    return value if value <= HUNDRED else round_half_up(HUNDRED, decimals)


def jpm_percent(achieved: Number, standard: Number, *, cap_at_100: bool = True, decimals: int = 2) -> Decimal:
    """achieved / standard x 100, rounded half up to ``decimals``; capped at 100 when asked."""
    total_standard = as_decimal(standard, "Total nilai standar", ResultError)
    if total_standard <= 0:
        raise ResultError(
            "Total nilai standar kompetensi adalah 0, sehingga JPM tidak dapat dihitung. "
            "Isi terlebih dahulu level standar kompetensi jabatan."
        )
    value = round_half_up(
        as_decimal(achieved, "Total nilai capaian", ResultError) / total_standard * HUNDRED, decimals
    )
    return _cap(value, decimals) if cap_at_100 else value


def categorize(jpm: Number, purpose: Purpose | str, settings: JpmSettings = DEFAULT_SETTINGS) -> Category:
    """Category of a JPM for the purpose, e.g. 80 (pengisian) -> MS.

    The JPM is first rounded to ``settings.decimals`` places, as compute_result does, so the
    printed number and the category always agree.
    """
    rounded = round_half_up(as_decimal(jpm, "JPM"), settings.decimals)
    return settings.category_set(purpose).classify(rounded)


def _checked(score: CompetencyScore) -> tuple[Decimal, Decimal]:
    label = f"{score.name} ({score.code})" if score.name else score.code
    if score.final is None:
        raise ResultError(f"Nilai akhir kompetensi {label} belum diisi.")
    standard = as_decimal(score.standard, f"Nilai standar kompetensi {label}", ResultError)
    final = as_decimal(score.final, f"Nilai akhir kompetensi {label}", ResultError)
    if standard < 0:
        raise ResultError(f"Nilai standar kompetensi {label} tidak boleh negatif.")
    if final < 0:
        raise ResultError(f"Nilai akhir kompetensi {label} tidak boleh negatif.")
    return standard, final


def compute_result(
    levels: Sequence[CompetencyScore],
    purpose: Purpose | str,
    settings: JpmSettings = DEFAULT_SETTINGS,
) -> ResultSummary:
    """Gaps, totals, JPM and category of one participant. Raises ResultError in Bahasa Indonesia."""
    purpose = parse_purpose(purpose)
    if not levels:
        raise ResultError("Belum ada kompetensi yang dinilai, sehingga JPM tidak dapat dihitung.")
    seen: set[str] = set()
    rows: list[CompetencyResult] = []
    for score in levels:
        if score.code in seen:
            raise ResultError(f"Kompetensi {score.code} tercantum lebih dari satu kali.")
        seen.add(score.code)
        standard, final = _checked(score)
        counted = final if settings.offset_above_standard else min(final, standard)
        rows.append(CompetencyResult(score.code, score.name, standard, final, final - standard, counted))
    total_final = sum((r.final for r in rows), Decimal(0))
    total_standard = sum((r.standard for r in rows), Decimal(0))
    total_counted = sum((r.counted for r in rows), Decimal(0))
    uncapped = jpm_percent(total_counted, total_standard, cap_at_100=False, decimals=settings.decimals)
    jpm = _cap(uncapped, settings.decimals) if settings.cap_at_100 else uncapped
    category = categorize(jpm, purpose, settings)
    return ResultSummary(
        purpose=purpose,
        competencies=tuple(rows),
        total_final=total_final,
        total_standard=total_standard,
        total_counted=total_counted,
        jpm_uncapped=uncapped,
        jpm=jpm,
        category_code=category.code,
        category_name=category.name,
        settings=settings,
    )


ScoreT = TypeVar("ScoreT", CompetencyScore, CompetencyResult)


def development_areas(scores: Iterable[ScoreT]) -> list[ScoreT]:
    """Competencies below standard (negative gap), in the given order; unrated ones are skipped."""
    return [s for s in scores if (g := s.gap) is not None and g < 0]


def strengths(scores: Iterable[ScoreT], *, include_at_standard: bool = True) -> list[ScoreT]:
    """Competencies at or above standard (gap >= 0), or strictly above it when asked."""
    return [s for s in scores if (g := s.gap) is not None and (g >= 0 if include_at_standard else g > 0)]


# ---------------------------------------------------------------------------------------------
# Validity (Peraturan BKN 26/2019 Pasal 29(4), via SIASN FAQ)

VALIDITY_YEARS = 3


def valid_until(assessed_on: date, years: int = VALIDITY_YEARS) -> date:
    """Last day a result may be used: the same calendar day ``years`` later (29 Feb -> 28 Feb)."""
    try:
        return assessed_on.replace(year=assessed_on.year + years)
    except ValueError:  # 29 February into a non-leap year
        return assessed_on.replace(year=assessed_on.year + years, day=28)


def is_result_valid(assessed_on: date, on: date, years: int = VALIDITY_YEARS) -> bool:
    """Whether a result from ``assessed_on`` may still be used on ``on`` (valid_until inclusive)."""
    return assessed_on <= on <= valid_until(assessed_on, years)
