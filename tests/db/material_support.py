"""Helpers shared by the material tests: a real multi-page PDF with text on every page."""

from __future__ import annotations

from pathlib import Path

from reportlab.pdfgen.canvas import Canvas


def make_pdf(path: Path, pages: int, title: str) -> Path:
    canvas = Canvas(str(path))
    for page in range(1, pages + 1):
        canvas.drawString(72, 700, f"{title} halaman {page}")
        canvas.showPage()
    canvas.save()
    return path
