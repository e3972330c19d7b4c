"""Heads of units are named by their office in Yth. lines and tembusan."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from ukom_desktop.documents.layout import NBSP, Flow, PageSpec, body_style, keep_numbers_with_words
from ukom_desktop.documents.output import Document, write_pdf
from ukom_desktop.domain.official_titles import head_of


@pytest.mark.parametrize(
    ("unit", "head"),
    [
        ("Sekretariat Jenderal", "Sekretaris Jenderal"),
        ("Sekretariat Jenderal Kementerian Pekerjaan Umum", "Sekretaris Jenderal Kementerian Pekerjaan Umum"),
        ("Inspektorat Jenderal", "Inspektur Jenderal"),
        ("Direktorat Jenderal Bina Marga", "Direktur Jenderal Bina Marga"),
        ("Badan Kepegawaian Negara", "Kepala Badan Kepegawaian Negara"),
        ("Biro Umum", "Kepala Biro Umum"),
        ("Pemerintah Kota Semarang", "Wali Kota Semarang"),
        ("Kepala Dinas Kesehatan", "Kepala Dinas Kesehatan"),
        ("PT Contoh", "Pimpinan PT Contoh"),
        ("", ""),
    ],
)
def test_head_of_a_unit(unit: str, head: str) -> None:
    assert head_of(unit) == head


def test_a_date_range_is_never_broken_across_lines() -> None:
    text = keep_numbers_with_words("Hari/tanggal: Selasa s.d. Rabu, 17 - 18 November 2026 di Aula")
    assert f"17{NBSP}-{NBSP}18{NBSP}November{NBSP}2026" in text
    for width in range(130, 400, 9):  # at any width that can hold it, the range stays on one line
        flow = Flow(PageSpec(), body_style(11))
        flow.paragraph("Hari/tanggal: Selasa s.d. Rabu, 17 - 18 November 2026 di Aula", right=flow.width - width)
        out = io.BytesIO()
        write_pdf([Document(flow.spec, flow.story)], out)
        lines = (PdfReader(io.BytesIO(out.getvalue())).pages[0].extract_text() or "").splitlines()
        assert any("17" in line and "2026" in line for line in lines), (width, lines)
