"""The Beranda on paper: the same service data and drawings as the screen, written with QPdfWriter."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPainter, QPdfWriter

from ukom_desktop.ui.home.charts import draw_categories, draw_heat_map


def write_dashboard_pdf(data: Any, path: str | Path, printed_on: str = "") -> Path:
    """Write the Beranda of `data` (services.dashboard.Dashboard) to a PDF: figures, path and hints on
    the first page, the pictures on the second when results exist."""
    target = Path(path)
    writer = QPdfWriter(str(target))
    writer.setTitle(f"Beranda {data.event_code}")
    writer.setCreator("UKOM Desktop")
    writer.setResolution(96)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Landscape,
                                     QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter))
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"Berkas PDF tidak dapat ditulis: {target}")
    try:
        _first_page(painter, writer, data, printed_on)
        if data.has_results:
            writer.newPage()
            _pictures_page(painter, writer, data)
    finally:
        painter.end()
    return target


def _page_rect(writer: QPdfWriter) -> QRectF:
    r = writer.pageLayout().paintRectPixels(writer.resolution())
    return QRectF(0, 0, r.width(), r.height())


def _font(size: float, bold: bool = False) -> QFont:
    font = QFont()
    font.setPointSizeF(size)
    font.setBold(bold)
    return font


def _first_page(painter: QPainter, writer: QPdfWriter, data: Any, printed_on: str) -> None:
    page = _page_rect(writer)
    y = page.top()

    def line(text: str, size: float = 9, bold: bool = False, x: float = 0.0, width: float | None = None) -> None:
        nonlocal y
        painter.setFont(_font(size, bold))
        h = painter.fontMetrics().height() + 3
        painter.drawText(QRectF(page.left() + x, y, width or page.width() - x, h),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
        y += h

    line(f"Beranda kegiatan {data.event_code}", 14, True)
    line(data.event_name, 10)
    line(f"Tahap saat ini: {data.status_label}" + (f"   Dicetak: {printed_on}" if printed_on else ""), 9)
    path = "  >  ".join(f"[{s.label}]" if s.current else s.label for s in data.stages)
    line(path, 8)
    y += 6
    top = y
    line("Angka kegiatan", 11, True)
    for f in data.figures:
        line(f"{f.label}: {f.text}", 9)
    line("Laporan per status QC", 11, True)
    for label, n in data.report_counts:
        line(f"{label}: {n}", 9)
    left_bottom = y
    half = page.width() / 2
    y = top
    line("Langkah berikutnya", 11, True, half)
    for hint in data.hints or ():
        line(f"- {hint.text}", 9, x=half)
    if not data.hints:
        line("Tidak ada yang tertunda.", 9, x=half)
    line("Langkah tahap ini yang belum selesai", 11, True, half)
    for step in data.steps_left or ("Semua langkah tahap ini selesai.",):
        line(step, 8, x=half)
    if data.assessor_progress:
        line("Nilai terisi per asesor", 11, True, half)
        for name, filled, expected in data.assessor_progress:
            line(f"{name}: {filled} dari {expected}", 8, x=half)
    y = max(y, left_bottom)


def _pictures_page(painter: QPainter, writer: QPdfWriter, data: Any) -> None:
    page = _page_rect(writer)
    painter.setFont(_font(11, True))
    h = painter.fontMetrics().height() + 4
    painter.drawText(QRectF(page.left(), page.top(), page.width(), h), "Kategori hasil per unit kerja")
    painter.setFont(_font(8))
    half = page.height() / 2
    draw_categories(painter, QRectF(page.left(), page.top() + h, page.width(), half - h - 10),
                    data.categories, data.categories_by_unit)
    painter.setFont(_font(11, True))
    painter.drawText(QRectF(page.left(), page.top() + half, page.width(), h),
                     "Peta kesenjangan (rata-rata level akhir dikurangi standar) per kompetensi dan unit kerja")
    painter.setFont(_font(8))
    draw_heat_map(painter, QRectF(page.left(), page.top() + half + h, page.width(), half - h),
                  data.competencies, data.gap_by_unit)
