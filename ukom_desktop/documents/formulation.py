"""Dokumen Rumusan Kompetensi (SOP 003): the competencies and levels each target position needs, the
exercise x competency matrix, the formulation meeting (date, place, participants) and the signatures of
the head of the assessment unit and the stakeholder's leader.

Plain input dataclasses live here (the service fills them from the database); layout reuses the kop,
ruled tables and signature blocks of the documents package.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportlab.lib.units import mm

from ukom_desktop.documents.blocks import new_flow, place_date
from ukom_desktop.documents.layout import Flow, Style
from ukom_desktop.documents.model import Letterhead, PaperSize, Signatory
from ukom_desktop.documents.output import Document, Target, write_pdf
from ukom_desktop.documents.participants_table import nip_column, number_column, table_style
from ukom_desktop.documents.signature import draw_signature_row
from ukom_desktop.documents.tables import Cell, Column, GroupRow, Row, draw_table, fit_width
from ukom_desktop.domain.dates import format_date_id
from ukom_desktop.domain.nip import format_nip

TICK = "\u221a"  # the "√" Indonesian forms use as a check mark (the bundled fonts carry it)


@dataclass(frozen=True)
class StandardLine:
    code: str
    name: str
    group: str  # display label: "Manajerial", "Sosial Kultural", "Teknis"
    level: str  # "3" or "3,5"
    description: str = ""


@dataclass(frozen=True)
class TargetPosition:
    name: str
    job_level: str
    unit: str = ""
    lines: tuple[StandardLine, ...] = ()


@dataclass(frozen=True)
class MatrixExercise:
    code: str
    name: str
    kind: str = ""
    minutes: int = 0


@dataclass(frozen=True)
class MatrixLine:
    code: str
    name: str
    ticks: tuple[bool, ...]  # one per exercise

    @property
    def count(self) -> int:
        return sum(self.ticks)


@dataclass(frozen=True)
class MeetingParticipant:
    name: str
    nip: str = ""
    jabatan: str = ""
    party: str = ""  # "Unit Penilaian Kompetensi", "Instansi Pengusul", "Asesor", ...


@dataclass(frozen=True)
class FormulationData:
    letterhead: Letterhead
    event_name: str
    requesting_agency: str
    positions: tuple[TargetPosition, ...]
    exercises: tuple[MatrixExercise, ...]
    matrix: tuple[MatrixLine, ...]
    unit_signatory: Signatory
    stakeholder_signatory: Signatory
    meeting_date: date | None = None
    meeting_place: str = ""
    participants: tuple[MeetingParticipant, ...] = ()
    number: str = ""
    facts: tuple[tuple[str, str], ...] = ()  # extra label/value lines about the event
    min_exercises: int = 2
    notes: tuple[str, ...] = ()
    place: str = ""  # city written before the signing date
    signed_on: date | None = None
    unit_caption: str = ""  # the jabatan names the office: no second title stacked above it
    stakeholder_caption: str = ""
    title: str = "DOKUMEN RUMUSAN KOMPETENSI"
    paper: PaperSize = "A4"


def _table_text(flow: Flow) -> Style:
    return Style(flow.style.font, 10.0, 12.0)


def _heading(flow: Flow, text: str) -> None:
    flow.skip(4.0)
    flow.ensure(flow.style.leading * 4)
    flow.paragraph(text, flow.style.derive(bold=True), align="L", after=4.0, keep=True)


def _opening(flow: Flow, data: FormulationData) -> None:
    when = f"pada tanggal {format_date_id(data.meeting_date)}" if data.meeting_date else ""
    where = f" bertempat di {data.meeting_place}" if data.meeting_place else ""
    agency = data.requesting_agency or "instansi pengusul"
    text = (
        f"Berdasarkan rapat perumusan kompetensi {when}{where} antara unit penilaian kompetensi dan {agency}, "
        f"telah disepakati kompetensi dan level standar setiap jabatan sasaran serta alat ukur yang digunakan "
        f"dalam kegiatan {data.event_name}, sebagai berikut."
    )
    flow.paragraph(" ".join(text.split()), after=8.0)
    rows = [("Kegiatan", data.event_name), ("Instansi pengusul", data.requesting_agency), *data.facts]
    flow.label_rows([(label, value) for label, value in rows if value], left=0.0, max_label_width=flow.width * 0.35,
                    after=6.0)


def _standard_tables(flow: Flow, data: FormulationData) -> None:
    _heading(flow, "A. Standar Kompetensi Jabatan Sasaran")
    text = _table_text(flow)
    if not data.positions:
        flow.paragraph("Belum ada jabatan sasaran yang ditetapkan.", text, align="L", after=6.0)
        return
    level_width = fit_width(["Level", "3,50"], text.derive(bold=True), 3.0)
    for index, position in enumerate(data.positions, start=1):
        title = f"{index}. {position.name} ({position.job_level})"
        if position.unit:
            title += f", {position.unit}"
        flow.ensure(text.leading * 6)
        flow.paragraph(title, text.derive(bold=True, size=11.0), align="L", after=3.0, keep=True)
        columns = [
            number_column(text, len(position.lines)),
            Column("Kode", 0.0, "L", fit_width(["Kode", "SK.01", "M.08"], text, 3.0)),
            Column("Kompetensi", 2.2),
            Column("Level", 0.0, "C", level_width),
            Column("Uraian level yang dipersyaratkan", 4.0),
        ]
        rows: list[Row] = []
        group = None
        for number, line in enumerate(position.lines, start=1):
            if line.group != group:
                group = line.group
                rows.append(GroupRow(f"Kompetensi {group}", shade=0.95))
            rows.append([f"{number}.", line.code, line.name, line.level, line.description or "-"])
        if not position.lines:
            rows.append([Cell(""), Cell(""), Cell("Standar belum diisi"), Cell(""), Cell("")])
        draw_table(flow, columns, rows, table_style(text), left=0.0, after=8.0)


def _matrix_table(flow: Flow, data: FormulationData) -> None:
    _heading(flow, "B. Matriks Alat Ukur dan Kompetensi")
    text = _table_text(flow)
    if not data.exercises:
        flow.paragraph("Belum ada alat ukur yang ditetapkan untuk kegiatan ini.", text, align="L", after=6.0)
        return
    bold = text.derive(bold=True)
    tick_width = max(fit_width([ex.code for ex in data.exercises], bold, 3.0), 11 * mm)
    columns = [
        number_column(text, len(data.matrix)),
        Column("Kompetensi", 3.0, "L", 40 * mm),
        *(Column(ex.code, 0.0, "C", tick_width) for ex in data.exercises),
        Column("Jumlah", 0.0, "C", fit_width(["Jumlah"], bold, 3.0)),
    ]
    rows: list[Row] = []
    for number, line in enumerate(data.matrix, start=1):
        short = line.count < data.min_exercises
        rows.append([
            f"{number}.", f"{line.code} {line.name}", *(TICK if t else "" for t in line.ticks),
            Cell(str(line.count), bold=short),
        ])
    draw_table(flow, columns, rows, table_style(text), after=4.0)
    legend = "; ".join(
        f"{ex.code} = {ex.name}" + (f" ({ex.minutes} menit)" if ex.minutes else "") for ex in data.exercises
    )
    flow.paragraph(f"Keterangan: {legend}. Tanda {TICK} berarti kompetensi diukur oleh alat ukur tersebut; "
                   f"setiap kompetensi diukur oleh sekurang-kurangnya {data.min_exercises} alat ukur.",
                   text, align="J", after=8.0)


BLANK_ROWS = 6


def _participants_table(flow: Flow, data: FormulationData) -> None:
    _heading(flow, "C. Peserta Rapat Perumusan Kompetensi")
    text = _table_text(flow)
    facts = []
    if data.meeting_date:
        facts.append(("Tanggal rapat", format_date_id(data.meeting_date)))
    if data.meeting_place:
        facts.append(("Tempat", data.meeting_place))
    if facts:
        flow.label_rows(facts, text, after=4.0)
    blank = not data.participants  # never a placeholder sentence: numbered empty rows to fill in by hand
    columns = [
        number_column(text, max(len(data.participants), BLANK_ROWS)),
        Column("Nama", 2.4),
        nip_column(text),
        Column("Jabatan", 2.6),
        Column("Unsur", 1.6),
    ]
    rows: list[Row] = [
        [f"{i}.", p.name, format_nip(p.nip) if p.nip else "-", p.jabatan or "-", p.party or "-"]
        for i, p in enumerate(data.participants, start=1)
    ] if not blank else [[f"{i}.", "", "", "", ""] for i in range(1, BLANK_ROWS + 1)]
    draw_table(flow, columns, rows, table_style(text), after=6.0)


def build_formulation(data: FormulationData) -> Document:
    flow = new_flow(data.paper, data.letterhead)
    style = flow.style
    bold = style.derive(bold=True)
    flow.centered(data.title.upper(), bold.derive(size=13.0), after=0.0)
    flow.centered(data.event_name.upper(), bold, after=2.0 if data.number else 12.0)
    if data.number:
        flow.centered(f"Nomor: {data.number}", style, after=12.0)
    _opening(flow, data)
    _standard_tables(flow, data)
    _matrix_table(flow, data)
    _participants_table(flow, data)
    if data.notes:
        flow.ensure(style.leading * 3)
        flow.paragraph("Catatan:", align="L")
        flow.numbered(list(data.notes), after=6.0)
    signed = data.signed_on or data.meeting_date

    def closing() -> None:
        flow.paragraph("Demikian rumusan kompetensi ini disepakati untuk menjadi pedoman penyusunan instrumen "
                       "penilaian.", after=4.0)
        if signed is not None:
            flow.paragraph(place_date(data.place, signed), align="R", after=0.0, keep=True)

    parties = [
        ([data.stakeholder_caption] if data.stakeholder_caption else [], data.stakeholder_signatory),
        ([data.unit_caption] if data.unit_caption else [], data.unit_signatory),
    ]
    # the closing and the date stay on the page of the signatures: never a page of signatures alone
    flow.keep_with_next(closing)
    draw_signature_row(flow, parties, before=8.0)
    return Document(flow.spec, flow.story, "of_total", f"Dokumen Rumusan Kompetensi - {data.event_name}",
                    data.letterhead.agency_lines[0])


def render_formulation(data: FormulationData, out: Target) -> int:
    """Write the Dokumen Rumusan Kompetensi; returns the page count."""
    return write_pdf([build_formulation(data)], out)
