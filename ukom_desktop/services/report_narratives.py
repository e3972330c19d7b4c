"""First drafts of the individual report's narratives, written from the result (the assessor edits them).

- Kekuatan: the competencies above the standard, with the behaviour of the level reached; those exactly
  at the standard only as "sesuai standar", never as strengths in their own right.
- Uraian potensi (item 10): a description from the aspects (what stands out, what is adequate, what
  needs development), not a repeat of the scores shown in the psychogram above it.
- Saran penempatan (item 18): one sentence that follows the JPM category (the top category places,
  the middle one after development, the lowest does not), then the 9-box position named once and its
  recommendations. Percentages are printed one way everywhere: "85,50%" (format_percent_id).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ukom_desktop.db.models import Competency, CompetencyLevel
from ukom_desktop.documents.psychogram import fmt
from ukom_desktop.domain import potential
from ukom_desktop.domain.results import format_percent_id
from ukom_desktop.services.integration import jpm_settings, potential_settings
from ukom_desktop.services.results import LevelRow, ParticipantResult

STRENGTH_CODES = "kode_kekuatan"
DEVELOPMENT_CODES = "kode_pengembangan"

# What each potential aspect is about, to describe it in words (domain.md 3.1).
ASPECT_BEHAVIOUR: dict[str, str] = {
    "P1": "menalar, memahami informasi yang kompleks, dan menarik kesimpulan yang tepat",
    "P2": "membangun hubungan kerja dan bekerja sama dengan orang lain",
    "P3": "mengenali kekuatan, keterbatasan, dan dampak perilakunya terhadap orang lain",
    "P4": "menganalisis persoalan secara kritis dan melihat implikasi jangka panjangnya",
    "P5": "menemukan akar masalah dan menyusun penyelesaian yang dapat dilaksanakan",
    "P6": "mengelola emosi dan tetap tenang saat menghadapi tekanan",
    "P7": "mempelajari hal baru dengan cepat dan mengembangkan diri",
    "P8": "tekun dan berkomitmen menyelesaikan tugas hingga tuntas",
}


def level_descriptions(session: Session) -> dict[tuple[str, int], CompetencyLevel]:
    rows = session.execute(select(Competency.code, CompetencyLevel).join(CompetencyLevel.competency)).all()
    return {(code, lv.level): lv for code, lv in rows}


def _whole(value: Decimal) -> int:
    return int(Decimal(value).to_integral_value(rounding=ROUND_HALF_UP))


def _lower_first(text: str) -> str:
    return text[0].lower() + text[1:] if text else text


def _names(rows: list[Any]) -> str:
    names = [r.name for r in rows]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " dan " + names[-1]


def strengths_text(result: ParticipantResult, levels: dict[tuple[str, int], CompetencyLevel]) -> str:
    above = [r for r in result.levels if r.gap is not None and r.gap > 0]
    at_standard = [r for r in result.levels if r.gap is not None and r.gap == 0]
    lines = []
    for row in above:
        lv = levels.get((row.code, _whole(row.final or Decimal(0))))
        text = f"- {row.name} (level {fmt(row.final)}, di atas standar {fmt(row.standard)})"
        lines.append(f"{text}: {_lower_first(lv.description)}" if lv and lv.description else text)
    if not above:
        lines.append("Tidak ada kompetensi yang berada di atas standar jabatan sasaran.")
    if at_standard:
        lines.append("")
        lines.append(f"Kompetensi yang sudah sesuai standar (belum melampauinya): {_names(at_standard)}.")
    return "\n".join(lines)


def development_text(result: ParticipantResult, levels: dict[tuple[str, int], CompetencyLevel]) -> str:
    lines = []
    for row in result.development_areas:
        lv = levels.get((row.code, _whole(row.standard)))
        text = (f"- {row.name} (level {fmt(row.final)}, standar {fmt(row.standard)}): perlu dikembangkan "
                f"menuju level {fmt(row.standard)}")
        lines.append(f"{text}, yaitu {_lower_first(lv.description)}" if lv and lv.description else text)
    return "\n".join(lines) or "Tidak ada kompetensi di bawah standar."


def suggestions_text(result: ParticipantResult, levels: dict[tuple[str, int], CompetencyLevel]) -> str:
    lines = []
    for row in result.development_areas:
        lv = levels.get((row.code, _whole(row.standard)))
        indicators = [str(i) for i in (lv.indicators if lv else [])][:2]
        hint = "; ".join(i.rstrip(".") for i in indicators)
        lines.append(f"- {row.name}: penugasan dan pelatihan yang melatih perilaku level {fmt(row.standard)}"
                     + (f" ({hint})." if hint else "."))
    return "\n".join(lines) or ("- Mempertahankan kinerja melalui penugasan yang lebih menantang dan "
                                "pengembangan kompetensi pada level yang lebih tinggi.")


def potential_text(summary: potential.PotentialSummary | None, settings: potential.PotentialSettings) -> str:
    """Item 10: what the aspects say about the person, grouped by how they stand on the scale."""
    if summary is None:
        return ""
    high = [a for a in summary.ratings if a.value >= settings.tinggi_min]
    middle = [a for a in summary.ratings if settings.menengah_min <= a.value < settings.tinggi_min]
    low = [a for a in summary.ratings if a.value < settings.menengah_min]
    lines = [f"Secara keseluruhan potensi peserta berada pada kategori {summary.category_name.lower()}."]
    if not high and not low:
        top = max(a.value for a in summary.ratings)
        high = [a for a in middle if a.value == top]
        middle = [a for a in middle if a.value != top]
        lead = "Aspek yang relatif paling kuat"
    else:
        lead = "Aspek yang menonjol"
    groups = (
        (lead, high, "peserta mampu"),
        ("Aspek pada taraf memadai", middle, "peserta cukup mampu"),
        ("Aspek yang perlu dikembangkan", low, "peserta masih perlu dilatih untuk"),
    )
    for title, aspects, verb in groups:
        if not aspects:
            continue
        lines.append("")
        lines.append(f"{title}: {_names(aspects)}.")
        for aspect in aspects:
            lines.append(f"- {aspect.name}: {verb} {ASPECT_BEHAVIOUR.get(aspect.code, 'menunjukkan aspek ini')}.")
    return "\n".join(lines)


def placement_text(session: Session, result: ParticipantResult) -> str:
    """Item 18: the placement advice follows the category and names the 9-box position once."""
    if not result.category_code or result.jpm is None:
        return ""
    lines = []
    categories = jpm_settings(session, result.event_id).category_set(result.purpose).categories
    codes = [c.code for c in categories]
    rank = codes.index(result.category_code) if result.category_code in codes else len(codes) - 1
    basis = f"Berdasarkan JPM {format_percent_id(result.jpm)} dengan kategori {result.category_name}, peserta "
    below = result.development_areas
    if rank == 0 and not below:
        lines.append(basis + "telah memenuhi standar kompetensi jabatan sasaran dan dapat dipertimbangkan untuk "
                     "ditempatkan pada jabatan sasaran.")
    elif rank == 0:
        lines.append(basis + f"dapat dipertimbangkan untuk ditempatkan pada jabatan sasaran, dengan "
                     f"pengembangan pada kompetensi {_names(below)}.")
    elif rank == len(codes) - 1:
        lines.append(basis + "belum disarankan untuk ditempatkan pada jabatan sasaran; pengembangan kompetensi "
                     + (f"{_names(below)} " if below else "") + "perlu dilakukan lebih dahulu.")
    else:
        lines.append(basis + "dapat dipertimbangkan untuk jabatan sasaran setelah mengikuti pengembangan "
                     + (f"kompetensi {_names(below)}." if below else "kompetensi."))
    if result.nine_box:
        lines.append("")
        lines.append(f"Posisi pada kotak manajemen talenta: Kotak {result.nine_box} "
                     f"({result.nine_box_description}). Rekomendasi pengelolaan talenta:")
        lines.extend(f"- {r}" for r in result.nine_box_recommendations)
    return "\n".join(lines)


def starting_text(session: Session, result: ParticipantResult) -> dict[str, Any]:
    """Helpful first drafts of every section, from the level descriptions and the result."""
    levels = level_descriptions(session)
    strong: list[LevelRow] = result.strengths
    return {
        "potensi": potential_text(result.potential, potential_settings(session, result.event_id)),
        "kekuatan": strengths_text(result, levels),
        "area_pengembangan": development_text(result, levels),
        "saran_pengembangan": suggestions_text(result, levels),
        "saran_penempatan": placement_text(session, result),
        STRENGTH_CODES: [r.code for r in strong],
        DEVELOPMENT_CODES: [r.code for r in result.development_areas],
    }
