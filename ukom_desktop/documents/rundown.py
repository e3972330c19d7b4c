"""Susunan acara: waktu / acara / pelaksana / tempat, one group of rows per day."""

from __future__ import annotations

from ukom_desktop.documents.blocks import new_flow
from ukom_desktop.documents.layout import Style
from ukom_desktop.documents.model import RundownData
from ukom_desktop.documents.output import Document, Target, write_pdf
from ukom_desktop.documents.participants_table import table_style
from ukom_desktop.documents.tables import Column, GroupRow, Row, draw_table, fit_width
from ukom_desktop.domain.dates import format_day_date_id
from ukom_desktop.domain.terbilang import terbilang

_ORDINAL = {1: "pertama"}


def day_heading(index: int, total: int, when: object) -> str:
    """"Hari pertama: Senin, 23 November 2026" (just the date for a one-day event)."""
    date_text = format_day_date_id(when)  # type: ignore[arg-type]
    if total == 1:
        return date_text
    ordinal = _ORDINAL.get(index, "ke" + terbilang(index))
    return f"Hari {ordinal}: {date_text}"


def build_rundown(data: RundownData) -> Document:
    flow = new_flow(data.paper, data.letterhead)
    style = flow.style
    flow.centered(data.title.upper(), style.derive(bold=True, size=14.0), after=2.0)
    flow.centered(data.activity, style.derive(bold=True), after=2.0 if data.venue else 12.0)
    if data.venue:
        flow.centered(data.venue, style, after=12.0)
    table = Style(style.font, 10.5, 12.6)
    times = [item.time for day in data.days for item in day.items] or ["08.00 - 08.30"]
    columns = [
        Column("Waktu", 0.0, "C", fit_width([*times, "Waktu"], table, 3.0)),
        Column("Acara", 3.2),
        Column("Pelaksana", 2.0),
        Column("Tempat", 1.6),
    ]
    rows: list[Row] = []
    for index, day in enumerate(data.days, start=1):
        rows.append(GroupRow(day_heading(index, len(data.days), day.date)))
        rows.extend([item.time, item.activity, item.executor, item.venue] for item in day.items)
    draw_table(flow, columns, rows, table_style(table))
    return Document(flow.spec, flow.story, "of_total", f"Susunan Acara - {data.activity}")


def render_rundown(data: RundownData, out: Target) -> int:
    """Write the susunan acara; returns the page count."""
    return write_pdf([build_rundown(data)], out)
