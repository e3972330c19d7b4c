"""Surat Tugas for the assessor team: title and number, Dasar, "Menugaskan", Kepada (team table),
Untuk (numbered tasks), the dated signature block and Tembusan."""

from __future__ import annotations

from ukom_desktop.documents.blocks import (
    draw_copies,
    draw_labelled_list,
    event_fields,
    merge_fields,
    new_flow,
    place_date,
    signatory_fields,
)
from ukom_desktop.documents.layout import Style, para, plain_table, text_width
from ukom_desktop.documents.model import AssignmentData
from ukom_desktop.documents.output import Document, Target, write_pdf
from ukom_desktop.documents.participants_table import draw_team_table
from ukom_desktop.documents.signature import draw_signature
from ukom_desktop.documents.templates import default_template, render_lines
from ukom_desktop.domain.dates import format_date_id
from ukom_desktop.domain.terbilang import number_with_words

KIND_BASIS = "surat_tugas.dasar"
KIND_TASKS = "surat_tugas.untuk"


def assignment_fields(data: AssignmentData) -> dict[str, str]:
    fields = {
        **event_fields(data.event),
        "nomor": data.number,
        "tanggal_surat": format_date_id(data.date),
        "jumlah_anggota": number_with_words(len(data.team)),
        **signatory_fields(data.signatory),
    }
    return merge_fields(fields, data.fields)


def basis_items(data: AssignmentData) -> list[str]:
    """Dasar: the data's own lines, else the (user's or default) template lines."""
    if data.basis:
        return list(data.basis)
    template = data.basis_template if data.basis_template is not None else default_template(KIND_BASIS)
    return render_lines(template, assignment_fields(data))


def task_items(data: AssignmentData) -> list[str]:
    """Untuk: the data's own lines, else the (user's or default) template lines."""
    if data.tasks:
        return list(data.tasks)
    template = data.tasks_template if data.tasks_template is not None else default_template(KIND_TASKS)
    return render_lines(template, assignment_fields(data))


def build_assignment(data: AssignmentData) -> Document:
    flow = new_flow(data.paper, data.letterhead)
    style = flow.style
    flow.centered(data.title.upper(), style.derive(bold=True, size=13.0), underline=True)
    flow.centered(f"Nomor: {data.number}", style, after=18.0)

    label_width = max(text_width(label, style.font, style.size) for label in ("Dasar", "Kepada", "Untuk")) + 10
    draw_labelled_list(flow, "Dasar", basis_items(data), label_width, after=10.0)
    flow.ensure(style.leading * 3 + 60.0)  # "MENUGASKAN", "Kepada :" and the table's first rows together
    flow.centered("MENUGASKAN:", style.derive(bold=True), after=8.0)
    kepada = plain_table([[para("Kepada", style), para(":", style)]],
                         [label_width, flow.width - label_width], row_gap=4.0)
    flow.add(kepada)
    draw_team_table(flow, data.team, Style(style.font, 10.0, 12.0))
    flow.skip(6.0)
    dated = place_date(data.place or data.letterhead.city, data.date)
    draw_labelled_list(flow, "Untuk", task_items(data), label_width, after=6.0,
                       keep_last_with=True)
    draw_signature(flow, data.signatory, captions=[dated], keep_with=bool(data.copies))
    draw_copies(flow, data.copies)
    return Document(flow.spec, flow.story, "dash_top", f"Surat Tugas {data.number}", data.letterhead.agency_lines[0])


def render_assignment(data: AssignmentData, out: Target) -> int:
    """Write the surat tugas; returns the page count."""
    return write_pdf([build_assignment(data)], out)
