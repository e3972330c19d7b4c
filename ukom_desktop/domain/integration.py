"""Assessor meeting (integrasi / wash-up): from independent ratings to one final level per competency.

Practice (domain.md section 9): every assessor rates on their own first, blind to the others;
the team then meets and agrees a final level per competency. This module holds the pure rules:

- ``integrate_competency`` / ``integrate_participant`` summarise the independent ratings of one
  participant per competency (count, mean, min, max, spread) and suggest a final level.
- Suggestion rule (setting ``suggestion_rule``, default ``"mean"``): the mean of all levels that
  came with evidence, rounded half up to the allowed step (whole levels, or halves when
  ``allow_half_levels`` is on), then kept inside 1..``max_level``. Ratings marked "no evidence"
  and ratings without a level are left out. Alternatives: ``"median"`` (median of the same
  levels) and ``"exercise_mean"`` (mean per exercise first, then the mean of those, so an
  exercise watched by two assessors does not weigh double).
- A competency is flagged when the spread (max - min) is above ``spread_threshold`` (default 1)
  or when fewer than ``min_exercises_with_evidence`` exercises (default 2) gave evidence.
- ``validate_final`` refuses a final level outside 1..max or off the step, and a final level
  that departs from the suggestion without a written reason.
- ``visible_ratings`` is the blind-rating rule (see its docstring).

The thresholds are conventions, not regulation text (UNVERIFIED): they are settings, stored as
JSON through ``IntegrationSettings.to_dict`` / ``from_dict``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

MIN_LEVEL = 1
ONE = Decimal(1)
HALF = Decimal("0.5")
CENT = Decimal("0.01")

SUGGESTION_RULES: dict[str, str] = {
    "mean": "Rata-rata seluruh penilaian yang berbukti",
    "median": "Median seluruh penilaian yang berbukti",
    "exercise_mean": "Rata-rata per simulasi, lalu rata-rata antarsimulasi",
}

FLAG_SPREAD = "selisih_besar"
FLAG_FEW_EXERCISES = "bukti_kurang"

AssessorId = int | str
ParticipantId = int | str
Number = Decimal | float | int


def as_decimal(value: Number | str | None) -> Decimal | None:
    """Exact Decimal for a level or score; floats go through ``str`` so 3.3 stays 3.3."""
    if value is None:
        return None
    if isinstance(value, Decimal):
        return value
    if isinstance(value, bool):
        raise TypeError("a bool is not a level")
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(str(value))
    try:
        return Decimal(str(value).strip().replace(",", "."))
    except InvalidOperation as exc:
        raise ValueError(f"Nilai '{value}' bukan angka.") from exc


def format_level(value: Number | None) -> str:
    """Indonesian number for messages: 3 -> "3", 3.5 -> "3,5", 3.25 -> "3,25", None -> "-"."""
    dec = as_decimal(value)
    if dec is None:
        return "-"
    if dec == dec.to_integral_value():
        return str(int(dec))
    text = format(dec.normalize(), "f")
    return text.replace(".", ",")


@dataclass(frozen=True)
class Rating:
    """One independent rating: one assessor, one exercise, one competency (of one participant).

    ``no_evidence`` means the exercise gave no evidence for the competency; such a rating carries
    no level into the statistics even when a level was typed. ``participant_id`` is optional here
    (integration works on one participant) and needed by the assessor evaluation.
    """

    competency_code: str
    exercise_code: str
    assessor_id: AssessorId
    level: Decimal | float | None
    no_evidence: bool = False
    participant_id: ParticipantId | None = None

    @property
    def has_evidence(self) -> bool:
        return not self.no_evidence and self.level is not None

    @property
    def level_decimal(self) -> Decimal | None:
        return as_decimal(self.level) if self.has_evidence else None


@dataclass(frozen=True)
class IntegrationSettings:
    allow_half_levels: bool = False
    spread_threshold: Decimal = Decimal(1)
    min_exercises_with_evidence: int = 2
    max_level: int = 5
    suggestion_rule: str = "mean"

    def __post_init__(self) -> None:
        threshold = as_decimal(self.spread_threshold)
        if threshold is None or threshold < 0:
            raise ValueError("Batas selisih penilaian harus angka nol atau lebih.")
        object.__setattr__(self, "spread_threshold", threshold)
        if int(self.min_exercises_with_evidence) < 1:
            raise ValueError("Jumlah minimal simulasi berbukti harus 1 atau lebih.")
        if int(self.max_level) < MIN_LEVEL:
            raise ValueError("Level maksimal harus 1 atau lebih.")
        if self.suggestion_rule not in SUGGESTION_RULES:
            raise ValueError(f"Aturan usulan level '{self.suggestion_rule}' tidak dikenal.")

    @property
    def step(self) -> Decimal:
        return HALF if self.allow_half_levels else ONE

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe dict (Decimal as text) for the settings table."""
        return {
            "allow_half_levels": self.allow_half_levels,
            "spread_threshold": str(self.spread_threshold),
            "min_exercises_with_evidence": self.min_exercises_with_evidence,
            "max_level": self.max_level,
            "suggestion_rule": self.suggestion_rule,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | None) -> IntegrationSettings:
        """Read settings back; missing keys take their defaults, unknown keys are ignored."""
        data = data or {}
        default = cls()
        try:
            threshold = as_decimal(data.get("spread_threshold", default.spread_threshold))
            min_exercises = int(data.get("min_exercises_with_evidence", default.min_exercises_with_evidence))
            max_level = int(data.get("max_level", default.max_level))
        except (TypeError, ValueError, InvalidOperation) as exc:
            raise ValueError("Pengaturan integrasi tidak valid.") from exc
        if threshold is None:
            raise ValueError("Batas selisih penilaian harus angka nol atau lebih.")
        return cls(
            allow_half_levels=bool(data.get("allow_half_levels", default.allow_half_levels)),
            spread_threshold=threshold,
            min_exercises_with_evidence=min_exercises,
            max_level=max_level,
            suggestion_rule=str(data.get("suggestion_rule", default.suggestion_rule)),
        )


