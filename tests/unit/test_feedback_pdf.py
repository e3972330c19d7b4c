"""Feedback sheets read back with pypdf (no database): the DRAF watermark on the pages of a draft
sheet only, the unit summary first, the assessor's signature with the sheet's last lines."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal

from pypdf import PdfReader

from ukom_desktop.documents.feedback_doc import FeedbackPack, FeedbackSheet, build_feedback
from ukom_desktop.documents.model import Letterhead, Signatory
from ukom_desktop.documents.output import write_pdf
from ukom_desktop.documents.psychogram import PsychogramRow
from ukom_desktop.domain.kamus import COMPETENCIES

KOP = Letterhead(("KEMENTERIAN CONTOH", "BALAI PENILAIAN KOMPETENSI"), address="Jalan Contoh 1", city="Jakarta")
PROFILE = tuple(PsychogramRow(c.code, c.name, Decimal(3), Decimal(2 + i % 3)) for i, c in enumerate(COMPETENCIES))
ASSESSOR = Signatory("Dra. Rina Wulandari, M.Psi.", "Asesor", nip="197512122000032001")


def _sheet(name: str, *, draft: bool, points: int = 3) -> FeedbackSheet:
    suggestions = "\n".join(f"- Saran pengembangan {name} nomor {n} yang cukup panjang untuk satu baris penuh."
                            for n in range(points))
    return FeedbackSheet(
        name, "198703152010012003", 1, "Kepala Subbagian Keuangan", "Sekretariat Jenderal", "Kepala Bagian Umum",
        "Pemetaan Kompetensi", PROFILE, Decimal("88.89"), "CO", "Cukup Optimal", "Menengah",
        "- Integritas (level 4)", "- Komunikasi (level 2)", suggestions, report_number="" if draft else "12/LHPK/2026",
        assessor=ASSESSOR, draft=draft,
    )


def _pages(pack: FeedbackPack) -> list[str]:
    buffer = io.BytesIO()
    write_pdf([build_feedback(pack)], buffer)
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(buffer.getvalue())).pages]


def _watermarked(text: str) -> bool:
    return "DRAF" in [line.strip() for line in text.splitlines()]  # the big diagonal word, a line of its own


def test_only_the_pages_of_a_draft_sheet_and_the_unit_summary_carry_the_draf_watermark() -> None:
    sheets = (_sheet("Siti Rahayu", draft=False), _sheet("Budi Santoso", draft=True, points=40),
              _sheet("Agus Pratama", draft=False))
    pack = FeedbackPack("Penilaian Kompetensi 2026", "23 - 24 November 2026", sheets, unit="Sekretariat Jenderal",
                        letterhead=KOP, place="Jakarta", date=date(2026, 11, 24))
    pages = _pages(pack)

    def first_page(name: str) -> int:
        return next(i for i, text in enumerate(pages) if name in text and "Tujuan / jabatan sasaran" in text)

    draft, after = first_page("Budi Santoso"), first_page("Agus Pratama")
    assert "UNIT KERJA" in pages[0] and first_page("Siti Rahayu") == 1
    assert after - draft >= 2  # the long draft runs onto a second page
    assert _watermarked(pages[0])  # the unit summary counts the draft too
    assert not any(_watermarked(text) for text in pages[1:draft] + pages[after:])
    assert all(_watermarked(text) for text in pages[draft:after])
    for last in (draft - 1, len(pages) - 1):  # each final sheet ends with its signature and closing together
        signed = " ".join(pages[last].split())
        assert "Asesor Pemberi Umpan Balik" in signed and "Dra. Rina Wulandari, M.Psi." in signed
        assert "Hasil lengkap tercantum dalam laporan individu." in signed
    assert "Asesor Pemberi Umpan Balik" not in " ".join(pages[draft:after])  # a draft is not signed


def test_a_pack_without_drafts_has_no_watermark() -> None:
    pages = _pages(FeedbackPack("Penilaian Kompetensi 2026", "", (_sheet("Siti Rahayu", draft=False),)))
    assert pages and not any(_watermarked(text) for text in pages)
    assert "UMPAN BALIK HASIL PENILAIAN KOMPETENSI" in pages[0]
