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
from reportlab.platypus import Indenter

from ukom_desktop.documents.blocks import new_flow
from ukom_desktop.documents.fonts import SANS, font_name, register_fonts
from ukom_desktop.documents.layout import Flow, PageSpec, Style, para, text_width
from ukom_desktop.documents.model import Letterhead, PaperSize
from ukom_desktop.documents.output import Cancelled, Document, Progress, Target, write_pdf
from ukom_desktop.documents.profile_chart import (
    SHADE_BELOW,
    SHADE_STANDARD,
    LevelMark,
    legend,
    level_chart,
)
from ukom_desktop.documents.tables import gray
from ukom_desktop.domain.nip import format_nip


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


def draw_profile(flow: Flow, rows: Sequence[PsychogramRow], max_level: int = 5, *, left: float = 0.0) -> None:
    """The profile table: No, Kompetensi, Standar, Capaian, levels 1..max, Gap; the standard level's
    cell shaded, the achieved levels marked and joined (the header repeats on a new page)."""
    body, bold, _title = table_styles()
    total = flow.width - left
    no_w = text_width("No.", bold.font, bold.size) + 10
    small = text_width("Standar", bold.font, bold.size) + 8
    level_w = 11 * mm
    name_w = total - no_w - 3 * small - max_level * level_w
    widths = [no_w, name_w, small, small, *([level_w] * max_level), small]
    header_h = 2 * bold.leading + 6
    row_h = 20.0
    titles = ["No.", "Kompetensi", "Standar", "Capaian", *[str(i) for i in range(1, max_level + 1)], "Gap"]
    data: list[list[object]] = [[para(title, bold, "C") for title in titles]]
    commands: list[tuple[object, ...]] = []
    for index, row in enumerate(rows, start=1):
        std = Decimal(row.standard)
        std_col = min(max(int(std.to_integral_value(rounding="ROUND_CEILING")), 1), max_level)
        commands.append(("BACKGROUND", (3 + std_col, index), (3 + std_col, index), gray(SHADE_STANDARD)))
        gap_style = bold if (row.gap or 0) < 0 else body
        levels: list[object] = [LevelMark(row.final, 1, max_level, row_h - 6)] + [""] * (max_level - 1)
        data.append([para(f"{index}.", body, "C"), para(f"{row.name} ({row.code})", body),
                     para(fmt(row.standard), body, "C"), para(fmt(row.final), bold, "C"), *levels,
                     para(fmt(row.gap, signed=True), gap_style, "C")])
    flow.ensure(header_h + row_h * min(3, len(rows)))
    chart = level_chart(data, widths, header_h, commands)
    if left:
        flow.add(Indenter(left=left), chart, Indenter(left=-left))
    else:
        flow.add(chart)


def draw_legend(flow: Flow) -> None:
    body, _bold, _title = table_styles()
    flow.add(legend(body, flow.width))


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


def build_group_psychogram(data: GroupPsychogramData) -> Document:
    body, bold, title = table_styles()
    flow = Flow(PageSpec(data.paper, left=15 * mm, right=15 * mm, top=15 * mm, bottom=15 * mm, landscape=True),
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
    header_h = 2 * bold.leading + 6
    titles = ["No.", "Nama", "Jabatan Sasaran", *codes, "JPM", "Kategori"]
    table: list[list[object]] = [[para(text, bold, "C") for text in titles]]
    commands: list[tuple[object, ...]] = [("VALIGN", (1, 1), (2, -1), "TOP")]
    for index, member in enumerate(data.members, start=1):
        cells: list[object] = [para(f"{member.number if member.number is not None else index}.", body, "C"),
                               para(member.name, body), para(member.position, body)]
        for col, code in enumerate(codes):
            level = member.levels.get(code)
            standard = member.standards.get(code)
            below = level is not None and standard is not None and level < standard
            if below:
                commands.append(("BACKGROUND", (3 + col, index), (3 + col, index), gray(SHADE_BELOW)))
            cells.append(para(fmt(level), bold if below else body, "C"))
        cells += [para(fmt_percent(member.jpm), body, "C"), para(member.category_code or "-", bold, "C")]
        table.append(cells)
    flow.add(level_chart(table, widths, header_h, commands))
    flow.skip(8.0)
    key = "; ".join(f"{code} = {name}" for code, name in data.competencies)
    flow.paragraph(f"Keterangan: {key}. Sel berarsir: level akhir di bawah standar jabatan sasaran.", body,
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
