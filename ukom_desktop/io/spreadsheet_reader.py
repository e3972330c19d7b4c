"""Read one sheet of a spreadsheet file into plain rows of cell values.

xlsx, xlsm, xlsb, xls and ods go through python-calamine (fast, no per-cell Python objects beyond the
values); csv/txt/tsv through the csv module with delimiter sniffing and UTF-8/Windows-1252 decoding.
".xls" files that are really HTML tables or text (common exports of web-based personnel systems) are
read too. Anything else raises SpreadsheetError with a message in Bahasa Indonesia.

Hostile files (issue 12 items 4 and 6): the limits of io/limits.py are checked before anything large
is unpacked (file size, an archive's unpacked size and ratio, an xlsx sheet's last row and column), and
after reading (rows, columns). Control characters, text-direction overrides and zero-width characters
are removed from every cell, with a note. A CSV record that spans several lines (an unclosed quote
swallowing the next lines) is reported per row in RawSheet.row_problems.
"""

from __future__ import annotations

import codecs
import io
import re
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import replace
from pathlib import Path

from python_calamine import CalamineWorkbook, PasswordError, SheetTypeEnum, SheetVisibleEnum

from ukom_desktop.io import limits
from ukom_desktop.io.cell_values import CellValue
from ukom_desktop.io.raw_sheet import (
    RawSheet,
    SpreadsheetError,
    _check_read_size,
    _column_index,
    _not_readable,
    _strip_trailing_empty,
    column_letter,
)
from ukom_desktop.io.text_hygiene import clean_cells
from ukom_desktop.io.text_tables import _read_html, _read_text
from ukom_desktop.io.xlsx_guards import _MAIN_NS, _check_archive, _check_extent, _sheet_part

__all__ = ["RawSheet", "SpreadsheetError", "column_letter", "list_sheets", "read_table"]

WORKBOOK_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xlsb", ".xls", ".ods"})
TEXT_SUFFIXES = frozenset({".csv", ".txt", ".tsv"})
SUPPORTED_SUFFIXES = WORKBOOK_SUFFIXES | TEXT_SUFFIXES
_READABLE = "xlsx, xls, ods, csv"
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTION_INFO = "EncryptionInfo".encode("utf-16-le")


# --------------------------------------------------------------------------- workbooks (calamine)


def _password_error(name: str) -> SpreadsheetError:
    return SpreadsheetError(
        f"Berkas '{name}' dilindungi kata sandi. Buka berkas itu, hapus kata sandinya, simpan, lalu impor ulang."
    )


def _open_workbook(path: Path, data: bytes, name: str) -> CalamineWorkbook:
    """Open by file name first (calamine picks the format from the suffix), then by content.

    Opening by content covers an xlsx saved under a .xls name and the reverse.
    """
    try:
        return CalamineWorkbook.from_path(str(path))
    except PasswordError:
        raise _password_error(name) from None
    except Exception:  # calamine raises several unrelated error types
        pass
    try:
        return CalamineWorkbook.from_filelike(io.BytesIO(data))
    except PasswordError:
        raise _password_error(name) from None
    except Exception as exc:
        if data.startswith(_ZIP_MAGIC) and _is_encrypted_ods(data):
            raise _password_error(name) from None
        raise _not_readable(name, "Berkas rusak atau bukan lembar kerja.") from exc


