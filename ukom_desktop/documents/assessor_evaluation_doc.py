"""Laporan evaluasi kinerja asesor (SOP 001 step 8): report work and rating behaviour per assessor.

Two tables on portrait paper (report work: written, submitted, on time, returns, days in QC; rating
behaviour: ratings compared with the final level, departures, mean difference and tendency, agreement
with co-assessors), the explanation of every measure and the signature block.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportlab.lib.units import mm

from ukom_desktop.documents.blocks import new_flow, place_date
from ukom_desktop.documents.layout import Style, body_style
from ukom_desktop.documents.model import Letterhead, PaperSize, Signatory
from ukom_desktop.documents.output import Document, Target, write_pdf
from ukom_desktop.documents.participants_table import NIP_SAMPLE, number_column, table_style
from ukom_desktop.documents.signature import draw_signature
from ukom_desktop.documents.tables import Column, Row, draw_table, fit_width
from ukom_desktop.domain.nip import format_nip


@dataclass(frozen=True)
class EvaluationDocRow:
    """One assessor's figures, already formatted (Indonesian decimals, percentages)."""

    name: str
    nip: str
    written: str
    submitted: str
    on_time: str
    returns_per_report: str
    days_in_qc: str
    compared: str
    departures: str
    mean_difference: str
    tendency: str
    pairs: str
    agreement_half: str
    agreement_exact: str


@dataclass(frozen=True)
class AssessorEvaluationData:
    event_name: str
    dates_text: str
    as_of: date
    report_due_text: str
    rows: tuple[EvaluationDocRow, ...]
    overall_agreement: str  # e.g. "57,2% dari 812 pasangan penilaian berselisih paling banyak 0,5 level"
    letterhead: Letterhead | None = None
    signatory: Signatory | None = None
    place: str = ""
    paper: PaperSize = "A4"


EXPLANATIONS: tuple[str, ...] = (
    "Tepat waktu: laporan yang pertama kali diajukan ke QC paling lambat pada tenggat penulisan; laporan yang "
    "belum diajukan setelah tenggat dihitung terlambat.",
    "Pengembalian per laporan: jumlah pengembalian oleh pemeriksa QC dibagi jumlah laporan yang diajukan.",
    "Rata-rata hari di QC: lama laporan berstatus diajukan (menunggu pemeriksaan), dijumlahkan untuk semua putaran "
    "pemeriksaan satu laporan.",
    "Berbeda dari level akhir: penilaian mandiri yang berselisih 0,5 level atau lebih dari level akhir hasil rapat "
    "integrasi; hanya penilaian dengan bukti yang dihitung.",
    "Selisih rata-rata: rata-rata (level asesor - level akhir); nilai positif berarti cenderung longgar, negatif "
    "cenderung ketat; di antara -0,25 dan +0,25 dianggap seimbang.",
    "Kesepakatan: pasangan penilaian asesor ini dengan asesor lain pada peserta dan kompetensi yang sama, yang "
    "berselisih paling banyak 0,5 level (atau tepat sama).",
)


def _name_cell(row: EvaluationDocRow) -> str:
    return f"{row.name}\nNIP {format_nip(row.nip)}" if row.nip else row.name


