"""Laporan individu hasil penilaian kompetensi: every item of domain.md 4.6, in order.

I. Identitas (items 1-8), II. Potensi (9 psychogram of the aspects, 10 description), III. Profil
kompetensi (11 profile table, 12 strengths and development areas), IV. Job Person Match (13-17),
V. Saran (18 placement, mapping only; 19 development), VI. Penutup (20 provider, 21 responsible
assessor and 22 head of the provider, with signature blocks side by side).

Narratives are plain text with a light markup: a blank line separates paragraphs, a line starting
with "-", "*" or "•" is a bullet, "1." a numbered point.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from reportlab.lib.units import mm

from ukom_desktop.documents.blocks import new_flow, place_date
from ukom_desktop.documents.layout import Flow, body_style, para, text_width
from ukom_desktop.documents.model import Letterhead, PaperSize, Signatory
from ukom_desktop.documents.output import Cancelled, Document, Progress, Target, write_pdf
from ukom_desktop.documents.profile_chart import LevelMark, level_chart
from ukom_desktop.documents.psychogram import (
    PsychogramRow,
    draw_legend,
    draw_profile,
    fmt,
    fmt_percent,
    table_styles,
)
from ukom_desktop.documents.signature import draw_signature_row
from ukom_desktop.domain.dates import format_date_id
from ukom_desktop.domain.nip import format_nip

NOT_FOR_PENGISIAN = "Tidak diperlukan untuk penilaian dengan tujuan pengisian jabatan."

Day = date  # the type, for dataclass fields named `date`


@dataclass(frozen=True)
class IndividualReportData:
    provider_name: str  # items 2 and 20
    purpose_label: str  # item 1
    position: str  # item 1
    dates_text: str  # item 3
    number: int | None  # item 4
    name: str  # items 5 and 13
    nip: str  # item 6
    jabatan: str  # item 7
    unit: str  # item 8
    potential_rows: tuple[tuple[str, Decimal], ...]  # item 9: aspect name, score
    potential_scale: tuple[int, int]
    potential_summary: str
    potential_text: str  # item 10
    profile: tuple[PsychogramRow, ...]  # item 11
    strengths_text: str  # item 12
    development_text: str  # item 12
    total_final: Decimal | None  # item 14
    total_standard: Decimal | None  # item 15
    jpm: Decimal | None  # item 16
    category_code: str  # item 17
    category_name: str
    category_range: str
    is_mapping: bool
    placement_text: str  # item 18
    development_suggestions: str  # item 19
    assessor: Signatory | None  # item 21
    head: Signatory | None  # item 22
    place: str = ""
    date: Day | None = None  # the field shadows the type's name inside the class
    valid_until: Day | None = None
    report_number: str = ""
    letterhead: Letterhead | None = None
    paper: PaperSize = "A4"
    max_level: int = 5
    draft: bool = False  # not approved by QC: a preview marked DRAF, without number or signatures
    status_label: str = ""


_BULLET = re.compile(r"^\s*(?:[-*•])\s+")
_NUMBER = re.compile(r"^\s*(\d{1,2})[.)]\s+")


def draw_narrative(flow: Flow, text: str, *, left: float = 0.0, after: float = 6.0) -> None:
    """Paragraphs and bullets of a narrative section; "-" when it is empty."""
    blocks = [b for b in re.split(r"\n\s*\n", (text or "").strip()) if b.strip()]
    if not blocks:
        flow.paragraph("-", left=left, after=after)
        return
    for block in blocks:
        paragraph: list[str] = []
        for line in block.splitlines():
            if not line.strip():
                continue
            marker = _BULLET.match(line) or _NUMBER.match(line)
            if marker is None:
                paragraph.append(line.strip())
                continue
            _flush(flow, paragraph, left)
            label = "•" if marker.re is _BULLET else f"{marker.group(1)}."
            flow.paragraph(line[marker.end():].strip(), left=left, label=label, label_width=6 * mm, after=2.0)
        _flush(flow, paragraph, left)
        flow.skip(2.0)
    flow.skip(after - 2.0)


def _flush(flow: Flow, paragraph: list[str], left: float) -> None:
    if paragraph:
        flow.paragraph(" ".join(paragraph), left=left, after=3.0)
        paragraph.clear()


def draw_scale_chart(flow: Flow, rows: Sequence[tuple[str, Decimal]], low: int, high: int) -> None:
    """No, Aspek, scale columns low..high with the score marked and joined, Nilai."""
    body, bold, _title = table_styles()
    no_w = text_width("No.", bold.font, bold.size) + 10
    value_w = text_width("Nilai", bold.font, bold.size) + 14
    steps = list(range(low, high + 1))
    col_w = min(12 * mm, (flow.width * 0.45) / max(len(steps), 1))
    name_w = flow.width - no_w - value_w - col_w * len(steps)
    widths = [no_w, name_w, *([col_w] * len(steps)), value_w]
    header_h = bold.leading + 8
    row_h = 18.0
    data: list[list[object]] = [[para(t, bold, "C") for t in ["No.", "Aspek Potensi", *map(str, steps), "Nilai"]]]
    for index, (name, value) in enumerate(rows, start=1):
        data.append([para(f"{index}.", body, "C"), para(name, body), LevelMark(value, low, high, row_h - 6),
                     *[""] * (len(steps) - 1), para(fmt(value), bold, "C")])
    flow.ensure(header_h + row_h * 3)
    chart = level_chart(data, widths, header_h)
    chart.spaceAfter = 6.0
    flow.add(chart)


def _heading(flow: Flow, text: str) -> None:
    style = flow.style.derive(bold=True)
    flow.skip(4.0)
    flow.ensure(style.leading * 4)
    flow.paragraph(text, style, align="L", after=4.0)


def _subheading(flow: Flow, text: str, keep: float = 0.0) -> None:
    """A lettered subheading, kept with the first lines (or `keep` points) of what follows."""
    style = flow.style.derive(bold=True)
    flow.ensure(style.leading * 3 + keep)
    flow.paragraph(text, style, align="L", after=2.0)


def build_individual_report(data: IndividualReportData) -> Document:
    flow = new_flow(data.paper, data.letterhead, body_style(11.0))
    style = flow.style
    bold = style.derive(bold=True)
    flow.add(para("RAHASIA", bold, "R"))
    flow.centered("LAPORAN INDIVIDU", style.derive(bold=True, size=13.0), after=0.0)
    flow.centered("HASIL PENILAIAN KOMPETENSI", style.derive(bold=True, size=13.0), after=2.0)
    if data.draft:
        note = "DRAF - belum disetujui QC, bukan laporan final"
        flow.centered(f"{note} (status: {data.status_label})" if data.status_label else note, bold, after=4.0)
    elif data.report_number:
        flow.centered(f"Nomor: {data.report_number}", style, after=4.0)
    flow.skip(8.0)

    _heading(flow, "I. IDENTITAS")
    flow.label_rows([
        ("Tujuan penilaian", data.purpose_label or "-"),
        ("Jabatan sasaran", data.position or "-"),
        ("Lembaga penyelenggara", data.provider_name or "-"),
        ("Tanggal penilaian", data.dates_text or "-"),
        ("Nomor peserta", str(data.number) if data.number is not None else "-"),
        ("Nama", data.name),
        ("NIP", format_nip(data.nip) if data.nip else "-"),
        ("Jabatan saat ini", data.jabatan or "-"),
        ("Unit kerja", data.unit or "-"),
    ], left=6 * mm, after=4.0)

    flow.ensure(150.0)
    _heading(flow, "II. HASIL PENILAIAN POTENSI")
    _subheading(flow, "A. Psikogram Potensi", keep=90.0)
    if data.potential_rows:
        draw_scale_chart(flow, data.potential_rows, *data.potential_scale)
        flow.paragraph(data.potential_summary, align="L", after=4.0)
    else:
        flow.paragraph("Hasil penilaian potensi belum tersedia.", left=6 * mm, after=4.0)
    _subheading(flow, "B. Uraian Potensi")
    draw_narrative(flow, data.potential_text, left=6 * mm)

    flow.ensure(150.0)
    _heading(flow, "III. PROFIL KOMPETENSI")
    _subheading(flow, "A. Aspek Kompetensi", keep=90.0)
    draw_profile(flow, data.profile, data.max_level)
    draw_legend(flow)
    _subheading(flow, "B. Kekuatan")
    draw_narrative(flow, data.strengths_text, left=6 * mm)
    _subheading(flow, "C. Area Pengembangan")
    draw_narrative(flow, data.development_text, left=6 * mm)

    _heading(flow, "IV. JOB PERSON MATCH (JPM)")
    category = f"{data.category_name} ({data.category_code})" if data.category_code else "-"
    if data.category_range:
        category += f", {data.category_range}"
    flow.label_rows([
        ("Nama peserta", data.name),
        ("Jumlah nilai capaian kompetensi", fmt(data.total_final)),
        ("Jumlah nilai standar kompetensi jabatan", fmt(data.total_standard)),
        ("Persentase JPM", fmt_percent(data.jpm)),
        ("Kategori", category),
    ], left=6 * mm, after=4.0)

    _heading(flow, "V. SARAN")
    _subheading(flow, "A. Saran Penempatan")
    draw_narrative(flow, data.placement_text if data.is_mapping else NOT_FOR_PENGISIAN, left=6 * mm)
    _subheading(flow, "B. Saran Pengembangan")
    draw_narrative(flow, data.development_suggestions, left=6 * mm)

    _heading(flow, "VI. PENUTUP")
    closing = f"Laporan ini disusun oleh {data.provider_name or 'lembaga penyelenggara'}."
    if data.valid_until:
        closing += (f" Hasil penilaian kompetensi ini berlaku selama 3 (tiga) tahun, sampai dengan "
                    f"{format_date_id(data.valid_until)}.")
    if data.draft:
        flow.paragraph(closing, after=4.0)
        flow.paragraph("Draf ini belum ditandatangani; laporan final dicetak setelah disetujui pada pemeriksaan "
                       "mutu (QC) dan diberi nomor.", after=4.0)
        return Document(flow.spec, flow.story, "of_total", f"Laporan Individu (DRAF) - {data.name}",
                        watermark="DRAF")
    flow.keep_with_next(lambda: flow.paragraph(closing, after=4.0))  # never a page of signatures alone
    parties = []
    assessor = data.assessor or Signatory("(belum ditetapkan)", "Asesor Penanggung Jawab")
    parties.append(([" "], assessor))
    head = data.head or Signatory("(belum ditetapkan)", f"Pimpinan {data.provider_name}".strip())
    parties.append(([place_date(data.place, data.date) if data.date else " "], head))
    draw_signature_row(flow, parties, before=10.0)
    return Document(flow.spec, flow.story, "of_total", f"Laporan Individu - {data.name}")


def render_individual_reports(
    items: Sequence[IndividualReportData], out: Target, *, progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> int:
    """All reports in one PDF (each with its own page numbers); returns the page count."""
    return write_pdf((build_individual_report(item) for item in items), out, total=len(items), progress=progress,
                     cancelled=cancelled, title="Laporan Individu Hasil Penilaian Kompetensi")
