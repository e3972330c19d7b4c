"""Laporan penyelenggaraan (figures page: invited, confirmed, present, by unit) and the
pokok-pokok sambutan outline."""

from __future__ import annotations

from reportlab.lib.units import mm

from ukom_desktop.documents.blocks import draw_body, event_fields, merge_fields, new_flow, place_date
from ukom_desktop.documents.layout import Flow, Style
from ukom_desktop.documents.model import EventReportData, SpeechOutlineData
from ukom_desktop.documents.output import Document, Target, write_pdf
from ukom_desktop.documents.participants_table import number_column, table_style
from ukom_desktop.documents.signature import draw_signature
from ukom_desktop.documents.tables import Cell, Column, Row, draw_table, fit_width
from ukom_desktop.documents.templates import MARKER_FIGURES, default_template, render_lines

KIND_REPORT = "laporan"
KIND_SPEECH = "sambutan"


def percent_id(part: int, whole: int) -> str:
    """"93,3%" with a decimal comma; "-" when the whole is zero."""
    if whole <= 0:
        return "-"
    return f"{100 * part / whole:.1f}".replace(".", ",") + "%"


def report_fields(data: EventReportData) -> dict[str, str]:
    fields = {
        **event_fields(data.event),
        "jumlah_diundang": str(data.invited),
        "jumlah_konfirmasi": str(data.confirmed),
        "jumlah_hadir": str(data.present),
        "persentase_hadir": percent_id(data.present, data.invited),
    }
    return merge_fields(fields, data.fields)


def _figures_block(data: EventReportData) -> object:
    def block(flow: Flow) -> None:
        flow.label_rows(
            [
                ("Peserta yang diundang", f"{data.invited} orang"),
                ("Peserta yang mengonfirmasi kehadiran",
                 f"{data.confirmed} orang ({percent_id(data.confirmed, data.invited)})"),
                ("Peserta yang hadir", f"{data.present} orang ({percent_id(data.present, data.invited)})"),
                ("Peserta yang tidak hadir", f"{max(data.invited - data.present, 0)} orang"),
            ],
            left=12.5 * mm, after=10.0,
        )
        if data.by_unit:
            _unit_table(flow, data)
        if data.notes:
            flow.ensure(flow.style.leading * 2)
            flow.paragraph("Catatan:", align="L")
            flow.numbered(list(data.notes), after=6.0)

    return block


def _unit_table(flow: Flow, data: EventReportData) -> None:
    table = Style(flow.style.font, 10.5, 12.6)
    bold = table.derive(bold=True)
    numbers = fit_width(["Konfirmasi", "100,0%"], bold, 3.0)
    columns = [
        number_column(table, len(data.by_unit)),
        Column("Unit Kerja", 3.0),
        Column("Diundang", 0.0, "R", numbers),
        Column("Konfirmasi", 0.0, "R", numbers),
        Column("Hadir", 0.0, "R", numbers),
        Column("Kehadiran", 0.0, "R", numbers),
    ]
    rows: list[Row] = [
        [f"{i}.", u.unit, str(u.invited), str(u.confirmed), str(u.present), percent_id(u.present, u.invited)]
        for i, u in enumerate(data.by_unit, start=1)
    ]
    totals = [sum(u.invited for u in data.by_unit), sum(u.confirmed for u in data.by_unit),
              sum(u.present for u in data.by_unit)]
    rows.append([
        Cell(""), Cell("Jumlah", bold=True), *(Cell(str(t), bold=True) for t in totals),
        Cell(percent_id(totals[2], totals[0]), bold=True),
    ])
    draw_table(flow, columns, rows, table_style(table), after=8.0)


def build_event_report(data: EventReportData) -> Document:
    flow = new_flow(data.paper, data.letterhead)
    style = flow.style
    flow.centered(data.title.upper(), style.derive(bold=True, size=13.0), after=2.0)
    flow.centered(data.event.name.upper(), style.derive(bold=True), after=14.0)
    template = data.template if data.template is not None else default_template(KIND_REPORT)
    draw_body(flow, template, report_fields(data), {MARKER_FIGURES: _figures_block(data)})  # type: ignore[dict-item]
    if data.signatory is not None:
        captions = [place_date(data.place, data.date)] if data.date else []
        draw_signature(flow, data.signatory, captions=captions)
    return Document(flow.spec, flow.story, "of_total", f"Laporan Penyelenggaraan - {data.event.name}")


def render_event_report(data: EventReportData, out: Target) -> int:
    """Write the figures page of the laporan penyelenggaraan; returns the page count."""
    return write_pdf([build_event_report(data)], out)


def speech_fields(data: SpeechOutlineData) -> dict[str, str]:
    fields = {
        **event_fields(data.event),
        "jumlah_diundang": str(data.invited),
        "jumlah_hadir": str(data.present),
        "pembicara": data.speaker,
    }
    return merge_fields(fields, data.fields)


def outline_points(data: SpeechOutlineData) -> list[str]:
    if data.points:
        return list(data.points)
    template = data.template if data.template is not None else default_template(KIND_SPEECH)
    return render_lines(template, speech_fields(data))


def _draw_outline(flow: Flow, lines: list[str]) -> None:
    style = flow.style
    bold = style.derive(bold=True)
    for raw in lines:
        depth = 1 if raw[:1] in (" ", "\t") else 0
        text = raw.strip()
        if text[:1] in ("-", "•", "*"):
            text = text[1:].strip()
            flow.paragraph(text, left=8 * mm + depth * 8 * mm, label="–" if depth else "•",
                           label_width=6 * mm, after=3.0, align="J")
        else:
            flow.skip(6.0)
            flow.ensure(3 * style.leading)
            flow.paragraph(text, bold, align="L", after=3.0)


def build_speech_outline(data: SpeechOutlineData) -> Document:
    flow = new_flow(data.paper, None)
    style = flow.style
    flow.centered(data.title.upper(), style.derive(bold=True, size=14.0), after=2.0)
    flow.centered(data.event.name, style.derive(bold=True), after=2.0)
    subtitle = f"{event_fields(data.event)['hari_tanggal']}"
    if data.event.venue:
        subtitle += f", {data.event.venue}"
    flow.centered(subtitle, style, after=4.0 if data.speaker else 14.0)
    if data.speaker:
        flow.centered(f"Disampaikan oleh {data.speaker}", style.derive(size=11.0), after=14.0)
    _draw_outline(flow, outline_points(data))
    return Document(flow.spec, flow.story, "of_total", f"Pokok-Pokok Sambutan - {data.event.name}")


def render_speech_outline(data: SpeechOutlineData, out: Target) -> int:
    """Write the pokok-pokok sambutan; returns the page count."""
    return write_pdf([build_speech_outline(data)], out)