def build_assessor_evaluation(data: AssessorEvaluationData) -> Document:
    flow = new_flow(data.paper, data.letterhead, body_style(11.0))
    style = flow.style
    flow.centered("LAPORAN EVALUASI KINERJA ASESOR", style.derive(bold=True, size=13.0), after=2.0)
    flow.centered(data.event_name, style.derive(bold=True), after=2.0)
    if data.dates_text:
        flow.centered(data.dates_text, style, after=10.0)
    flow.label_rows([
        ("Keadaan per tanggal", place_date("", data.as_of)),
        ("Tenggat penulisan laporan", data.report_due_text or "-"),
        ("Jumlah asesor", f"{len(data.rows)} orang"),
    ], after=8.0)

    table = Style(style.font, 9.0, 10.8)
    bold = table.derive(bold=True)
    name_col = Column("Asesor", 2.4, "L", fit_width([NIP_SAMPLE], table, 3.0) + 12)
    numbers = fit_width(["Diajukan"], bold, 3.0)
    heading = style.derive(bold=True)

    flow.ensure(heading.leading * 2 + 6 * table.leading)
    flow.paragraph("A. Kinerja Penyusunan Laporan", heading, align="L", after=4.0)
    work_cols = [
        number_column(table, len(data.rows)), name_col,
        Column("Laporan ditulis", 0.0, "R", numbers), Column("Diajukan", 0.0, "R", numbers),
        Column("Tepat waktu", 1.0, "C", fit_width(["10/10 (100,0%)"], table, 3.0)),
        Column("Pengembalian per laporan", 0.8, "R", fit_width(["Pengembalian"], bold, 3.0)),
        Column("Rata-rata hari di QC", 0.8, "R", fit_width(["Rata-rata"], bold, 3.0)),
    ]
    work: list[Row] = [
        [f"{i}.", _name_cell(r), r.written, r.submitted, r.on_time, r.returns_per_report, r.days_in_qc]
        for i, r in enumerate(data.rows, start=1)
    ]
    draw_table(flow, work_cols, work or [["", "Belum ada asesor.", "", "", "", "", ""]], table_style(table),
               after=12.0)

    flow.ensure(heading.leading * 2 + 6 * table.leading)
    flow.paragraph("B. Perilaku Penilaian", heading, align="L", after=4.0)
    rating_cols = [
        number_column(table, len(data.rows)), name_col,
        Column("Penilaian dibanding-kan", 0.0, "R", fit_width(["dibanding-"], bold, 3.0)),
        Column("Berbeda dari level akhir", 0.9, "R", fit_width(["999 (100,0%)"], table, 3.0)),
        Column("Selisih rata-rata", 0.0, "R", fit_width(["Selisih", "-0,25"], bold, 3.0)),
        Column("Kecende-rungan", 1.0, "C", fit_width(["longgar"], table, 3.0)),
        Column("Kesepakatan (\u2264 0,5 / persis)", 1.0, "C", fit_width(["100,0% / 100,0%"], table, 3.0)),
    ]
    behaviour: list[Row] = [
        [f"{i}.", _name_cell(r), r.compared, r.departures, r.mean_difference, r.tendency,
         f"{r.agreement_half} / {r.agreement_exact}\n({r.pairs} pasangan)" if r.pairs not in ("", "0") else "-"]
        for i, r in enumerate(data.rows, start=1)
    ]
    draw_table(flow, rating_cols, behaviour or [["", "Belum ada asesor.", "", "", "", "", ""]],
               table_style(table), after=8.0)
    if data.overall_agreement:
        flow.paragraph(f"Kesepakatan antarasesor pada kegiatan ini: {data.overall_agreement}.", after=8.0)

    flow.ensure(heading.leading * 3)
    flow.paragraph("C. Keterangan", heading, align="L", after=4.0)
    notes = Style(style.font, 9.5, 11.6)
    captions = [place_date(data.place, data.as_of)]

    labels = [f"{n}." for n in range(1, len(EXPLANATIONS) + 1)]

    def draw_notes(first: int, last: int) -> None:
        flow.numbered(list(EXPLANATIONS[first:last]), notes, left=2 * mm, after_item=2.0, align="J",
                      labels=labels[first:last])

    if data.signatory is not None:  # the last explanation stays on the page of the signature
        draw_notes(0, len(labels) - 1)
        flow.keep_with_next(lambda: draw_notes(len(labels) - 1, len(labels)))
        draw_signature(flow, data.signatory, captions=captions)
    else:
        draw_notes(0, len(labels))
    return Document(flow.spec, flow.story, "of_total", f"Evaluasi Kinerja Asesor - {data.event_name}")


def render_assessor_evaluation(data: AssessorEvaluationData, out: Target) -> int:
    """Write the PDF; returns the page count."""
    return write_pdf([build_assessor_evaluation(data)], out)

