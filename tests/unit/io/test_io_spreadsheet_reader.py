"""read_table on files written by LibreOffice, CSV variants and files that are not spreadsheets."""

from __future__ import annotations

import codecs
from datetime import date
from pathlib import Path

import pytest

from ukom_desktop.io.cell_values import cell_text
from ukom_desktop.io.spreadsheet_reader import SpreadsheetError, column_letter, list_sheets, read_table

IMPORT = Path(__file__).resolve().parents[2] / "fixtures" / "import"


def texts(row: list[object]) -> list[str]:
    return [cell_text(value) for value in row]


@pytest.mark.parametrize(
    ("name", "kind"),
    [("clean.xlsx", "xlsx"), ("clean.xls", "xls"), ("clean.ods", "ods"), ("clean.csv", "csv")],
)
def test_clean_file_in_every_format_reads_the_same_cells(name: str, kind: str) -> None:
    sheet = read_table(IMPORT / name)
    assert sheet.source_kind == kind
    assert sheet.source_name == name
    assert sheet.first_row_number == 1
    assert texts(sheet.rows[0])[:3] == ["No", "NIP", "Nama"]
    assert len(sheet.rows) == 7  # header + 6 participants
    # The NIP column was text in the source, so every format keeps all 18 digits.
    assert [cell_text(row[1]) for row in sheet.rows[1:]][:2] == ["198609262015051001", "199003152019032005"]
    reference = read_table(IMPORT / "clean.xlsx")
    assert [texts(row) for row in sheet.rows] == [texts(row) for row in reference.rows]


def test_workbook_dates_come_back_as_dates() -> None:
    for name in ("clean.xlsx", "clean.xls", "clean.ods"):
        assert read_table(IMPORT / name).rows[1][5] == date(1986, 9, 26)


def test_default_sheet_is_the_first_that_holds_data() -> None:
    for suffix in ("xlsx", "xls", "ods"):
        sheet = read_table(IMPORT / f"title_rows.{suffix}")
        assert sheet.sheet_name == "Peserta"
        assert sheet.sheet_names == ("Kosong", "Peserta")
        assert cell_text(sheet.rows[0][0]) == "DAFTAR PESERTA UJI KOMPETENSI MANAJERIAL"
        # The merged title leaves the other cells of its row empty.
        assert all(cell_text(value) == "" for value in sheet.rows[0][1:])
        # Trailing empty rows are dropped; the signature line is the last row kept.
        assert cell_text(sheet.rows[-1][9]) == "NIP. 19700101 199503 1 002"
        assert sheet.row_number(len(sheet.rows) - 1) == 22


def test_sheet_can_be_chosen_by_name_or_index() -> None:
    path = IMPORT / "title_rows.xlsx"
    assert read_table(path, sheet=1).sheet_name == "Peserta"
    assert read_table(path, sheet="Peserta").rows == read_table(path).rows
    with pytest.raises(SpreadsheetError, match="Lembar 'Kosong' pada berkas 'title_rows.xlsx' kosong"):
        read_table(path, sheet="Kosong")
    with pytest.raises(SpreadsheetError, match="Lembar 'Rekap' tidak ada .*Kosong, Peserta"):
        read_table(path, sheet="Rekap")
    with pytest.raises(SpreadsheetError, match="hanya memiliki 2 lembar"):
        read_table(path, sheet=5)
    assert list_sheets(path) == ["Kosong", "Peserta"]
    assert list_sheets(IMPORT / "clean.csv") == ["clean"]


def test_semicolon_windows_1252_csv() -> None:
    sheet = read_table(IMPORT / "semicolon_cp1252.csv")
    assert (sheet.delimiter, sheet.encoding) == (";", "cp1252")
    names = [cell_text(row[2]) for row in sheet.rows if len(row) > 2]
    assert "Sutrisno Wibowo, S.E." in names
    assert "Ni Luh Putu Ayu" in names
    assert "Frédéric Hutapea, S.T., M.T." in names
    assert cell_text(sheet.rows[-1][0]) == "Jumlah"


def test_comma_utf8_csv() -> None:
    sheet = read_table(IMPORT / "clean.csv")
    assert (sheet.delimiter, sheet.encoding) == (",", "utf-8")
    assert cell_text(sheet.rows[1][2]) == "Budi Santoso, S.Kom."


