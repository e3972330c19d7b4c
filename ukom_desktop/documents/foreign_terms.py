"""Foreign terms in italics (tata naskah dinas: istilah asing dicetak miring).

The layout engine draws each line in one font. This pass runs over a laid-out page just before it is
drawn and cuts a text run that contains a foreign term ("assessment center", "In-Basket", "Role Play")
into pieces, the term in the italic face of the same family and weight. Word spacing of justified lines
is kept, so the words around the term stay where the layout put them.
"""

from __future__ import annotations

import re
from typing import Any

Op = tuple[Any, ...]

FOREIGN_TERMS: tuple[str, ...] = (
    "assessment center", "assessment centre", "In-Basket", "In-Tray", "Role Play", "Leaderless Group Discussion",
    "Job Person Match", "assessor meeting", "quality control", "self awareness",
    "critical and strategic thinking", "problem solving", "emotional quotient", "growth mindset", "grit",
    "job enlargement", "job enrichment", "Competency Based Interview",
)
_TERMS = re.compile(
    r"(?<![\w-])(" + "|".join(re.escape(t).replace(r"\ ", r"[ \u00a0]") for t in FOREIGN_TERMS) + r")(?![\w-])",
    re.IGNORECASE,
)


def _italic_of(font: str) -> str | None:
    """"UkomSerif" -> "UkomSerif-Italic", "UkomSerif-Bold" -> "UkomSerif-BoldItalic"; None when italic."""
    if font.endswith(("-Italic", "-BoldItalic")):
        return None
    if font.endswith("-Bold"):
        return font[: -len("-Bold")] + "-BoldItalic"
    return font + "-Italic"


def bind_terms(text: str) -> str:
    """A multi-word term never breaks across lines (its spaces become no-break spaces)."""
    if " " not in text or not _TERMS.search(text):
        return text
    return _TERMS.sub(lambda m: m.group(0).replace(" ", "\u00a0"), text)


def _advance(text: str, font: str, size: float, word_space: float) -> float:
    from ukom_desktop.documents.layout import text_width

    return text_width(text, font, size) + word_space * (text.count(" ") + text.count("\u00a0"))


def italicize_terms(ops: list[Op]) -> list[Op]:
    """The page's ops with every foreign term in a text run drawn in italics (other ops untouched)."""
    if not any(op[0] == "t" and _TERMS.search(op[5]) for op in ops):
        return ops
    result: list[Op] = []
    for op in ops:
        if op[0] != "t" or not _TERMS.search(op[5]):
            result.append(op)
            continue
        _kind, x, y, font, size, text, word_space = op
        italic = _italic_of(font)
        if italic is None:
            result.append(op)
            continue
        position = 0
        for match in _TERMS.finditer(text):
            for piece, face in ((text[position:match.start()], font), (match.group(0), italic)):
                if piece:
                    result.append(("t", x, y, face, size, piece, word_space))
                    x += _advance(piece, face, size, word_space)
            position = match.end()
        if position < len(text):
            result.append(("t", x, y, font, size, text[position:], word_space))
    return result
