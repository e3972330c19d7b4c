"""The interview guide per participant (issue 17 item 3) and the lembar disposisi of an incoming letter
(item 5). Pure layout over plain dataclasses."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.colors import black
from reportlab.platypus import HRFlowable

from ukom_desktop.documents.layout import Flow, Style
from ukom_desktop.documents.output import Document
from ukom_desktop.documents.room_materials import (
    Heading,
    Person,
    head_block,
    identity_block,
    page_spec,
    styles,
    table_style,
)
from ukom_desktop.documents.tables import Cell, Column, TableStyle, draw_table


@dataclass(frozen=True)
class GuideCompetency:
    code: str
    name: str
    standard: str  # "3" or "3.5"
    level: int  # the level whose questions are asked
    definition: str
    questions: tuple[tuple[str, tuple[str, ...]], ...]  # (question, probes)


def interview_guide(heading: Heading, person: Person, assessor: str, competencies: list[GuideCompetency]) -> Document:
    body, _title, sans, sans_bold = styles()
    flow = Flow(page_spec(heading.paper), body)
    head_block(flow, heading, "PANDUAN WAWANCARA BERBASIS KOMPETENSI")
    identity_block(flow, person, [("Asesor", assessor or "." * 60)])
    draw_table(flow, [Column("Kode", 0.8), Column("Kompetensi", 3), Column("Level standar", 1.1, "C")],
               [[c.code, c.name, c.standard] for c in competencies], table_style(), after=10)
    small = Style(sans.font, 9, 11.5)
    for c in competencies:
        flow.ensure(120)
        flow.paragraph(f"{c.code} {c.name} (standar level {c.standard})", sans_bold.derive(size=11), after=2)
        if c.definition:
            flow.paragraph(c.definition, small, align="L", after=4)
        for index, (question, probes) in enumerate(c.questions, start=1):
            flow.paragraph(question, sans, label=f"{index}.", label_width=16, align="L", after=1)
            for probe in probes:
                flow.paragraph(probe, small, left=16, label="-", label_width=10, align="L")
            flow.skip(3)
        flow.ensure(small.leading + 2 + 6 * 16)
        flow.paragraph("Catatan perilaku (situasi - tindakan - hasil):", small.derive(bold=True), after=2)
        for _ in range(6):  # ruled lines to write on
            flow.add(HRFlowable(width="100%", thickness=0.4, color=black, spaceBefore=16, spaceAfter=0))
        flow.skip(10)
    return Document(spec=flow.spec, story=flow.story, title=f"Panduan wawancara {person.number_text}",
                    author="UKOM Desktop")


@dataclass(frozen=True)
class Disposition:
    agenda: str  # nomor agenda of the register
    number: str
    letter_date: str
    received_on: str
    sender: str
    subject: str
    to: str
    instruction: str
    disposition_date: str
    event: str  # the event it opened, "" when none yet


def disposition_sheet(heading: Heading, d: Disposition) -> Document:
    """Lembar disposisi: the letter's particulars, to whom, the instruction, the date and the signature."""
    body, title, sans, sans_bold = styles()
    flow = Flow(page_spec(heading.paper), body)
    for line in heading.institution:
        flow.centered(line, sans_bold)
    if heading.institution:
        flow.add(HRFlowable(width="100%", thickness=1.0, color=black, spaceBefore=4, spaceAfter=10))
    flow.centered("LEMBAR DISPOSISI", title, after=10)
    style = table_style()
    rows = [
        ("Surat dari", d.sender), ("Nomor surat", d.number), ("Tanggal surat", d.letter_date),
        ("Diterima tanggal", d.received_on), ("Nomor agenda", d.agenda), ("Perihal", d.subject),
        ("Kegiatan", d.event),
    ]
    draw_table(flow, [Column("Keterangan surat", 1), Column("Isi", 3)],
               [[Cell(label, bold=True), value or "-"] for label, value in rows], style, after=6)

    tall = TableStyle(body=style.body, header=style.header, padding=5, min_row_height=120)
    draw_table(flow, [Column("Diteruskan kepada", 1), Column("Isi disposisi / instruksi", 1.6)],
               [[d.to or "", d.instruction or ""]], tall)
    draw_table(flow, [Column("Tanggal disposisi", 1), Column("Paraf / tanda tangan", 1.6)],
               [[d.disposition_date or "", ""]], TableStyle(body=style.body, header=style.header, padding=5,
                                                             min_row_height=60))
    flow.skip(8)
    flow.paragraph("Setelah ditindaklanjuti, lembar disposisi ini disimpan bersama surat aslinya.", sans, align="L")
    return Document(spec=flow.spec, story=flow.story, title=f"Lembar disposisi {d.number}", author="UKOM Desktop")
