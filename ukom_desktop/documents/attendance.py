"""Daftar hadir of one wave and session: heading, participant table whose signature column
alternates left and right ("1. ......" at the left, "2. ......" indented), repeated table header on
every page, "Halaman x dari y", and the committee's signature at the end."""

from __future__ import annotations

import os
from collections.abc import Sequence

from ukom_desktop.documents.blocks import new_flow, place_date
from ukom_desktop.documents.layout import Style, text_width
from ukom_desktop.documents.model import AttendanceSheetData
from ukom_desktop.documents.output import Cancelled, Document, Progress, Target, write_pdf
from ukom_desktop.documents.participants_table import PADDING, nip_column, number_column, table_style
from ukom_desktop.documents.signature import draw_signature, signature_block_height
from ukom_desktop.documents.tables import Cell, Column, column_widths, draw_table
from ukom_desktop.domain.dates import format_day_date_id
from ukom_desktop.domain.nip import format_nip

ROW_HEIGHT = 28.0
SIGN_INDENT = 0.42  # even rows start this far into the signature cell


def signature_cell(number: int, cell_width: float, style: Style) -> Cell:
    """"1. ........" at the left for odd rows, indented to the right for even rows."""
    label = f"{number}. "
    room = cell_width * (1 - SIGN_INDENT) - 2 * PADDING - text_width(label, style.font, style.size) - 2
    dots = "." * max(3, int(room / text_width(".", style.font, style.size)))
    return Cell(label + dots, align="L", indent=0.0 if number % 2 else SIGN_INDENT)


def build_attendance(data: AttendanceSheetData) -> Document:
    flow = new_flow(data.paper, data.letterhead)
    style = flow.style
    flow.centered(data.title.upper(), style.derive(bold=True, size=14.0), after=10.0)
    flow.label_rows(
        [
            ("Kegiatan", data.activity),
            ("Hari/tanggal", format_day_date_id(data.date)),
            ("Tempat", data.venue),
            ("Sesi", data.session),
        ],
        after=10.0,
    )
    table = Style(style.font, 10.5, 12.6)
    columns = [
        number_column(table, len(data.participants)),
        Column("Nama", 3.0),
        nip_column(table),
        Column("Unit Kerja", 2.3),
        Column("Tanda Tangan", 2.4),
    ]
    sign_width = column_widths(columns, flow.width)[-1]
    rows: list[Sequence[str | Cell]] = [
        [f"{i}.", person.name, format_nip(person.nip), person.unit_kerja, signature_cell(i, sign_width, table)]
        for i, person in enumerate(data.participants, start=1)
    ]
    captions = [
        place_date(data.place or (data.letterhead.city if data.letterhead else ""), data.date),
        data.signatory_caption.rstrip(",") + ",",
    ]
    tail = signature_block_height(flow, data.signatory, captions) if data.signatory else 0.0
    draw_table(
        flow, columns, rows, table_style(table, min_row_height=ROW_HEIGHT, valign_middle=True), after=6.0,
        tail=tail,
    )
    if data.signatory is not None:
        draw_signature(flow, data.signatory, captions=captions)
    return Document(flow.spec, flow.story, "of_total", f"Daftar Hadir - {data.session}")


def render_attendance(data: AttendanceSheetData, out: Target) -> int:
    """One daftar hadir; returns the page count."""
    return write_pdf([build_attendance(data)], out)


def render_attendance_sheets(
    sheets: Sequence[AttendanceSheetData], out: Target | str | os.PathLike[str],
    progress: Progress | None = None, cancelled: Cancelled | None = None,
) -> int:
    """Daftar hadir of many waves/sessions in one PDF (each numbered on its own); returns pages."""
    docs = (build_attendance(sheet) for sheet in sheets)
    return write_pdf(docs, out, total=len(sheets), progress=progress, cancelled=cancelled, title="Daftar Hadir")
