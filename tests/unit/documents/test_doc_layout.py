"""The document engine (layout.py, tables.py, output.py on Platypus) as a reader of the printed page sees
it: every test lays out a story, writes the real PDF and reads it back with pypdf (text, fonts, positions
of lines, word spacing)."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from pypdf import PdfReader
from reportlab.pdfbase import pdfmetrics

from ukom_desktop.documents.fonts import SANS, SERIF, font_name, fonts_dir, register_fonts
from ukom_desktop.documents.layout import Flow, PageSpec, Style, body_style, text_width
from ukom_desktop.documents.model import Signatory
from ukom_desktop.documents.output import Document, write_pdf
from ukom_desktop.documents.signature import draw_signature, signature_block_height
from ukom_desktop.documents.tables import Column, GroupRow, TableStyle, column_widths, draw_table

TEXT = (
    "Dalam rangka pelaksanaan penilaian kompetensi manajerial dan sosial kultural, dengan hormat kami "
    "mengundang Saudara untuk hadir sebagai peserta pada kegiatan tersebut."
)
SIGNATORY = Signatory("Dr. Hendra Kusuma, S.H., M.Si.", "Kepala Pusat Penilaian Kompetensi",
                      nip="196811151992021002", golongan="IV/c")
FRAME = 297 * 72 / 25.4 - 2 * 20 * 72 / 25.4  # height of an A4 page between the 2 cm margins


@dataclass(frozen=True)
class Run:
    """A piece of text as pypdf reads it back: page index, start of its line, font and text."""

    page: int
    x: float
    y: float
    font: str
    text: str


def pdf_of(flow: Flow) -> PdfReader:
    out = io.BytesIO()
    write_pdf([Document(flow.spec, flow.story)], out)
    return PdfReader(io.BytesIO(out.getvalue()))


def runs(reader: PdfReader) -> list[Run]:
    found: list[Run] = []
    for index, page in enumerate(reader.pages):
        def visit(text, cm, tm, font, _size, index=index):  # type: ignore[no-untyped-def]
            if text.strip():
                x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
                y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
                base = str(font.get("/BaseFont")).split("+")[-1] if font else ""
                found.append(Run(index, round(x, 1), round(y, 1), base, text.strip()))

        page.extract_text(visitor_text=visit)
    return found


def page_texts(reader: PdfReader) -> list[str]:
    return [re.sub(r"\s+", " ", (page.extract_text() or "").replace("\u00a0", " ")) for page in reader.pages]


def lines_of(reader: PdfReader) -> list[Run]:
    """One Run per printed line (pieces on the same baseline joined, left to right as printed)."""
    merged: dict[tuple[int, float], Run] = {}
    for run in runs(reader):
        key = (run.page, run.y)
        if key in merged:
            old = merged[key]
            merged[key] = Run(old.page, min(old.x, run.x), old.y, old.font, old.text + " " + run.text)
        else:
            merged[key] = run
    return sorted(merged.values(), key=lambda r: (r.page, -r.y, r.x))


def page_of(reader: PdfReader, needle: str) -> list[int]:
    return [i for i, text in enumerate(page_texts(reader)) if needle in text]


def test_fonts_are_bundled_and_registered_once() -> None:
    register_fonts()
    register_fonts()
    for family in (SERIF, SANS):
        for bold in (False, True):
            for italic in (False, True):
                assert pdfmetrics.getFont(font_name(family, bold, italic)) is not None
    assert (fonts_dir() / "OFL-Liberation.txt").is_file()
    assert font_name(SERIF, bold=True) == "UkomSerif-Bold"


def test_a_long_text_continues_on_the_next_pages_and_no_word_is_lost() -> None:
    flow = Flow(PageSpec(), body_style())
    for number in range(14):
        flow.paragraph(f"Paragraf {number}. " + " ".join([TEXT] * 3), after=6)
    reader = pdf_of(flow)
    assert len(reader.pages) >= 2
    printed = " ".join(page_texts(reader)).split()
    assert len(printed) == 14 * (2 + len(TEXT.split()) * 3)
    assert "Paragraf 13." in page_texts(reader)[-1]
    spec = flow.spec
    for run in runs(reader):  # every line inside the margins, none under the foot or above the head
        assert spec.bottom - 1 <= run.y <= flow.page_height - spec.top
        assert run.x >= spec.left - 0.5


def _lines_with_word_spacing(reader: PdfReader) -> list[tuple[str, float]]:
    """(text, word spacing) of every line drawn on page 1, from the content stream's Tw/Tj/T* operators."""
    lines: list[tuple[str, float]] = []
    current: list[str] = []
    spacing = [0.0]
    state = {"Tw": 0.0}

    def before(op, args, _cm, _tm):  # type: ignore[no-untyped-def]
        if op == b"Tw":
            state["Tw"] = float(args[0])
        elif op == b"Tj":
            if not current:
                spacing[0] = state["Tw"]
            value = args[0]
            current.append(value.decode("latin-1") if isinstance(value, bytes) else str(value))
        elif op in (b"T*", b"ET") and current:
            lines.append(("".join(current), spacing[0]))
            current.clear()

    reader.pages[0].extract_text(visitor_operand_before=before)
    return lines


