"""Ruled tables on a Flow: wrapped cells, a header repeated on every page, full-width group rows."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ukom_desktop.documents.layout import Align, Flow, Style, line_ops, text_width, wrap


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


def _cell_lines(cell: str | Cell, style: Style, width: float) -> tuple[Style, tuple, Align | None, float]:
    if isinstance(cell, Cell):
        cell_style = style.derive(bold=True) if cell.bold else style
        inner = width * (1 - cell.indent)
        return cell_style, wrap(cell.text, cell_style.font, cell_style.size, round(inner, 2)), cell.align, cell.indent
    return style, wrap(cell, style.font, style.size, round(width, 2)), None, 0.0


def draw_table(
    flow: Flow, columns: Sequence[Column], rows: Sequence[Row], style: TableStyle, *,
    left: float = 0.0, width: float | None = None, after: float = 0.0, tail: float = 0.0,
) -> None:
    """Draw the table at the cursor; rows never split, the header repeats after a page break.

    `tail` is the height of what must follow the last row on the same page (a signature block):
    when it does not fit, the last row moves to the next page with it.
    """
    total = width if width is not None else flow.width - left
    widths = column_widths(columns, total)
    xs = [flow.x0 + left]
    for w in widths:
        xs.append(xs[-1] + w)
    pad = style.padding
    header_cells = [
        wrap(col.title, style.header.font, style.header.size, round(w - 2 * pad, 2))
        for col, w in zip(columns, widths, strict=True)
    ]
    header_height = max(len(lines) for lines in header_cells) * style.header.leading + 2 * pad

    def draw_header() -> None:
        top = flow.y
        flow.rect(xs[0], top - header_height, xs[-1] - xs[0], header_height, style.header_shade)
        for lines, x, w in zip(header_cells, xs[:-1], widths, strict=True):
            offset = (header_height - 2 * pad - len(lines) * style.header.leading) / 2
            flow.ops.extend(line_ops(lines, style.header, x + pad, top - pad - offset, w - 2 * pad, "C"))
        _rules(flow, xs, top, header_height, style.rule, top_rule=True)
        flow.y -= header_height

    first = True
    for row in rows:
        if isinstance(row, GroupRow):
            row_style = style.body.derive(bold=row.bold)
            lines = wrap(row.text, row_style.font, row_style.size, round(total - 2 * pad, 2))
            height = len(lines) * row_style.leading + 2 * pad
            with_next = height + style.body.leading + 2 * pad  # never leave a heading alone at the foot
            if first or with_next > flow.room() + 0.01:
                if not first:
                    flow.new_page()
                flow.ensure(header_height + height)
                draw_header()
                first = False
            top = flow.y
            if row.shade < 1:
                flow.rect(xs[0], top - height, total, height, row.shade)
            flow.ops.extend(line_ops(lines, row_style, xs[0] + pad, top - pad, total - 2 * pad, "L"))
            _rules(flow, [xs[0], xs[-1]], top, height, style.rule)
            flow.y -= height
            continue
        cells = [
            _cell_lines(cell, style.body, w - 2 * pad) for cell, w in zip(row, widths, strict=True)
        ]
        content = max(len(lines) * cs.leading for cs, lines, _a, _i in cells)
        height = max(content + 2 * pad, style.min_row_height)
        needed = height + (tail + after if row is rows[-1] else 0.0)
        if first or needed > flow.room() + 0.01:
            if not first:
                flow.new_page()
            flow.ensure(header_height + needed)
            draw_header()
            first = False
        top = flow.y
        for (cell_style, lines, align, indent), col, x, w in zip(cells, columns, xs[:-1], widths, strict=True):
            inner = w - 2 * pad
            shift = inner * indent
            offset = (height - 2 * pad - len(lines) * cell_style.leading) / 2 if style.valign_middle else 0.0
            flow.ops.extend(
                line_ops(lines, cell_style, x + pad + shift, top - pad - offset, inner - shift, align or col.align)
            )
        _rules(flow, xs, top, height, style.rule)
        flow.y -= height
    if first:  # no rows at all: still show the header
        flow.ensure(header_height)
        draw_header()
    flow.skip(after)


def _rules(flow: Flow, xs: Sequence[float], top: float, height: float, width: float, top_rule: bool = False) -> None:
    bottom = top - height
    if top_rule:
        flow.line(xs[0], top, xs[-1], top, width)
    flow.line(xs[0], bottom, xs[-1], bottom, width)
    for x in xs:
        flow.line(x, top, x, bottom, width)
