"""Foreign terms in italics (tata naskah dinas: istilah asing dicetak miring).

Paragraph text is marked up before Platypus lays it out: a foreign term ("assessment center",
"In-Basket", "Role Play") is wrapped in <i>, which Platypus prints in the italic face of the same family
and weight, and its spaces become no-break spaces so the term never breaks across lines.
"""

from __future__ import annotations

import re

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


def bind_terms(text: str) -> str:
    """A multi-word term never breaks across lines (its spaces become no-break spaces)."""
    if " " not in text or not _TERMS.search(text):
        return text
    return _TERMS.sub(lambda m: m.group(0).replace(" ", "\u00a0"), text)


def italic_markup(text: str) -> str:
    """Paragraph markup with every foreign term wrapped in <i> (the italic face of the same family and
    weight; `text` is already escaped markup)."""
    if not _TERMS.search(text):
        return text
    return _TERMS.sub(lambda m: f"<i>{m.group(0)}</i>", text)
