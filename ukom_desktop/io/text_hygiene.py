"""Characters that must not come in through an import (issue 12 item 4).

Control characters (ESC, BEL, form feed ...) cannot be stored in a workbook and used to make every
later Excel export fail; text-direction overrides (U+202E) and zero-width characters make a name look
like another one. All of them are removed from every imported cell, and the preview says where.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ukom_desktop.io.cell_values import CellValue

# C0 controls except tab/line feed/carriage return, DEL, C1 controls; bidi marks, embeddings, overrides
# and isolates; zero-width space/joiners, word joiner, BOM, soft hyphen, Mongolian vowel separator.
HIDDEN_CHARACTERS = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069"
    "\ufeff\u00ad\u180e\ufff9-\ufffb\ud800-\udfff]"
)


def clean_cells(rows: list[list[CellValue]], row_number: Callable[[int], int]) -> str | None:
    """Remove hidden characters from every text cell in place; a note naming the rows, or None."""
    touched: list[int] = []
    search = HIDDEN_CHARACTERS.search
    for index, row in enumerate(rows):
        hit = False
        for col, value in enumerate(row):
            if type(value) is str and search(value):
                row[col] = HIDDEN_CHARACTERS.sub("", value)
                hit = True
        if hit:
            touched.append(row_number(index))
    if not touched:
        return None
    shown = ", ".join(str(number) for number in touched[:10]) + (" dan lainnya" if len(touched) > 10 else "")
    return (
        f"Karakter tersembunyi (karakter kendali, pembalik arah teks atau karakter lebar nol) dihapus dari "
        f"{len(touched)} baris: baris {shown}."
    )