def test_csv_with_bom_tabs_sep_hint_and_utf16(tmp_path: Path) -> None:
    text = "NIP\tNama\n198609262015051001\tAndré\n\n\n"
    bom = tmp_path / "bom.txt"
    bom.write_bytes(codecs.BOM_UTF8 + text.encode("utf-8"))
    sheet = read_table(bom)
    assert sheet.delimiter == "\t" and sheet.encoding == "utf-8-sig"
    assert sheet.rows == [["NIP", "Nama"], ["198609262015051001", "André"]]

    hinted = tmp_path / "hint.csv"
    hinted.write_text("sep=|\nNIP|Nama\n1|Ani, S.E.\n", encoding="utf-8")
    sheet = read_table(hinted)
    assert sheet.delimiter == "|"
    assert sheet.rows[0] == ["NIP", "Nama"]

    wide = tmp_path / "unicode.csv"
    wide.write_bytes(text.encode("utf-16"))
    assert read_table(wide).rows[1] == ["198609262015051001", "André"]


def test_excel_that_was_saved_under_a_csv_name_is_read_by_content() -> None:
    sheet = read_table(IMPORT / "xls_saved_as.csv")
    assert sheet.source_kind == "xls"
    assert [texts(r) for r in sheet.rows] == [texts(r) for r in read_table(IMPORT / "clean.xls").rows]


def test_numeric_nip_exported_with_all_digits_is_read_exactly() -> None:
    sheet = read_table(IMPORT / "nip_number_exact.xlsx")
    nips = [row[0] for row in sheet.rows[1:]]
    assert nips == [198609262015051001, 199003152019032005, 197812102005011003]
    assert all(type(nip) is int for nip in nips)


def test_numeric_nip_rounded_by_the_spreadsheet_program_stays_a_float() -> None:
    sheet = read_table(IMPORT / "nip_forms.xlsx")
    assert isinstance(sheet.rows[4][1], float)


def test_html_table_saved_as_xls() -> None:
    sheet = read_table(IMPORT / "html_export.xls")
    assert sheet.source_kind == "html"
    assert sheet.rows[0][:3] == ["NO", "NIP", "NAMA"]
    assert sheet.rows[1][1] == "'198609262015051001"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "not_spreadsheet.xlsx",
            "bukan lembar kerja yang dapat dibaca (xlsx, xls, ods, csv). Isinya dokumen PDF",
        ),
        ("renamed_text.xlsx", "diganti namanya"),
        ("empty.csv", "kosong"),
        ("blank_sheet.xlsx", "tidak berisi data"),
        ("protected.ods", "dilindungi kata sandi"),
        ("protected.xls", "dilindungi kata sandi"),
        ("binary_garbage.csv", "data biner"),
        ("truncated.xlsx", "rusak"),
    ],
)
def test_unreadable_files_raise_a_clear_indonesian_message(name: str, expected: str) -> None:
    with pytest.raises(SpreadsheetError) as caught:
        read_table(IMPORT / name)
    message = str(caught.value)
    assert message.startswith(f"Berkas '{name}'")
    assert expected in message
    assert "Traceback" not in message


def test_unsupported_missing_and_encrypted_ooxml(tmp_path: Path) -> None:
    pdf = tmp_path / "surat.pdf"
    pdf.write_bytes(b"%PDF-1.4\n")
    with pytest.raises(SpreadsheetError, match=r"Berkas 'surat.pdf' bukan lembar kerja"):
        read_table(pdf)
    with pytest.raises(SpreadsheetError, match="tidak ditemukan"):
        read_table(tmp_path / "hilang.xlsx")
    # An encrypted xlsx is an OLE container holding an EncryptionInfo stream.
    locked = tmp_path / "terkunci.xlsx"
    locked.write_bytes(
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500) + "EncryptionInfo".encode("utf-16-le")
    )
    with pytest.raises(SpreadsheetError, match="dilindungi kata sandi"):
        read_table(locked)
    spaces = tmp_path / "spasi.csv"
    spaces.write_text("  \n\n ", encoding="utf-8")
    with pytest.raises(SpreadsheetError, match="kosong"):
        read_table(spaces)


def test_column_letters() -> None:
    assert [column_letter(i) for i in (0, 1, 25, 26, 27, 51, 52, 701, 702)] == [
        "A", "B", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA",
    ]  # fmt: skip


def test_leading_empty_rows_and_columns_keep_sheet_coordinates(tmp_path: Path) -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active["C4"] = "NIP"
    workbook.active["D5"] = "x"
    path = tmp_path / "offset.xlsx"
    workbook.save(path)
    sheet = read_table(path)
    assert sheet.rows[0][0] == "NIP"
    assert sheet.row_number(0) == 4
    assert sheet.column_letter(0) == "C" and sheet.column_letter(1) == "D"
