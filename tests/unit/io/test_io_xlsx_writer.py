"""The formatted workbook, read back with openpyxl and with the importer."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from ukom_desktop.domain.nip import format_nip
from ukom_desktop.io.participant_rows import parse_participant_rows
from ukom_desktop.io.spreadsheet_reader import read_table
from ukom_desktop.io.xlsx_writer import (
    DECIMAL_FORMAT,
    TEXT_FORMAT,
    TableColumn,
    TableSheet,
    write_table_workbook,
)

PEOPLE = [
    ("198609262015051001", "Budi Santoso, S.Kom.", "III/b", date(2026, 11, 23), 3.25, "081234567801"),
    ("199003152019032005", "Siti Rahmawati, S.E.", "III/a", date(2026, 11, 24), 2.5, "081234567802"),
]
COLUMNS = [
    TableColumn("No"),
    TableColumn.text("NIP"),
    TableColumn("Nama"),
    TableColumn("Golongan"),
    TableColumn("Tanggal Asesmen"),
    TableColumn("Nilai", DECIMAL_FORMAT),
    TableColumn.text("No. HP/WA"),
]


def participant_sheet(rows: list[tuple[object, ...]] | None = None) -> TableSheet:
    data = [[n, *person] for n, person in enumerate(rows or PEOPLE, start=1)]
    return TableSheet(
        title="DAFTAR PESERTA UJI KOMPETENSI",
        subtitles=["Pemerintah Kota Tangerang", "23-24 November 2026"],
        columns=COLUMNS,
        rows=data,
        sheet_name="Peserta",
        footer_lines=["Dicetak dari UKOM Desktop"],
    )


def test_title_subtitles_header_freeze_and_filter(tmp_path: Path) -> None:
    path = write_table_workbook(tmp_path / "peserta.xlsx", [participant_sheet()])
    sheet = load_workbook(path).active
    assert sheet.title == "Peserta"
    assert sheet["A1"].value == "DAFTAR PESERTA UJI KOMPETENSI"
    assert sheet["A1"].font.b
    merged = {str(r) for r in sheet.merged_cells.ranges}
    assert {"A1:G1", "A2:G2", "A3:G3"} <= merged
    assert (sheet["A2"].value, sheet["A3"].value) == ("Pemerintah Kota Tangerang", "23-24 November 2026")
    header = [cell.value for cell in sheet[5]]
    assert header == [column.header for column in COLUMNS]
    assert all(cell.font.b for cell in sheet[5])
    assert sheet["B5"].fill.fgColor.rgb.endswith("D9E1F2")
    assert sheet.freeze_panes == "A6"
    assert sheet.auto_filter.ref == "A5:G7"
    assert sheet.print_title_rows == "$5:$5"
    assert sheet["A9"].value == "Dicetak dari UKOM Desktop"


def test_nip_and_phone_are_stored_as_text(tmp_path: Path) -> None:
    rows = [(int(PEOPLE[0][0]), *PEOPLE[0][1:5], 81234567801.0)]  # numbers handed in by mistake
    path = write_table_workbook(tmp_path / "teks.xlsx", [participant_sheet(rows)])
    sheet = load_workbook(path).active
    nip = sheet["B6"]
    assert nip.value == "198609262015051001"
    assert nip.data_type == "s"
    assert nip.number_format == TEXT_FORMAT
    assert sheet["G6"].value == "81234567801"
    assert sheet["G6"].data_type == "s"


def test_number_formats_dates_and_widths(tmp_path: Path) -> None:
    long_name = "Prof. Dr. Ir. " + "Nama Sangat Panjang " * 6
    rows = [*PEOPLE, ("198501202010122002", long_name, "III/c", date(2026, 11, 25), 4.0, "081234567803")]
    sheet_def = participant_sheet(rows)
    path = write_table_workbook(tmp_path / "lebar.xlsx", [sheet_def])
    sheet = load_workbook(path).active
    assert sheet["F6"].number_format == DECIMAL_FORMAT
    assert sheet["E6"].number_format == "dd-mm-yyyy"
    assert sheet["E6"].value.date() == date(2026, 11, 23)
    widths = {letter: sheet.column_dimensions[letter].width for letter in "ABCDEFG"}
    assert widths["C"] == sheet_def.max_width  # capped
    assert widths["B"] >= len("198609262015051001")
    assert widths["A"] >= 4  # at least the header "No" plus padding, never below the minimum
    assert widths["B"] < widths["C"]


def test_several_sheets_with_clean_unique_names(tmp_path: Path) -> None:
    sheets = [
        TableSheet("Rekap: Kehadiran [Hari 1]", ["Nama"], [["Budi"]]),
        TableSheet("Rekap: Kehadiran [Hari 1]", ["Nama"], [["Siti"]]),
        TableSheet("Jadwal wawancara kelompok A sampai Z panjang", ["Jam"], []),
    ]
    workbook = load_workbook(write_table_workbook(tmp_path / "banyak.xlsx", sheets))
    names = workbook.sheetnames
    assert len(names) == 3 and len(set(names)) == 3
    assert all(len(name) <= 31 and not set(name) & set("[]:*?/\\") for name in names)
    empty = workbook[names[2]]
    assert empty.auto_filter.ref == "A3:A3"
    assert empty.freeze_panes == "A4"


def test_no_sheets_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        write_table_workbook(tmp_path / "kosong.xlsx", [])


def test_exported_participant_list_imports_back_unchanged(tmp_path: Path) -> None:
    columns = [
        TableColumn("No"),
        TableColumn.text("NIP"),
        TableColumn("Nama"),
        TableColumn("Golongan/Ruang"),
        TableColumn.text("No. HP/WA"),
    ]
    rows = [[n, format_nip(p[0]), p[1], p[2], p[5]] for n, p in enumerate(PEOPLE, start=1)]
    path = write_table_workbook(
        tmp_path / "ekspor.xlsx", [TableSheet("DAFTAR PESERTA", columns, rows, ["Kota"])]
    )
    preview = parse_participant_rows(read_table(path))
    assert preview.header_row_number == 4
    assert [(r.nip, r.name, r.golongan, r.phone) for r in preview.valid_records()] == [
        (p[0], p[1], p[2], p[5]) for p in PEOPLE
    ]
