"""The passphrase slip: one cut-out strip per assessor package (three per A4 page).

The passphrase is shown once at export and printed here; it is never stored in the database.
"""

from __future__ import annotations

import io
import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.colors import black
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table
from reportlab.platypus import TableStyle as PlatypusTableStyle

from ukom_desktop.documents.fonts import SANS, register_fonts
from ukom_desktop.documents.layout import Flow, PageSpec, Style, para
from ukom_desktop.documents.output import Document, write_pdf


@dataclass(frozen=True)
class Slip:
    assessor_name: str
    assessor_nip: str
    event_code: str
    event_name: str
    file_name: str
    passphrase: str


_PER_PAGE = 3
_SLIP_HEIGHT = 93 * mm  # three strips between 8 mm margins of an A4 page, a dashed cut line below each
_INSET = 10 * mm  # the text starts 2 cm from the paper's edge; the cut line runs from 1 cm
_LINES = (
    "Buka aplikasi UKOM Desktop di laptop, pilih Berkas > Buka paket asesor, pilih berkas paket di atas, "
    "lalu ketik kata sandi ini. Simpan slip terpisah dari flashdisk berisi paket; jangan dikirim bersama.",
    "Setelah menilai, pilih Kirim kembali dan serahkan berkas kiriman kepada sekretariat.",
)


def _slip(flow: Flow, slip: Slip) -> Table:
    """One strip: heading, the package's particulars, the passphrase large, how to use it; cut line below."""
    sans = Style(SANS, 10, 13)
    small = Style(SANS, 8.5, 11)
    label_width = 30 * mm
    rows = (
        ("Kegiatan", f"{slip.event_code} - {slip.event_name}"),
        ("Asesor", slip.assessor_name),
        ("NIP", slip.assessor_nip or "-"),
        ("Berkas paket", slip.file_name),
    )
    text_width = flow.width - 2 * _INSET
    colon = 8.0
    facts = Table([[para(label, sans), para(":", sans), para(value, sans)] for label, value in rows],
                  colWidths=[label_width, colon, text_width - label_width - colon], hAlign="LEFT")
    facts.setStyle(PlatypusTableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                                       ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                                       ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    content: list[Flowable] = [
        para("SLIP KATA SANDI PAKET ASESOR - RAHASIA", Style(SANS, 12, 15), bold=True, after=6), facts,
        Spacer(0, 8), para(slip.passphrase, Style(SANS, 20, 24), bold=True, after=8),
        *[para(line, small, after=2) for line in _LINES],
    ]
    strip = Table([[content]], colWidths=[flow.width], rowHeights=[_SLIP_HEIGHT], hAlign="LEFT")
    strip.setStyle(PlatypusTableStyle([
        ("LEFTPADDING", (0, 0), (-1, -1), _INSET), ("RIGHTPADDING", (0, 0), (-1, -1), _INSET),
        ("TOPPADDING", (0, 0), (-1, -1), 6 * mm), ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.6, black, None, (3, 3)),
    ]))
    return strip


def build_slips(slips: Sequence[Slip]) -> Document:
    """The slips three to a page."""
    flow = Flow(PageSpec("A4", left=_INSET, right=_INSET, top=8 * mm, bottom=8 * mm), Style(SANS, 10, 13))
    for index, slip in enumerate(slips):
        if index and index % _PER_PAGE == 0:
            flow.new_page()
        flow.add(_slip(flow, slip))
    return Document(flow.spec, flow.story, title="Slip kata sandi paket asesor", author="UKOM Desktop")


def slip_file_name(event_code: str) -> str:
    import re
    from datetime import datetime

    code = re.sub(r"[^A-Za-z0-9_-]+", "-", event_code).strip("-") or "kegiatan"
    return f"slip-kata-sandi-{code}-{datetime.now():%Y%m%d-%H%M%S}.pdf"


def write_slips(slips: Sequence[Slip], target: Path) -> Path:
    """All slips into one PDF, written to a private temporary file (only its owner may read the
    passphrases) and moved into place."""
    register_fonts()
    buffer = io.BytesIO()
    write_pdf([build_slips(slips)], buffer)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".slip-", suffix=".pdf", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(buffer.getvalue())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target
