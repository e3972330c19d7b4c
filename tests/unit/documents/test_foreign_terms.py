"""Foreign terms print in italics, in the middle of justified text, without moving the words around them."""

from __future__ import annotations

import io

from pypdf import PdfReader

from ukom_desktop.documents.blocks import new_flow
from ukom_desktop.documents.foreign_terms import bind_terms, italic_markup
from ukom_desktop.documents.layout import markup
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
    write_pdf([Document(flow.spec, flow.story)], out)
    runs = _fonts_of(out.getvalue())
    italic = [text for font, text in runs if font.endswith("-Italic")]
    assert any("In-Basket" in t for t in italic) and any("Role Play" in t for t in italic)
    assert any("assessment" in t for t in italic)
    assert not any("Peserta" in t or "Balai" in t for t in italic)


def test_a_term_is_marked_italic_inside_escaped_text_and_keeps_its_words_together() -> None:
    assert italic_markup("metode Role Play untuk peserta") == "metode <i>Role Play</i> untuk peserta"
    assert markup("A & B: role play <i>") == "A &amp; B: <i>role play</i> &lt;i&gt;"  # any case, text escaped
    assert italic_markup("Roleplay dan Role Players") == "Roleplay dan Role Players"  # whole terms only
    assert bind_terms("metode assessment center hari ini") == "metode assessment\u00a0center hari ini"


def test_words_after_a_term_stay_upright_on_the_same_justified_line_and_bold_stays_bold() -> None:
    flow = new_flow("A4", None)
    flow.paragraph("Metode Role Play untuk peserta dan atasan langsung dipakai bersama wawancara "
                   "kompetensi di ruang terpisah pada hari kedua kegiatan penilaian kompetensi.", align="J")
    flow.paragraph("IV. JOB PERSON MATCH (JPM)", flow.style.derive(bold=True), align="L")
    out = io.BytesIO()
    write_pdf([Document(flow.spec, flow.story)], out)
    runs = _fonts_of(out.getvalue())
    texts = [text for _font, text in runs]
    term = texts.index("Role Play")
    assert runs[term - 1][1] == "Metode" and runs[term - 1][0].endswith("+LiberationSerif")
    assert runs[term][0].endswith("LiberationSerif-Italic")
    assert runs[term + 1][1].startswith("untuk peserta") and not runs[term + 1][0].endswith("Italic")
    bold = dict((text, font) for font, text in runs)
    assert bold["JOB PERSON MATCH"].endswith("LiberationSerif-BoldItalic")
    assert bold["IV."].endswith("LiberationSerif-Bold") and bold["(JPM)"].endswith("LiberationSerif-Bold")
