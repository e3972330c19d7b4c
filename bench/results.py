"""300 participants' psychograms plus individual reports through the documents layer, against bare ReportLab.

The data come from a fully rated demo event (built first, not timed; read into plain dataclasses, not
timed). Measured: laying out every psychogram and report and writing them into one PDF. Baseline,
measured in the same run: a bare ReportLab Platypus script written plainly below (BaseDocTemplate with
Paragraph, Table and Spacer, nothing of ukom_desktop.documents but the fonts) that builds the very same
pages from the same data: the same texts and tables (profile and potential charts with their shaded
cells, marks and profile line), the kop drawn once as a form on the first page of each document, the
DRAF watermark on drafts and "Halaman x dari y" per document. Target: ukom <= 1.3x the bare script.

Usage: .venv/bin/python bench/results.py [--participants 300] [--repeat 3]

Reference, measured once on 2026-12-06 with the hand-written layout engine (before the move onto
Platypus, issue 16 item 0) on the shared 2-core development machine, `--participants 60 --repeat 1`
(242 pages, 874 KiB): ukom 0.868 s, bare canvas script 0.937 s (0.93x), bare script with the kop as a
form 0.805 s (1.08x).

On Platypus (this baseline), same machine, 2026-12-06, `--participants 30 --repeat 1` (122 pages, 544 KiB;
the bare script 122 pages, 495 KiB), load average 6-7 on the 2 cores: four runs gave ukom 2.9-4.6 s against
a baseline of 1.3-3.9 s, wall-time ratios 0.88x, 1.01x, 1.26x and 1.64x (the shared machine's load decides);
process CPU time 1.09-1.18 s against 0.89-1.14 s, 1.03x-1.22x. Against the old engine's figures above:
about 1.1 s of CPU for 122 pages now, against 0.87 s for 242 pages then (Platypus lays out some 2.5x slower
per page than the hand-written engine did).
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from _common import best_of, report  # noqa: E402
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT  # noqa: E402
from reportlab.lib.styles import ParagraphStyle  # noqa: E402
from reportlab.lib.units import mm  # noqa: E402
from reportlab.pdfbase.pdfmetrics import stringWidth  # noqa: E402
from reportlab.platypus import (  # noqa: E402
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.doctemplate import PageBegin  # noqa: E402

from ukom_desktop.documents.fonts import SANS, SERIF, font_name, register_fonts  # noqa: E402
from ukom_desktop.domain.dates import format_date_id  # noqa: E402
from ukom_desktop.domain.nip import format_nip  # noqa: E402

W, H = 210 * mm, 297 * mm
LEFT, RIGHT, TOP, BOTTOM = 30 * mm, 20 * mm, 20 * mm, 20 * mm
WIDTH = W - LEFT - RIGHT


def gather(participants: int, folder: Path) -> tuple[list[Any], list[Any]]:
    """Build a rated demo event and read every participant's psychogram and report data."""
    from ukom_desktop.db.database import open_database
    from ukom_desktop.services import report_content
    from ukom_desktop.services.demo import build_demo
    from ukom_desktop.services.demo_ratings import build_demo_ratings
    from ukom_desktop.services.result_exports import integrated_participants
    from ukom_desktop.services.results import participant_result

    db = open_database(f"sqlite:///{folder / 'bench.sqlite'}")
    try:
        with db.sessions.begin() as session:
            demo = build_demo(session, participants=participants, seed=1)
            build_demo_ratings(session, demo.event_id, seed=1)
        with db.sessions() as session:
            kop = report_content.letterhead(session)
            head = report_content.head_signatory(session)
            provider = report_content.provider_name(session)
            ids = integrated_participants(session, demo.event_id)
            psychograms, reports = [], []
            for ep_id in ids:
                result = participant_result(session, ep_id)
                psychograms.append(report_content.psychogram_data(session, result))
                reports.append(report_content.report_data(session, ep_id, head=head, kop=kop, provider=provider))
    finally:
        db.dispose()
    return psychograms, reports


