"""Ruled tables as Platypus tables: wrapped cells, a header repeated on every page, full-width group
rows, rows that never split, and (with `tail`) the last row kept on the page of what follows it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib.colors import Color
from reportlab.platypus import Flowable, Indenter, PageBreak, Table
from reportlab.platypus import TableStyle as PlatypusTableStyle

from ukom_desktop.documents.layout import Align, Flow, Style, para, text_width


@dataclass(frozen=True)
class Column:
    title: str
    weight: float = 1.0
    align: Align = "L"
    min_width: float = 0.0


@dataclass(frozen=True)
class Cell:
    """A cell with its own alignment, weight or indent (fraction of the cell width)."""

    text: str
    align: Align | None = None
    bold: bool = False
    indent: float = 0.0


@dataclass(frozen=True)
class GroupRow:
    """A full-width row (a day heading in a rundown, a unit heading)."""

    text: str
    bold: bool = True
    shade: float = 0.93


@dataclass(frozen=True)
class TableStyle:
    body: Style
    header: Style
    padding: float = 3.0
    min_row_height: float = 0.0
    header_shade: float = 0.88
    rule: float = 0.6
    valign_middle: bool = False


Row = Sequence[str | Cell] | GroupRow


def column_widths(columns: Sequence[Column], total: float) -> list[float]:
    """Share `total` by weight; columns with a minimum keep it, the others share what is left."""
    fixed: dict[int, float] = {}
    while True:
        free = [i for i in range(len(columns)) if i not in fixed]
        rest = total - sum(fixed.values())
        weights = sum(columns[i].weight for i in free) or 1.0
        grew = False
        for i in free:
            share = rest * columns[i].weight / weights
            if share < columns[i].min_width:
                fixed[i] = columns[i].min_width
                grew = True
        if not grew:
            return [fixed.get(i, rest * columns[i].weight / weights) for i in range(len(columns))]


def fit_width(samples: Sequence[str], style: Style, padding: float) -> float:
    """The width that prints every sample on one line."""
    return max((text_width(s, style.font, style.size) for s in samples), default=0.0) + 2 * padding + 1


def gray(level: float) -> Color:
    return Color(level, level, level)


class Strut(Flowable):
    """Nothing to see: holds a cell open to a minimum height (rows of a signature sheet)."""

    def __init__(self, height: float) -> None:
        super().__init__()
        self.height = height

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0.0, self.height

    def draw(self) -> None:
        return None


class TailTable(Table):
    """A table whose last row stays on the page of the `tail` points that follow it (a signature):
    when the table fits but its tail does not, the last row moves to the next page, under the
    repeated header, instead of leaving the signature alone there."""

    tail = 0.0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        width, height = super().wrap(available_width, available_height)
        if self.tail and height <= available_height < height + self.tail and len(self._cellvalues) > 2:
            return width, available_height + 1.0  # does not fit with its tail: Platypus will split it
        return width, height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        self._calc(available_width, available_height)
        last_row_moves = bool(self.tail) and sum(self._rowHeights) <= available_height
        if last_row_moves:
            available_height = sum(self._rowHeights[:-1]) + 0.001  # all but the last row on this page
        parts: list[Flowable] = super().split(available_width, available_height)
        if parts:
            parts[-1].tail = self.tail  # type: ignore[attr-defined]
            if last_row_moves:
                parts.insert(-1, PageBreak())  # the last row goes over with what follows the table
        return parts


def draw_table(
    flow: Flow, columns: Sequence[Column], rows: Sequence[Row], style: TableStyle, *,
    left: float = 0.0, width: float | None = None, after: float = 0.0, tail: float = 0.0,
) -> None:
    """Add the table; rows never split, the header repeats after a page break and a group row never
    stays alone at the foot of a page.

    `tail` is the height of what must follow the last row on the same page (a signature block):
    when it does not fit, the last row moves to the next page with it.
    """
    total = width if width is not None else flow.width - left
    widths = column_widths(columns, total)
    pad = style.padding
    count = len(columns)
    strut = style.min_row_height > 2 * pad
    data: list[list[Any]] = [[para(col.title, style.header, "C") for col in columns] + ([""] if strut else [])]
    commands: list[tuple[Any, ...]] = [
        ("GRID", (0, 0), (-1, -1), style.rule, gray(0)),
        ("FONTNAME", (0, 0), (-1, -1), style.body.font),  # empty cells name no base-14 font (all fonts embedded)
        ("BACKGROUND", (0, 0), (-1, 0), gray(style.header_shade)),
        ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
        ("VALIGN", (0, 1), (-1, -1), "MIDDLE" if style.valign_middle else "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), pad), ("RIGHTPADDING", (0, 0), (-1, -1), pad),
        ("TOPPADDING", (0, 0), (-1, -1), pad), ("BOTTOMPADDING", (0, 0), (-1, -1), pad),
    ]
    if strut:
        commands += [("LEFTPADDING", (-1, 0), (-1, -1), 0), ("RIGHTPADDING", (-1, 0), (-1, -1), 0)]
    for row in rows:
        index = len(data)
        if isinstance(row, GroupRow):
            data.append([para(row.text, style.body, "L", bold=row.bold)] + [""] * (count - 1 + strut))
            commands.append(("SPAN", (0, index), (-1, index)))
            if row is not rows[-1]:
                commands.append(("NOSPLIT", (0, index), (-1, index + 1)))  # a heading goes with its first row
            if row.shade < 1:
                commands.append(("BACKGROUND", (0, index), (-1, index), gray(row.shade)))
            continue
        cells: list[Any] = []
        for cell, col, cell_width in zip(row, columns, widths, strict=True):
            if isinstance(cell, Cell):
                indent = (cell_width - 2 * pad) * cell.indent
                cells.append(para(cell.text, style.body, cell.align or col.align, bold=cell.bold, left=indent))
            else:
                cells.append(para(cell, style.body, col.align))
        if strut:
            cells.append(Strut(style.min_row_height - 2 * pad))
        data.append(cells)
    table = TailTable(data, colWidths=[*widths, *([0.0] if strut else [])], repeatRows=1, hAlign="LEFT")
    table.setStyle(PlatypusTableStyle(commands))
    table.tail = tail + after if tail else 0.0
    table.spaceAfter = after
    if left:
        flow.add(Indenter(left=left), table, Indenter(left=-left))
    else:
        flow.add(table)
