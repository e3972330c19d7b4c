"""Umpan balik hasil penilaian kompetensi (SOP 001 step 9): a feedback sheet per participant, and a pack
per work unit (a summary page of the unit, then the sheet of each of its participants).

A sheet: identity, the competency profile (the psychogram table of the report), JPM and category,
strengths, development areas and development suggestions as written in the approved report, and the
signature of the assessor who gives the feedback.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from reportlab.lib.units import mm

from ukom_desktop.documents.blocks import new_flow, place_date
from ukom_desktop.documents.individual_report import draw_narrative
from ukom_desktop.documents.layout import Flow, Style, body_style
from ukom_desktop.documents.model import Letterhead, PaperSize, Signatory
from ukom_desktop.documents.output import Document, WatermarkFrom
from ukom_desktop.documents.participants_table import NIP_SAMPLE, number_column, table_style
from ukom_desktop.documents.psychogram import PsychogramRow, draw_legend, draw_profile, fmt_percent
from ukom_desktop.documents.signature import draw_signature
from ukom_desktop.documents.tables import Cell, Column, Row, draw_table, fit_width
from ukom_desktop.domain.nip import format_nip


@dataclass(frozen=True)
class FeedbackSheet:
    name: str
    nip: str
    number: int | None
    jabatan: str
    unit: str
    position: str
    purpose_label: str
    profile: tuple[PsychogramRow, ...]
    jpm: Decimal | None
    category_code: str
    category_name: str
    potential_category: str
    strengths_text: str
    development_text: str
    suggestions_text: str
    report_number: str = ""
    assessor: Signatory | None = None
    draft: bool = False  # from a report not yet approved by QC: its pages are marked DRAF


@dataclass(frozen=True)
class FeedbackPack:
    event_name: str
    dates_text: str
    sheets: tuple[FeedbackSheet, ...]
    unit: str = ""  # set for a pack per unit: a summary page comes first
    unit_priorities: tuple[str, ...] = ()  # development priorities of the unit (sentences)
    letterhead: Letterhead | None = None
    place: str = ""
    date: date | None = None
    paper: PaperSize = "A4"


def _title(flow: Flow, pack: FeedbackPack, first: str) -> None:
    style = flow.style
    flow.centered(first, style.derive(bold=True, size=13.0), after=2.0)
    flow.centered(pack.event_name, style.derive(bold=True), after=2.0)
    if pack.dates_text:
        flow.centered(pack.dates_text, style, after=10.0)
    else:
        flow.skip(8.0)


def _heading(flow: Flow, text: str, keep: float = 0.0) -> None:
    style = flow.style.derive(bold=True)
    flow.skip(3.0)
    flow.ensure(style.leading * 3 + keep)
    flow.paragraph(text, style, align="L", after=3.0)


def _draw_sheet(flow: Flow, pack: FeedbackPack, sheet: FeedbackSheet) -> None:
    _title(flow, pack, "UMPAN BALIK HASIL PENILAIAN KOMPETENSI")
    rows = [
        ("Nama", sheet.name),
        ("NIP", format_nip(sheet.nip) if sheet.nip else "-"),
        ("Jabatan saat ini", sheet.jabatan or "-"),
        ("Unit kerja", sheet.unit or "-"),
        ("Tujuan / jabatan sasaran", " / ".join(t for t in (sheet.purpose_label, sheet.position) if t) or "-"),
    ]
    if sheet.draft:
        rows.append(("Status laporan", "DRAF - belum disetujui QC, bukan umpan balik final"))
    elif sheet.report_number:
        rows.append(("Nomor laporan", sheet.report_number))
    flow.label_rows(rows, left=4 * mm, after=4.0)
    _heading(flow, "A. Profil Kompetensi", keep=80.0)
    draw_profile(flow, sheet.profile)
    draw_legend(flow)
    category = f"{sheet.category_name} ({sheet.category_code})" if sheet.category_code else "-"
    summary = [("Persentase JPM", fmt_percent(sheet.jpm)), ("Kategori", category)]
    if sheet.potential_category:
        summary.append(("Kategori potensial", sheet.potential_category))
    flow.label_rows(summary, left=4 * mm, after=4.0)
    _heading(flow, "B. Kekuatan")
    draw_narrative(flow, sheet.strengths_text, left=4 * mm)
    _heading(flow, "C. Area Pengembangan")
    draw_narrative(flow, sheet.development_text, left=4 * mm)
    _heading(flow, "D. Saran Pengembangan")
    closing = ("Umpan balik ini disampaikan untuk membantu Saudara menyusun rencana pengembangan diri bersama "
               "atasan langsung. Hasil lengkap tercantum dalam laporan individu.")
    captions = [place_date(pack.place, pack.date)] if pack.date else []

    draw_narrative(flow, sheet.suggestions_text, left=4 * mm)
    if sheet.assessor is not None and not sheet.draft:  # the closing stays on the page of the signature
        assessor = Signatory(sheet.assessor.name, "Asesor Pemberi Umpan Balik", nip=sheet.assessor.nip,
                             golongan=sheet.assessor.golongan)
        flow.keep_with_next(lambda: flow.paragraph(closing, after=2.0))
        draw_signature(flow, assessor, captions=captions)
    else:
        flow.paragraph(closing, after=2.0)


def _draw_unit_summary(flow: Flow, pack: FeedbackPack) -> None:
    _title(flow, pack, "UMPAN BALIK HASIL PENILAIAN KOMPETENSI UNIT KERJA")
    flow.label_rows([("Unit kerja", pack.unit or "-"), ("Jumlah peserta", f"{len(pack.sheets)} orang")],
                    after=8.0)
    table = Style(flow.style.font, 9.5, 11.4)
    bold = table.derive(bold=True)
    columns = [
        number_column(table, len(pack.sheets)),
        Column("Nama / NIP", 2.4, "L", fit_width([NIP_SAMPLE], table, 3.0) + 10),
        Column("JPM", 0.0, "R", fit_width(["100,00%"], bold, 3.0)),
        Column("Kategori", 0.0, "C", fit_width(["Kategori"], bold, 3.0)),
        Column("Kompetensi di bawah standar", 2.6),
    ]
    rows: list[Row] = []
    for i, sheet in enumerate(pack.sheets, start=1):
        below = [r.name for r in sheet.profile if r.gap is not None and r.gap < 0]
        rows.append([
            f"{i}.", f"{sheet.name}\nNIP {format_nip(sheet.nip)}" if sheet.nip else sheet.name,
            fmt_percent(sheet.jpm), Cell(sheet.category_code or "-", bold=True), ", ".join(below) or "-",
        ])
    draw_table(flow, columns, rows, table_style(table), after=10.0)
    if pack.unit_priorities:
        _heading(flow, "Prioritas pengembangan unit kerja")
        flow.numbered(list(pack.unit_priorities), after=6.0)


def build_feedback(pack: FeedbackPack) -> Document:
    """The sheets one after another (after the unit summary of a pack per unit); the pages of a sheet
    from a report not yet approved carry the DRAF watermark, and so does the unit summary then."""
    flow = new_flow(pack.paper, pack.letterhead, body_style(11.0))
    any_draft = any(sheet.draft for sheet in pack.sheets)
    first = True
    if pack.unit:
        if any_draft:
            flow.add(WatermarkFrom(True))  # the unit summary counts the drafts too
        _draw_unit_summary(flow, pack)
        flow.add(WatermarkFrom(False))
        first = False
    for sheet in pack.sheets:
        if not first:
            flow.new_page()
        if sheet.draft:
            flow.add(WatermarkFrom(True))
        _draw_sheet(flow, pack, sheet)
        if sheet.draft:
            flow.add(WatermarkFrom(False))
        first = False
    title = f"Umpan Balik - {pack.unit}" if pack.unit else "Umpan Balik Hasil Penilaian Kompetensi"
    return Document(flow.spec, flow.story, "of_total", title, watermark="DRAF" if any_draft else "",
                    watermark_from_start=False)
