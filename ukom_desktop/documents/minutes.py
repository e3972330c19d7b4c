"""Berita Acara Pelaksanaan: title and number, the opening with the date in words ("Pada hari ini,
Senin tanggal dua puluh tiga bulan November tahun dua ribu dua puluh enam ..."), the facts of the
event, notes, the closing, and two or three parties signing side by side."""

from __future__ import annotations

from reportlab.lib.units import mm

from ukom_desktop.documents.blocks import draw_body, event_fields, merge_fields, new_flow
from ukom_desktop.documents.layout import Flow
from ukom_desktop.documents.model import MinutesData
from ukom_desktop.documents.output import Document, Target, write_pdf
from ukom_desktop.documents.signature import draw_signature_row
from ukom_desktop.documents.templates import MARKER_FACTS, default_template
from ukom_desktop.domain.dates import BULAN, day_name_id
from ukom_desktop.domain.terbilang import date_in_words, terbilang

KIND_MINUTES = "berita_acara"


def minutes_fields(data: MinutesData) -> dict[str, str]:
    when = data.date or data.event.start
    fields = {
        **event_fields(data.event),
        "nomor": data.number,
        "hari": day_name_id(when),
        "tanggal_terbilang": terbilang(when.day),
        "bulan": BULAN[when.month - 1],
        "tahun_terbilang": terbilang(when.year),
        "tanggal_angka": f"{when.day:02d}-{when.month:02d}-{when.year}",
        "tanggal_kalimat": date_in_words(when),
    }
    if data.place:
        fields["tempat"] = data.place
    return merge_fields(fields, data.fields)


def _facts_block(data: MinutesData) -> object:
    def block(flow: Flow) -> None:
        flow.label_rows(list(data.facts), left=6 * mm, max_label_width=flow.width * 0.42, numbered=True,
                        row_gap=2.0, after=6.0)
        if data.notes:
            flow.ensure(flow.style.leading * 2)
            flow.paragraph("Catatan:", left=6 * mm, align="L")
            flow.numbered(list(data.notes), left=6 * mm, after=6.0)

    return block


def build_minutes(data: MinutesData) -> Document:
    flow = new_flow(data.paper, data.letterhead)
    style = flow.style
    bold = style.derive(bold=True)
    flow.centered(data.title.upper(), bold.derive(size=13.0), after=0.0)
    flow.centered(data.event.name.upper(), bold, after=2.0)
    flow.centered(f"Nomor: {data.number}", style, after=16.0)
    template = data.template if data.template is not None else default_template(KIND_MINUTES)
    parties = [([party.caption] if party.caption else [], party.signatory) for party in data.parties]
    # the closing paragraph stays on the page of the signatures
    draw_body(flow, template, minutes_fields(data), {MARKER_FACTS: _facts_block(data)},  # type: ignore[dict-item]
              keep_last_with=True)
    draw_signature_row(flow, parties)
    return Document(flow.spec, flow.story, "dash_top", f"Berita Acara {data.number}", data.letterhead.agency_lines[0])


def render_minutes(data: MinutesData, out: Target) -> int:
    """Write the berita acara pelaksanaan; returns the page count."""
    return write_pdf([build_minutes(data)], out)
