"""The passphrase slip: one cut-out strip per assessor package (three per A4 page).

The passphrase is shown once at export and printed here; it is never stored in the database.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from ukom_desktop.documents.fonts import SANS, font_name, register_fonts


@dataclass(frozen=True)
class Slip:
    assessor_name: str
    assessor_nip: str
    event_code: str
    event_name: str
    file_name: str
    passphrase: str


_PER_PAGE = 3
_LINES = (
    "Buka aplikasi UKOM Desktop di laptop, pilih Berkas > Buka paket asesor, pilih berkas paket di atas,",
    "lalu ketik kata sandi ini. Simpan slip terpisah dari flashdisk berisi paket; jangan dikirim bersama.",
    "Setelah menilai, pilih Kirim kembali dan serahkan berkas kiriman kepada sekretariat.",
)


def _draw(canvas: Canvas, slip: Slip, top: float) -> None:
    width, _height = A4
    left = 20 * mm
    y = top - 14 * mm
    canvas.setFont(font_name(SANS, bold=True), 12)
    canvas.drawString(left, y, "SLIP KATA SANDI PAKET ASESOR - RAHASIA")
    canvas.setFont(SANS, 10)
    rows = (
        ("Kegiatan", f"{slip.event_code} - {slip.event_name}"),
        ("Asesor", slip.assessor_name),
        ("NIP", slip.assessor_nip or "-"),
        ("Berkas paket", slip.file_name),
    )
    for label, value in rows:
        y -= 6 * mm
        canvas.drawString(left, y, label)
        canvas.drawString(left + 30 * mm, y, f": {value[:95]}")
    y -= 12 * mm
    canvas.setFont(font_name(SANS, bold=True), 20)
    canvas.drawString(left, y, slip.passphrase)
    canvas.setFont(SANS, 8.5)
    for line in _LINES:
        y -= 5 * mm
        canvas.drawString(left, y, line)
    canvas.setDash(3, 3)
    canvas.line(10 * mm, top - 99 * mm, width - 10 * mm, top - 99 * mm)
    canvas.setDash()


def slip_file_name(event_code: str) -> str:
    import re
    from datetime import datetime

    code = re.sub(r"[^A-Za-z0-9_-]+", "-", event_code).strip("-") or "kegiatan"
    return f"slip-kata-sandi-{code}-{datetime.now():%Y%m%d-%H%M%S}.pdf"


def write_slips(slips: Sequence[Slip], target: Path) -> Path:
    """All slips into one PDF, written to a temporary file and moved into place."""
    register_fonts()
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".slip-", suffix=".pdf", dir=target.parent)
    os.close(fd)
    try:
        canvas = Canvas(tmp, pagesize=A4)
        canvas.setTitle("Slip kata sandi paket asesor")
        _w, height = A4
        for index, slip in enumerate(slips):
            if index and index % _PER_PAGE == 0:
                canvas.showPage()
            _draw(canvas, slip, height - 10 * mm - (index % _PER_PAGE) * 99 * mm)
        canvas.save()
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target
