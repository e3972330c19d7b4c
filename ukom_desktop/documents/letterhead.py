"""Kop surat: logo at the left, agency lines centred (the first bold and larger), the address and
contact lines, closed by a thick-and-thin double rule. The first page template of a document with a
kop draws it (once per PDF, as a reusable form) and starts the text below it (documents/output.py)."""

from __future__ import annotations

import io
import itertools
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from ukom_desktop.documents.fonts import SANS, font_name, register_fonts
from ukom_desktop.documents.layout import Style, para, text_width
from ukom_desktop.documents.model import Letterhead

KOP_TOP = 15 * mm  # distance of the kop from the top edge of the paper
LOGO_MAX_HEIGHT = 24 * mm
LOGO_MAX_WIDTH = 26 * mm
LOGO_GAP = 4 * mm
THICK_RULE = 2.25
THIN_RULE = 0.75
GAP_AFTER = 14.0

_keys = itertools.count(1)


LOGO_UNREADABLE = "Logo instansi tidak dapat dibaca sebagai gambar; gunakan berkas PNG atau JPEG."


class LogoError(ValueError):
    """The logo image cannot be read; the message is in Bahasa Indonesia."""


@dataclass(frozen=True)
class Kop:
    """A kop laid out for one paper: drawn once per PDF as a form (`key`), the letter's first frame
    starting below `bottom`."""

    key: str
    parts: tuple[tuple[Paragraph, float, float], ...]  # paragraph, x, y of its bottom
    logo: tuple[ImageReader, float, float, float, float] | None
    rules: tuple[tuple[float, float, float, float], ...]  # x1, x2, y, width
    bottom: float

    def draw(self, canvas: Canvas) -> None:
        for paragraph, x, y in self.parts:
            paragraph.drawOn(canvas, x, y)
        if self.logo is not None:
            reader, x, y, width, height = self.logo
            canvas.drawImage(reader, x, y, width, height, mask="auto", preserveAspectRatio=True)
        for x1, x2, y, width in self.rules:
            canvas.setLineWidth(width)
            canvas.line(x1, y, x2, y)


def contact_line(letterhead: Letterhead) -> str:
    parts = []
    if letterhead.phone:
        parts.append(f"Telepon {letterhead.phone}")
    if letterhead.email:
        parts.append(f"Pos-el {letterhead.email}")
    if letterhead.website:
        parts.append(f"Laman {letterhead.website}")
    return "; ".join(parts)


def _contact_text(letterhead: Letterhead, style: Style, width: float) -> str:
    """Telepon/Pos-el/Laman, broken between the items rather than inside one."""
    parts = contact_line(letterhead).split("; ")
    joined: list[str] = []
    for part in filter(None, parts):
        candidate = f"{joined[-1]}; {part}" if joined else part
        if joined and text_width(candidate, style.font, style.size) <= width:
            joined[-1] = candidate
        else:
            joined.append(part)
    return "\n".join(joined)


def _logo_reader(logo: str | Path | bytes) -> ImageReader:
    try:
        if isinstance(logo, bytes):
            return ImageReader(io.BytesIO(logo))
        return ImageReader(str(logo))
    except Exception as exc:  # ReportLab/PIL raise many kinds
        raise LogoError(LOGO_UNREADABLE) from exc


def logo_size(logo: str | Path | bytes) -> tuple[int, int]:
    """Width and height in pixels of a logo image; LogoError (in Indonesian) when it cannot be read."""
    reader = _logo_reader(logo)
    try:
        width, height = reader.getSize()
    except Exception as exc:  # noqa: BLE001 - PIL raises many kinds for a broken image
        raise LogoError(LOGO_UNREADABLE) from exc
    if width <= 0 or height <= 0:
        raise LogoError("Logo instansi tidak memiliki ukuran gambar yang sah.")
    return int(width), int(height)


def _fit_style(text: str, style: Style, width: float, smallest: float) -> Style:
    """Shrink a one-line kop style until the text fits the width (never below `smallest` pt)."""
    size = style.size
    while size > smallest and text_width(text, style.font, size) > width:
        size -= 0.5
    return Style(style.font, size, style.leading * size / style.size)


@lru_cache(maxsize=64)
def build_kop(letterhead: Letterhead, page_width: float, page_height: float, x0: float, x1: float) -> Kop:
    register_fonts()
    top = page_height - KOP_TOP
    text_left = x0
    logo_size = (0.0, 0.0)
    reader = None
    if letterhead.logo:
        reader = _logo_reader(letterhead.logo)
        iw, ih = reader.getSize()
        scale = min(LOGO_MAX_HEIGHT / ih, LOGO_MAX_WIDTH / iw)
        logo_size = (iw * scale, ih * scale)
        text_left = x0 + logo_size[0] + LOGO_GAP
    width = x1 - text_left

    bold = font_name(SANS, bold=True)
    blocks: list[tuple[Paragraph, float]] = []  # paragraph and the gap above it
    first_size = 15.0
    for index, agency in enumerate(letterhead.agency_lines):
        if index == 0:
            style = _fit_style(agency, Style(bold, first_size, first_size * 1.17), width, 12.5)
            first_size = style.size
        else:
            size = min(13.0, first_size - 1.5)
            style = _fit_style(agency, Style(bold, size, size * 1.19), width, 10.0)
        blocks.append((para(agency, style, "C"), 0.0))
    small = Style(SANS, 9.5, 11.5)
    contact = _contact_text(letterhead, small, width)
    for index, text in enumerate(t for t in (letterhead.address, contact) if t):
        blocks.append((para(text, small, "C"), 2.0 if index == 0 else 0.0))
    heights = [paragraph.wrap(width, page_height)[1] for paragraph, _gap in blocks]
    text_height = sum(heights) + sum(gap for _p, gap in blocks)
    height = max(text_height, logo_size[1])

    parts: list[tuple[Paragraph, float, float]] = []
    y = top - (height - text_height) / 2
    for (paragraph, gap), block_height in zip(blocks, heights, strict=True):
        y -= gap + block_height
        parts.append((paragraph, text_left, y))
    logo = None
    if reader is not None:
        logo_w, logo_h = logo_size
        logo = (reader, x0, top - (height + logo_h) / 2, logo_w, logo_h)

    thick_y = top - height - 5
    thin_y = thick_y - THICK_RULE / 2 - 1.6 - THIN_RULE / 2
    rules = ((x0, x1, thick_y, THICK_RULE), (x0, x1, thin_y, THIN_RULE))
    return Kop(f"kop{next(_keys)}", tuple(parts), logo, rules, thin_y - THIN_RULE / 2)