def test_a_justified_paragraph_fills_the_width_except_its_last_line() -> None:
    style = body_style()
    flow = Flow(PageSpec(), style)
    flow.paragraph(f"{TEXT} {TEXT}", align="J")
    lines = _lines_with_word_spacing(pdf_of(flow))
    assert len(lines) >= 3
    for text, spacing in lines[:-1]:
        filled = text_width(text, style.font, style.size) + text.count(" ") * spacing
        assert filled == pytest.approx(flow.width, abs=0.5)
    last_text, last_spacing = lines[-1]
    assert last_spacing == 0.0 and text_width(last_text, style.font, style.size) < flow.width - 20
    assert " ".join(text for text, _ in lines) == f"{TEXT} {TEXT}"


def test_label_rows_line_up_their_colons_and_wrap_long_values_under_the_value() -> None:
    flow = Flow(PageSpec(), body_style())
    flow.label_rows([("Nomor", "SDM.1.2-1/KP.01.01/XI/2026"), ("Sifat", "Segera"), ("Hal", TEXT)])
    reader = pdf_of(flow)
    found = runs(reader)
    colons = [run for run in found if run.text == ":"]
    assert len(colons) == 3 and len({run.x for run in colons}) == 1
    labels = [run for run in found if run.text in ("Nomor", "Sifat", "Hal")]
    assert {run.x for run in labels} == {round(flow.x0, 1)}
    values = [run for run in found if run.x > colons[0].x]
    assert len(values) >= 4  # two short values and the long one on two lines or more
    assert len({run.x for run in values}) == 1  # wrapped lines start under the value, not under the label
    hal = next(run for run in labels if run.text == "Hal")
    assert [run.y for run in values if run.y <= hal.y][0] == hal.y  # the value starts on its label's line
    assert " ".join(run.text for run in values if run.y <= hal.y) == TEXT


def test_a_numbered_list_hangs_its_text_after_the_numbers() -> None:
    flow = Flow(PageSpec(), body_style())
    flow.numbered(["Surat undangan.", TEXT, "Daftar hadir peserta."], left=20)
    reader = pdf_of(flow)
    found = lines_of(reader)
    numbers = [run for run in runs(reader) if re.fullmatch(r"\d\.", run.text)]
    assert [run.text for run in numbers] == ["1.", "2.", "3."]
    assert {run.x for run in numbers} == {round(flow.x0 + 20, 1)}
    texts = [run for run in runs(reader) if not re.fullmatch(r"\d\.", run.text)]
    assert len(texts) >= 4 and len({run.x for run in texts}) == 1  # continuation lines hang under the text
    assert texts[0].x > numbers[0].x
    assert [run.text.split()[0] for run in found if re.match(r"\d\.", run.text)] == ["1.", "2.", "3."]


def test_a_centred_title_breaks_into_balanced_lines_around_the_middle() -> None:
    style = body_style().derive(bold=True, size=13.0)
    flow = Flow(PageSpec(), body_style())
    flow.centered("LAPORAN PELAKSANAAN PENILAIAN KOMPETENSI MANAJERIAL DAN SOSIAL KULTURAL BAGI PEJABAT "
                  "ADMINISTRATOR DAN PENGAWAS TAHUN 2026", style)
    lines = lines_of(pdf_of(flow))
    assert len(lines) >= 2 and all(run.font == "LiberationSerif-Bold" for run in lines)
    widths = [text_width(run.text, style.font, style.size) for run in lines]
    middle = flow.x0 + flow.width / 2
    for run, width in zip(lines, widths, strict=True):
        assert run.x + width / 2 == pytest.approx(middle, abs=1.0)
    assert min(widths) / max(widths) > 0.75  # not one long line and "TAHUN 2026" alone under it
    assert lines[-1].text.endswith("TAHUN 2026")


def _table_style(size: float = 10) -> TableStyle:
    style = body_style(size)
    return TableStyle(style, style.derive(bold=True))


