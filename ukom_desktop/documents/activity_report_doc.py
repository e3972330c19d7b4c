"""Laporan kegiatan penilaian kompetensi to the requesting agency (SOP 001 step 10, SOP 002 step 10,
SOP 004 steps 8-9): what was done, the figures (invited, present, assessed), the distribution of
categories and of competency gaps by work unit, recommendations for development, and the list of the
individual reports handed over with their numbers.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from reportlab.lib.units import mm

from ukom_desktop.documents.blocks import draw_addressee, new_flow, place_date
from ukom_desktop.documents.layout import Flow, Style, body_style
from ukom_desktop.documents.model import Letterhead, PaperSize, Signatory
from ukom_desktop.documents.output import Document, Target, write_pdf
from ukom_desktop.documents.participants_table import NIP_SAMPLE, number_column, table_style
from ukom_desktop.documents.signature import draw_signature
from ukom_desktop.documents.tables import Cell, Column, Row, draw_table, fit_width
from ukom_desktop.domain.nip import format_nip
from ukom_desktop.domain.official_titles import head_of


@dataclass(frozen=True)
class UnitFigure:
    unit: str
    invited: int
    present: int
    assessed: int
    categories: Mapping[str, int] = field(default_factory=dict)  # category code -> participants


@dataclass(frozen=True)
class UnitGaps:
    unit: str
    assessed: int
    average_gap: Mapping[str, Decimal | None]  # competency code -> mean gap
    below: Mapping[str, int]  # competency code -> participants below standard


@dataclass(frozen=True)
class DeliveredReport:
    number: int | None
    name: str
    nip: str
    unit: str
    report_number: str
    category_code: str
    delivered_on: date | None


@dataclass(frozen=True)
class ActivityReportData:
    event_name: str
    requesting_agency: str
    basis: tuple[str, ...]  # dasar: request letter etc.
    purpose_label: str
    method: str
    dates_text: str
    venue: str
    activities: tuple[str, ...]  # what was done, in order
    invited: int
    present: int
    assessed: int
    approved: int
    delivered_count: int
    units: tuple[UnitFigure, ...]
    categories: tuple[tuple[str, str], ...]  # (code, name), highest first
    competencies: tuple[tuple[str, str], ...]  # (code, name) in print order
    gaps: tuple[UnitGaps, ...]
    overall_gaps: UnitGaps | None
    recommendations: tuple[str, ...]
    unit_recommendations: tuple[tuple[str, tuple[str, ...]], ...]
    delivered: tuple[DeliveredReport, ...]
    letterhead: Letterhead | None = None
    signatory: Signatory | None = None
    place: str = ""
    date: date | None = None
    paper: PaperSize = "A4"


def gap_text(value: Decimal | None) -> str:
    """Mean gap with two decimals and a sign: "+0,25", "-0,67", "0,00"; "-" when unknown."""
    if value is None:
        return "-"
    return f"{Decimal(value):+.2f}".replace(".", ",").replace("+0,00", "0,00")


def _pct(part: int, whole: int) -> str:
    return "-" if whole <= 0 else f"{100 * part / whole:.1f}".replace(".", ",") + "%"


def _heading(flow: Flow, text: str, keep: float = 0.0) -> None:
    style = flow.style.derive(bold=True)
    flow.skip(4.0)
    flow.ensure(style.leading * 3 + keep)
    flow.paragraph(text, style, align="L", after=4.0)


def _subheading(flow: Flow, text: str, keep: float = 60.0) -> None:
    style = flow.style.derive(bold=True)
    flow.ensure(style.leading * 2 + keep)
    flow.paragraph(text, style, align="L", left=4 * mm, after=3.0)


def _small(flow: Flow) -> tuple[Style, Style]:
    table = Style(flow.style.font, 9.0, 10.8)
    return table, table.derive(bold=True)


def _figures(flow: Flow, data: ActivityReportData) -> None:
    flow.label_rows([
        ("Peserta yang diundang", f"{data.invited} orang"),
        ("Peserta yang hadir", f"{data.present} orang ({_pct(data.present, data.invited)})"),
        ("Peserta yang dinilai (hasil ditetapkan)", f"{data.assessed} orang ({_pct(data.assessed, data.invited)})"),
        ("Laporan individu lulus QC", f"{data.approved} laporan"),
        ("Laporan individu diserahkan", f"{data.delivered_count} laporan"),
    ], left=8 * mm, after=6.0)
    table, bold = _small(flow)
    numbers = fit_width(["Diundang", "9999"], bold, 3.0)
    columns = [number_column(table, len(data.units)), Column("Unit Kerja", 3.0),
               Column("Diundang", 0.0, "R", numbers), Column("Hadir", 0.0, "R", numbers),
               Column("Dinilai", 0.0, "R", numbers)]
    rows: list[Row] = [[f"{i}.", u.unit, str(u.invited), str(u.present), str(u.assessed)]
                       for i, u in enumerate(data.units, start=1)]
    rows.append([Cell(""), Cell("Jumlah", bold=True), Cell(str(data.invited), bold=True),
                 Cell(str(data.present), bold=True), Cell(str(data.assessed), bold=True)])
    draw_table(flow, columns, rows, table_style(table), after=8.0)


def _categories(flow: Flow, data: ActivityReportData) -> None:
    table, bold = _small(flow)
    codes = [code for code, _ in data.categories]
    count_w = fit_width(["Jumlah", "999"], bold, 3.0)
    columns = [number_column(table, len(data.units)), Column("Unit Kerja", 3.0),
               *[Column(code, 0.0, "R", count_w) for code in codes], Column("Jumlah", 0.0, "R", count_w)]
    rows: list[Row] = []
    totals = {code: 0 for code in codes}
    for i, u in enumerate(data.units, start=1):
        rows.append([f"{i}.", u.unit, *[str(u.categories.get(c, 0)) for c in codes], str(u.assessed)])
        for c in codes:
            totals[c] += u.categories.get(c, 0)
    rows.append([Cell(""), Cell("Jumlah", bold=True), *[Cell(str(totals[c]), bold=True) for c in codes],
                 Cell(str(data.assessed), bold=True)])
    rows.append([Cell(""), Cell("Persentase", bold=True),
                 *[Cell(_pct(totals[c], data.assessed), bold=True) for c in codes], Cell("")])
    draw_table(flow, columns, rows, table_style(table), after=4.0)
    legend = "; ".join(f"{code} = {name}" for code, name in data.categories)
    flow.paragraph(f"Keterangan: {legend}.", table, align="L", after=8.0)


def _gaps(flow: Flow, data: ActivityReportData) -> None:
    table, bold = _small(flow)
    codes = [code for code, _ in data.competencies]
    gap_w = fit_width([*codes, "-0,67"], bold, 3.5)
    columns = [Column("Unit Kerja", 1.0, "L", 28 * mm), Column("n", 0.0, "R", fit_width(["999"], bold, 2.0)),
               *[Column(code, 0.0, "R", gap_w) for code in codes]]
    units = [*data.gaps, *([data.overall_gaps] if data.overall_gaps else [])]
    rows: list[Row] = []
    for g in units:
        total = g is data.overall_gaps
        cells = [gap_text(g.average_gap.get(c)) for c in codes]
        if total:
            rows.append([Cell("Seluruh peserta", bold=True), Cell(str(g.assessed), bold=True),
                         *[Cell(c, bold=True) for c in cells]])
        else:
            rows.append([g.unit, str(g.assessed), *cells])
    style = table_style(table)
    draw_table(flow, columns, rows, style, after=4.0)
    legend = "; ".join(f"{code} = {name}" for code, name in data.competencies)
    flow.paragraph(f"Angka adalah rata-rata gap (level akhir - level standar); negatif berarti di bawah standar. "
                   f"{legend}.", table, align="J", after=6.0)
    if data.overall_gaps is not None and data.assessed:
        below = [(code, name, data.overall_gaps.below.get(code, 0)) for code, name in data.competencies]
        columns = [number_column(table, len(below)), Column("Kompetensi", 3.0),
                   Column("Peserta di bawah standar", 0.0, "R", fit_width(["di bawah standar"], bold, 3.0)),
                   Column("Persentase", 0.0, "R", fit_width(["Persentase"], bold, 3.0))]
        rows = [[f"{i}.", f"{name} ({code})", str(n), _pct(n, data.assessed)]
                for i, (code, name, n) in enumerate(below, start=1)]
        draw_table(flow, columns, rows, style, after=8.0)


def _delivered(flow: Flow, data: ActivityReportData, tail: float) -> None:
    table, bold = _small(flow)
    if not data.delivered:
        flow.paragraph("Belum ada laporan individu yang diserahkan.", left=8 * mm, after=6.0)
        return
    columns = [number_column(table, len(data.delivered)),
               Column("Nama / NIP", 2.4, "L", fit_width([NIP_SAMPLE], table, 3.0) + 6),
               Column("Unit Kerja", 2.0), Column("Nomor Laporan", 1.6, "L", fit_width(["99/LHPK/XII/2026"], table, 3.0)),
               Column("Kat.", 0.0, "C", fit_width(["Kat."], bold, 3.0)),
               Column("Diserahkan", 0.0, "C", fit_width(["Diserahkan"], bold, 3.5))]
    rows: list[Row] = [
        [f"{i}.", f"{d.name}\nNIP {format_nip(d.nip)}" if d.nip else d.name, d.unit or "-", d.report_number or "-",
         d.category_code or "-", d.delivered_on.strftime("%d-%m-%Y") if d.delivered_on else "-"]
        for i, d in enumerate(data.delivered, start=1)
    ]
    draw_table(flow, columns, rows, table_style(table), after=8.0, tail=tail)


def build_activity_report(data: ActivityReportData) -> Document:
    flow = new_flow(data.paper, data.letterhead, body_style(11.0))
    style = flow.style
    flow.centered("LAPORAN KEGIATAN", style.derive(bold=True, size=13.0), after=0.0)
    flow.centered("PENILAIAN KOMPETENSI", style.derive(bold=True, size=13.0), after=2.0)
    flow.centered(data.event_name, style.derive(bold=True), after=12.0)
    if data.requesting_agency:  # "Kepada" on its own line, then "Yth." with the office and the place line
        flow.paragraph("Kepada", align="L", after=0.0)
        draw_addressee(flow, [head_of(data.requesting_agency), "di Tempat"], after=8.0)

    _heading(flow, "I. PENDAHULUAN")
    rows = [("Dasar", "; ".join(data.basis) or "-"), ("Tujuan penilaian", data.purpose_label or "-"),
            ("Metode", data.method or "-"), ("Waktu pelaksanaan", data.dates_text or "-"),
            ("Tempat", data.venue or "-")]
    flow.label_rows(rows, left=4 * mm, after=4.0)

    _heading(flow, "II. PELAKSANAAN KEGIATAN")
    flow.numbered(list(data.activities), left=4 * mm, after_item=2.0, after=4.0)

    _heading(flow, "III. HASIL PENILAIAN")
    _subheading(flow, "A. Jumlah Peserta")
    _figures(flow, data)
    _subheading(flow, "B. Sebaran Kategori Hasil per Unit Kerja")
    _categories(flow, data)
    _subheading(flow, "C. Gap Kompetensi per Unit Kerja", keep=90.0)
    _gaps(flow, data)

    _heading(flow, "IV. REKOMENDASI PENGEMBANGAN")
    flow.numbered(list(data.recommendations) or ["Tidak ada kompetensi yang berada di bawah standar."],
                  left=4 * mm, after_item=3.0, after=4.0)
    for unit, items in data.unit_recommendations:
        flow.ensure(style.leading * 3)
        flow.paragraph(f"{unit}:", style.derive(bold=True), left=4 * mm, align="L", after=2.0)
        flow.numbered(list(items), left=10 * mm, after_item=2.0, after=4.0,
                      labels=[chr(ord("a") + i) + "." for i in range(len(items))])

    _heading(flow, "V. LAPORAN INDIVIDU YANG DISERAHKAN")
    _delivered(flow, data, 0.0)

    _heading(flow, "VI. PENUTUP")
    closing = ("Demikian laporan kegiatan penilaian kompetensi ini disampaikan sebagai bahan pertimbangan dalam "
               "pengembangan kompetensi dan manajemen talenta pegawai. Laporan individu bersifat rahasia dan "
               "hanya digunakan untuk kepentingan kepegawaian.")
    captions = [place_date(data.place, data.date)] if data.date else []
    if data.signatory is not None:
        flow.keep_with_next(lambda: flow.paragraph(closing, first_indent=12.5 * mm, after=2.0))
        draw_signature(flow, data.signatory, captions=captions)
    else:
        flow.paragraph(closing, first_indent=12.5 * mm, after=2.0)
    return Document(flow.spec, flow.story, "of_total", f"Laporan Kegiatan - {data.event_name}")


def render_activity_report(data: ActivityReportData, out: Target) -> int:
    """Write the PDF; returns the page count."""
    return write_pdf([build_activity_report(data)], out)