def ours(psychograms: list[Any], reports: list[Any], out: Path) -> int:
    from ukom_desktop.documents.individual_report import build_individual_report
    from ukom_desktop.documents.output import write_pdf
    from ukom_desktop.documents.psychogram import build_psychogram

    def documents() -> Any:  # built as they are written, as the app's batch printing does
        for psychogram, data in zip(psychograms, reports, strict=True):
            yield build_psychogram(psychogram)
            yield build_individual_report(data)

    return write_pdf(documents(), out)


# ------------------------------------------------------------------ the bare Platypus script


def style(font: str, size: float, align: int = TA_LEFT, **extra: Any) -> ParagraphStyle:
    return ParagraphStyle(f"{font}{size}{align}{sorted(extra.items())}", fontName=font, fontSize=size,
                          leading=size * 1.2 if font.startswith(SERIF) else size * 1.21, alignment=align, **extra)


def num(value: Any, signed: bool = False) -> str:
    if value is None:
        return "-"
    text = f"{float(value):g}".replace(".", ",")
    return f"+{text}" if signed and float(value) > 0 else text


def pct(value: Any) -> str:
    return "-" if value is None else f"{float(value):.2f}".replace(".", ",") + "%"


class Chart(Table):
    """A table that draws a black square at each row's level and joins them; `levels` maps a row to
    (level, first level column, lowest level). The charts of this bench fit on their page (a
    CondPageBreak goes before each), so a split part needs no marks of its own."""

    levels: dict[int, tuple[float, int, int]] = {}  # noqa: RUF012 - replaced per instance by chart()

    def draw(self) -> None:
        super().draw()
        points = []
        for row, (value, first_col, low) in sorted(self.levels.items()):
            if row < len(self._rowpositions) - 1:
                x = self._colpositions[first_col] + (value - low + 0.5) * self._colWidths[first_col]
                points.append((x, (self._rowpositions[row] + self._rowpositions[row + 1]) / 2))
        self.canv.setLineWidth(1.1)
        for a, b in zip(points, points[1:], strict=False):
            self.canv.line(a[0], a[1], b[0], b[1])
        for x, y in points:
            self.canv.rect(x - 3.5, y - 3.5, 7, 7, stroke=0, fill=1)


def chart(rows: list[list[Any]], widths: list[float], header: float, shades: list[tuple[int, int, float]],
          levels: dict[int, tuple[float, int, int]]) -> Chart:
    table = Chart(rows, colWidths=widths, rowHeights=[header] + [None] * (len(rows) - 1), repeatRows=1, hAlign="LEFT")
    table.levels = levels
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.6, (0, 0, 0)), ("BACKGROUND", (0, 0), (-1, 0), (0.88, 0.88, 0.88)),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("FONTNAME", (0, 0), (-1, -1), SANS),
        ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        *[("BACKGROUND", (col, row), (col, row), (shade, shade, shade)) for row, col, shade in shades],
    ]))
    return table


class Box(Flowable):
    def __init__(self, size: float, shade: float) -> None:
        super().__init__()
        self.size, self.shade = size, shade

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        self.canv.setFillGray(self.shade)
        self.canv.rect(0, 0, self.size, self.size, stroke=self.shade > 0, fill=1)


def rows_table(rows: list[tuple[str, str]], body: ParagraphStyle, left: float = 0.0, after: float = 0.0) -> Table:
    label = max(stringWidth(r[0], body.fontName, body.fontSize) for r in rows) + 6
    data = [["", Paragraph(escape(a), body), Paragraph(":", body), Paragraph(escape(b or "-"), body)] for a, b in rows]
    table = Table(data, colWidths=[left or 0.01, label, 8, WIDTH - left - label - 8], hAlign="LEFT")
    table.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                               ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                               ("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONTNAME", (0, 0), (-1, -1), SERIF)]))
    table.spaceAfter = after
    return table


