"""Foreign terms print in italics, in the middle of justified text, without moving the words around them."""

from __future__ import annotations

import io

from pypdf import PdfReader

from ukom_desktop.documents.blocks import new_flow
from ukom_desktop.documents.foreign_terms import italicize_terms
from ukom_desktop.documents.layout import text_width
from ukom_desktop.documents.output import Document, write_pdf


def _fonts_of(pdf: bytes) -> list[tuple[str, str]]:
    seen: list[tuple[str, str]] = []

    def visit(text, _cm, _tm, font, _size):  # type: ignore[no-untyped-def]
        if text.strip() and font:
            seen.append((str(font.get("/BaseFont")), text.strip()))

    for page in PdfReader(io.BytesIO(pdf)).pages:
        page.extract_text(visitor_text=visit)
    return seen


def test_terms_in_a_paragraph_are_italic_and_the_rest_is_not() -> None:
    flow = new_flow("A4", None)
    flow.paragraph("Peserta mengikuti simulasi In-Basket dan Role Play dalam rangkaian metode assessment center "
                   "yang diselenggarakan oleh Balai Penilaian Kompetensi selama dua hari berturut-turut di Jakarta.")
    out = io.BytesIO()
    write_pdf([Document(flow.spec, flow.pages)], out)
    runs = _fonts_of(out.getvalue())
    italic = [text for font, text in runs if font.endswith("-Italic")]
    assert any("In-Basket" in t for t in italic) and any("Role Play" in t for t in italic)
    assert any("assessment" in t for t in italic)
    assert not any("Peserta" in t or "Balai" in t for t in italic)


def test_words_after_a_term_keep_their_place_on_a_justified_line() -> None:
    op = ("t", 100.0, 500.0, "UkomSerif", 12.0, "metode Role Play untuk peserta", 2.0)
    pieces = italicize_terms([op])
    assert [p[3] for p in pieces] == ["UkomSerif", "UkomSerif-Italic", "UkomSerif"]
    assert [p[5] for p in pieces] == ["metode ", "Role Play", " untuk peserta"]
    expected = 100.0 + text_width("metode ", "UkomSerif", 12.0) + 2.0  # one space widened by the word spacing
    assert abs(pieces[1][1] - expected) < 0.01
    bold = italicize_terms([("t", 0.0, 0.0, "UkomSerif-Bold", 12.0, "IV. JOB PERSON MATCH (JPM)", 0.0)])
    assert bold[1][3] == "UkomSerif-BoldItalic"
