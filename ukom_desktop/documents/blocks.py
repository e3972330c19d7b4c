"""Parts shared by the naskah dinas: the Nomor/Sifat/Lampiran/Hal block with place and date, the
"Yth." block, template bodies, the signature block, Tembusan and the common template fields."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date

from reportlab.lib.units import mm

from ukom_desktop.documents.layout import Flow, PageSpec, Style, body_style, para, plain_table, text_width
from ukom_desktop.documents.model import EventInfo, Letterhead, PaperSize, Signatory
from ukom_desktop.documents.templates import Marker, render_paragraphs
from ukom_desktop.domain.dates import day_name_id, format_date_id, format_date_range_id, format_day_date_id

PARAGRAPH_INDENT = 12.5 * mm
PARAGRAPH_GAP = 6.0


def new_flow(paper: PaperSize, letterhead: Letterhead | None, style: Style | None = None) -> Flow:
    """A flow on naskah-dinas margins, with the kop on the first page when a letterhead is given."""
    return Flow(PageSpec(paper), style or body_style(), kop=letterhead)


def place_date(place: str, when: date) -> str:
    """"Jakarta, 23 November 2026" (no full stop, as ANRI prescribes)."""
    return f"{place}, {format_date_id(when)}" if place else format_date_id(when)


def day_date(event: EventInfo) -> str:
    """"Senin, 23 November 2026" or "Senin s.d. Rabu, 23 - 25 November 2026"."""
    if event.end is None or event.end == event.start:
        return format_day_date_id(event.start)
    return f"{day_name_id(event.start)} s.d. {day_name_id(event.end)}, {format_date_range_id(event.start, event.end)}"


def event_fields(event: EventInfo) -> dict[str, str]:
    return {
        "kegiatan": event.name,
        "hari_tanggal": day_date(event),
        "tanggal": format_date_range_id(event.start, event.end),
        "waktu": event.time,
        "tempat": event.venue,
        "acara": event.agenda,
    }


def schedule_rows(event: EventInfo) -> list[tuple[str, str]]:
    rows = [("Hari/tanggal", day_date(event)), ("Waktu", event.time), ("Tempat", event.venue)]
    if event.agenda:
        rows.append(("Acara", event.agenda))
    return [(label, value) for label, value in rows if value]


def signatory_fields(signatory: Signatory) -> dict[str, str]:
    return {"penandatangan": signatory.name, "jabatan_penandatangan": signatory.jabatan}


def merge_fields(base: Mapping[str, str], extra: Mapping[str, str]) -> dict[str, str]:
    merged = dict(base)
    merged.update({key.lower(): str(value) for key, value in extra.items()})
    return merged


def draw_reference_block(
    flow: Flow, rows: list[tuple[str, str]], dated: str, *, after: float = 14.0,
) -> None:
    """Nomor/Sifat/Lampiran/Hal at the left with the colons aligned; place and date at the right of
    the Nomor line."""
    style = flow.style
    label_width = max(text_width(label, style.font, style.size) for label, _ in rows) + 8
    colon_width = text_width(":", style.font, style.size) + 5
    date_width = text_width(dated, style.font, style.size) + 12
    value_width = flow.width - label_width - colon_width
    cells: list[list[object]] = []
    for index, (label, value) in enumerate(rows):
        cells.append([para(label, style), para(":", style), para(value or "-", style),
                      para(dated, style, "R") if index == 0 else ""])
    table = plain_table(cells, [label_width, colon_width, value_width - date_width, date_width],
                        commands=[("SPAN", (2, i), (3, i)) for i in range(1, len(rows))])
    table.spaceAfter = after
    flow.add(table)


def draw_addressee(flow: Flow, lines: list[str], *, after: float = 14.0) -> None:
    """"Yth. <first line>" with the following lines aligned under the first."""
    style = flow.style
    indent = text_width("Yth. ", style.font, style.size)
    width = flow.width * 0.62 - indent
    table = plain_table([["" if index else para("Yth.", style), para(line, style)] for index, line in enumerate(lines)],
                        [indent, width])
    table.spaceAfter = after
    flow.add(table)


def draw_body(
    flow: Flow, template: str, fields: Mapping[str, str], blocks: Mapping[str, Callable[[Flow], None]],
    *, first_indent: float = PARAGRAPH_INDENT, left: float = 0.0, keep_last_with: bool = False,
) -> None:
    """Template paragraphs (justified, first line indented) with blocks placed at their markers.

    A block whose marker the user removed is placed after the first paragraph, so the schedule of an
    invitation can never silently disappear.
    """
    parts = render_paragraphs(template, fields)
    placed = {part.name for part in parts if isinstance(part, Marker)}
    missing = [name for name in blocks if name not in placed]
    if missing:
        position = 1 if parts else 0
        parts[position:position] = [Marker(name) for name in missing]
    for index, part in enumerate(parts):

        def draw(part: str | Marker = part) -> None:
            if isinstance(part, Marker):
                block = blocks.get(part.name)
                if block is not None:
                    block(flow)
            else:
                flow.paragraph(part, left=left, first_indent=first_indent, after=PARAGRAPH_GAP)

        if keep_last_with and index == len(parts) - 1:
            flow.keep_with_next(draw)
        else:
            draw()


def draw_copies(flow: Flow, copies: tuple[str, ...] | list[str]) -> None:
    """Tembusan at the bottom left: numbered when more than one; "Tembusan:" never parts from its
    first line."""
    if not copies:
        return
    heading = para("Tembusan:", flow.style)
    heading.keepWithNext = True
    flow.add(heading)
    if len(copies) == 1:
        flow.paragraph(copies[0], align="L")
    else:
        flow.numbered(list(copies), align="L")


def draw_labelled_list(
    flow: Flow, label: str, items: list[str], label_width: float, *, after: float = 8.0,
    keep_last_with: bool = False,
) -> None:
    """"Dasar : 1. ...", the items numbered (unless single) and hanging under the colon.

    `keep_last_with` keeps the last item on the page of the block that follows (the signature).
    """
    style = flow.style
    colon_width = text_width(":", style.font, style.size) + 6
    numbers = [f"{i}." for i in range(1, len(items) + 1)] if len(items) > 1 else [""]
    number_width = max(text_width(n, style.font, style.size) for n in numbers) + 6 if len(items) > 1 else 0.0
    text_width_left = flow.width - label_width - colon_width - number_width
    rows: list[list[object]] = []
    for index, (number, item) in enumerate(zip(numbers, items, strict=True)):
        last = index == len(items) - 1
        rows.append([
            para(label, style) if index == 0 else "", para(":", style) if index == 0 else "",
            para(number, style) if number else "", para(item, style, "J", after=0.0 if last else 2.0),
        ])
    widths = [label_width, colon_width, number_width, text_width_left]
    if len(rows) > 1:
        keep_first_two = [("NOSPLIT", (0, 0), (-1, 1))] if len(rows) > 2 else []  # the label never stands alone
        flow.add(plain_table(rows[:-1], widths, commands=keep_first_two))
    last_table = plain_table(rows[-1:], widths)
    last_table.spaceAfter = after  # a cell drops its last paragraph's space after: the table keeps it
    if keep_last_with:
        last_table.keepWithNext = True
    flow.add(last_table)