def profile(rows: Any, max_level: int, left: float = 0.0) -> list[Any]:
    body, bold = style(SANS, 9.5, TA_CENTER), style(font_name(SANS, bold=True), 9.5, TA_CENTER)
    name = style(SANS, 9.5)
    small = stringWidth("Standar", bold.fontName, 9.5) + 8
    widths = [stringWidth("No.", bold.fontName, 9.5) + 10, 0.0, small, small, *[11 * mm] * max_level, small]
    widths[1] = WIDTH - left - sum(widths)
    data: list[list[Any]] = [[Paragraph(t, bold) for t in ["No.", "Kompetensi", "Standar", "Capaian",
                                                              *map(str, range(1, max_level + 1)), "Gap"]]]
    shades, levels = [], {}
    for i, r in enumerate(rows, start=1):
        std = min(max(int(-(-float(r.standard) // 1)), 1), max_level)
        shades.append((i, 3 + std, 0.78))
        if r.final is not None:
            levels[i] = (min(max(float(r.final), 1), max_level), 4, 1)
        gap = r.gap
        data.append([Paragraph(f"{i}.", body), Paragraph(escape(f"{r.name} ({r.code})"), name),
                     Paragraph(num(r.standard), body), Paragraph(num(r.final), bold), Spacer(0, 14),
                     *[""] * (max_level - 1), Paragraph(num(gap, signed=True), bold if (gap or 0) < 0 else body)])
    legend = Table([[Box(9, 0.78), Paragraph("level standar kompetensi jabatan", name), Box(7, 0),
                     Paragraph("level capaian peserta (garis menghubungkan profil)", name)]],
                   colWidths=[13, 160, 12, WIDTH - 185], hAlign="LEFT")
    legend.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                ("FONTNAME", (0, 0), (-1, -1), SANS)]))
    return [CondPageBreak(29 + 60), chart(data, widths, 29, shades, levels), Spacer(0, 3), legend, Spacer(0, 8)]


def bare_psychogram(d: Any) -> list[Any]:
    body = style(SANS, 10.0)
    story: list[Any] = [
        Paragraph("PSIKOGRAM HASIL PENILAIAN KOMPETENSI", style(font_name(SANS, bold=True), 13, TA_CENTER)),
        Spacer(0, 2), Paragraph(escape(d.event_name), style(font_name(SANS, bold=True), 9.5, TA_CENTER)),
        Spacer(0, 10),
        rows_table([("Nama", d.name), ("NIP", format_nip(d.nip)), ("Nomor peserta", str(d.number)),
                    ("Jabatan sasaran", d.position), ("Tujuan penilaian", d.purpose)], body, after=8),
        *profile(d.rows, d.max_level),
        rows_table([("Jumlah nilai capaian", num(d.total_final)), ("Jumlah nilai standar", num(d.total_standard)),
                    ("Job Person Match (JPM)", pct(d.jpm)),
                    ("Kategori", f"{d.category_name} ({d.category_code}), {d.category_range}")],
                   style(font_name(SANS, bold=True), 10.0)),
    ]
    return story


BULLET = re.compile(r"^\s*(?:[-*•]|\d{1,2}[.)])\s+")


def narrative(text: str, body: ParagraphStyle, bullet: ParagraphStyle) -> list[Any]:
    out: list[Any] = []
    for block in [b for b in re.split(r"\n\s*\n", (text or "").strip()) if b.strip()] or ["-"]:
        lines: list[str] = []
        for line in block.splitlines():
            marker = BULLET.match(line)
            if marker is None:
                lines.append(line.strip())
                continue
            if lines:
                out.append(Paragraph(escape(" ".join(lines)), body))
                lines = []
            out.append(Paragraph(escape(line[marker.end():].strip()), bullet, bulletText="•"))
        if lines:
            out.append(Paragraph(escape(" ".join(lines)), body))
        out.append(Spacer(0, 2))
    return out


def bare_report(d: Any) -> list[Any]:
    body = style(SERIF, 11.0, TA_JUSTIFY, leftIndent=6 * mm, spaceAfter=3)
    bullet = style(SERIF, 11.0, TA_JUSTIFY, leftIndent=12 * mm, bulletIndent=6 * mm, spaceAfter=2)
    bold = style(font_name(SERIF, bold=True), 11.0, spaceAfter=3)
    plain = style(SERIF, 11.0)
    title = style(font_name(SERIF, bold=True), 13.0, TA_CENTER)

    def heading(text: str) -> list[Any]:
        return [Spacer(0, 4), CondPageBreak(53), Paragraph(escape(text), bold)]

    story: list[Any] = [Paragraph("RAHASIA", style(font_name(SERIF, bold=True), 11.0, TA_RIGHT)),
                        Paragraph("LAPORAN INDIVIDU", title), Paragraph("HASIL PENILAIAN KOMPETENSI", title)]
    if d.draft:
        story.append(Paragraph(escape(f"DRAF - belum disetujui QC, bukan laporan final (status: {d.status_label})"),
                               style(font_name(SERIF, bold=True), 11.0, TA_CENTER)))
    else:
        story.append(Paragraph(escape(f"Nomor: {d.report_number}"), style(SERIF, 11.0, TA_CENTER)))
    story += [Spacer(0, 12), *heading("I. IDENTITAS"), rows_table([
        ("Tujuan penilaian", d.purpose_label), ("Jabatan sasaran", d.position),
        ("Lembaga penyelenggara", d.provider_name), ("Tanggal penilaian", d.dates_text),
        ("Nomor peserta", str(d.number)), ("Nama", d.name), ("NIP", format_nip(d.nip)), ("Jabatan saat ini", d.jabatan),
        ("Unit kerja", d.unit)], plain, left=6 * mm, after=4)]
    story += [CondPageBreak(150), *heading("II. HASIL PENILAIAN POTENSI"), Paragraph("A. Psikogram Potensi", bold)]
    low, high = d.potential_scale
    cell, cell_bold = style(SANS, 9.5, TA_CENTER), style(font_name(SANS, bold=True), 9.5, TA_CENTER)
    steps = list(range(low, high + 1))
    widths = [25.0, 0.0, *[min(12 * mm, WIDTH * 0.45 / len(steps))] * len(steps), 36.0]
    widths[1] = WIDTH - sum(widths)
    data: list[list[Any]] = [[Paragraph(t, cell_bold) for t in ["No.", "Aspek Potensi", *map(str, steps), "Nilai"]]]
    levels = {}
    for i, (name, value) in enumerate(d.potential_rows, start=1):
        levels[i] = (min(max(float(value), low), high), 2, low)
        data.append([Paragraph(f"{i}.", cell), Paragraph(escape(name), style(SANS, 9.5)), Spacer(0, 12),
                     *[""] * (len(steps) - 1), Paragraph(num(value), cell_bold)])
    story += [CondPageBreak(80), chart(data, widths, 19.5, [], levels), Spacer(0, 6),
              Paragraph(escape(d.potential_summary), style(SERIF, 11.0, spaceAfter=4)),
              Paragraph("B. Uraian Potensi", bold), *narrative(d.potential_text, body, bullet)]
    story += [CondPageBreak(150), *heading("III. PROFIL KOMPETENSI"), Paragraph("A. Aspek Kompetensi", bold),
              *profile(d.profile, d.max_level), Paragraph("B. Kekuatan", bold),
              *narrative(d.strengths_text, body, bullet), Paragraph("C. Area Pengembangan", bold),
              *narrative(d.development_text, body, bullet)]
    story += [*heading("IV. JOB PERSON MATCH (JPM)"), rows_table([
        ("Nama peserta", d.name), ("Jumlah nilai capaian kompetensi", num(d.total_final)),
        ("Jumlah nilai standar kompetensi jabatan", num(d.total_standard)), ("Persentase JPM", pct(d.jpm)),
        ("Kategori", f"{d.category_name} ({d.category_code}), {d.category_range}")], plain, left=6 * mm, after=4)]
    story += [*heading("V. SARAN"), Paragraph("A. Saran Penempatan", bold),
              *narrative(d.placement_text, body, bullet), Paragraph("B. Saran Pengembangan", bold),
              *narrative(d.development_suggestions, body, bullet), *heading("VI. PENUTUP")]
    until = format_date_id(d.valid_until) if d.valid_until else "-"
    closing = Paragraph(escape(f"Laporan ini disusun oleh {d.provider_name}. Hasil penilaian kompetensi ini berlaku "
                               f"selama 3 (tiga) tahun, sampai dengan {until}."),
                        style(SERIF, 11.0, TA_JUSTIFY, spaceAfter=4))
    if d.draft:
        return [*story, closing, Paragraph("Draf ini belum ditandatangani; laporan final dicetak setelah disetujui "
                                           "pada pemeriksaan mutu (QC) dan diberi nomor.", plain)]
    closing.keepWithNext = True
    center = style(SERIF, 11.0, TA_CENTER)
    cells = []
    dated = f"{d.place}, {format_date_id(d.date)}" if d.date else " "
    for caption, signatory in ((" ", d.assessor), (dated, d.head)):
        cells.append([Paragraph(escape(caption), center), Paragraph(escape(f"{signatory.jabatan},"), center),
                      Spacer(0, 50), Paragraph(f"<u>{escape(signatory.name)}</u>", style(font_name(SERIF, bold=True),
                                                                                         11.0, TA_CENTER)),
                      Paragraph(escape(f"NIP. {format_nip(signatory.nip)}"), center)])
    signatures = Table([cells], colWidths=[WIDTH / 2 - 5, WIDTH / 2 - 5], hAlign="LEFT")
    signatures.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), SERIF), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return [*story, closing, Spacer(0, 10), signatures]


