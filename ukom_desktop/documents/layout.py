"""Documents as ReportLab Platypus stories: a `Flow` collects flowables top-down in the order a
document reads, and documents/output.py lays them out with page templates (kop on the first page,
page numbers, watermark and the "Dicetak oleh" line).

Platypus does the layout work: paragraphs wrap and justify themselves, tables repeat their header
and split between rows, `keepWithNext`/`KeepTogether` keep a signature with the lines before it and
`CondPageBreak` starts a new page when a block would not fit. A document module only says what comes
next; it never computes a position on the page.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, PageBreak, Paragraph, Spacer, Table
from reportlab.platypus import TableStyle as PlatypusTableStyle

from ukom_desktop.documents.fonts import SERIF, font_name, register_fonts
from ukom_desktop.documents.foreign_terms import bind_terms, italic_markup
from ukom_desktop.documents.model import Letterhead, PaperSize

Align = Literal["L", "R", "C", "J"]
ALIGNMENTS: dict[str, int] = {"L": TA_LEFT, "C": TA_CENTER, "R": TA_RIGHT, "J": TA_JUSTIFY}

PAPER_SIZES: dict[str, tuple[float, float]] = {"A4": (210 * mm, 297 * mm), "F4": (215 * mm, 330 * mm)}


@dataclass(frozen=True)
class PageSpec:
    """Paper and margins (naskah dinas: left 3 cm, right 2 cm, top 2 cm, bottom 2 cm)."""

    paper: PaperSize = "A4"
    left: float = 30 * mm
    right: float = 20 * mm
    top: float = 20 * mm
    bottom: float = 20 * mm
    landscape: bool = False

    @property
    def size(self) -> tuple[float, float]:
        try:
            width, height = PAPER_SIZES[self.paper]
        except KeyError:
            raise ValueError(f"Ukuran kertas '{self.paper}' tidak dikenal; pilih A4 atau F4.") from None
        return (height, width) if self.landscape else (width, height)


@dataclass(frozen=True)
class Style:
    font: str
    size: float
    leading: float

    def derive(self, *, bold: bool | None = None, size: float | None = None, font: str | None = None) -> Style:
        base = font or self.font.split("-")[0]
        new_size = size or self.size
        is_bold = ("Bold" in self.font) if bold is None else bold
        italic = "Italic" in self.font
        leading = self.leading * new_size / self.size
        return Style(font_name(base, is_bold, italic), new_size, leading)


def body_style(size: float = 12.0) -> Style:
    register_fonts()
    return Style(SERIF, size, round(size * 1.2, 2))


def text_width(text: str, font: str, size: float) -> float:
    """Width of one line of `text` (for column widths that must fit a sample)."""
    return pdfmetrics.stringWidth(text, font, size)


# ---------------------------------------------------------------- text

NBSP = "\u00a0"


def keep_numbers_with_words(text: str) -> str:
    """"2 (dua)" never breaks between the figure and its words, nor a telephone number between its
    digit groups, nor a date or date range ("17 - 18 November 2026") between its parts."""
    text = bind_terms(_NUMBER_WORDS.sub("\\1" + NBSP + "(", text))  # "assessment center" stays on one line
    if "0" in text:  # "0812 3456 7890", "(021) 5253004" stay whole (a NIP may still wrap in a narrow column)
        text = _PHONE.sub(lambda match: match.group(0).replace(" ", NBSP), text)
    if not _ANY_MONTH.search(text):
        return text
    text = _DAY_MONTH.sub("\\1" + NBSP + "\\2", text)
    text = _MONTH_YEAR.sub("\\1" + NBSP + "\\2", text)
    return _RANGE_DASH.sub("\\1" + NBSP + "-" + NBSP + "\\2", text)


_NUMBER_WORDS = re.compile(r"(\d) \(")
_PHONE = re.compile(r"(?<![\w/.-])(?:\+62 ?|\(0\d{1,3}\) ?|0)\d{2,8}(?:[ -]\d{3,4}){0,3}(?![\w/])")
_MONTHS = "Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember"
_ANY_MONTH = re.compile(rf"\b(?:{_MONTHS})\b")
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}}) ({_MONTHS})\b")
_MONTH_YEAR = re.compile(rf"\b({_MONTHS}) (\d{{4}})\b")
_RANGE_DASH = re.compile(rf"(\b\d{{1,2}}|{_MONTHS}) - (\d{{1,2}}{NBSP})")


def markup(text: str, *, underline: bool = False) -> str:
    """Plain text as Platypus paragraph markup: <, > and & escaped (a name typed with "<" prints as
    typed), foreign terms in italics, line breaks kept, tabs as spaces."""
    body = italic_markup(escape(text.replace("\t", " "))).replace("\n", "<br/>")
    return f"<u>{body}</u>" if underline and body else body


@lru_cache(maxsize=512)
def paragraph_style(
    font: str, size: float, leading: float, align: Align = "J", left: float = 0.0, right: float = 0.0,
    first_indent: float = 0.0, after: float = 0.0, bullet_indent: float = 0.0, before: float = 0.0,
) -> ParagraphStyle:
    """One ParagraphStyle per distinct look (cached: a batch of letters shares them)."""
    register_fonts()
    return ParagraphStyle(
        f"ukom-{font}-{size}-{align}-{left}-{right}-{first_indent}-{after}-{bullet_indent}-{before}",
        fontName=font, fontSize=size, leading=leading, alignment=ALIGNMENTS[align], leftIndent=left,
        rightIndent=right, firstLineIndent=first_indent, spaceAfter=after, spaceBefore=before,
        bulletFontName=font, bulletFontSize=size, bulletIndent=bullet_indent, allowWidows=1, allowOrphans=0,
        splitLongWords=1, embeddedHyphenation=1,
    )


def para(text: str, style: Style, align: Align = "L", *, left: float = 0.0, right: float = 0.0,
         first_indent: float = 0.0, after: float = 0.0, bold: bool = False, underline: bool = False,
         label: str = "", label_indent: float = 0.0, before: float = 0.0) -> Paragraph:
    """A paragraph of plain text in `style` (numbers kept with their words, terms in italics).

    With `label` ("1.", "a.") the label hangs at `label_indent` and the text starts at `left`.
    """
    if bold:
        style = style.derive(bold=True)
    pstyle = paragraph_style(style.font, style.size, style.leading, align, round(left, 2), round(right, 2),
                             round(first_indent, 2), round(after, 2), round(label_indent, 2), round(before, 2))
    body = markup(keep_numbers_with_words(text), underline=underline)
    return Paragraph(body, pstyle, bulletText=escape(label) if label else None,
                     frags=[frag.clone() for frag in _fragments(body, pstyle)])


@lru_cache(maxsize=4096)
def _fragments(body: str, pstyle: ParagraphStyle) -> tuple[Any, ...]:
    """The parsed markup of a paragraph (cached: a batch of letters repeats most of its paragraphs, and
    parsing is a good part of Platypus's time). Every paragraph gets its own copies of the fragments."""
    return tuple(Paragraph(body, pstyle).frags)


def bullet_room(label: str, style: Style) -> float:
    """Width a hanging label needs before its text: Platypus keeps 0.6 em after a bullet and pushes the
    first line right when the label's column is narrower."""
    return text_width(label, style.font, style.size) + style.size * 0.6


def line_count(paragraph: Paragraph, width: float) -> int:
    """How many lines `paragraph` takes at `width`."""
    paragraph.wrap(width, 1e6)
    return len(paragraph.blPara.lines)


def plain_table(rows: list[list[object]], widths: Sequence[float], *, row_gap: float = 0.0,
                valign: str = "TOP", commands: Sequence[tuple[object, ...]] = ()) -> Table:
    """A borderless table for aligned blocks ("Nomor : ...", signatures side by side): no padding but
    `row_gap` below each row; rows never split across pages."""
    table = Table(rows, colWidths=list(widths), hAlign="LEFT")
    table.setStyle(PlatypusTableStyle([
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), row_gap),
        ("VALIGN", (0, 0), (-1, -1), valign), ("FONT", (0, 0), (-1, -1), SERIF), *commands,  # no Helvetica
    ]))
    return table