def _is_encrypted_ods(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            manifest = archive.read("META-INF/manifest.xml")
    except (KeyError, zipfile.BadZipFile):
        return False
    return b"encryption-data" in manifest


def _kind_of(data: bytes, suffix: str) -> str:
    if data.startswith(_ZIP_MAGIC):
        if b"opendocument.spreadsheet" in data[:200]:
            return "ods"
        return "xlsb" if suffix == ".xlsb" else "xlsx"
    return "xls"


_BIG_FLOAT = float(2**53)  # above this a float cannot hold every integer: 18-digit NIPs lose digits
_CELL_REF = re.compile(r"([A-Z]+)(\d+)")


def _has_big_floats(rows: list[list[CellValue]]) -> bool:
    return any(type(value) is float and abs(value) >= _BIG_FLOAT for row in rows for value in row)


def _restore_big_integers(
    data: bytes, sheet_name: str, rows: list[list[CellValue]], start: tuple[int, int]
) -> None:
    """Put back the exact digits of long integers that an exporter wrote as numbers (e.g. NIPs).

    calamine turns every number into a float, which keeps only about 16 digits. Personnel systems often
    export NIPs as numeric cells holding all 18 digits; the file is read again, for that sheet only, to
    recover them as int. Numbers that the spreadsheet program itself already rounded stay floats.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            part = _sheet_part(archive, sheet_name)
            if part is None:
                return
            with archive.open(part) as stream:
                for _event, element in ET.iterparse(stream):
                    if element.tag != f"{_MAIN_NS}c":
                        continue
                    if element.get("t", "n") == "n":
                        value = element.find(f"{_MAIN_NS}v")
                        text = value.text if value is not None else None
                        if text and len(text) > 15 and text.isdigit():
                            ref = _CELL_REF.fullmatch(element.get("r", ""))
                            if ref:
                                row = int(ref.group(2)) - 1 - start[0]
                                col = _column_index(ref.group(1)) - start[1]
                                if 0 <= row < len(rows) and 0 <= col < len(rows[row]):
                                    rows[row][col] = int(text)
                    element.clear()
    except (KeyError, zipfile.BadZipFile, ET.ParseError):
        return


def list_sheets(path: str | Path) -> list[str]:
    """Names of the visible sheets of a workbook (one name for csv), for a sheet chooser."""
    path = Path(path)
    data = _read_bytes(path)
    if _content_type(path, data) != "workbook":
        return [path.stem]
    if data.startswith(_ZIP_MAGIC):
        _check_archive(data, path.name)
    return _visible_sheets(_open_workbook(path, data, path.name))


def _visible_sheets(workbook: CalamineWorkbook) -> list[str]:
    return [
        meta.name
        for meta in workbook.sheets_metadata
        if meta.visible == SheetVisibleEnum.Visible and meta.typ == SheetTypeEnum.WorkSheet
    ]


def _read_workbook(path: Path, data: bytes, sheet: str | int | None) -> RawSheet:
    name = path.name
    workbook = _open_workbook(path, data, name)
    names = list(workbook.sheet_names)
    if not names:
        raise SpreadsheetError(f"Berkas '{name}' tidak berisi lembar kerja.")
    visible = _visible_sheets(workbook)
    if isinstance(sheet, int):
        if not 0 <= sheet < len(names):
            raise SpreadsheetError(f"Berkas '{name}' hanya memiliki {len(names)} lembar kerja.")
        chosen = [names[sheet]]
    elif isinstance(sheet, str):
        if sheet not in names:
            raise SpreadsheetError(
                f"Lembar '{sheet}' tidak ada di berkas '{name}'. Lembar yang ada: {', '.join(names)}."
            )
        chosen = [sheet]
    else:
        chosen = visible + [n for n in names if n not in visible]
    is_xlsx = data.startswith(_ZIP_MAGIC) and _kind_of(data, path.suffix.lower()) == "xlsx"
    for sheet_name in chosen:
        if is_xlsx:
            _check_extent(data, sheet_name, name)
        try:
            calamine_sheet = workbook.get_sheet_by_name(sheet_name)
            rows: list[list[CellValue]] = calamine_sheet.to_python(skip_empty_area=True)  # type: ignore[assignment]
        except PasswordError:
            raise _password_error(name) from None
        except Exception as exc:
            raise _not_readable(name, f"Lembar '{sheet_name}' tidak dapat dibaca.") from exc
        rows = _strip_trailing_empty(rows)
        _check_read_size(rows, name, sheet_name)
        if rows:
            start = calamine_sheet.start or (0, 0)
            if (
                data.startswith(_ZIP_MAGIC)
                and _has_big_floats(rows)
                and _kind_of(data, path.suffix.lower()) == "xlsx"
            ):
                _restore_big_integers(data, sheet_name, rows, start)
            return RawSheet(
                rows=rows,
                sheet_name=sheet_name,
                source_kind=_kind_of(data, path.suffix.lower()),
                source_name=name,
                first_row_number=start[0] + 1,
                first_column_index=start[1],
                sheet_names=tuple(names),
            )
    if sheet is not None:
        raise SpreadsheetError(f"Lembar '{chosen[0]}' pada berkas '{name}' kosong.")
    raise SpreadsheetError(f"Berkas '{name}' tidak berisi data: semua lembarnya kosong.")


# --------------------------------------------------------------------------- entry point


def _read_bytes(path: Path) -> bytes:
    name = path.name
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise _not_readable(name)
    try:
        size = path.stat().st_size
        if size > limits.MAX_FILE_BYTES:
            raise SpreadsheetError(
                f"Berkas '{name}' berukuran {limits.megabytes(size)}, melebihi batas "
                f"{limits.megabytes(limits.MAX_FILE_BYTES)} untuk impor. Salin tabel yang diperlukan saja ke "
                "berkas baru lalu impor berkas itu."
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise SpreadsheetError(f"Berkas '{name}' tidak ditemukan.") from None
    except IsADirectoryError:
        raise SpreadsheetError(f"'{name}' adalah folder, bukan berkas.") from None
    except OSError as exc:
        raise SpreadsheetError(f"Berkas '{name}' tidak dapat dibuka: {exc.strerror or exc}.") from None
    if not data.strip():
        raise SpreadsheetError(f"Berkas '{name}' kosong.")
    return data


def _looks_like_html(data: bytes) -> bool:
    head = data[:2048].lstrip(codecs.BOM_UTF8).lstrip().lower()
    return head.startswith(b"<") and b"<table" in data[:200_000].lower()


def _content_type(path: Path, data: bytes) -> str:
    """ "workbook", "text" or "html" from the bytes; raise when they cannot be a table."""
    name = path.name
    suffix = path.suffix.lower()
    if data.startswith(b"%PDF"):
        raise _not_readable(name, "Isinya dokumen PDF.")
    if data.startswith(_OLE_MAGIC):
        if suffix in (".xlsx", ".xlsm", ".xlsb") and _ENCRYPTION_INFO in data:
            raise _password_error(name)
        return "workbook"  # also an .xls saved under a .csv name; calamine decides by content
    if data.startswith(_ZIP_MAGIC):
        return "workbook"
    if suffix in (".xls",) and _looks_like_html(data):
        return "html"
    if suffix in (".xlsx", ".xlsm", ".xlsb", ".ods"):
        raise _not_readable(
            name, f"Isinya tidak sesuai format {suffix[1:]} (mungkin berkas lain yang diganti namanya)."
        )
    return "text"


def read_table(path: str | Path, sheet: str | int | None = None) -> RawSheet:
    """Read one sheet of a spreadsheet or CSV file.

    sheet: a sheet name, a 0-based index, or None for the first visible sheet that holds data.
    Raises SpreadsheetError (message in Bahasa Indonesia) for missing, empty, password-protected,
    corrupt or non-spreadsheet files.
    """
    path = Path(path)
    data = _read_bytes(path)
    kind = _content_type(path, data)
    if kind == "workbook":
        if data.startswith(_ZIP_MAGIC):
            _check_archive(data, path.name)
        raw = _read_workbook(path, data, sheet)
    elif kind == "html":
        raw = _read_html(path, data)
    else:
        raw = _read_text(path, data)
    note = clean_cells(raw.rows, raw.row_number)
    return replace(raw, notes=(*raw.notes, note)) if note else raw
