"""Level charts as Platypus tables: a ruled table with one column per level (1..5, or a potential
scale), the achieved level of each row marked with a black square and the marks joined into the
profile line. The marks are drawn over the table by the table itself, in its own coordinates, so a
chart that runs onto the next page draws its line on each page with the repeated header.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from reportlab.platypus import Flowable, Table
from reportlab.platypus import TableStyle as PlatypusTableStyle

from ukom_desktop.documents.fonts import SANS
from ukom_desktop.documents.layout import Style, para, plain_table, text_width
from ukom_desktop.documents.tables import Strut, gray

SHADE_STANDARD = 0.78
SHADE_HEADER = 0.88
SHADE_BELOW = 0.85
MARK = 7.0
RULE = 0.6
LINE = 1.1
PADDING = 3.0


class LevelMark(Strut):
    """Placed in the first level cell of a row: the row's achieved level (None: no mark), on the
    scale `low`..`high` whose columns start at this cell; holds the row open to `height`."""

    def __init__(self, value: Decimal | float | None, low: int, high: int, height: float) -> None:
        super().__init__(height)
        self.value = None if value is None else min(max(float(value), low), high)
        self.low = low


class LevelChart(Table):
    """A table that draws its rows' level marks and the line joining them after its cells."""

    def draw(self) -> None:
        super().draw()
        columns: list[float] = self._colpositions
        rows: list[float] = self._rowpositions
        points: list[tuple[float, float] | None] = []
        for index, cells in enumerate(self._cellvalues):
            for col, cell in enumerate(cells):
                mark = _level_mark(cell)
                if mark is not None:
                    if mark.value is None:
                        points.append(None)
                    else:
                        x = columns[col] + (mark.value - mark.low + 0.5) * self._colWidths[col]
                        points.append((x, (rows[index] + rows[index + 1]) / 2))
                    break
        canvas = self.canv
        canvas.saveState()
        canvas.setFillGray(0)
        canvas.setStrokeGray(0)
        canvas.setLineWidth(LINE)
        for a, b in zip(points, points[1:], strict=False):
            if a is not None and b is not None:
                canvas.line(a[0], a[1], b[0], b[1])
        for point in points:
            if point is not None:
                canvas.rect(point[0] - MARK / 2, point[1] - MARK / 2, MARK, MARK, stroke=0, fill=1)
        canvas.restoreState()


def _level_mark(cell: object) -> LevelMark | None:
    """The mark in a cell (Platypus keeps a cell's flowables as a tuple once laid out)."""
    if isinstance(cell, LevelMark):
        return cell
    if isinstance(cell, (list, tuple)):
        return next((item for item in cell if isinstance(item, LevelMark)), None)
    return None


def level_chart(data: list[list[Any]], widths: Sequence[float], header_height: float,
                commands: Sequence[tuple[Any, ...]] = ()) -> LevelChart:
    """A ruled chart: shaded header (repeated on a new page), cells centred vertically, rows never split."""
    table = LevelChart(data, colWidths=list(widths), rowHeights=[header_height] + [None] * (len(data) - 1),
                       repeatRows=1, hAlign="LEFT")
    table.setStyle(PlatypusTableStyle([
        ("GRID", (0, 0), (-1, -1), RULE, gray(0)),
        ("FONTNAME", (0, 0), (-1, -1), SANS),  # not the cells' default, unembedded Helvetica
        ("BACKGROUND", (0, 0), (-1, 0), gray(SHADE_HEADER)),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), PADDING), ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), PADDING), ("BOTTOMPADDING", (0, 0), (-1, -1), PADDING),
        *commands,
    ]))
    return table


class Swatch(Flowable):
    """A small filled square for a legend (with a thin outline when `outline`)."""

    def __init__(self, size: float, shade: float, outline: bool = False) -> None:
        super().__init__()
        self.size = size
        self.shade = shade
        self.outline = outline

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setFillGray(self.shade)
        canvas.setLineWidth(0.4)
        canvas.rect(0, 0, self.size, self.size, stroke=1 if self.outline else 0, fill=1)
        canvas.restoreState()


STANDARD_LEGEND = "level standar kompetensi jabatan"
MARK_LEGEND = "level capaian peserta (garis menghubungkan profil)"


def legend(style: Style, width: float) -> Table:
    """The key under a profile: the shaded standard cell and the achieved-level mark."""
    first = text_width(STANDARD_LEGEND, style.font, style.size) + 18
    cells = [[Swatch(9, SHADE_STANDARD, outline=True), para(STANDARD_LEGEND, style), Swatch(MARK, 0.0),
              para(MARK_LEGEND, style)]]
    table = plain_table(cells, [13, first, 12, max(width - first - 25, 40)], valign="MIDDLE")
    table.spaceBefore = 3.0
    table.spaceAfter = 8.0
    return table
