"""Bahan paparan pembukaan (SOP 000 step 8): landscape slides for the projector, one topic per page:
the event, tata tertib, the day's rundown, the exercises, and the groups with their rooms."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.colors import black
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, HRFlowable

from ukom_desktop.documents.fonts import SANS, font_name, register_fonts
from ukom_desktop.documents.layout import Flow, PageSpec, Style
from ukom_desktop.documents.output import Document, Target, write_pdf
from ukom_desktop.documents.tables import Column, Row, TableStyle, draw_table, fit_width

DEFAULT_RULES = (
    "Peserta hadir 15 menit sebelum kegiatan dimulai dan mengisi daftar hadir.",
    "Telepon genggam dan perangkat elektronik dimatikan dan disimpan selama penilaian.",
    "Peserta tidak diperkenankan membawa, menyalin atau memotret materi penilaian.",
    "Peserta mengikuti seluruh rangkaian penilaian sesuai jadwal dan ruang yang ditentukan.",
    "Peserta bekerja secara mandiri; kerja sama hanya pada simulasi kelompok.",
    "Hal yang belum jelas ditanyakan kepada panitia atau asesor.",
)


@dataclass(frozen=True)
class BriefingGroup:
    name: str
    members: tuple[str, ...]
    rooms: tuple[str, ...]


@dataclass(frozen=True)
class BriefingData:
    agency: str
    event_name: str
    dates: str
    venue: str
    day_label: str  # "Senin, 23 November 2026"
    rundown: tuple[tuple[str, str, str], ...]  # time, activity, place
    exercises: tuple[str, ...]
    groups: tuple[BriefingGroup, ...]
    rules: tuple[str, ...] = DEFAULT_RULES
    participants: int = 0


def _styles() -> tuple[Style, Style, Style, Style]:
    register_fonts()
    body = Style(SANS, 20.0, 26.0)
    return (Style(font_name(SANS, bold=True), 28.0, 34.0), body, Style(font_name(SANS, bold=True), 20.0, 26.0),
            Style(SANS, 10.0, 12.0))


def _table_style(body: Style) -> TableStyle:
    return TableStyle(body=body, header=body.derive(bold=True), padding=5.0)


class SlideFoot(Flowable):
    """Ends a slide: takes the rest of the page and writes the event and agency under it, in the
    bottom margin (the same on every slide)."""

    def __init__(self, text: str, style: Style) -> None:
        super().__init__()
        self.text = text
        self.style = style

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width, self.height = available_width, max(available_height, 0.0)
        return self.width, self.height

    def draw(self) -> None:
        self.canv.setFont(self.style.font, self.style.size)
        self.canv.drawString(0, -16, self.text)


def _slide(flow: Flow, title: str, data: BriefingData, *, foot: bool = True) -> None:
    """End the slide before (with its foot line unless it is the title slide) and start the next."""
    heading, _body, _bold, small = _styles()
    if foot:
        flow.add(SlideFoot(f"{data.event_name} | {data.agency}", small))
    flow.new_page()
    flow.paragraph(title, heading, align="L", after=4.0)
    flow.add(HRFlowable(width="100%", thickness=2.0, color=black, spaceBefore=0.0, spaceAfter=14.0))


def build_briefing(data: BriefingData) -> Document:
    spec = PageSpec("A4", left=18 * mm, right=18 * mm, top=16 * mm, bottom=18 * mm, landscape=True)
    heading, body, bold, small = _styles()
    flow = Flow(spec, body)
    # 1. title slide
    flow.skip(70.0)
    flow.paragraph("SELAMAT DATANG", Style(heading.font, 22.0, 28.0), align="C", after=10.0)
    flow.paragraph(data.event_name, Style(heading.font, 32.0, 40.0), align="C", after=18.0)
    for line in (data.dates, data.venue, f"{data.participants} peserta" if data.participants else "", data.agency):
        if line:
            flow.paragraph(line, body, align="C", after=4.0)
    # 2. rules
    _slide(flow, "Tata Tertib Peserta", data, foot=False)
    flow.numbered(list(data.rules), body, after_item=6.0, align="L")
    # 3. the day's rundown
    _slide(flow, f"Susunan Acara: {data.day_label}", data)
    if data.rundown:
        table = Style(body.font, 17.0, 21.0)
        columns = [Column("Waktu", 0.0, "L", fit_width(["00.00 - 00.00"], table, 6.0)), Column("Acara", 3.0),
                   Column("Tempat", 1.6)]
        draw_table(flow, columns, [list(item) for item in data.rundown], _table_style(table))
    else:
        flow.paragraph("Susunan acara hari ini belum diisi.", body, align="L")
    # 4. exercises
    _slide(flow, "Alat Ukur Penilaian", data)
    flow.numbered(list(data.exercises) or ["Alat ukur kegiatan belum dipilih."], body, after_item=6.0, align="L")
    # 5. groups and rooms
    _slide(flow, "Kelompok dan Ruang", data)
    if data.groups:
        table = Style(body.font, 15.0, 19.0)
        columns = [Column("Kelompok", 0.0, "L", fit_width(["Kelompok 10"], table, 6.0)), Column("Peserta", 3.2),
                   Column("Ruang", 1.4)]
        rows: list[Row] = [[g.name, ", ".join(g.members) or "-", ", ".join(g.rooms) or "-"] for g in data.groups]
        draw_table(flow, columns, rows, _table_style(table))
    else:
        flow.paragraph("Peserta belum dibagi ke dalam kelompok.", body, align="L")
    flow.skip(12.0)
    flow.paragraph("Selamat mengikuti penilaian kompetensi.", bold, align="C")
    flow.add(SlideFoot(f"{data.event_name} | {data.agency}", small))
    return Document(spec, flow.story, "none", f"Paparan Pembukaan - {data.event_name}")


def render_briefing(data: BriefingData, out: Target) -> int:
    return write_pdf([build_briefing(data)], out)
