"""Automatic checks on an individual report before it is submitted and when QC reviews it.

Each check returns a ``CheckResult`` with an Indonesian message. The report may be submitted or
approved only when ``all_passed(run_checks(snapshot))`` (see ``report_status``).

JPM and category are not computed here: the caller passes the values computed by the results
rules (``ReportSnapshot.expected_jpm`` / ``expected_category``, or a callable to ``run_checks``)
and this module only compares them with what the report states.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from ukom_desktop.domain.integration import Number, as_decimal, format_level
from ukom_desktop.domain.nip import normalize_nip

PURPOSE_PENGISIAN = "pengisian"
PURPOSE_PEMETAAN = "pemetaan"

SECTION_LABELS: dict[str, str] = {
    "potensi": "Uraian potensi",
    "kekuatan": "Kekuatan",
    "area_pengembangan": "Area pengembangan",
    "saran_pengembangan": "Saran pengembangan",
    "saran_penempatan": "Saran penempatan",
}
COMMON_SECTIONS: tuple[str, ...] = ("potensi", "kekuatan", "area_pengembangan", "saran_pengembangan")
PEMETAAN_SECTIONS: tuple[str, ...] = (*COMMON_SECTIONS, "saran_penempatan")

CHECK_FINAL_LEVELS = "level_akhir_lengkap"
CHECK_NARRATIVES = "narasi_lengkap"
CHECK_JPM_CATEGORY = "jpm_kategori_sesuai"
CHECK_STRENGTHS_GAPS = "kekuatan_pengembangan_sesuai_gap"
CHECK_IDENTITY = "identitas_peserta"

CHECK_LABELS: dict[str, str] = {
    CHECK_FINAL_LEVELS: "Level akhir setiap kompetensi",
    CHECK_NARRATIVES: "Kelengkapan uraian laporan",
    CHECK_JPM_CATEGORY: "Kesesuaian JPM dan kategori",
    CHECK_STRENGTHS_GAPS: "Kesesuaian kekuatan dan area pengembangan dengan gap",
    CHECK_IDENTITY: "Nama dan NIP peserta",
}

JPM_TOLERANCE = Decimal("0.01")


@dataclass(frozen=True)
class CheckResult:
    code: str
    passed: bool
    message: str

    @property
    def label(self) -> str:
        return CHECK_LABELS.get(self.code, self.code)


@dataclass(frozen=True)
class ReportSnapshot:
    """What the checks need from one report, as plain values.

    ``competency_codes`` are the competencies of the standard (snapshot) in print order;
    ``strengths`` and ``development_areas`` are the competency codes the report names in its
    structured lists. ``required_sections`` overrides the default list for the purpose.
    """

    purpose: str
    competency_codes: tuple[str, ...]
    final_levels: Mapping[str, Number | None]
    standard_levels: Mapping[str, Number | None]
    narratives: Mapping[str, str | None] = field(default_factory=dict)
    strengths: tuple[str, ...] = ()
    development_areas: tuple[str, ...] = ()
    report_jpm: Number | None = None
    report_category: str | None = None
    expected_jpm: Number | None = None
    expected_category: str | None = None
    report_name: str = ""
    report_nip: str = ""
    participant_name: str = ""
    participant_nip: str = ""
    competency_names: Mapping[str, str] = field(default_factory=dict)
    required_sections: tuple[str, ...] | None = None


ExpectedValues = Callable[[ReportSnapshot], tuple[Number | None, str | None]]


def required_sections_for(purpose: str) -> tuple[str, ...]:
    """Narrative sections a report must fill: the common four, plus saran penempatan for pemetaan."""
    return PEMETAAN_SECTIONS if purpose.strip().lower() == PURPOSE_PEMETAAN else COMMON_SECTIONS


_TAG = re.compile(r"<[^>]*>")
_ENTITY = re.compile(r"&(?:[a-zA-Z]+|#\d+|#x[0-9a-fA-F]+);")


def visible_text(text: str | None) -> str:
    """Text without HTML tags and entities, whitespace collapsed."""
    if not text:
        return ""
    plain = _ENTITY.sub(" ", _TAG.sub(" ", text))
    return " ".join(plain.split())


def is_blank_text(text: str | None) -> bool:
    """True when nothing but whitespace, markup, bullets or punctuation is left."""
    return not any(ch.isalnum() for ch in visible_text(text))


def _competency_label(snapshot: ReportSnapshot, code: str) -> str:
    name = snapshot.competency_names.get(code)
    return f"{name} ({code})" if name else code


def _format_gap(gap: Decimal) -> str:
    return f"+{format_level(gap)}" if gap > 0 else format_level(gap)


def _format_percent(value: Decimal) -> str:
    return f"{value.quantize(Decimal('0.01')):f}".replace(".", ",") + "%"


def _join(items: Iterable[str]) -> str:
    return ", ".join(items)


def check_final_levels(snapshot: ReportSnapshot) -> CheckResult:
    if not snapshot.competency_codes:
        return CheckResult(CHECK_FINAL_LEVELS, False, "Standar kompetensi laporan belum memuat kompetensi.")
    missing = [
        _competency_label(snapshot, code)
        for code in snapshot.competency_codes
        if as_decimal(snapshot.final_levels.get(code)) is None
    ]
    if missing:
        return CheckResult(
            CHECK_FINAL_LEVELS, False, f"Level akhir belum ditetapkan untuk kompetensi: {_join(missing)}."
        )
    return CheckResult(CHECK_FINAL_LEVELS, True, "Semua kompetensi sudah memiliki level akhir.")


def check_narratives(snapshot: ReportSnapshot) -> CheckResult:
    sections = (
        snapshot.required_sections
        if snapshot.required_sections is not None
        else required_sections_for(snapshot.purpose)
    )
    empty = [SECTION_LABELS.get(key, key) for key in sections if is_blank_text(snapshot.narratives.get(key))]
    if empty:
        return CheckResult(CHECK_NARRATIVES, False, f"Bagian laporan berikut masih kosong: {_join(empty)}.")
    return CheckResult(CHECK_NARRATIVES, True, "Semua bagian uraian laporan sudah terisi.")


def check_jpm_category(
    snapshot: ReportSnapshot,
    expected_jpm: Number | None,
    expected_category: str | None,
) -> CheckResult:
    """Compare the JPM and category printed in the report with the values computed from the levels."""
    expected = as_decimal(expected_jpm)
    stated = as_decimal(snapshot.report_jpm)
    if expected is None or not (expected_category or "").strip():
        return CheckResult(
            CHECK_JPM_CATEGORY, False, "JPM dan kategori acuan belum dihitung dari level akhir."
        )
    problems: list[str] = []
    if stated is None:
        problems.append("JPM belum tercantum dalam laporan")
    elif abs(stated - expected) > JPM_TOLERANCE:
        problems.append(
            f"JPM dalam laporan {_format_percent(stated)} berbeda dari hasil perhitungan "
            f"{_format_percent(expected)}"
        )
    category = (snapshot.report_category or "").strip()
    wanted = (expected_category or "").strip()
    if not category:
        problems.append("kategori belum tercantum dalam laporan")
    elif category.casefold() != wanted.casefold():
        problems.append(f"kategori dalam laporan '{category}' seharusnya '{wanted}'")
    if problems:
        message = "; ".join(problems)
        return CheckResult(CHECK_JPM_CATEGORY, False, message[0].upper() + message[1:] + ".")
    return CheckResult(CHECK_JPM_CATEGORY, True, "JPM dan kategori sesuai dengan level akhir.")


def competency_gaps(snapshot: ReportSnapshot) -> dict[str, Decimal]:
    """Gap = final level - standard level, for the competencies where both are known."""
    gaps: dict[str, Decimal] = {}
    for code in snapshot.competency_codes:
        final = as_decimal(snapshot.final_levels.get(code))
        standard = as_decimal(snapshot.standard_levels.get(code))
        if final is not None and standard is not None:
            gaps[code] = final - standard
    return gaps


def check_strengths_and_development(snapshot: ReportSnapshot) -> CheckResult:
    """A development area must be below standard or have the lowest gap; a strength must not be below."""
    gaps = competency_gaps(snapshot)
    lowest = min(gaps.values()) if gaps else None
    known = set(snapshot.competency_codes)
    problems: list[str] = []
    for code in dict.fromkeys(c for c in snapshot.strengths if c in snapshot.development_areas):
        problems.append(
            f"{_competency_label(snapshot, code)} disebut sebagai kekuatan sekaligus area pengembangan"
        )
    for listing, codes in (
        ("kekuatan", snapshot.strengths),
        ("area pengembangan", snapshot.development_areas),
    ):
        for code in dict.fromkeys(codes):
            label = _competency_label(snapshot, code)
            if code not in known:
                problems.append(f"{label} pada daftar {listing} tidak termasuk standar kompetensi")
            elif code not in gaps:
                problems.append(f"gap {label} belum dapat dihitung (level akhir atau standar kosong)")
            elif listing == "kekuatan" and gaps[code] < 0:
                problems.append(
                    f"{label} disebut kekuatan padahal di bawah standar (gap {_format_gap(gaps[code])})"
                )
            elif listing == "area pengembangan" and gaps[code] >= 0 and gaps[code] != lowest:
                problems.append(
                    f"{label} disebut area pengembangan padahal gap-nya {_format_gap(gaps[code])} "
                    "dan bukan yang terendah"
                )
    if problems:
        message = "; ".join(problems)
        return CheckResult(CHECK_STRENGTHS_GAPS, False, message[0].upper() + message[1:] + ".")
    return CheckResult(
        CHECK_STRENGTHS_GAPS, True, "Kekuatan dan area pengembangan sesuai dengan gap kompetensi."
    )


def _normalize_name(name: str | None) -> str:
    return " ".join((name or "").split()).casefold()


def check_identity(snapshot: ReportSnapshot) -> CheckResult:
    problems: list[str] = []
    if not _normalize_name(snapshot.report_name):
        problems.append("nama peserta belum tercantum dalam laporan")
    elif _normalize_name(snapshot.report_name) != _normalize_name(snapshot.participant_name):
        problems.append(
            f"nama dalam laporan '{snapshot.report_name.strip()}' tidak sama dengan data peserta "
            f"'{snapshot.participant_name.strip()}'"
        )
    if normalize_nip(snapshot.report_nip) != normalize_nip(snapshot.participant_nip):
        problems.append(
            f"NIP dalam laporan '{snapshot.report_nip.strip()}' tidak sama dengan data peserta "
            f"'{snapshot.participant_nip.strip()}'"
        )
    if problems:
        message = "; ".join(problems)
        return CheckResult(CHECK_IDENTITY, False, message[0].upper() + message[1:] + ".")
    return CheckResult(CHECK_IDENTITY, True, "Nama dan NIP dalam laporan sesuai dengan data peserta.")


def run_checks(snapshot: ReportSnapshot, expected: ExpectedValues | None = None) -> list[CheckResult]:
    """All checks in a fixed order. ``expected`` (optional) computes (JPM, category) from the
    snapshot and overrides ``snapshot.expected_jpm`` / ``expected_category``."""
    if expected is not None:
        expected_jpm, expected_category = expected(snapshot)
    else:
        expected_jpm, expected_category = snapshot.expected_jpm, snapshot.expected_category
    return [
        check_final_levels(snapshot),
        check_narratives(snapshot),
        check_jpm_category(snapshot, expected_jpm, expected_category),
        check_strengths_and_development(snapshot),
        check_identity(snapshot),
    ]


def all_passed(results: Iterable[CheckResult]) -> bool:
    return all(result.passed for result in results)


def failed_checks(results: Iterable[CheckResult]) -> list[CheckResult]:
    return [result for result in results if not result.passed]
