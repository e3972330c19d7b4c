"""Psikogram: the competency profile chart people print (domain.md 2.4).

Per participant: competencies down, levels 1-5 across; the standard level's cell is shaded grey, the
achieved level is marked with a black square and the marks are joined into the profile line; the
gap per competency, the totals, the JPM and the category below. A group psychogram lists a wave's
participants (rows) against the competencies (columns), final levels below standard shaded.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from reportlab.lib.units import mm

from ukom_desktop.documents.blocks import new_flow
from ukom_desktop.documents.fonts import SANS, font_name, register_fonts
from ukom_desktop.documents.layout import Flow, PageSpec, Style, line_ops, text_width, wrap
from ukom_desktop.documents.model import Letterhead, PaperSize
from ukom_desktop.documents.output import Cancelled, Document, Progress, Target, write_pdf
from ukom_desktop.domain.nip import format_nip

SHADE_STANDARD = 0.78
SHADE_HEADER = 0.88
SHADE_BELOW = 0.85
MARK = 7.0


def fmt(value: Decimal | float | int | None, signed: bool = False) -> str:
    """3 -> "3", 3.5 -> "3,5", gap -1 -> "-1", +1 with signed -> "+1"; None -> "-"."""
    if value is None:
        return "-"
    dec = Decimal(value)
    text = str(int(dec)) if dec == dec.to_integral_value() else format(dec.normalize(), "f").replace(".", ",")
    return f"+{text}" if signed and dec > 0 else text


def fmt_percent(value: Decimal | None) -> str:
    return "-" if value is None else f"{Decimal(value):.2f}".replace(".", ",") + "%"


@dataclass(frozen=True)
class PsychogramRow:
    code: str
    name: str
    standard: Decimal
    final: Decimal | None

    @property
    def gap(self) -> Decimal | None:
        return None if self.final is None else Decimal(self.final) - Decimal(self.standard)


@dataclass(frozen=True)
class PsychogramData:
    name: str
    nip: str
    number: int | None
    position: str
    purpose: str  # "Pemetaan Kompetensi"
    event_name: str
    rows: tuple[PsychogramRow, ...]
    total_final: Decimal | None = None
    total_standard: Decimal | None = None
    jpm: Decimal | None = None
    category_code: str = ""
    category_name: str = ""
    category_range: str = ""
    max_level: int = 5
    letterhead: Letterhead | None = None
    paper: PaperSize = "A4"


@dataclass(frozen=True)
class GroupMember:
    number: int | None
    name: str
    position: str
    levels: dict[str, Decimal | None]
    standards: dict[str, Decimal]
    jpm: Decimal | None
    category_code: str


@dataclass(frozen=True)
class GroupPsychogramData:
    event_name: str
    subtitle: str  # "Gelombang 1"
    competencies: tuple[tuple[str, str], ...]
    members: tuple[GroupMember, ...]
    letterhead: Letterhead | None = None
    paper: PaperSize = "A4"
    notes: tuple[str, ...] = field(default_factory=tuple)


def table_styles() -> tuple[Style, Style, Style]:
    register_fonts()
    body = Style(SANS, 9.5, 11.5)
    return body, Style(font_name(SANS, bold=True), 9.5, 11.5), Style(font_name(SANS, bold=True), 13.0, 16.0)


def cell_text(flow: Flow, text: str, style: Style, x: float, top: float, width: float, height: float,
               align: str = "C") -> None:
    lines = wrap(text, style.font, style.size, round(width - 6, 2))
    offset = (height - len(lines) * style.leading) / 2
    flow.ops.extend(line_ops(lines, style, x + 3, top - offset, width - 6, align))  # type: ignore[arg-type]


def grid(flow: Flow, xs: Sequence[float], top: float, height: float, width: float = 0.6) -> None:
    bottom = top - height
    flow.line(xs[0], top, xs[-1], top, width)
    flow.line(xs[0], bottom, xs[-1], bottom, width)
    for x in xs:
        flow.line(x, top, x, bottom, width)


def draw_profile(flow: Flow, rows: Sequence[PsychogramRow], max_level: int = 5, *, left: float = 0.0) -> None:
    """The profile table at the cursor: No, Kompetensi, Standar, Capaian, levels 1..max, Gap."""
    body, bold, _title = table_styles()
    x0 = flow.x0 + left
    total = flow.x1 - x0
    no_w = text_width("No.", bold.font, bold.size) + 10
    small = text_width("Standar", bold.font, bold.size) + 8
    level_w = 11 * mm
    name_w = total - no_w - 3 * small - max_level * level_w
    widths = [no_w, name_w, small, small, *([level_w] * max_level), small]
    xs = [x0]
    for w in widths:
        xs.append(xs[-1] + w)
    header_h = 2 * bold.leading + 6
    row_h = 20.0

    def header() -> None:
        top = flow.y
        flow.rect(xs[0], top - header_h, xs[-1] - xs[0], header_h, SHADE_HEADER)
        titles = ["No.", "Kompetensi", "Standar", "Capaian", *[str(i) for i in range(1, max_level + 1)], "Gap"]
        for title, x, w in zip(titles, xs, widths, strict=False):
            cell_text(flow, title, bold, x, top, w, header_h)
        grid(flow, xs, top, header_h)
        flow.y -= header_h

    flow.ensure(header_h + row_h * min(3, len(rows)))
    header()
    marks: list[tuple[float, float] | None] = []
    for index, row in enumerate(rows, start=1):
        name_lines = wrap(f"{row.name} ({row.code})", body.font, body.size, round(name_w - 6, 2))
        height = max(row_h, len(name_lines) * body.leading + 6)
        if height > flow.room() + 0.01:
            profile_line(flow, marks)
            marks = []
            flow.new_page()
            header()
        top = flow.y
        std = Decimal(row.standard)
        std_col = min(max(int(std.to_integral_value(rounding="ROUND_CEILING")), 1), max_level)
        flow.rect(xs[3 + std_col], top - height, level_w, height, SHADE_STANDARD)
        cell_text(flow, f"{index}.", body, xs[0], top, widths[0], height)
        offset = (height - len(name_lines) * body.leading) / 2
        flow.ops.extend(line_ops(name_lines, body, xs[1] + 3, top - offset, name_w - 6, "L"))
        cell_text(flow, fmt(row.standard), body, xs[2], top, widths[2], height)
        cell_text(flow, fmt(row.final), bold, xs[3], top, widths[3], height)
        cell_text(flow, fmt(row.gap, signed=True), bold if (row.gap or 0) < 0 else body, xs[-2], top,
                   widths[-1], height)
        grid(flow, xs, top, height)
        if row.final is not None:
            final = min(max(Decimal(row.final), Decimal(1)), Decimal(max_level))
            cx = xs[4] + (float(final) - 0.5) * level_w
            cy = top - height / 2
            flow.rect(cx - MARK / 2, cy - MARK / 2, MARK, MARK, 0.0)
            marks.append((cx, cy))
        else:
            marks.append(None)
        flow.y -= height
    profile_line(flow, marks)


def profile_line(flow: Flow, marks: list[tuple[float, float] | None]) -> None:
    for a, b in zip(marks, marks[1:], strict=False):
        if a is not None and b is not None:
            flow.line(a[0], a[1], b[0], b[1], 1.1)


def draw_legend(flow: Flow) -> None:
    body, _bold, _title = table_styles()
    y = flow.y - body.leading
    x = flow.x0
    flow.rect(x, y - 1, 9, 9, SHADE_STANDARD)
    flow.line(x, y - 1, x + 9, y - 1, 0.4)
    flow.text(x + 13, y, "level standar kompetensi jabatan", body)
    x2 = x + 13 + text_width("level standar kompetensi jabatan", body.font, body.size) + 18
    flow.rect(x2 + 1, y, MARK, MARK, 0.0)
    flow.text(x2 + 13, y, "level capaian peserta (garis menghubungkan profil)", body)
    flow.y -= body.leading + 8


def _summary_rows(data: PsychogramData) -> list[tuple[str, str]]:
    category = f"{data.category_name} ({data.category_code})" if data.category_code else "-"
    if data.category_range:
        category += f", {data.category_range}"
    return [
        ("Jumlah nilai capaian", fmt(data.total_final)),
        ("Jumlah nilai standar", fmt(data.total_standard)),
        ("Job Person Match (JPM)", fmt_percent(data.jpm)),
        ("Kategori", category),
    ]


def build_psychogram(data: PsychogramData) -> Document:
    body, bold, title = table_styles()
    flow = new_flow(data.paper, data.letterhead, Style(SANS, 10.0, 12.5))
    flow.centered("PSIKOGRAM HASIL PENILAIAN KOMPETENSI", title, after=2.0)
    flow.centered(data.event_name, bold, after=10.0)
    identity = [
        ("Nama", data.name),
        ("NIP", format_nip(data.nip) if data.nip else "-"),
        ("Nomor peserta", str(data.number) if data.number is not None else "-"),
        ("Jabatan sasaran", data.position or "-"),
        ("Tujuan penilaian", data.purpose or "-"),
    ]
    flow.label_rows(identity, after=8.0)
    draw_profile(flow, data.rows, data.max_level)
    draw_legend(flow)
    flow.ensure(5 * flow.style.leading)
    flow.label_rows(_summary_rows(data), flow.style.derive(bold=True), after=4.0)
    return Document(flow.spec, flow.story, "of_total", f"Psikogram - {data.name}")


@dataclass(frozen=True)
class LandscapeSpec(PageSpec):
    """The same margins, paper turned sideways (for the group psychogram)."""

    @property
    def size(self) -> tuple[float, float]:
        width, height = super().size
        return (height, width)


def build_group_psychogram(data: GroupPsychogramData) -> Document:
    body, bold, title = table_styles()
    flow = Flow(LandscapeSpec(data.paper, left=15 * mm, right=15 * mm, top=15 * mm, bottom=15 * mm),
                Style(SANS, 10.0, 12.5))
    flow.centered("PSIKOGRAM KELOMPOK HASIL PENILAIAN KOMPETENSI", title, after=2.0)
    flow.centered(f"{data.event_name}, {data.subtitle}" if data.subtitle else data.event_name, bold, after=8.0)
    codes = [code for code, _name in data.competencies]
    no_w = text_width("No.", bold.font, bold.size) + 10
    level_w = max(13 * mm, max((text_width(c, bold.font, bold.size) for c in codes), default=0) + 8)
    small = text_width("Kategori", bold.font, bold.size) + 8
    fixed = no_w + len(codes) * level_w + 2 * small
    rest = flow.width - fixed
    widths = [no_w, rest * 0.55, rest * 0.45, *([level_w] * len(codes)), small, small]
    xs = [flow.x0]
    for w in widths:
        xs.append(xs[-1] + w)
    header_h = 2 * bold.leading + 6

    def header() -> None:
        top = flow.y
        flow.rect(xs[0], top - header_h, xs[-1] - xs[0], header_h, SHADE_HEADER)
        for text, x, w in zip(["No.", "Nama", "Jabatan Sasaran", *codes, "JPM", "Kategori"], xs, widths,
                              strict=False):
            cell_text(flow, text, bold, x, top, w, header_h)
        grid(flow, xs, top, header_h)
        flow.y -= header_h

    header()
    for index, member in enumerate(data.members, start=1):
        name_lines = wrap(member.name, body.font, body.size, round(widths[1] - 6, 2))
        pos_lines = wrap(member.position, body.font, body.size, round(widths[2] - 6, 2))
        height = max(len(name_lines), len(pos_lines)) * body.leading + 6
        if height > flow.room() + 0.01:
            flow.new_page()
            header()
        top = flow.y
        for col, code in enumerate(codes):
            level = member.levels.get(code)
            standard = member.standards.get(code)
            x = xs[3 + col]
            if level is not None and standard is not None and level < standard:
                flow.rect(x, top - height, level_w, height, SHADE_BELOW)
            cell_text(flow, fmt(level), bold if level is not None and standard is not None and level < standard
                       else body, x, top, level_w, height)
        cell_text(flow, f"{member.number if member.number is not None else index}.", body, xs[0], top,
                   widths[0], height)
        flow.ops.extend(line_ops(name_lines, body, xs[1] + 3, top - 3, widths[1] - 6, "L"))
        flow.ops.extend(line_ops(pos_lines, body, xs[2] + 3, top - 3, widths[2] - 6, "L"))
        cell_text(flow, fmt_percent(member.jpm), body, xs[-3], top, widths[-2], height)
        cell_text(flow, member.category_code or "-", bold, xs[-2], top, widths[-1], height)
        grid(flow, xs, top, height)
        flow.y -= height
    flow.skip(8.0)
    legend = "; ".join(f"{code} = {name}" for code, name in data.competencies)
    flow.paragraph(f"Keterangan: {legend}. Sel berarsir: level akhir di bawah standar jabatan sasaran.", body,
                   align="L", after=4.0)
    for note in data.notes:
        flow.paragraph(note, body, align="L")
    return Document(flow.spec, flow.story, "of_total", f"Psikogram Kelompok - {data.event_name}")


def render_psychograms(
    items: Sequence[PsychogramData], out: Target, *, progress: Progress | None = None,
    cancelled: Cancelled | None = None, groups: Sequence[GroupPsychogramData] = (),
) -> int:
    """One PDF with a page (or more) per participant, then the group psychograms; returns pages."""
    documents = (build_psychogram(item) for item in items)
    all_docs = _chain(documents, (build_group_psychogram(g) for g in groups))
    return write_pdf(all_docs, out, total=len(items) + len(groups), progress=progress, cancelled=cancelled,
                     title="Psikogram Hasil Penilaian Kompetensi")


def _chain(*iterables):  # type: ignore[no-untyped-def]
    for iterable in iterables:
        yield from iterable