def test_a_long_table_repeats_its_header_on_every_page_and_never_splits_a_row() -> None:
    flow = Flow(PageSpec(), body_style(10))
    rows: list[GroupRow | list[str]] = [GroupRow("Kelompok 1")]
    rows += [[f"{i}.", f"Nama {i}\nbaris kedua {i}"] for i in range(80)]
    draw_table(flow, [Column("No.", 1), Column("Nama Peserta", 4)], rows, _table_style())
    reader = pdf_of(flow)
    assert len(reader.pages) >= 3
    every = runs(reader)
    for page in range(len(reader.pages)):
        on_page = [run.text for run in every if run.page == page]
        assert on_page.count("Nama Peserta") == 1 and on_page.count("No.") == 1
        firsts = {t.split()[1] for t in on_page if re.fullmatch(r"Nama \d+", t)}
        seconds = {t.split()[2] for t in on_page if t.startswith("baris kedua")}
        assert firsts and firsts == seconds  # both lines of every row on the same page
    assert sum(1 for run in every if re.fullmatch(r"Nama \d+", run.text)) == 80


def _fill_then(offset: float, then: Callable[[Flow], None]) -> PdfReader:
    """A page filled down to `offset` points from its top, then what `then` adds."""
    flow = Flow(PageSpec(), body_style(10))
    flow.skip(offset)
    then(flow)
    return pdf_of(flow)


def test_a_group_heading_never_stays_alone_at_the_foot_of_a_page() -> None:
    def grouped(flow: Flow) -> None:
        rows: list[GroupRow | list[str]] = []
        for group in (1, 2):
            rows.append(GroupRow(f"Kelompok {group}"))
            rows += [[f"{i}.", f"Anggota {group}-{i}\nbaris kedua"] for i in range(1, 4)]
        draw_table(flow, [Column("No.", 1), Column("Nama", 4)], rows, _table_style())

    moved = 0
    for offset in range(int(FRAME) - 150, int(FRAME) - 20, 4):  # the headings pass over the page's foot
        reader = _fill_then(offset, grouped)
        every = runs(reader)
        for group in (1, 2):
            heading = [run.page for run in every if run.text == f"Kelompok {group}"]
            first = [run.page for run in every if run.text == f"Anggota {group}-1"]
            assert heading == first, (offset, group)
        moved += len(reader.pages) > 1 and page_of(reader, "Kelompok 2") == [1]
    assert moved  # some offsets did push a heading over


def test_tail_keeps_the_last_row_on_the_page_of_the_signature() -> None:
    def table_and_signature(flow: Flow) -> None:
        rows = [[f"{i}.", f"Peserta {i}"] for i in range(1, 6)]
        draw_table(flow, [Column("No.", 1), Column("Nama", 4)], rows, _table_style(),
                   tail=signature_block_height(flow, SIGNATORY), after=6)
        draw_signature(flow, SIGNATORY)

    moved = 0
    for offset in range(int(FRAME) - 260, int(FRAME) - 60, 6):
        reader = _fill_then(offset, table_and_signature)
        signed = page_of(reader, SIGNATORY.name)
        assert len(signed) == 1 and page_of(reader, "Peserta 5") == signed, offset
        if signed == [1]:
            moved += 1
            assert "Nama" in [run.text for run in runs(reader) if run.page == 1]  # header above the moved row
            assert page_of(reader, "Peserta 1") == [0]  # only what must move, moves
    assert moved


def test_a_one_row_table_moves_whole_with_its_signature() -> None:
    def table_and_signature(flow: Flow) -> None:
        draw_table(flow, [Column("No.", 1), Column("Nama", 4)], [["1.", "Peserta Tunggal"]], _table_style(),
                   tail=signature_block_height(flow, SIGNATORY), after=6)
        draw_signature(flow, SIGNATORY)

    moved = 0
    for offset in range(int(FRAME) - 200, int(FRAME) - 20, 10):
        reader = _fill_then(offset, table_and_signature)
        assert page_of(reader, "Peserta Tunggal") == page_of(reader, SIGNATORY.name), offset
        moved += page_of(reader, "Nama") == [1]
    assert moved


def test_a_tail_taller_than_a_page_does_not_stop_the_layout() -> None:
    flow = Flow(PageSpec(), body_style(10))
    draw_table(flow, [Column("No.", 1), Column("Nama", 4)], [["1.", "Peserta Tunggal"]], _table_style(),
               tail=FRAME * 2)
    flow.paragraph("Sesudah tabel.")
    assert "Peserta Tunggal" in page_texts(pdf_of(flow))[0]


def test_keep_with_next_moves_the_closing_line_with_its_signature() -> None:
    def closing(flow: Flow) -> None:
        flow.paragraph("Isi surat.", align="L")
        flow.keep_with_next(lambda: flow.paragraph("Demikian disampaikan, atas perhatiannya diucapkan terima kasih."))
        draw_signature(flow, SIGNATORY)

    moved = 0
    for offset in range(int(FRAME) - 200, int(FRAME) - 20, 6):
        reader = _fill_then(offset, closing)
        assert page_of(reader, "Demikian disampaikan") == page_of(reader, SIGNATORY.name), offset
        moved += page_of(reader, "Demikian disampaikan") == [1] and page_of(reader, "Isi surat.") == [0]
    assert moved


