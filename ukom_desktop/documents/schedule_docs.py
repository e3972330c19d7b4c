"""Printed schedules: the matriks jadwal (time x room per day, landscape), timetables per participant and
per assessor, and the relasi asesor (who assesses whom in which exercise, landscape).

Input is plain data (ScheduleDocData) built by services/schedule_exports.py; the same data feeds the
Excel exports, so the PDF and the workbook always agree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from reportlab.lib.units import mm

from ukom_desktop.documents.fonts import SANS, register_fonts
from ukom_desktop.documents.layout import Flow, PageSpec, Style, body_style
from ukom_desktop.documents.output import Document, Target, write_pdf
from ukom_desktop.documents.participants_table import table_style
from ukom_desktop.documents.tables import Column, GroupRow, Row, draw_table, fit_width

ScheduleDocKind = Literal["matriks", "peserta", "asesor", "relasi"]

TITLES: dict[str, str] = {
    "matriks": "MATRIKS JADWAL PELAKSANAAN",
    "peserta": "JADWAL PER PESERTA",
    "asesor": "JADWAL PER ASESOR",
    "relasi": "RELASI ASESOR DAN PESERTA",
}


@dataclass(frozen=True)
class MatrixDay:
    """One day of one wave: a row per start time, a column per room, each cell the session's text."""

    heading: str  # "Gelombang 1 - Senin, 23 November 2026"
    rooms: tuple[str, ...]
    rows: tuple[tuple[str, tuple[str, ...]], ...]  # (time "08.00-10.00", one text per room)
    short: str = ""  # "Gel 1 23-11-2026", a sheet name


@dataclass(frozen=True)
class TimetableEntry:
    day: str
    time: str
    exercise: str
    room: str
    others: str  # assessors for a participant's timetable, participants for an assessor's


@dataclass(frozen=True)
class PersonTimetable:
    heading: str  # "7. Budi Santoso - NIP ... - Gelombang 1, Kelompok A - Asesor utama: ..."
    name: str
    entries: tuple[TimetableEntry, ...]


@dataclass(frozen=True)
class RelationRow:
    number: str
    name: str
    nip: str
    unit: str
    wave: str
    group: str
    lead: str
    per_exercise: tuple[str, ...]  # assessor names per exercise, in ScheduleDocData.exercises order


@dataclass(frozen=True)
class ScheduleDocData:
    event_name: str
    event_code: str
    subtitle: str = ""  # "Gelombang 1" or "Seluruh gelombang"
    matrix: tuple[MatrixDay, ...] = ()
    participants: tuple[PersonTimetable, ...] = ()
    assessors: tuple[PersonTimetable, ...] = ()
    exercises: tuple[str, ...] = ()
    relations: tuple[RelationRow, ...] = ()
    printed: str = ""  # "Dicetak 22 November 2026"
    notes: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class LandscapeSpec(PageSpec):
    """The paper turned sideways, with narrower margins for wide tables."""

    left: float = 15 * mm
    right: float = 15 * mm
    top: float = 15 * mm
    bottom: float = 18 * mm

    @property
    def size(self) -> tuple[float, float]:
        width, height = PageSpec(self.paper).size
        return height, width


def _heading(flow: Flow, data: ScheduleDocData, kind: str) -> None:
    style = flow.style
    flow.centered(TITLES[kind], style.derive(bold=True, size=13.0), after=2.0)
    flow.centered(data.event_name, style.derive(bold=True, size=11.0), after=2.0)
    line = f"Kode kegiatan {data.event_code}" + (f" - {data.subtitle}" if data.subtitle else "")
    flow.centered(line, style.derive(size=10.0), after=8.0)


def _footer(flow: Flow, data: ScheduleDocData, style: Style) -> None:
    for note in (*data.notes, data.printed):
        if note:
            flow.paragraph(note, style, align="L", after=2.0)


def _small(size: float = 8.5) -> Style:
    """The dense-table face (sans) at a small size."""
    register_fonts()
    return Style(SANS, size, round(size * 1.2, 2))


