"""The bundled fonts (Liberation Serif and Sans, SIL OFL) registered once with ReportLab.

Family "UkomSerif" is the body face of letters, "UkomSans" the face of the kop and of dense tables.
The files live in resources/fonts/ of a checkout, or inside the PyInstaller bundle when frozen.
"""

from __future__ import annotations

import threading
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from ukom_desktop.paths import resources_dir

SERIF = "UkomSerif"
SANS = "UkomSans"

_FILES: dict[str, str] = {"UkomSerif": "LiberationSerif", "UkomSans": "LiberationSans"}
_STYLES: dict[str, tuple[bool, bool]] = {
    "Regular": (False, False),
    "Bold": (True, False),
    "Italic": (False, True),
    "BoldItalic": (True, True),
}
_lock = threading.Lock()
_registered = False


class FontsMissingError(RuntimeError):
    """A bundled font file is missing; the message is in Bahasa Indonesia."""


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


def font_name(family: str, bold: bool = False, italic: bool = False) -> str:
    """ReportLab name of one face: font_name(SERIF, bold=True) == "UkomSerif-Bold"."""
    if bold and italic:
        return f"{family}-BoldItalic"
    if bold:
        return f"{family}-Bold"
    if italic:
        return f"{family}-Italic"
    return family


def register_fonts() -> None:
    """Register both families with ReportLab; cheap to call again, safe from any thread."""
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        folder = fonts_dir()
        for family, stem in _FILES.items():
            for style, (bold, italic) in _STYLES.items():
                path = folder / f"{stem}-{style}.ttf"
                if not path.is_file():
                    raise FontsMissingError(
                        f"Berkas huruf {path} tidak ditemukan. Pasang ulang aplikasi agar dokumen dapat dicetak."
                    )
                name = font_name(family, bold, italic)
                pdfmetrics.registerFont(TTFont(name, str(path)))
                addMapping(family, int(bold), int(italic), name)
        _registered = True