def test_text_with_markup_characters_prints_as_typed() -> None:
    flow = Flow(PageSpec(), body_style())
    typed = 'PT Maju & Jaya <Cabang Timur> nilai > 3 & < 5, "kutip" dan <b>bukan tebal</b>'
    flow.paragraph(typed, align="L")
    flow.label_rows([("Unit", "Biro <Umum> & Keuangan")])
    reader = pdf_of(flow)
    text = page_texts(reader)[0]
    assert typed in text and "Biro <Umum> & Keuangan" in text
    assert not any("Bold" in run.font for run in runs(reader))


def test_foreign_terms_print_in_the_italic_face_of_their_weight() -> None:
    flow = Flow(PageSpec(), body_style())
    flow.paragraph("Peserta mengikuti In-Basket dan Role Play dengan metode assessment center.", align="L")
    flow.paragraph("IV. Job Person Match", flow.style.derive(bold=True), align="L")
    fonts = {run.text: run.font for run in runs(pdf_of(flow))}
    assert fonts["In-Basket"] == fonts["Role Play"] == fonts["assessment center"] == "LiberationSerif-Italic"
    assert fonts["Job Person Match"] == "LiberationSerif-BoldItalic"
    assert fonts["Peserta mengikuti"] == "LiberationSerif" and fonts["IV."] == "LiberationSerif-Bold"


@pytest.mark.parametrize("width", [150.0, 210.0, 260.0, 330.0])
def test_dates_date_ranges_and_phone_numbers_never_break_across_lines(width: float) -> None:
    flow = Flow(PageSpec(), body_style())
    flow.paragraph("Kegiatan dilaksanakan pada hari Selasa s.d. Rabu, 17 - 18 November 2026 bertempat di Aula "
                   "dan surat bertanggal 9 November 2026 dengan 2 (dua) lampiran; narahubung Sdr. Andi "
                   "(0812 3456 7890), kantor (021) 5253004.", right=flow.width - width,
                   align="L")
    lines = [run.text.replace("\u00a0", " ") for run in lines_of(pdf_of(flow))]
    assert len(lines) >= 3
    assert any("17 - 18 November 2026" in line for line in lines)
    assert any("9 November 2026" in line for line in lines)
    assert any("2 (dua)" in line for line in lines)
    assert any("(0812 3456 7890)" in line for line in lines)
    assert any("(021) 5253004" in line for line in lines)


def test_column_widths_respect_minimums_and_total() -> None:
    widths = column_widths([Column("No", 0, min_width=20), Column("Nama", 3), Column("NIP", 0, min_width=90),
                            Column("Unit", 1)], 400)
    assert sum(widths) == pytest.approx(400)
    assert widths[0] == 20 and widths[2] == 90
    assert widths[1] == pytest.approx(3 * widths[3])


def test_table_columns_print_at_the_shared_widths() -> None:
    flow = Flow(PageSpec(), body_style(10))
    columns = [Column("No", 0, min_width=30), Column("Nama", 3), Column("Unit", 1)]
    draw_table(flow, columns, [["1.", "Budi", "Biro Umum"]], _table_style())
    widths = column_widths(columns, flow.width)
    starts = {run.text: run.x for run in runs(pdf_of(flow))}
    pad = _table_style().padding
    assert starts["Budi"] == pytest.approx(flow.x0 + widths[0] + pad, abs=0.2)
    assert starts["Biro Umum"] == pytest.approx(flow.x0 + widths[0] + widths[1] + pad, abs=0.2)


def test_style_derive_keeps_the_family_and_scales_the_leading() -> None:
    style = body_style()
    bold = style.derive(bold=True, size=14.0)
    assert (bold.font, bold.size) == ("UkomSerif-Bold", 14.0)
    assert bold.leading == pytest.approx(style.leading * 14 / 12)
    assert isinstance(bold, Style)


def test_an_empty_document_still_prints_its_one_blank_page() -> None:
    empty = Document(PageSpec(), Flow(PageSpec(), body_style()).story)
    letter = Flow(PageSpec(), body_style())
    letter.paragraph("Surat kedua.")
    out = io.BytesIO()
    assert write_pdf([empty, Document(letter.spec, letter.story)], out) == 2
    assert empty.page_count == 1
    first, second = page_texts(PdfReader(io.BytesIO(out.getvalue())))
    assert first.strip() == "" and "Surat kedua." in second


def test_unknown_paper_size_is_refused_in_indonesian() -> None:
    with pytest.raises(ValueError, match="A4 atau F4"):
        _ = PageSpec("Letter").size  # type: ignore[arg-type]
