"""Keputusan, perjanjian kerja sama and the opening slides read back from the PDF: what must stay
together on a page stays together, the meterai box sits where PIHAK KEDUA signs, every slide but the
title carries the event line."""

from __future__ import annotations

import io
from datetime import date

import pytest
from doc_samples import LETTERHEAD, SIGNATORY, people, read_pdf
from pypdf import PdfReader

from ukom_desktop.documents.admin_templates import ADMIN_TEMPLATES, sections
from ukom_desktop.documents.agreement import AgreementData, Party, render_agreement
from ukom_desktop.documents.briefing import BriefingData, BriefingGroup, render_briefing
from ukom_desktop.documents.decree import DecreeData, render_decree
from ukom_desktop.documents.model import Signatory


def runs_of(pdf: bytes, page: int) -> list[tuple[str, float, float]]:
    """Text runs of a page with where they start on the page (x, y)."""
    runs: list[tuple[str, float, float]] = []

    def visit(text, cm, tm, _font, _size):  # type: ignore[no-untyped-def]
        if text.strip():
            x, y = tm[4], tm[5]
            runs.append((text.strip(), x * cm[0] + y * cm[2] + cm[4], x * cm[1] + y * cm[3] + cm[5]))

    PdfReader(io.BytesIO(pdf)).pages[page].extract_text(visitor_text=visit)
    return runs


def where(runs: list[tuple[str, float, float]], text: str) -> tuple[float, float]:
    return next((x, y) for run, x, y in runs if text in run)


def decree(considering: int) -> DecreeData:
    blocks = dict(sections(ADMIN_TEMPLATES["sk_tim"]))
    extra = tuple(f"bahwa pertimbangan tambahan nomor {n} perlu dimuat dalam keputusan ini;" for n in range(considering))
    return DecreeData(
        LETTERHEAD, SIGNATORY, "1/KEP/PK/XI/2026", date(2026, 11, 10), "Pembentukan Tim Penilai Kompetensi",
        (*extra, *blocks["MENIMBANG"]), tuple(blocks["MENGINGAT"]), tuple(blocks["DIKTUM"]),
        tuple((person, "Asesor") for person in people(3, "Asesor")), place="Jakarta",
    )


def test_the_last_diktum_always_shares_its_page_with_the_signature() -> None:
    page_counts = set()
    for considering in range(0, 30, 3):  # the diktum and the signature move over the page foot
        out = io.BytesIO()
        pages = render_decree(decree(considering), out)
        page_counts.add(pages)
        pdf = read_pdf(out.getvalue())
        signed = next(" ".join(page.split()) for page in pdf.pages if "Ditetapkan di Jakarta" in page)
        assert "KEEMPAT : Keputusan ini mulai berlaku pada tanggal ditetapkan." in signed, considering
        assert "Dr. Hendra Kusuma, S.H., M.Si." in signed
        assert "LAMPIRAN" in pdf.pages[-1] and "Asesor 03 Wijaya" in pdf.pages[-1]
    assert len(page_counts) > 1


def test_a_decree_reads_label_colon_item_in_order() -> None:
    out = io.BytesIO()
    render_decree(decree(0), out)
    text = read_pdf(out.getvalue()).flat
    for part in ("Menimbang : a. bahwa dalam rangka", "b. bahwa pegawai", "Mengingat : 1. Undang-Undang",
                 "MEMUTUSKAN: Menetapkan : KEPUTUSAN KEPALA PUSAT PENILAIAN KOMPETENSI TENTANG PEMBENTUKAN",
                 "KESATU : Membentuk Tim", "TANGGAL : 10 November 2026"):
        assert part in text, part


def agreement() -> AgreementData:
    first = Party("Pusat Penilaian Kompetensi", SIGNATORY, "1/PKS/PK/XI/2026")
    second = Party("Badan Kepegawaian Daerah Provinsi Jawa Tengah",
                   Signatory("Dra. Sri Lestari, M.Si.", "Kepala Badan Kepegawaian Daerah"), "800/123/BKD/2026")
    articles = tuple((title, tuple(items)) for title, items in sections(ADMIN_TEMPLATES["pks"]))
    return AgreementData(LETTERHEAD, "Penilaian Kompetensi Manajerial", first, second, date(2026, 11, 2),
                         "Jakarta", articles)


def test_agreement_meterai_sits_in_the_signature_space_of_pihak_kedua() -> None:
    out = io.BytesIO()
    render_agreement(agreement(), out)
    runs = runs_of(out.getvalue(), -1)
    second, first = where(runs, "Dra. Sri Lestari, M.Si."), where(runs, "Dr. Hendra Kusuma")
    caption = where(runs, "PIHAK KEDUA,")
    materai = where(runs, "Meterai Rp10.000")
    assert second[1] == pytest.approx(first[1])  # both names on one line
    assert second[1] < materai[1] < caption[1]  # between the caption and the name
    assert materai[0] < first[0] - 100  # in the left column, PIHAK KEDUA's
    last = " ".join(read_pdf(out.getvalue()).pages[-1].split())
    assert "Pasal 9 PENUTUP" in last  # the closing article is kept with the signatures


def test_every_slide_but_the_title_carries_the_event_line() -> None:
    data = BriefingData("Balai Penilaian Kompetensi", "Penilaian Kompetensi 2026", "17 - 18 November 2026",
                        "Aula Utama", "Selasa, 17 November 2026", (("07.30 - 08.00", "Registrasi", "Lobi"),),
                        ("Psikotes", "Wawancara"), (BriefingGroup("Kelompok 1", ("Budi", "Wati"), ("Ruang 1",)),),
                        participants=2)
    out = io.BytesIO()
    assert render_briefing(data, out) == 5
    pdf = read_pdf(out.getvalue())
    line = "Penilaian Kompetensi 2026 | Balai Penilaian Kompetensi"
    assert line not in pdf.pages[0]
    for index, page in enumerate(pdf.pages[1:], start=1):
        assert line in page, index
        y = where(runs_of(out.getvalue(), index), line)[1]
        assert y < 18 * 72 / 25.4  # in the bottom margin, below everything on the slide