def build_matrix(data: ScheduleDocData) -> Document:
    flow = Flow(LandscapeSpec(), body_style(11.0))
    _heading(flow, data, "matriks")
    table = _small(7.5)
    if not data.matrix:
        flow.paragraph("Belum ada sesi terjadwal.", flow.style)
    for index, day in enumerate(data.matrix):
        if index:
            flow.new_page()
        flow.paragraph(day.heading, flow.style.derive(bold=True), align="L", after=4.0)
        times = [t for t, _ in day.rows] or ["08.00-09.00"]
        columns = [Column("Waktu", 0.0, "C", fit_width([*times, "Waktu"], table.derive(bold=True), 3.0))]
        columns += [Column(room, 1.0) for room in day.rooms]
        rows: list[Row] = [[t, *cells] for t, cells in day.rows]
        draw_table(flow, columns, rows, table_style(table), after=6.0)
    _footer(flow, data, _small(8.0))
    return Document(flow.spec, flow.story, "of_total", f"Matriks Jadwal - {data.event_name}")


def _build_timetables(data: ScheduleDocData, kind: ScheduleDocKind) -> Document:
    people = data.participants if kind == "peserta" else data.assessors
    flow = Flow(PageSpec("A4", left=20 * mm, right=15 * mm, top=15 * mm, bottom=18 * mm), body_style(11.0))
    _heading(flow, data, kind)
    table = _small(8.5)
    others = "Asesor" if kind == "peserta" else "Peserta"
    days = [e.day for p in people for e in p.entries] or ["Senin, 23 November 2026"]
    columns = [
        Column("Hari/Tanggal", 0.0, "L", fit_width([*days, "Hari/Tanggal"], table, 3.0)),
        Column("Waktu", 0.0, "C", fit_width(["00.00-00.00"], table, 3.0)),
        Column("Latihan", 1.6),
        Column("Ruang", 1.2),
        Column(others, 2.6),
    ]
    rows: list[Row] = []
    for person in people:
        rows.append(GroupRow(person.heading))
        rows.extend([e.day, e.time, e.exercise, e.room, e.others] for e in person.entries)
        if not person.entries:
            rows.append(["-", "-", "Belum terjadwal", "-", "-"])
    if rows:
        draw_table(flow, columns, rows, table_style(table), after=6.0)
    else:
        flow.paragraph("Belum ada sesi terjadwal.", flow.style)
    _footer(flow, data, _small(8.0))
    title = "Jadwal per Peserta" if kind == "peserta" else "Jadwal per Asesor"
    return Document(flow.spec, flow.story, "of_total", f"{title} - {data.event_name}")


def build_relations(data: ScheduleDocData) -> Document:
    flow = Flow(LandscapeSpec(), body_style(11.0))
    _heading(flow, data, "relasi")
    table = _small(7.5)
    numbers = [r.number for r in data.relations] or ["99"]
    columns = [
        Column("No.", 0.0, "C", fit_width([*numbers, "No."], table.derive(bold=True), 3.0)),
        Column("Nama", 1.7),
        Column("NIP", 0.0, "L", fit_width(["19860926 201505 1 001"], table, 3.0)),
        Column("Unit Kerja", 1.5),
        Column("Gel./Kel.", 0.0, "C", fit_width(["Gel./Kel.", "10 / AA"], table.derive(bold=True), 3.0)),
        Column("Asesor Utama", 1.3),
    ]
    columns += [Column(name, 1.1) for name in data.exercises]
    rows: list[Row] = [
        [r.number, r.name, r.nip, r.unit, f"{r.wave} / {r.group or '-'}", r.lead, *r.per_exercise]
        for r in data.relations
    ]
    draw_table(flow, columns, rows, table_style(table), after=6.0)
    _footer(flow, data, _small(8.0))
    return Document(flow.spec, flow.story, "of_total", f"Relasi Asesor - {data.event_name}")


def build_schedule_document(data: ScheduleDocData, kind: ScheduleDocKind) -> Document:
    if kind == "matriks":
        return build_matrix(data)
    if kind in ("peserta", "asesor"):
        return _build_timetables(data, kind)
    if kind == "relasi":
        return build_relations(data)
    raise ValueError(f"Jenis dokumen jadwal '{kind}' tidak dikenal.")


def render_schedule(data: ScheduleDocData, kind: ScheduleDocKind, out: Target) -> int:
    """Write one schedule document; returns the page count."""
    return write_pdf([build_schedule_document(data, kind)], out)
