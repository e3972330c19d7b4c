"""SPJ (accountability) documents of an event's budget: the daftar nominatif honorarium (landscape,
alternating signature column, totals with terbilang), one kuitansi per payment, the daftar hadir
konsumsi and the rekap realisasi anggaran."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from reportlab.lib.units import mm

from ukom_desktop.documents.blocks import place_date
from ukom_desktop.documents.layout import Flow, PageSpec, Style, body_style, para
from ukom_desktop.documents.model import Letterhead, PaperSize, Person, Signatory
from ukom_desktop.documents.output import Document, Target, write_pdf
from ukom_desktop.documents.participants_table import number_column, table_style
from ukom_desktop.documents.signature import draw_signature_row, signature_row_height
from ukom_desktop.documents.tables import Cell, Column, Row, TableStyle, draw_table, fit_width
from ukom_desktop.domain.budget import Budget, Honorarium, thousands
from ukom_desktop.domain.nip import format_nip
from ukom_desktop.domain.terbilang import terbilang

BLANK_NAME = "(.................................................)"

Day = date  # the type, for dataclass fields named `date`


def amount_words(amount: int) -> str:
    words = terbilang(amount)
    return f"{words[:1].upper()}{words[1:]} rupiah"


@dataclass(frozen=True)
class SpjData:
    """What every SPJ document of one event shares."""

    letterhead: Letterhead | None
    agency: str
    event_name: str
    event_dates: str
    year: int
    budget: Budget
    ppk: Signatory  # Pejabat Pembuat Komitmen
    treasurer: Signatory  # Bendahara Pengeluaran
    place: str = ""
    date: Day | None = None  # the field shadows the type's name inside the class
    paper: PaperSize = "A4"
    realised: bool = False  # honoraria as realised instead of planned
    people: tuple[Person, ...] = ()  # daftar hadir konsumsi
    days: tuple[Day, ...] = ()

    @property
    def honoraria(self) -> tuple[Honorarium, ...]:
        return self.budget.realised_honoraria if self.realised else self.budget.honoraria


def _flow(data: SpjData, landscape: bool) -> Flow:
    spec = PageSpec(data.paper, left=20 * mm, right=15 * mm, top=15 * mm, bottom=15 * mm, landscape=landscape)
    return Flow(spec, body_style(11.0), kop=data.letterhead)


def _heading(flow: Flow, title: str, data: SpjData, extra: str = "") -> None:
    style = flow.style
    flow.centered(title, style.derive(bold=True, size=12.5), after=2.0)
    flow.centered(data.event_name, style.derive(bold=True), after=2.0)
    line = ", ".join(t for t in (data.event_dates, f"Tahun Anggaran {data.year}", extra) if t)
    flow.centered(line, style, after=10.0)


def _signers(data: SpjData, first: str = "Mengetahui/Menyetujui,") -> list[tuple[list[str], Signatory]]:
    dated = place_date(data.place, data.date) if data.date else ""
    return [([first], data.ppk), ([dated], data.treasurer)]


def _table_words_signatures(flow: Flow, columns: list[Column], rows: list[Row], style: TableStyle, words: str,
                            words_style: Style, signers: list[tuple[list[str], Signatory]]) -> None:
    """A table of amounts, its total in words and the signatures: the total row, the words and the
    signatures are never parted by a page break."""
    line = para(words, words_style)
    tail = line.wrap(flow.width, 1e6)[1] + signature_row_height(flow, signers)
    draw_table(flow, columns, rows, style, after=6.0, tail=tail)
    line.keepWithNext = True
    flow.add(line)
    draw_signature_row(flow, signers)


def build_honoraria_list(data: SpjData) -> Document:
    flow = _flow(data, landscape=True)
    _heading(flow, "DAFTAR NOMINATIF PEMBAYARAN HONORARIUM", data,
             f"MAK {data.budget.mak}.521213" if data.budget.mak else "")
    table = Style(flow.style.font, 9.0, 10.8)
    bold = table.derive(bold=True)
    money = fit_width(["99.999.999"], bold, 3.0)
    items = data.honoraria
    columns = [
        number_column(table, len(items)),
        Column("Nama / NIP", 2.4), Column("Gol.", 0.0, "C", fit_width(["III/d"], bold, 3.0)),
        Column("Uraian", 2.0), Column("Volume", 0.0, "C", fit_width(["Volume"], bold, 3.0)),
        Column("Tarif (Rp)", 0.0, "R", money), Column("Bruto (Rp)", 0.0, "R", money),
        Column("PPh 21", 0.0, "R", fit_width(["PPh 21"], bold, 3.0)),
        Column("PPh (Rp)", 0.0, "R", money), Column("Diterima (Rp)", 0.0, "R", money),
        Column("Tanda Tangan", 1.6),
    ]
    rows: list[Row] = []
    for n, h in enumerate(items, start=1):
        who = f"{h.name}\nNIP {format_nip(h.nip)}" if h.nip else h.name
        sign = Cell(f"{n}. ..............", "L") if n % 2 else Cell(f"{n}. ..............", "L", indent=0.45)
        rows.append([f"{n}.", who, h.golongan or "-", h.description, f"{h.volume} {h.unit}", thousands(h.rate),
                     thousands(h.gross), f"{h.tax_percent.normalize():f}%", thousands(h.tax), thousands(h.net), sign])
    gross, tax, net = sum(h.gross for h in items), sum(h.tax for h in items), sum(h.net for h in items)
    rows.append([Cell(""), Cell("JUMLAH", bold=True), "", "", "", "", Cell(thousands(gross), bold=True), "",
                 Cell(thousands(tax), bold=True), Cell(thousands(net), bold=True), ""])
    _table_words_signatures(flow, columns, rows, table_style(table),
                            f"Terbilang (jumlah diterima): {amount_words(net)}.", table.derive(bold=True),
                            _signers(data))
    return Document(flow.spec, flow.story, "of_total", f"Daftar Nominatif Honorarium - {data.event_name}")


def receipts_by_person(items: tuple[Honorarium, ...]) -> list[tuple[Honorarium, ...]]:
    """The honoraria of each person together (a ketua is paid as ketua and as asesor: one kuitansi)."""
    grouped: dict[tuple[str, str], list[Honorarium]] = {}
    for item in items:
        grouped.setdefault((item.name, item.nip), []).append(item)
    return [tuple(group) for group in grouped.values()]


def build_receipt(data: SpjData, items: tuple[Honorarium, ...]) -> Document:
    """One kuitansi for one person: every honorarium of theirs, gross in figures and words, PPh, net."""
    first = items[0]
    gross, tax, net = sum(i.gross for i in items), sum(i.tax for i in items), sum(i.net for i in items)
    flow = _flow(data, landscape=False)
    style = flow.style
    flow.centered("KUITANSI / BUKTI PEMBAYARAN", style.derive(bold=True, size=13.0), after=4.0, underline=True)
    accounts = sorted({i.account for i in items})
    flow.label_rows([("Tahun Anggaran", str(data.year)), ("Nomor Bukti", ".................."),
                     ("Mata Anggaran", ", ".join(f"{data.budget.mak}.{a}" if data.budget.mak else a
                                                 for a in accounts))], after=10.0)
    payer = f"Kuasa Pengguna Anggaran {data.agency}".strip()
    purpose = "; ".join(f"{i.description} {i.volume} {i.unit} x Rp{thousands(i.rate)}" for i in items)
    flow.label_rows([
        ("Sudah terima dari", payer),
        ("Uang sebesar", f"Rp{thousands(gross)}"),
        ("Terbilang", amount_words(gross)),
        ("Untuk pembayaran", f"{purpose} pada kegiatan {data.event_name} ({data.event_dates})"),
    ], after=8.0)
    flow.label_rows([
        ("Jumlah bruto", f"Rp{thousands(gross)}"),
        (f"PPh pasal 21 ({first.tax_percent.normalize():f}%)", f"Rp{thousands(tax)}"),
        ("Jumlah diterima", f"Rp{thousands(net)}"),
    ], left=8.0, after=6.0)
    dated = [place_date(data.place, data.date)] if data.date else [""]
    receiver = Signatory(first.name, "Yang menerima", first.nip, first.golongan)
    draw_signature_row(flow, [(["Setuju dibayar,"], data.ppk), (["Lunas dibayar,"], data.treasurer),
                              (dated, receiver)], before=18.0)
    return Document(flow.spec, flow.story, "none", f"Kuitansi {first.name}")


def build_consumption_attendance(data: SpjData) -> Document:
    """Daftar hadir konsumsi: one row per person, one signature column per day."""
    flow = _flow(data, landscape=True)
    _heading(flow, "DAFTAR HADIR PENERIMA KONSUMSI", data)
    table = Style(flow.style.font, 9.5, 11.4)
    days = data.days or ((data.date,) if data.date else ())
    columns = [number_column(table, len(data.people)),
               Column("Nama / NIP", 2.6), Column("Jabatan / Unit Kerja", 2.4),
               *[Column(f"{d.day:02d}-{d.month:02d}-{d.year}", 1.0, "L") for d in days]]
    rows: list[Row] = []
    for n, p in enumerate(data.people, start=1):
        who = f"{p.name}\nNIP {format_nip(p.nip)}" if p.nip else p.name
        rows.append([f"{n}.", who, p.jabatan or p.unit_kerja or "-", *["" for _ in days]])
    style = table_style(table)
    signers = _signers(data)
    draw_table(flow, columns, rows, replace(style, min_row_height=26.0), after=6.0,
               tail=signature_row_height(flow, signers))
    draw_signature_row(flow, signers)
    return Document(flow.spec, flow.story, "of_total", f"Daftar Hadir Konsumsi - {data.event_name}")


def build_realisation(data: SpjData) -> Document:
    """Rekap realisasi anggaran: plan, realisation and remainder per account and line."""
    flow = _flow(data, landscape=False)
    _heading(flow, "REKAPITULASI REALISASI ANGGARAN", data)
    table = Style(flow.style.font, 9.5, 11.4)
    bold = table.derive(bold=True)
    money = fit_width(["999.999.999"], bold, 3.0)
    columns = [Column("Kode", 0.0, "L", fit_width([f"{data.budget.mak}.521213"], table, 3.0)), Column("Uraian", 2.5),
               Column("Pagu (Rp)", 0.0, "R", money), Column("Realisasi (Rp)", 0.0, "R", money),
               Column("Sisa (Rp)", 0.0, "R", money), Column("%", 0.0, "R", fit_width(["100,0%"], bold, 3.0))]
    rows: list[Row] = []

    def percent(done: int, plan: int) -> str:
        return f"{done * 100 / plan:.1f}%".replace(".", ",") if plan else "-"

    for group in data.budget.groups:
        rows.append([Cell(f"{data.budget.mak}.{group.account}" if data.budget.mak else group.account, bold=True),
                     Cell(group.name, bold=True), Cell(thousands(group.amount), bold=True),
                     Cell(thousands(group.realised), bold=True), Cell(thousands(group.amount - group.realised), bold=True),
                     Cell(percent(group.realised, group.amount), bold=True)])
        for line in group.lines:
            rows.append(["", Cell(f"{line.description} ({line.volume} {line.unit} x {thousands(line.rate)})",
                                  indent=0.05), thousands(line.amount), thousands(line.realised),
                         thousands(line.amount - line.realised), percent(line.realised, line.amount)])
    b = data.budget
    rows.append(["", Cell("JUMLAH", bold=True), Cell(thousands(b.amount), bold=True),
                 Cell(thousands(b.realised), bold=True), Cell(thousands(b.amount - b.realised), bold=True),
                 Cell(percent(b.realised, b.amount), bold=True)])
    _table_words_signatures(flow, columns, rows, table_style(table),
                            f"Terbilang (realisasi): {amount_words(b.realised)}.", bold, _signers(data))
    return Document(flow.spec, flow.story, "of_total", f"Rekap Realisasi - {data.event_name}")


def render_spj(documents: list[Document], out: Target) -> int:
    return write_pdf(documents, out)
