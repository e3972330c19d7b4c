"""A small, fast page-layout engine: text measured and wrapped once, pages kept as display lists.

Documents are laid out into `Flow.pages`, each a list of drawing operations (plain tuples), and only
then drawn onto a ReportLab canvas by documents/output.py. Keeping layout and drawing apart gives
page totals for "Halaman 2 dari 3" and lets a batch of letters reuse wrapped paragraphs and the kop.

Operations (first item names the kind):
    ("t", x, baseline, font, size, text, word_space)   a text run
    ("l", x1, y1, x2, y2, line_width)                   a line
    ("r", x, y, width, height, fill_gray)               a filled rectangle, no border
    ("f", key, ops)                                     a reusable form (drawn once per PDF, then referenced)
    ("i", image, x, y, width, height)                   an image (ImageReader or path)
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics

from ukom_desktop.documents.fonts import SERIF, font_name, register_fonts
from ukom_desktop.documents.foreign_terms import bind_terms
from ukom_desktop.documents.model import PaperSize

Op = tuple[Any, ...]
Align = Literal["L", "R", "C", "J"]

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


# ---------------------------------------------------------------- measuring and wrapping

_word_cache: dict[str, dict[str, float]] = {}


def text_width(text: str, font: str, size: float) -> float:
    cache = _word_cache.get(font)
    if cache is None:
        cache = _word_cache[font] = {}
    width = cache.get(text)
    if width is None:
        width = pdfmetrics.stringWidth(text, font, 1.0)
        if len(cache) < 50_000:
            cache[text] = width
    return width * size


Line = tuple[str, float, int, bool]  # text, natural width, spaces, ends a hard line (not justified)


def _hyphen_split(word: str, font: str, size: float, room: float) -> tuple[str, str] | None:
    """Split after the last hyphen whose head fits in `room`: "Perundang-" + "undangan"."""
    best = None
    for index, char in enumerate(word[:-1]):
        if (
            char == "-" and word[index - 1 : index].isalpha() and word[index + 1].isalpha()
            and text_width(word[: index + 1], font, size) <= room + 0.01
        ):
            best = index + 1
    return (word[:best], word[best:]) if best else None


def _break_long_word(word: str, font: str, size: float, width: float) -> list[str]:
    pieces: list[str] = []
    rest = word
    while rest and text_width(rest, font, size) > width:
        split = _hyphen_split(rest, font, size, width)
        if split is None:
            current = ""
            for char in rest:
                if current and text_width(current + char, font, size) > width:
                    break
                current += char
            split = (current, rest[len(current):])
        pieces.append(split[0])
        rest = split[1]
    if rest:
        pieces.append(rest)
    return pieces


_SPACES = re.compile(r"[ \t]+")
NBSP = "\u00a0"


def _gaps(words: list[str]) -> int:
    """Stretchable gaps of a line: the spaces between words and the no-break spaces inside them
    (ReportLab prints a no-break space as a space, so word spacing widens it too)."""
    return len(words) - 1 + sum(word.count(NBSP) for word in words)


def keep_numbers_with_words(text: str) -> str:
    """"2 (dua)" never breaks between the figure and its words, nor a date or date range
    ("17 - 18 November 2026") between its parts."""
    text = bind_terms(_NUMBER_WORDS.sub("\\1" + NBSP + "(", text))  # "assessment center" stays on one line
    if not _ANY_MONTH.search(text):
        return text
    text = _DAY_MONTH.sub("\\1" + NBSP + "\\2", text)
    text = _MONTH_YEAR.sub("\\1" + NBSP + "\\2", text)
    return _RANGE_DASH.sub("\\1" + NBSP + "-" + NBSP + "\\2", text)


_NUMBER_WORDS = re.compile(r"(\d) \(")
_MONTHS = "Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember"
_ANY_MONTH = re.compile(rf"\b(?:{_MONTHS})\b")
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}}) ({_MONTHS})\b")
_MONTH_YEAR = re.compile(rf"\b({_MONTHS}) (\d{{4}})\b")
_RANGE_DASH = re.compile(rf"(\b\d{{1,2}}|{_MONTHS}) - (\d{{1,2}}{NBSP})")


@lru_cache(maxsize=8192)
def wrap(text: str, font: str, size: float, width: float, first_width: float | None = None) -> tuple[Line, ...]:
    """Greedy line breaking; "\\n" forces a break. The first line may have its own width."""
    space = text_width(" ", font, size)
    lines: list[Line] = []
    for segment in text.split("\n"):
        words = _SPACES.split(segment.strip(" \t"))
        if words == [""]:
            words = []
        if not words:
            lines.append(("", 0.0, 0, True))
            continue
        current: list[str] = []
        current_width = 0.0
        limit = first_width if (first_width is not None and not lines) else width
        queue = list(reversed(words))
        while queue:
            word = queue.pop()
            w = text_width(word, font, size)
            if not current:
                if w > limit and len(word) > 1:
                    parts = _break_long_word(word, font, size, limit)
                    queue.extend(reversed(parts[1:]))
                    word, w = parts[0], text_width(parts[0], font, size)
                current, current_width = [word], w
                continue
            if current_width + space + w <= limit + 0.01:
                current.append(word)
                current_width += space + w
                continue
            split = _hyphen_split(word, font, size, limit - current_width - space) if "-" in word else None
            if split is not None:
                current.append(split[0])
                current_width += space + text_width(split[0], font, size)
                word = split[1]
            lines.append((" ".join(current), current_width, _gaps(current), False))
            limit = width
            queue.append(word)
            current, current_width = [], 0.0
        lines.append((" ".join(current), current_width, _gaps(current), True))
    return tuple(lines)


def line_ops(
    lines: Sequence[Line], style: Style, x: float, top: float, width: float, align: Align,
    first_x: float | None = None, first_width: float | None = None,
) -> list[Op]:
    """Text operations for wrapped lines whose first line box starts at `top`."""
    ops: list[Op] = []
    baseline = top - style.leading * 0.8
    for index, (text, natural, spaces, hard_end) in enumerate(lines):
        lx, lw = (first_x, first_width) if index == 0 and first_x is not None else (x, width)
        if lw is None:
            lw = width
        word_space = 0.0
        if align == "C":
            lx += (lw - natural) / 2
        elif align == "R":
            lx += lw - natural
        elif align == "J" and not hard_end and spaces:
            word_space = (lw - natural) / spaces
        if text:
            ops.append(("t", lx, baseline, style.font, style.size, text, word_space))
        baseline -= style.leading
    return ops


# ---------------------------------------------------------------- the flow


class Flow:
    """A cursor over pages: content is added top-down and moves to a new page when it does not fit."""

    def __init__(self, spec: PageSpec, style: Style, on_new_page: Callable[[Flow], None] | None = None) -> None:
        self.spec = spec
        self.style = style
        self.page_width, self.page_height = spec.size
        self.x0 = spec.left
        self.x1 = self.page_width - spec.right
        self.width = self.x1 - self.x0
        self.top = self.page_height - spec.top
        self.bottom = spec.bottom
        self.ops: list[Op] = []
        self.pages: list[list[Op]] = [self.ops]
        self.y = self.top
        self._on_new_page = on_new_page

    # -- cursor
    def new_page(self) -> None:
        self.ops = []
        self.pages.append(self.ops)
        self.y = self.top
        if self._on_new_page is not None:
            self._on_new_page(self)

    def room(self) -> float:
        return self.y - self.bottom

    def at_page_top(self) -> bool:
        return self.y >= self.top - 0.5

    def ensure(self, height: float) -> None:
        """Start a new page unless `height` fits below the cursor."""
        if height > self.room() + 0.01 and not self.at_page_top():
            self.new_page()

    def checkpoint(self) -> tuple[int, int, float]:
        return (len(self.pages), len(self.ops), self.y)

    def rewind(self, point: tuple[int, int, float]) -> None:
        """Undo everything drawn since `point` (pages added after it are dropped)."""
        pages, ops, y = point
        del self.pages[pages:]
        self.ops = self.pages[-1]
        del self.ops[ops:]
        self.y = y

    def keep_with_next(self, draw: Callable[[], None], next_height: float) -> None:
        """Run `draw`; if what follows (`next_height`) would then start a new page, move the drawn
        content to that new page too, so a signature never stands alone on a page."""
        point = self.checkpoint()
        started_at_top = self.at_page_top()
        draw()
        if next_height > self.room() + 0.01 and not started_at_top:
            self.rewind(point)
            self.new_page()
            draw()

    def skip(self, height: float) -> None:
        self.y = max(self.y - height, self.bottom)

    # -- primitives
    def text(self, x: float, baseline: float, text: str, style: Style, word_space: float = 0.0) -> None:
        if text:
            self.ops.append(("t", x, baseline, style.font, style.size, text, word_space))

    def line(self, x1: float, y1: float, x2: float, y2: float, width: float = 0.6) -> None:
        self.ops.append(("l", x1, y1, x2, y2, width))

    def rect(self, x: float, y: float, width: float, height: float, gray: float) -> None:
        self.ops.append(("r", x, y, width, height, gray))

    # -- text blocks
    def paragraph(
        self, text: str, style: Style | None = None, *, left: float = 0.0, right: float = 0.0,
        first_indent: float = 0.0, align: Align = "J", after: float = 0.0, label: str = "",
        label_width: float = 0.0, keep: bool = False,
    ) -> None:
        """A wrapped paragraph that may continue on the next page (unless `keep`).

        With `label` ("1.", "a.", "-"), the label hangs in `label_width` before the text.
        """
        style = style or self.style
        text = keep_numbers_with_words(text)
        x = self.x0 + left + label_width
        width = self.x1 - right - x
        first_width = width - first_indent if first_indent else None
        lines = wrap(text, style.font, style.size, round(width, 2), round(first_width, 2) if first_width else None)
        height = len(lines) * style.leading
        if keep:
            self.ensure(height)
        else:
            self.ensure(min(height, 2 * style.leading))
        if label:
            self.text(self.x0 + left, self.y - style.leading * 0.8, label, style)
        start = 0
        while start < len(lines):
            fit = max(1, int((self.room() + 0.01) // style.leading))
            chunk = lines[start : start + fit]
            first = start == 0 and first_indent
            self.ops.extend(
                line_ops(chunk, style, x, self.y, width, align,
                         first_x=x + first_indent if first else None, first_width=first_width if first else None)
            )
            self.y -= len(chunk) * style.leading
            start += len(chunk)
            if start < len(lines):
                self.new_page()
        self.skip(after)

    def balanced_margin(self, text: str, style: Style) -> float:
        """Side margin that makes a wrapped centred title break into lines of even length (no "2026"
        left alone on the last line); 0 when it fits on one line or has its own line breaks."""
        count = len(wrap(text, style.font, style.size, round(self.width, 2)))
        if count < 2 or "\n" in text:
            return 0.0
        low, high = 0.0, self.width * 0.3
        for _ in range(12):
            middle = (low + high) / 2
            if len(wrap(text, style.font, style.size, round(self.width - 2 * middle, 2))) == count:
                low = middle
            else:
                high = middle
        return low

    def centered(self, text: str, style: Style, *, after: float = 0.0, underline: bool = False) -> None:
        margin = self.balanced_margin(text, style)
        self.paragraph(text, style, left=margin, right=margin, align="C", after=0.0, keep=True)
        if underline:
            lines = wrap(text, style.font, style.size, round(self.width - 2 * margin, 2))
            baseline = self.y + style.leading * 0.2 - style.size * 0.12
            natural = lines[-1][1]
            self.line(self.x0 + (self.width - natural) / 2, baseline, self.x0 + (self.width + natural) / 2, baseline, 0.8)
        self.skip(after)

    def label_rows(
        self, rows: Sequence[tuple[str, str]], style: Style | None = None, *, left: float = 0.0,
        label_width: float | None = None, max_label_width: float | None = None, right: float = 0.0,
        after: float = 0.0, align: Align = "L", numbered: bool = False, row_gap: float = 0.0,
    ) -> None:
        """Aligned "label : value" lines; labels and values wrap in their own columns, colons line up.

        With `numbered`, each row starts with "1.", "2.", ... A row is never split over two pages.
        """
        style = style or self.style
        lead = style.leading
        number_width = text_width(f"{len(rows)}.", style.font, style.size) + 6 if numbered else 0.0
        if label_width is None:
            label_width = max((text_width(label, style.font, style.size) for label, _ in rows), default=0.0) + 6
            if max_label_width is not None:
                label_width = min(label_width, max_label_width)
        x_number = self.x0 + left
        x_label = x_number + number_width
        x_colon = x_label + label_width
        x_value = x_colon + text_width(": ", style.font, style.size) + 2
        width = self.x1 - right - x_value
        for index, (label, value) in enumerate(rows, start=1):
            label_lines = wrap(label, style.font, style.size, round(label_width - 6, 2))
            value_lines = wrap(keep_numbers_with_words(value or "-"), style.font, style.size, round(width, 2))
            count = max(len(label_lines), len(value_lines))
            self.ensure(count * lead)
            baseline = self.y - lead * 0.8
            if numbered:
                self.text(x_number, baseline, f"{index}.", style)
            self.ops.extend(line_ops(label_lines, style, x_label, self.y, label_width - 6, "L"))
            self.text(x_colon, baseline, ":", style)
            self.ops.extend(line_ops(value_lines, style, x_value, self.y, width, align))
            self.y -= count * lead + row_gap
        self.skip(after)

    def numbered(
        self, items: Sequence[str], style: Style | None = None, *, left: float = 0.0, after_item: float = 0.0,
        after: float = 0.0, align: Align = "J", labels: Sequence[str] | None = None,
    ) -> None:
        """A numbered list ("1.", "2.", ...) with hanging indent."""
        style = style or self.style
        labels = list(labels) if labels is not None else [f"{i}." for i in range(1, len(items) + 1)]
        label_width = max((text_width(lab, style.font, style.size) for lab in labels), default=0.0) + 6
        for label, item in zip(labels, items, strict=True):
            self.paragraph(item, style, left=left, label=label, label_width=label_width, align=align,
                           after=after_item)
        self.skip(after)
