"""Personal timetables (SOP 000 step 9), one page each: the participant's card (their sessions, rooms,
times and what to bring), the assessor's timetable for one day, and the operator's (penilai teknis) sheet
for one room and day. Plain data in (TimetableSet, built by services/personal_timetables.py); the same
data feeds the Excel workbook."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from reportlab.lib.units import mm

from ukom_desktop.documents.layout import Flow, PageSpec, body_style, para
from ukom_desktop.documents.output import Document, Target, write_pdf
from ukom_desktop.documents.participants_table import table_style
from ukom_desktop.documents.schedule_docs import _small
from ukom_desktop.documents.tables import Column, Row, draw_table, fit_width

TimetableKind = Literal["peserta", "asesor", "ruangan"]
TIMETABLE_KINDS: tuple[TimetableKind, ...] = ("peserta", "asesor", "ruangan")

TITLES: dict[str, str] = {
    "peserta": "KARTU JADWAL PESERTA",
    "asesor": "JADWAL HARIAN ASESOR",
    "ruangan": "LEMBAR PENILAI TEKNIS PER RUANGAN",
}
DOC_TITLES = {"peserta": "Kartu Jadwal Peserta", "asesor": "Jadwal Harian Asesor",
              "ruangan": "Lembar Penilai Teknis per Ruangan"}


@dataclass(frozen=True)
class TimetablePage:
    name: str  # whom or what the page is for: participant, assessor, room
    facts: tuple[tuple[str, str], ...]  # ("NIP", "1986..."), printed as label : value
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    notes_heading: str = ""
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class TimetableSet:
    kind: TimetableKind
    event_name: str
    event_code: str
    pages: tuple[TimetablePage, ...]
    printed: str = ""


# Column weights per kind: time columns fixed, text columns share the rest.
_WEIGHTS: dict[str, tuple[float, ...]] = {
    "peserta": (0.0, 0.0, 1.4, 1.1, 1.8),
    "asesor": (0.0, 1.2, 1.0, 2.6),
    "ruangan": (0.0, 1.1, 2.4, 1.6, 0.8),
}


def build_timetables(data: TimetableSet) -> Document:
    flow = Flow(PageSpec("A4", left=20 * mm, right=15 * mm, top=15 * mm, bottom=18 * mm), body_style(11.0))
    table = _small(9.0)
    weights = _WEIGHTS[data.kind]
    for index, page in enumerate(data.pages):
        if index:
            flow.new_page()
        style = flow.style
        flow.centered(TITLES[data.kind], style.derive(bold=True, size=13.0), after=2.0)
        flow.centered(data.event_name, style.derive(bold=True, size=11.0), after=2.0)
        flow.centered(f"Kode kegiatan {data.event_code}", style.derive(size=10.0), after=8.0)
        flow.label_rows(page.facts, style.derive(size=10.5), after=6.0)
        columns = []
        for col, (title, weight) in enumerate(zip(page.columns, weights, strict=True)):
            if weight:
                columns.append(Column(title, weight))
            else:
                samples = [title, *(r[col] for r in page.rows)]
                columns.append(Column(title, 0.0, "C", fit_width(samples, table.derive(bold=True), 3.0)))
        rows: list[Row] = [list(r) for r in page.rows]
        if rows:
            draw_table(flow, columns, rows, table_style(table), after=8.0)
        else:
            flow.paragraph("Belum ada sesi terjadwal.", style, after=8.0)
        if page.notes:
            heading = para(page.notes_heading, style, bold=True, after=2.0)
            heading.keepWithNext = True  # stays on the page of the first thing to bring
            flow.add(heading)
            flow.numbered(page.notes, style.derive(size=10.5), align="L", after=6.0)
        if data.printed:
            flow.paragraph(data.printed, _small(8.0), align="L")
    if not data.pages:
        flow.centered(TITLES[data.kind], flow.style.derive(bold=True, size=13.0), after=6.0)
        flow.paragraph("Belum ada sesi terjadwal.", flow.style)
    return Document(flow.spec, flow.story, "of_total", f"{DOC_TITLES[data.kind]} - {data.event_name}")


def render_timetables(data: TimetableSet, out: Target) -> int:
    """Write the timetables, one page per person (or room and day); returns the page count."""
    return write_pdf([build_timetables(data)], out)
