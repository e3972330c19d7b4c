"""Delivery of results (SOP 002 and 004): the cover letter to the requesting agency with the recap by
category and the list of delivered reports, followed by a tanda terima to be signed on receipt."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ukom_desktop.documents.blocks import (
    draw_addressee,
    draw_copies,
    draw_reference_block,
    new_flow,
    place_date,
)
from ukom_desktop.documents.layout import Flow, Style
from ukom_desktop.documents.model import Letterhead, PaperSize, Signatory
from ukom_desktop.documents.output import Document, Target, write_pdf
from ukom_desktop.documents.participants_table import number_column, table_style
from ukom_desktop.documents.signature import (
    draw_signature,
    draw_signature_row,
)
from ukom_desktop.documents.tables import Cell, Column, Row, draw_table
from ukom_desktop.domain.nip import format_nip
from ukom_desktop.domain.terbilang import number_with_words


@dataclass(frozen=True)
class DeliveredReport:
    name: str
    nip: str
    position: str
    category: str
    report_number: str


@dataclass(frozen=True)
class DeliveryData:
    letterhead: Letterhead
    signatory: Signatory
    number: str
    date: date
    agency: str  # the requesting agency
    event_name: str
    event_dates: str
    request_reference: str  # "Nomor ... tanggal ..." of the request letter, or ""
    categories: tuple[tuple[str, str, int], ...]  # code, name, count
    reports: tuple[DeliveredReport, ...]
    assessed: int
    place: str = ""
    copies: tuple[str, ...] = ()
    paper: PaperSize = "A4"


def build_delivery(data: DeliveryData) -> Document:
    flow = new_flow(data.paper, data.letterhead)
    style = flow.style
    count = len(data.reports)
    draw_reference_block(flow, [("Nomor", data.number), ("Sifat", "Rahasia"),
                                ("Lampiran", f"{count} berkas"),
                                ("Hal", "Penyampaian Hasil Penilaian Kompetensi")],
                         place_date(data.place, data.date))
    draw_addressee(flow, [f"Pimpinan {data.agency}", "di tempat"])
    request = f" menindaklanjuti surat Saudara {data.request_reference}," if data.request_reference else ""
    flow.paragraph(f"Dengan hormat,{request} bersama ini kami sampaikan hasil {data.event_name} yang dilaksanakan "
                   f"pada tanggal {data.event_dates} terhadap {number_with_words(data.assessed)} pegawai "
                   f"{data.agency}, dengan rekapitulasi sebagai berikut:", first_indent=35, after=6.0)
    table = Style(style.font, 10.5, 12.6)
    recap: list[Row] = [[f"{n}.", f"{name} ({code})", str(total)]
                        for n, (code, name, total) in enumerate(data.categories, start=1)]
    recap.append(["", Cell("Jumlah", bold=True), Cell(str(sum(c for _, _, c in data.categories)), bold=True)])
    draw_table(flow, [number_column(table, len(recap)), Column("Kategori", 3.0), Column("Jumlah", 1.0, "R")],
               recap, table_style(table), left=35, width=flow.width * 0.7, after=8.0)
    flow.paragraph(f"Laporan hasil penilaian individu sebanyak {number_with_words(count)} berkas kami sampaikan "
                   "sebagaimana tercantum dalam daftar di bawah ini. Hasil penilaian bersifat rahasia dan hanya "
                   "dipergunakan untuk kepentingan pengembangan karier dan pengisian jabatan.",
                   first_indent=35, after=6.0)
    rows: list[Row] = [[f"{n}.", f"{r.name}\nNIP {format_nip(r.nip)}" if r.nip else r.name, r.position or "-",
                        r.category or "-", r.report_number or "-"] for n, r in enumerate(data.reports, start=1)]
    draw_table(flow, [number_column(table, count), Column("Nama / NIP", 2.4), Column("Jabatan", 2.2),
                      Column("Kategori", 0.8, "C"), Column("Nomor Laporan", 1.6)], rows,
               table_style(table), after=8.0)
    captions: list[str] = []
    flow.keep_with_next(
        lambda: flow.paragraph("Atas perhatian dan kerja sama Saudara, kami ucapkan terima kasih.",
                               first_indent=35),
    )
    draw_signature(flow, data.signatory, captions=captions, keep_with=bool(data.copies))
    draw_copies(flow, data.copies)
    _receipt(flow, data, table)
    return Document(flow.spec, flow.story, "dash_top", f"Penyampaian Hasil {data.number}")


def _receipt(flow: Flow, data: DeliveryData, table: Style) -> None:
    flow.new_page()
    style = flow.style
    flow.centered("TANDA TERIMA", style.derive(bold=True, size=13.0), after=2.0, underline=True)
    flow.centered(f"Penyampaian Hasil Penilaian Kompetensi Nomor {data.number}", style, after=12.0)
    flow.paragraph(f"Telah diterima dari {' '.join(data.letterhead.agency_lines[-1:])} dokumen berikut:",
                   align="L", after=6.0)
    rows: list[Row] = [["1.", f"Surat penyampaian hasil Nomor {data.number}", "1 lembar", ""],
                       ["2.", f"Laporan hasil penilaian kompetensi individu ({len(data.reports)} peserta)",
                        f"{len(data.reports)} berkas", "Rahasia"],
                       ["3.", "Rekapitulasi hasil penilaian kompetensi", "1 berkas", ""]]
    draw_table(flow, [number_column(table, 3), Column("Uraian", 3.0), Column("Jumlah", 1.0, "C"),
                      Column("Keterangan", 1.0)], rows, table_style(table), after=10.0)
    dots = "." * 60
    flow.label_rows([("Hari/tanggal diterima", dots), ("Nama penerima", dots), ("Jabatan", dots),
                     ("Unit kerja", dots)], row_gap=6.0, after=8.0)
    blank = "(.................................................)"
    draw_signature_row(flow, [([], Signatory(blank, "Yang menyerahkan")), ([], Signatory(blank, "Yang menerima"))])


def render_delivery(data: DeliveryData, out: Target) -> int:
    return write_pdf([build_delivery(data)], out)
