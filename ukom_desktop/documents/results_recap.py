"""Rekapitulasi hasil penilaian kompetensi: a PDF summary by unit (participants grouped under their
unit kerja with JPM, category, potential and box), then a count of categories per unit."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from ukom_desktop.documents.blocks import new_flow, place_date
from ukom_desktop.documents.layout import Style
from ukom_desktop.documents.model import Letterhead, PaperSize, Signatory
from ukom_desktop.documents.output import Document
from ukom_desktop.documents.participants_table import NIP_SAMPLE, number_column, table_style
from ukom_desktop.documents.psychogram import fmt_percent
from ukom_desktop.documents.signature import draw_signature
from ukom_desktop.documents.tables import Cell, Column, Row, draw_table, fit_width
from ukom_desktop.domain.nip import format_nip


@dataclass(frozen=True)
class RecapRow:
    unit: str
    number: int | None
    name: str
    nip: str
    position: str
    jpm: Decimal | None
    category_code: str
    potential: str
    nine_box: int | None


@dataclass(frozen=True)
class RecapData:
    event_name: str
    purpose_label: str
    dates_text: str
    categories: tuple[tuple[str, str], ...]  # (code, name), highest first
    rows: tuple[RecapRow, ...]
    letterhead: Letterhead | None = None
    signatory: Signatory | None = None
    place: str = ""
    date: date | None = None
    paper: PaperSize = "A4"


def build_results_recap(data: RecapData) -> Document:
    flow = new_flow(data.paper, data.letterhead)
    style = flow.style
    flow.centered("REKAPITULASI HASIL PENILAIAN KOMPETENSI", style.derive(bold=True, size=13.0), after=2.0)
    flow.centered(data.event_name, style.derive(bold=True), after=2.0)
    subtitle = ", ".join(t for t in (data.purpose_label, data.dates_text) if t)
    if subtitle:
        flow.centered(subtitle, style, after=12.0)
    table = Style(style.font, 9.5, 11.4)
    bold = table.derive(bold=True)
    columns = [
        number_column(table, len(data.rows)),
        Column("Nama / NIP", 2.6, min_width=fit_width([NIP_SAMPLE], table, 3.0)),
        Column("Jabatan Sasaran", 2.2),
        Column("JPM", 0.0, "R", fit_width(["100,00%"], bold, 3.0)),
        Column("Kategori", 0.0, "C", fit_width(["Kategori"], bold, 3.0)),
        Column("Potensi", 0.0, "C", fit_width(["Menengah"], table, 3.0)),
        Column("Kotak", 0.0, "C", fit_width(["Kotak"], bold, 3.0)),
    ]
    by_unit: dict[str, list[RecapRow]] = defaultdict(list)
    for row in data.rows:
        by_unit[row.unit or "(Unit kerja belum diisi)"].append(row)
    index = 0
    heading = table.derive(bold=True, size=10.5)
    for unit in sorted(by_unit):
        rows: list[Row] = []
        for r in by_unit[unit]:
            index += 1
            rows.append([
                f"{index}.", f"{r.name}\nNIP {format_nip(r.nip)}" if r.nip else r.name, r.position,
                fmt_percent(r.jpm), Cell(r.category_code or "-", bold=True), r.potential or "-",
                str(r.nine_box) if r.nine_box else "-",
            ])
        flow.ensure(heading.leading + 5 * table.leading + 12)
        flow.paragraph(f"{unit} ({len(by_unit[unit])} orang)", heading, align="L", after=3.0)
        draw_table(flow, columns, rows, table_style(table), after=10.0)
    codes = [code for code, _ in data.categories]
    flow.ensure(min(200.0, 2 * style.leading + (len(by_unit) + 2) * (table.leading + 6)))
    flow.paragraph("Jumlah peserta per kategori dan unit kerja:", style.derive(bold=True), align="L", after=4.0)
    count_w = fit_width(["Belum", "999"], bold, 3.0)
    summary_cols = [
        number_column(table, len(by_unit)), Column("Unit Kerja", 3.0),
        *[Column(code, 0.0, "R", count_w) for code in codes],
        Column("Belum", 0.0, "R", count_w), Column("Jumlah", 0.0, "R", fit_width(["Jumlah"], bold, 3.0)),
    ]
    summary: list[Row] = []
    totals: Counter[str] = Counter()
    for n, unit in enumerate(sorted(by_unit), start=1):
        counts = Counter(r.category_code or "" for r in by_unit[unit])
        totals.update(counts)
        summary.append([f"{n}.", unit, *[str(counts.get(c, 0)) for c in codes], str(counts.get("", 0)),
                        str(len(by_unit[unit]))])
    summary.append([Cell(""), Cell("Jumlah", bold=True), *[Cell(str(totals.get(c, 0)), bold=True) for c in codes],
                    Cell(str(totals.get("", 0)), bold=True), Cell(str(len(data.rows)), bold=True)])
    draw_table(flow, summary_cols, summary, table_style(table), after=6.0)
    legend = "; ".join(f"{code} = {name}" for code, name in data.categories)
    captions = [place_date(data.place, data.date)] if data.date else []

    def draw_legend() -> None:
        flow.paragraph(f"Keterangan: {legend}; Belum = hasil rapat integrasi belum ditetapkan.", table, align="L")

    if data.signatory is not None:
        flow.keep_with_next(draw_legend)
        draw_signature(flow, data.signatory, captions=captions)
    else:
        draw_legend()
    return Document(flow.spec, flow.story, "of_total", f"Rekapitulasi Hasil - {data.event_name}")


