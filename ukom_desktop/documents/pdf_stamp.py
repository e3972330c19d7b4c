"""Stamping a stored PDF (case material) on every page with the participant's booklet number and
"RAHASIA": a ReportLab overlay merged onto each page with pypdf; the material itself is never retyped."""

from __future__ import annotations

import io
from functools import lru_cache

from pypdf import PdfReader, PdfWriter, Transformation
from pypdf.errors import PdfReadError
from reportlab.pdfgen.canvas import Canvas

from ukom_desktop.documents.fonts import SANS, font_name, register_fonts
from ukom_desktop.errors import UserFacingError

MARK = "RAHASIA"


@lru_cache(maxsize=64)
def _overlay(width: float, height: float, number: str, page_text: str) -> bytes:
    register_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(width, height))
    bold = font_name(SANS, bold=True)
    margin = 14.0
    # a framed stamp in the top right corner: RAHASIA over the booklet number
    box_w, box_h = 118.0, 34.0
    x, y = width - margin - box_w, height - margin - box_h
    canvas.setFillGray(1)
    canvas.setStrokeColorRGB(0.7, 0, 0)
    canvas.setLineWidth(1.2)
    canvas.rect(x, y, box_w, box_h, stroke=1, fill=1)
    canvas.setFillColorRGB(0.7, 0, 0)
    canvas.setFont(bold, 11)
    canvas.drawCentredString(x + box_w / 2, y + box_h - 13, MARK)
    canvas.setFillGray(0)
    canvas.setFont(bold, 10)
    canvas.drawCentredString(x + box_w / 2, y + 6, number)
    # the number again at the foot, with the page of the booklet
    canvas.setFont(font_name(SANS), 8)
    canvas.drawString(margin, margin - 4, f"{MARK} - {number}")
    canvas.drawRightString(width - margin, margin - 4, page_text)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def read_pdf(data: bytes, name: str) -> PdfReader:
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise UserFacingError(f"Berkas '{name}' terkunci kata sandi dan tidak dapat dicap; simpan tanpa sandi.")
        _ = len(reader.pages)
    except (PdfReadError, ValueError, KeyError) as exc:
        raise UserFacingError(f"Berkas '{name}' bukan PDF yang dapat dibaca: {exc}") from None
    return reader


def stamp_into(writer: PdfWriter, data: bytes, name: str, number: str) -> int:
    """Append every page of the PDF to `writer`, each stamped with `number` and RAHASIA; returns the page count."""
    reader = read_pdf(data, name)
    total = len(reader.pages)
    for index, page in enumerate(reader.pages, start=1):
        added = writer.add_page(page)
        if added.rotation % 360:
            added.transfer_rotation_to_content()  # the stamp stays upright on a rotated page
        box = added.mediabox
        overlay = PdfReader(io.BytesIO(
            _overlay(float(box.width), float(box.height), number, f"Halaman {index} dari {total}"))).pages[0]
        added.merge_transformed_page(overlay, Transformation().translate(float(box.left), float(box.bottom)))
    return total
