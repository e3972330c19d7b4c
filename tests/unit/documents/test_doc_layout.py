from __future__ import annotations

import pytest
from reportlab.pdfbase import pdfmetrics

from ukom_desktop.documents.fonts import SANS, SERIF, font_name, fonts_dir, register_fonts
from ukom_desktop.documents.layout import Flow, PageSpec, body_style, text_width, wrap
from ukom_desktop.documents.tables import Column, GroupRow, TableStyle, column_widths, draw_table

TEXT = (
    "Dalam rangka pelaksanaan penilaian kompetensi manajerial dan sosial kultural, dengan hormat kami "
    "mengundang Saudara untuk hadir sebagai peserta pada kegiatan tersebut."
)


def test_fonts_are_bundled_and_registered_once() -> None:
    register_fonts()
    register_fonts()
    for family in (SERIF, SANS):
        for bold in (False, True):
            for italic in (False, True):
                assert pdfmetrics.getFont(font_name(family, bold, italic)) is not None
    assert (fonts_dir() / "OFL-Liberation.txt").is_file()
    assert font_name(SERIF, bold=True) == "UkomSerif-Bold"


@pytest.mark.parametrize("width", [120.0, 200.0, 420.0])
def test_wrapped_lines_fit_and_keep_every_word(width: float) -> None:
    style = body_style()
    lines = wrap(TEXT, style.font, style.size, width)
    assert " ".join(line[0] for line in lines) == TEXT
    for text, natural, spaces, _end in lines:
        assert natural == pytest.approx(text_width(text, style.font, style.size))
        assert natural <= width + 0.01
        assert spaces == text.count(" ")
    assert [line[3] for line in lines] == [False] * (len(lines) - 1) + [True]


def test_explicit_newlines_end_lines() -> None:
    style = body_style()
    lines = wrap("satu\ndua tiga", style.font, style.size, 400)
    assert [(t, end) for t, _w, _s, end in lines] == [("satu", True), ("dua tiga", True)]


def test_long_words_break_at_a_hyphen_between_letters_first() -> None:
    style = body_style()
    width = text_width("Perundang-undangan", style.font, style.size) - 5
    lines = wrap("Perundang-undangan", style.font, style.size, width)
    assert [t for t, *_ in lines] == ["Perundang-", "undangan"]
    digits = wrap("(0812-3456-7890)", style.font, style.size, 30)
    assert "".join(t for t, *_ in digits) == "(0812-3456-7890)"
    assert all(not t.endswith("-") or t[-2].isalpha() for t, *_ in digits)


def test_justified_paragraph_fills_the_width_except_its_last_line() -> None:
    style = body_style()
    flow = Flow(PageSpec(), style)
    flow.paragraph(TEXT, align="J")
    texts = [op for op in flow.ops if op[0] == "t"]
    assert len(texts) >= 2
    for op in texts[:-1]:
        spaces = op[5].count(" ")
        filled = text_width(op[5], op[3], op[4]) + spaces * op[6]
        assert filled == pytest.approx(flow.width, abs=0.05)
    assert texts[-1][6] == 0.0


def test_paragraph_continues_on_a_new_page() -> None:
    flow = Flow(PageSpec(), body_style())
    for _ in range(12):
        flow.paragraph(TEXT * 2, after=6)
    assert len(flow.pages) >= 2
    for page in flow.pages:
        for op in page:
            if op[0] == "t":
                assert flow.bottom - 1 <= op[2] <= flow.top


def test_keep_with_next_moves_the_last_block_to_the_new_page() -> None:
    flow = Flow(PageSpec(), body_style())
    while flow.room() > 60:
        flow.paragraph("isi", align="L")
    flow.keep_with_next(lambda: flow.paragraph("terakhir", align="L"), 200)
    assert len(flow.pages) == 2
    assert [op[5] for op in flow.pages[1]] == ["terakhir"]
    assert all(op[5] != "terakhir" for op in flow.pages[0])


def test_column_widths_respect_minimums_and_total() -> None:
    widths = column_widths([Column("No", 0, min_width=20), Column("Nama", 3), Column("NIP", 0, min_width=90),
                            Column("Unit", 1)], 400)
    assert sum(widths) == pytest.approx(400)
    assert widths[0] == 20 and widths[2] == 90
    assert widths[1] == pytest.approx(3 * widths[3])


def test_table_repeats_its_header_and_keeps_rows_whole() -> None:
    style = body_style(10)
    flow = Flow(PageSpec(), style)
    rows = [GroupRow("Kelompok 1"), *([f"{i}.", f"Nama {i}\nbaris kedua"] for i in range(80))]
    draw_table(flow, [Column("No.", 1), Column("Nama", 4)], rows, TableStyle(style, style.derive(bold=True)))
    assert len(flow.pages) >= 3
    for page in flow.pages:
        headers = [op for op in page if op[0] == "t" and op[5] == "Nama"]
        assert len(headers) == 1
        names = [op[5] for op in page if op[0] == "t" and op[5].startswith("Nama ")]
        seconds = [op for op in page if op[0] == "t" and op[5] == "baris kedua"]
        assert len(names) == len(seconds)  # no row split over two pages


def test_unknown_paper_size_is_refused_in_indonesian() -> None:
    with pytest.raises(ValueError, match="A4 atau F4"):
        _ = PageSpec("Letter").size  # type: ignore[arg-type]
