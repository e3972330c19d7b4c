"""Issue 12 item 8: property-based tests of the spreadsheet reader and the row judges. Any bytes, any
cell types, any sizes give a preview or a sentence (SpreadsheetError), never another exception; what
an export writes reads back. Bounded: a fixed number of examples each, derandomized so CI is stable."""

from __future__ import annotations

import io
import tempfile
from datetime import date, datetime, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from ukom_desktop.io.participant_rows import ImportPreview, parse_participant_rows
from ukom_desktop.io.spreadsheet_reader import RawSheet, SpreadsheetError, read_table
from ukom_desktop.io.team_rows import parse_team_rows
from ukom_desktop.io.xlsx_writer import TableSheet, write_table_workbook

BOUNDED = settings(max_examples=150, deadline=None, derandomize=True, database=None,
                   suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
SUFFIXES = [".csv", ".txt", ".tsv", ".xlsx", ".xls", ".ods", ".xlsb"]
HEADERS = ["No", "NIP", "Nama", "Jabatan", "Unit Kerja", "Golongan", "No HP", "Email", "Tempat, Tanggal Lahir",
           "Peran", "Jenis Kelamin", "Instansi", "Jabatan Sasaran"]

text_values = st.text(alphabet=st.characters(codec="utf-8"), max_size=40) | st.sampled_from(
    ["198609262015051001", "19860926 201505 1 001", "III/b", "=HYPERLINK(\"x\")", "\x1b\x07", "\u202eabc",
     "Jumlah", "Mengetahui", "26-09-1986", "Surakarta, 26 September 1986", "0812-3456-7890", "a@b.id", ""]
)
cell_values = st.one_of(
    st.none(), text_values, st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True), st.booleans(),
    st.dates(min_value=date(1900, 1, 1)), st.datetimes(min_value=datetime(1900, 1, 1)),
    st.timedeltas(min_value=timedelta(days=-3), max_value=timedelta(days=3)),
)
rows_of_cells = st.lists(st.lists(cell_values, max_size=14), max_size=25)


def _sheet(rows: list[list[object]]) -> RawSheet:
    return RawSheet(rows=[list(r) for r in rows], sheet_name="Lembar1", source_kind="xlsx", source_name="uji.xlsx")


def _read_or_sentence(path: Path) -> RawSheet | None:
    try:
        return read_table(path)
    except SpreadsheetError as exc:
        assert str(exc) and "Traceback" not in str(exc)
        return None


@BOUNDED
@given(data=st.binary(max_size=4096), suffix=st.sampled_from(SUFFIXES))
def test_any_bytes_give_a_table_or_a_sentence(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"acak{suffix}"
        path.write_bytes(data)
        sheet = _read_or_sentence(path)
        if sheet is not None:
            assert isinstance(parse_participant_rows(sheet), ImportPreview)
            parse_team_rows(sheet)


def _valid_xlsx() -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["No", "NIP", "Nama", "Unit Kerja"])
    sheet.append([1, "198609262015051001", "Budi", "Dinas A"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


VALID_XLSX = _valid_xlsx()


@BOUNDED
@given(changes=st.lists(st.tuples(st.integers(0, len(VALID_XLSX) - 1), st.integers(0, 255)), min_size=1,
                        max_size=8), cut=st.integers(0, len(VALID_XLSX)))
def test_damaged_workbooks_give_a_table_or_a_sentence(changes: list[tuple[int, int]], cut: int) -> None:
    data = bytearray(VALID_XLSX)
    for position, value in changes:
        data[position] = value
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "rusak.xlsx"
        path.write_bytes(bytes(data[: max(cut, len(data) // 2)]))
        sheet = _read_or_sentence(path)
        if sheet is not None:
            parse_participant_rows(sheet)


@BOUNDED
@given(rows=rows_of_cells, header=st.lists(st.sampled_from(HEADERS), min_size=1, max_size=8, unique=True))
def test_any_cells_under_a_header_give_a_preview(rows: list[list[object]], header: list[str]) -> None:
    preview = parse_participant_rows(_sheet([list(header), *rows]))
    for verdict in preview.rows:
        assert verdict.status in ("ok", "peringatan", "ditolak")
        assert verdict.importable == (not verdict.errors)
    assert preview.can_import == (not preview.problems and any(v.importable for v in preview.rows))
    parse_team_rows(_sheet([list(header), *rows]))


@BOUNDED
@given(rows=st.lists(st.lists(st.one_of(st.none(), text_values, st.integers(-(10**12), 10**12)), min_size=3,
                                        max_size=3), min_size=1, max_size=15))
def test_what_an_export_writes_reads_back(rows: list[list[object]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = write_table_workbook(Path(folder) / "ekspor.xlsx",
                                    [TableSheet(title="Uji", columns=["Nama", "NIP", "Unit"], rows=rows)])
        sheet = read_table(path)
        parse_participant_rows(sheet)
        values = [row for row in sheet.rows if row and row[0] != "Uji"]
        assert values  # the header at least


@BOUNDED
@given(lines=st.lists(st.text(alphabet=st.sampled_from(list(';,"\t\n\r a1\x1b\u200b')), max_size=30), max_size=20))
def test_any_csv_text_gives_a_preview_or_a_sentence(lines: list[str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "acak.csv"
        path.write_text("NIP;Nama;Unit Kerja\n" + "\n".join(lines), encoding="utf-8")
        sheet = _read_or_sentence(path)
        if sheet is not None:
            preview = parse_participant_rows(sheet)
            for index, problem in sheet.row_problems.items():
                assert 0 <= index < len(sheet.rows) and problem
            assert all(v.importable == (not v.errors) for v in preview.rows)