# ---------------------------------------------------------------- the flow


@dataclass(frozen=True)
class Story:
    """What a document prints, in order, and the kop its first page carries."""

    flowables: tuple[Flowable, ...]
    kop: Letterhead | None = None


class Flow:
    """Collects a document's flowables top-down; `story` is what documents/output.py lays out."""

    def __init__(self, spec: PageSpec, style: Style, kop: Letterhead | None = None) -> None:
        self.spec = spec
        self.style = style
        self.kop = kop
        self.page_width, self.page_height = spec.size
        self.x0 = spec.left
        self.x1 = self.page_width - spec.right
        self.width = self.x1 - self.x0
        self.flowables: list[Flowable] = []

    @property
    def story(self) -> Story:
        return Story(tuple(self.flowables), self.kop)

    # -- the order of things
    def add(self, *flowables: Flowable) -> None:
        self.flowables.extend(flowables)

    def new_page(self) -> None:
        self.add(PageBreak())

    def ensure(self, height: float) -> None:
        """Start a new page unless `height` fits below what is already on the page."""
        self.add(CondPageBreak(height))

    def skip(self, height: float) -> None:
        if height > 0:
            self.add(Spacer(0, height))

    def keep_with_next(self, draw: Callable[[], None]) -> None:
        """Run `draw`; what it adds stays on the page of the next flowable (a signature never stands
        alone on a page); Platypus measures the next block itself."""
        start = len(self.flowables)
        draw()
        added: list[Flowable] = []
        for flowable in self.flowables[start:]:  # Platypus ends a keepWithNext chain at a KeepTogether:
            added.extend(flowable._content if isinstance(flowable, KeepTogether) else [flowable])  # its parts
        for flowable in added:
            flowable.keepWithNext = True
        self.flowables[start:] = added

    # -- text blocks
    def paragraph(
        self, text: str, style: Style | None = None, *, left: float = 0.0, right: float = 0.0,
        first_indent: float = 0.0, align: Align = "J", after: float = 0.0, label: str = "",
        label_width: float = 0.0, keep: bool = False,
    ) -> None:
        """A wrapped paragraph that may continue on the next page (unless `keep`).

        With `label` ("1.", "a.", "-"), the label hangs in `label_width` before the text (widened to
        the label plus Platypus's bullet gap, else the first line would start right of the others).
        """
        if label:
            style = style or self.style
            label_width = max(label_width, bullet_room(label, style))
        paragraph = para(text, style or self.style, align, left=left + label_width, right=right,
                         first_indent=first_indent, after=after, label=label, label_indent=left)
        self.add(KeepTogether([paragraph]) if keep else paragraph)

    def balanced_margin(self, text: str, style: Style) -> float:
        """Side margin that makes a wrapped centred title break into lines of even length (no "2026"
        left alone on the last line); 0 when it fits on one line or has its own line breaks."""
        if "\n" in text or text_width(text, style.font, style.size) <= self.width:
            return 0.0
        paragraph = para(text, style, "C")
        count = line_count(paragraph, self.width)
        if count < 2:
            return 0.0
        low, high = 0.0, self.width * 0.3
        for _ in range(10):
            middle = (low + high) / 2
            if line_count(paragraph, self.width - 2 * middle) == count:
                low = middle
            else:
                high = middle
        return low

    def centered(self, text: str, style: Style, *, after: float = 0.0, underline: bool = False) -> None:
        margin = self.balanced_margin(text, style)
        self.add(KeepTogether([para(text, style, "C", left=margin, right=margin, after=after,
                                    underline=underline)]))

    def label_rows(
        self, rows: Sequence[tuple[str, str]], style: Style | None = None, *, left: float = 0.0,
        label_width: float | None = None, max_label_width: float | None = None, right: float = 0.0,
        after: float = 0.0, align: Align = "L", numbered: bool = False, row_gap: float = 0.0,
    ) -> None:
        """Aligned "label : value" lines; labels and values wrap in their own columns, colons line up.

        With `numbered`, each row starts with "1.", "2.", ... A row is never split over two pages.
        """
        if not rows:
            self.skip(after)
            return
        style = style or self.style
        number_width = text_width(f"{len(rows)}.", style.font, style.size) + 6 if numbered else 0.0
        if label_width is None:
            label_width = max((text_width(label, style.font, style.size) for label, _ in rows), default=0.0) + 6
            if max_label_width is not None:
                label_width = min(label_width, max_label_width)
        colon_width = text_width(": ", style.font, style.size) + 2
        value_width = self.width - left - right - number_width - label_width - colon_width
        cells: list[list[object]] = []
        for index, (label, value) in enumerate(rows, start=1):
            row: list[object] = [""] if left else []
            if numbered:
                row.append(para(f"{index}.", style))
            row += [para(label, style, right=6), para(":", style), para(value or "-", style, align)]
            cells.append(row)
        widths = ([left] if left else []) + ([number_width] if numbered else []) + [
            label_width, colon_width, value_width]
        table = plain_table(cells, widths, row_gap=row_gap)
        table.spaceAfter = after
        self.add(table)

    def numbered(
        self, items: Sequence[str], style: Style | None = None, *, left: float = 0.0, after_item: float = 0.0,
        after: float = 0.0, align: Align = "J", labels: Sequence[str] | None = None,
    ) -> None:
        """A numbered list ("1.", "2.", ...) with hanging indent."""
        style = style or self.style
        labels = list(labels) if labels is not None else [f"{i}." for i in range(1, len(items) + 1)]
        label_width = max((bullet_room(lab, style) for lab in labels), default=0.0)
        for label, item in zip(labels, items, strict=True):
            self.paragraph(item, style, left=left, label=label, label_width=label_width, align=align,
                           after=after_item)
        self.skip(after)