class DocStart(Flowable):
    """Zero-size marker: a new document starts on this page (its pages are numbered anew)."""

    def __init__(self, draft: bool) -> None:
        super().__init__()
        self.draft = draft

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv._doctemplate.begin_document(self.draft)  # type: ignore[attr-defined]


class BareTemplate(BaseDocTemplate):
    def __init__(self, path: str, kop: Any) -> None:
        super().__init__(path, pagesize=(W, H), leftMargin=0, rightMargin=0, topMargin=0, bottomMargin=0)
        self.kop, self.kop_drawn, self.docs, self.pages, self.draft = kop, False, 0, 0, False
        kop_bottom = H - 15 * mm - (17.6 + 15.5 * (len(kop.agency_lines) - 1) + 2 + 11.5 * 2) - 10 - 14
        first = Frame(LEFT, BOTTOM, WIDTH, kop_bottom - BOTTOM, 0, 0, 0, 0)
        later = Frame(LEFT, BOTTOM, WIDTH, H - TOP - BOTTOM, 0, 0, 0, 0)
        self.addPageTemplates([PageTemplate("kop", [first], onPage=self.draw_kop, autoNextPageTemplate="later"),
                               PageTemplate("later", [later])])

    def draw_kop(self, canvas: Any, _doc: Any) -> None:
        if not self.kop_drawn:
            canvas.beginForm("kop")
            y = H - 15 * mm
            for index, line in enumerate(self.kop.agency_lines):
                y -= 17.6 if index == 0 else 15.5
                canvas.setFont(font_name(SANS, bold=True), 15 if index == 0 else 13)
                canvas.drawCentredString(LEFT + WIDTH / 2, y, line)
            canvas.setFont(SANS, 9.5)
            for text in (self.kop.address, f"Telepon {self.kop.phone}; Pos-el {self.kop.email}"):
                y -= 11.5
                canvas.drawCentredString(LEFT + WIDTH / 2, y, text)
            canvas.setLineWidth(2.25)
            canvas.line(LEFT, y - 8, LEFT + WIDTH, y - 8)
            canvas.setLineWidth(0.75)
            canvas.line(LEFT, y - 11, LEFT + WIDTH, y - 11)
            canvas.endForm()
            self.kop_drawn = True
        canvas.doForm("kop")

    def begin_document(self, draft: bool) -> None:
        if self.docs:
            self.fill_numbers(self.pages - 1)  # this page is already the new document's first
        self.docs, self.pages, self.draft = self.docs + 1, 1, draft

    def handle_pageBegin(self) -> None:
        self.pages += 1
        super().handle_pageBegin()

    def afterPage(self) -> None:
        if self.draft:
            self.canv.saveState()
            self.canv.setFillGray(0.55)
            self.canv.setFillAlpha(0.28)
            self.canv.translate(W / 2, H / 2)
            self.canv.rotate(45)
            self.canv.setFont(font_name(SERIF, bold=True), 110)
            self.canv.drawCentredString(0, -38, "DRAF")
            self.canv.restoreState()
        self.canv.doForm(f"pg{self.docs}-{self.pages}")

    def fill_numbers(self, pages: int) -> None:
        for page in range(1, pages + 1):
            self.canv.beginForm(f"pg{self.docs}-{page}")
            if pages > 1:
                self.canv.setFont(SERIF, 10)
                self.canv.drawRightString(W - RIGHT, BOTTOM - 20, f"Halaman {page} dari {pages}")
            self.canv.endForm()

    def start(self) -> None:
        self._startBuild()
        self.canv._doctemplate = self  # type: ignore[attr-defined]
        self.pages = 0

    def add(self, story: list[Any]) -> None:
        """Lay out one document's flowables (each document built just before, like ukom's batch)."""
        while story:
            self.clean_hanging()
            self.handle_flowable(story)

    def finish(self) -> None:
        if self._hanging and self._hanging[-1] is PageBegin:
            del self._hanging[-1]
            self.clean_hanging()
        else:
            self.clean_hanging()
            self.handle_pageBreak()
        self.fill_numbers(self.pages)
        self.canv.save()