@dataclass(frozen=True)
class IntegrationFlag:
    code: str
    message: str


@dataclass(frozen=True)
class CompetencyIntegration:
    """Summary of the independent ratings of one competency for one participant.

    ``count``, ``mean``, ``min_level``, ``max_level`` and ``spread`` use only the ratings with
    evidence; they are None when there is none. ``mean`` is rounded to 2 decimals for display;
    the suggestion is computed from the exact values.
    """

    competency_code: str
    ratings: tuple[Rating, ...]
    count: int
    no_evidence_count: int
    exercises_with_evidence: tuple[str, ...]
    mean: Decimal | None
    min_level: Decimal | None
    max_level: Decimal | None
    spread: Decimal | None
    suggested_level: Decimal | None
    flags: tuple[IntegrationFlag, ...] = field(default=())

    @property
    def flagged(self) -> bool:
        return bool(self.flags)

    @property
    def flag_messages(self) -> tuple[str, ...]:
        return tuple(flag.message for flag in self.flags)


def round_to_step(value: Decimal, allow_half_levels: bool) -> Decimal:
    """Round half up to a whole level, or to a half level when halves are allowed."""
    step = HALF if allow_half_levels else ONE
    units = (value / step).quantize(ONE, rounding=ROUND_HALF_UP)
    result = units * step
    return result.quantize(ONE) if result == result.to_integral_value() else result


def _mean(values: Sequence[Decimal]) -> Decimal:
    return sum(values, Decimal(0)) / len(values)


def _median(values: Sequence[Decimal]) -> Decimal:
    ordered = sorted(values)
    mid = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[mid]
    return (ordered[mid - 1] + ordered[mid]) / 2


def _central_value(evidence: Sequence[Rating], rule: str) -> Decimal:
    levels = [r.level_decimal for r in evidence if r.level_decimal is not None]
    if rule == "median":
        return _median(levels)
    if rule == "exercise_mean":
        per_exercise: dict[str, list[Decimal]] = {}
        for rating in evidence:
            level = rating.level_decimal
            if level is not None:
                per_exercise.setdefault(rating.exercise_code, []).append(level)
        return _mean([_mean(v) for v in per_exercise.values()])
    return _mean(levels)


def suggest_level(ratings: Iterable[Rating], settings: IntegrationSettings | None = None) -> Decimal | None:
    """The suggested final level by ``settings.suggestion_rule``; None when no rating has evidence."""
    settings = settings or IntegrationSettings()
    evidence = [r for r in ratings if r.has_evidence]
    if not evidence:
        return None
    value = round_to_step(_central_value(evidence, settings.suggestion_rule), settings.allow_half_levels)
    return min(max(value, Decimal(MIN_LEVEL)), Decimal(settings.max_level))


