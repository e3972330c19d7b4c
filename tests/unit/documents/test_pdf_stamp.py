"""Stamping stored material: every page kept with its own text, RAHASIA and the number added upright, also
on rotated and landscape pages; a locked PDF is refused in words."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader, PdfWriter
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen.canvas import Canvas

from ukom_desktop.documents.pdf_stamp import stamp_into
from ukom_desktop.errors import UserFacingError


def _material() -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4)
    canvas.drawString(72, 700, "Memo direktur halaman 1")
    canvas.showPage()
    canvas.setPageSize(landscape(A4))
    canvas.drawString(72, 500, "Tabel anggaran halaman 2")
    canvas.showPage()
    canvas.setPageSize(A4)
    canvas.drawString(72, 700, "Surat warga halaman 3")
    canvas.showPage()
    canvas.save()
    writer = PdfWriter(clone_from=io.BytesIO(buffer.getvalue()))
    writer.pages[2].rotate(90)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_every_page_is_kept_and_stamped_upright() -> None:
    writer = PdfWriter()
    assert stamp_into(writer, _material(), "inbasket.pdf", "INB-012") == 3
    out = io.BytesIO()
    writer.write(out)
    pages = PdfReader(io.BytesIO(out.getvalue())).pages
    assert len(pages) == 3
    for number, (page, original) in enumerate(zip(pages, ("Memo direktur", "Tabel anggaran", "Surat warga"),
                                                  strict=True), start=1):
        text = page.extract_text()
        assert f"{original} halaman {number}" in text
        assert "RAHASIA" in text and "INB-012" in text and f"Halaman {number} dari 3" in text
    assert pages[2].rotation % 360 == 0  # rotation moved into the content, the stamp is not sideways
    assert float(pages[1].mediabox.width) > float(pages[1].mediabox.height)


def test_a_locked_or_broken_pdf_is_refused_in_words() -> None:
    locked = PdfWriter(clone_from=io.BytesIO(_material()))
    locked.encrypt("rahasia")
    out = io.BytesIO()
    locked.write(out)
    with pytest.raises(UserFacingError, match="terkunci kata sandi"):
        stamp_into(PdfWriter(), out.getvalue(), "terkunci.pdf", "INB-001")
    with pytest.raises(UserFacingError, match="bukan PDF yang dapat dibaca"):
        stamp_into(PdfWriter(), b"%PDF-1.4 rusak", "rusak.pdf", "INB-001")