def bare_script(psychograms: list[Any], reports: list[Any], path: Path) -> int:
    template = BareTemplate(str(path), reports[0].letterhead)
    template.start()
    first = True
    for psychogram, data in zip(psychograms, reports, strict=True):
        for build, source, draft in ((bare_psychogram, psychogram, False), (bare_report, data, data.draft)):
            head = [] if first else [NextPageTemplate("kop"), PageBreak()]
            template.add([*head, DocStart(draft), *build(source)])
            first = False
    template.finish()
    return int(template.canv.getPageNumber()) - 1


def cpu_time(fn: Any) -> float:
    """CPU seconds of this process for one run (wall time on a busy shared machine varies by half)."""
    started = time.process_time()
    fn()
    return time.process_time() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    register_fonts()
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        started = time.perf_counter()
        psychograms, reports = gather(args.participants, out)
        print(f"Data contoh {len(reports)} peserta disiapkan dalam {time.perf_counter() - started:.1f} s (tidak diukur)")
        count = ours(psychograms, reports, out / "warm.pdf")  # warm fonts and metrics on both sides
        bare_count = bare_script(psychograms, reports, out / "warm-bare.pdf")
        bare = best_of(lambda: bare_script(psychograms, reports, out / "bare.pdf"), args.repeat)
        mine = best_of(lambda: ours(psychograms, reports, out / "ukom.pdf"), args.repeat)
        cpu_bare = cpu_time(lambda: bare_script(psychograms, reports, out / "bare.pdf"))
        cpu_mine = cpu_time(lambda: ours(psychograms, reports, out / "ukom.pdf"))
        size, bare_size = (out / "ukom.pdf").stat().st_size, (out / "bare.pdf").stat().st_size
    print(f"{len(reports)} psikogram dan {len(reports)} laporan individu: ukom {count} halaman, PDF "
          f"{size / 1024:.0f} KiB; skrip polos {bare_count} halaman, PDF {bare_size / 1024:.0f} KiB")
    ok = report("Dibanding skrip Platypus polos", mine, bare, 1.3)
    report("Waktu CPU proses, sekali jalan (informasi; tidak terganggu beban mesin bersama)", cpu_mine, cpu_bare, 1.3)
    print("Mesin tata letak lama (tercatat, --participants 60 --repeat 1, 242 halaman): ukom 0.868 s, "
          "skrip kanvas polos 0.937 s (0.93x), dengan kop sebagai form 0.805 s (1.08x)")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