def integrate_competency(
    competency_code: str,
    ratings: Iterable[Rating],
    settings: IntegrationSettings | None = None,
) -> CompetencyIntegration:
    """Summarise the ratings of ``competency_code`` (ratings of other competencies are ignored)."""
    settings = settings or IntegrationSettings()
    own = tuple(r for r in ratings if r.competency_code == competency_code)
    evidence = [r for r in own if r.has_evidence]
    levels = [r.level_decimal for r in evidence if r.level_decimal is not None]
    exercises = tuple(dict.fromkeys(r.exercise_code for r in evidence))
    flags: list[IntegrationFlag] = []
    low: Decimal | None
    high: Decimal | None
    spread: Decimal | None
    mean: Decimal | None
    if levels:
        low, high = min(levels), max(levels)
        spread = high - low
        mean = _mean(levels).quantize(CENT, rounding=ROUND_HALF_UP)
        if spread > settings.spread_threshold:
            flags.append(
                IntegrationFlag(
                    FLAG_SPREAD,
                    f"Selisih penilaian antarasesor {format_level(spread)} level, melebihi batas "
                    f"{format_level(settings.spread_threshold)} level; bahas dalam rapat integrasi.",
                )
            )
    else:
        low = high = spread = mean = None
    if len(exercises) < settings.min_exercises_with_evidence:
        flags.append(
            IntegrationFlag(
                FLAG_FEW_EXERCISES,
                f"Hanya {len(exercises)} simulasi yang memberikan bukti (minimal "
                f"{settings.min_exercises_with_evidence}).",
            )
        )
    return CompetencyIntegration(
        competency_code=competency_code,
        ratings=own,
        count=len(levels),
        no_evidence_count=sum(1 for r in own if r.no_evidence),
        exercises_with_evidence=exercises,
        mean=mean,
        min_level=low,
        max_level=high,
        spread=spread,
        suggested_level=suggest_level(evidence, settings),
        flags=tuple(flags),
    )


def integrate_participant(
    ratings: Iterable[Rating],
    settings: IntegrationSettings | None = None,
    competency_codes: Sequence[str] | None = None,
) -> list[CompetencyIntegration]:
    """One summary per competency of one participant.

    With ``competency_codes`` (the standard's competencies, in print order) every listed
    competency gets a summary, even one nobody rated (then flagged for missing evidence), and
    ratings of other competencies are ignored. Without it, the competencies appear in the order
    they first occur in ``ratings``.
    """
    all_ratings = list(ratings)
    codes = (
        list(competency_codes)
        if competency_codes is not None
        else list(dict.fromkeys(r.competency_code for r in all_ratings))
    )
    return [integrate_competency(code, all_ratings, settings) for code in codes]


def validate_level(
    level: Number | None,
    settings: IntegrationSettings | None = None,
    subject: str = "Level",
) -> str | None:
    """An Indonesian error when a level is missing, outside 1..max or off the allowed step; else None."""
    settings = settings or IntegrationSettings()
    try:
        value = as_decimal(level)
    except (TypeError, ValueError):
        return f"{subject} harus berupa angka."
    if value is None:
        return f"{subject} belum diisi."
    if value < MIN_LEVEL or value > settings.max_level:
        return f"{subject} harus antara {MIN_LEVEL} dan {settings.max_level}."
    if value % settings.step != 0:
        if settings.allow_half_levels:
            return f"{subject} hanya boleh bilangan bulat atau setengah (mis. 3 atau 3,5)."
        return f"{subject} harus bilangan bulat."
    return None


def validate_final(
    suggested: Number | None,
    final: Number | None,
    reason: str | None,
    settings: IntegrationSettings | None = None,
) -> str | None:
    """Check a final level agreed in the meeting; return an Indonesian error or None.

    The final level must be inside 1..max level and on the allowed step. When it differs from
    the suggested level (or there is no suggestion because no exercise gave evidence) the
    meeting must write down why.
    """
    problem = validate_level(final, settings, subject="Level akhir")
    if problem is not None:
        return problem
    has_reason = bool(reason and reason.strip())
    final_value = as_decimal(final)
    suggested_value = as_decimal(suggested)
    if suggested_value is None:
        if not has_reason:
            return "Tidak ada usulan level karena tidak ada bukti; tuliskan alasan penetapan level akhir."
        return None
    if final_value != suggested_value and not has_reason:
        return (
            f"Level akhir {format_level(final_value)} berbeda dari usulan {format_level(suggested_value)}; "
            "tuliskan alasannya."
        )
    return None


def visible_ratings(
    all_ratings: Iterable[Rating],
    viewer_assessor_id: AssessorId,
    viewer_has_submitted: bool,
    is_integration_session: bool,
) -> list[Rating]:
    """The blind-rating rule: which independent ratings an assessor may see.

    - In the integration meeting (``is_integration_session``) everyone sees every rating.
    - Otherwise an assessor who has not yet submitted their own ratings sees only their own,
      so nobody anchors on a colleague's level.
    - Once the viewer has submitted, the colleagues' ratings become visible to them (their own
      ratings are then locked by the caller; this rule does not unlock anything).
    """
    ratings = list(all_ratings)
    if is_integration_session or viewer_has_submitted:
        return ratings
    return [r for r in ratings if r.assessor_id == viewer_assessor_id]
