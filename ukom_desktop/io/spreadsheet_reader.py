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
import csv
import io
import posixpath
import re
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from html.parser import HTMLParser
from pathlib import Path

from python_calamine import CalamineWorkbook, PasswordError, SheetTypeEnum, SheetVisibleEnum

from ukom_desktop.io import limits
from ukom_desktop.io.cell_values import CellValue, is_blank
from ukom_desktop.io.text_hygiene import clean_cells

WORKBOOK_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xlsb", ".xls", ".ods"})
TEXT_SUFFIXES = frozenset({".csv", ".txt", ".tsv"})
SUPPORTED_SUFFIXES = WORKBOOK_SUFFIXES | TEXT_SUFFIXES
_READABLE = "xlsx, xls, ods, csv"
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTION_INFO = "EncryptionInfo".encode("utf-16-le")
_DELIMITERS = (";", ",", "\t", "|")
_SNIFF_LINES = 60


class SpreadsheetError(Exception):
    """A file that cannot be read as a table; the message is in Bahasa Indonesia and safe to show."""


@dataclass(frozen=True)
class RawSheet:
    """The cells of one sheet, as read. Empty cells are "" (or None); trailing empty rows are dropped.

    rows[0] is spreadsheet row `first_row_number` and column 0 is spreadsheet column
    `first_column_index` (0 = A): leading empty rows and columns are not stored.
    """

    rows: list[list[CellValue]]
    sheet_name: str
    source_kind: str  # "xlsx", "xlsb", "xls", "ods", "csv" or "html"
    source_name: str = ""
    first_row_number: int = 1
    first_column_index: int = 0
    sheet_names: tuple[str, ...] = ()
    delimiter: str | None = None
    encoding: str | None = None
    notes: tuple[str, ...] = field(default=())
    # rows[index] -> why the row cannot be trusted (e.g. an unclosed quote joined several lines of a CSV)
    row_problems: Mapping[int, str] = field(default_factory=dict)

    def row_number(self, index: int) -> int:
        """The row number a user sees in the spreadsheet for rows[index]."""
        return self.first_row_number + index

    def column_letter(self, index: int) -> str:
        """The column letter ("A", "AB") a user sees for column index of rows."""
        return column_letter(self.first_column_index + index)

    @property
    def width(self) -> int:
        return max((len(row) for row in self.rows), default=0)


def column_letter(index: int) -> str:
    """0 -> "A", 25 -> "Z", 26 -> "AA"."""
    letters = ""
    number = index + 1
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _not_readable(name: str, reason: str = "") -> SpreadsheetError:
    text = f"Berkas '{name}' bukan lembar kerja yang dapat dibaca ({_READABLE})."
    return SpreadsheetError(f"{text} {reason}".strip())


def _strip_trailing_empty(rows: list[list[CellValue]]) -> list[list[CellValue]]:
    end = len(rows)
    while end and all(is_blank(value) for value in rows[end - 1]):
        end -= 1
    del rows[end:]
    return rows


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
_MAIN_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


_EXTENT_REF = re.compile(rb"""\sr=["']([A-Z]{0,4})(\d{1,10})["']""")
# A quick first pass: any row/cell reference at or beyond row 100,000 or column GS (201); only when one
# is found is the exact extent computed. Keep in step with limits.MAX_ROWS / MAX_COLUMNS (a test checks).
_BEYOND_LIMITS = re.compile(
    rb"""\sr=["'](?:[A-Z]{3,}|G[S-Z]|[H-Z][A-Z])\d|\sr=["'][A-Z]{0,4}(?:\d{7,}|[1-9]\d{5})["']"""
)
_CHUNK = 1 << 20


def _check_archive(data: bytes, name: str) -> None:
    """Refuse a zip whose parts unpack beyond the limits, before calamine unpacks anything."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        return  # calamine reports the damage in its own sentence
    total = sum(info.file_size for info in infos)
    worst = max(
        (info.file_size / max(info.compress_size, 1) for info in infos if info.file_size > 1024 * 1024), default=0
    )
    if total > limits.MAX_UNCOMPRESSED_BYTES or worst > limits.MAX_COMPRESSION_RATIO:
        raise SpreadsheetError(
            f"Berkas '{name}' terlalu besar setelah dibuka ({limits.megabytes(total)}; batasnya "
            f"{limits.megabytes(limits.MAX_UNCOMPRESSED_BYTES)}) atau isinya dimampatkan secara tidak wajar. "
            "Salin tabel pesertanya saja ke buku kerja baru lalu impor berkas itu."
        )


def _sheet_extent(archive: zipfile.ZipFile, part: str) -> tuple[int, int]:
    """The last row number and column number (1-based) any row or cell of an xlsx sheet names.

    Read as a stream with a bounded amount of unpacked text, so a sheet that claims cell XFD1048576 is
    found without calamine allocating room for every cell up to it.
    """
    last_row = last_col = 0
    unpacked = 0
    tail = b""
    exact = False
    with archive.open(part) as stream:
        while chunk := stream.read(_CHUNK):
            unpacked += len(chunk)
            if unpacked > limits.MAX_UNCOMPRESSED_BYTES:
                return last_row, max(last_col, limits.MAX_COLUMNS + 1)
            block = tail + chunk
            exact = exact or _BEYOND_LIMITS.search(block) is not None
            if exact:
                for letters, digits in _EXTENT_REF.findall(block):
                    last_row = max(last_row, int(digits))
                    if letters:
                        last_col = max(last_col, _column_index(letters.decode()) + 1)
            tail = block[-64:]
    return last_row, last_col


def _check_extent(data: bytes, sheet_name: str, name: str) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            part = _sheet_part(archive, sheet_name)
            if part is None:
                return
            last_row, last_col = _sheet_extent(archive, part)
    except (KeyError, zipfile.BadZipFile, ET.ParseError, ValueError, OSError, EOFError):
        return  # calamine reports the damage in its own sentence
    if last_row > limits.MAX_ROWS or last_col > limits.MAX_COLUMNS:
        raise _too_large(name, sheet_name, last_row, last_col)


def _too_large(name: str, sheet_name: str, rows: int, columns: int) -> SpreadsheetError:
    where = f"sampai baris {limits.thousands(rows)}" if rows > limits.MAX_ROWS else ""
    if columns > limits.MAX_COLUMNS:
        where = (where + " dan " if where else "") + f"sampai kolom {column_letter(columns - 1)}"
    return SpreadsheetError(
        f"Lembar '{sheet_name}' pada berkas '{name}' terisi {where}; batasnya {limits.thousands(limits.MAX_ROWS)} "
        f"baris dan {limits.MAX_COLUMNS} kolom. Hapus isi di luar tabel (misalnya sel yang jauh di kanan "
        "atau di bawah), simpan, lalu impor ulang."
    )


def _check_read_size(rows: list[list[CellValue]], name: str, sheet_name: str) -> None:
    width = max((len(row) for row in rows), default=0)
    if len(rows) > limits.MAX_ROWS or width > limits.MAX_COLUMNS:
        raise _too_large(name, sheet_name, len(rows), width)


def _has_big_floats(rows: list[list[CellValue]]) -> bool:
    return any(type(value) is float and abs(value) >= _BIG_FLOAT for row in rows for value in row)


def _sheet_part(archive: zipfile.ZipFile, sheet_name: str) -> str | None:
    workbook = ET.fromstring(archive.read("xl/workbook.xml"))
    rels = ET.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    targets = {rel.get("Id"): rel.get("Target", "") for rel in rels}
    for sheet in workbook.iter(f"{_MAIN_NS}sheet"):
        if sheet.get("name") == sheet_name:
            target = targets.get(sheet.get(f"{_REL_NS}id"), "")
            return target.lstrip("/") if target.startswith("/") else posixpath.normpath("xl/" + target)
    return None


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


def _column_index(letters: str) -> int:
    index = 0
    for char in letters:
        index = index * 26 + ord(char) - 64
    return index - 1


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


# --------------------------------------------------------------------------- text (csv)


def _decode(data: bytes, name: str) -> tuple[str, str]:
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), "utf-16"
    if b"\x00" in data[:4096]:
        raise _not_readable(name, "Isinya berupa data biner, bukan teks.")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def _sniff_delimiter(lines: Sequence[str]) -> str:
    """The delimiter that splits the most sample lines into the same number (> 1) of fields."""
    best, best_score = ",", 0
    for delimiter in _DELIMITERS:
        counts: dict[int, int] = {}
        try:
            records = list(csv.reader(lines, delimiter=delimiter))
        except csv.Error:  # a field over the limit: reported by the full read
            continue
        for record in records:
            if len(record) > 1:
                counts[len(record)] = counts.get(len(record), 0) + 1
        score = max(counts.values(), default=0)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _read_text(path: Path, data: bytes) -> RawSheet:
    name = path.name
    text, encoding = _decode(data, name)
    if not text.strip():
        raise SpreadsheetError(f"Berkas '{name}' kosong.")
    delimiter: str | None = None
    first_line, _, rest = text.partition("\n")
    if first_line.strip().lower().startswith("sep=") and len(first_line.strip()) == 5:
        delimiter, text = first_line.strip()[4], rest  # Excel's "sep=;" hint line is not shown as a row
    if delimiter is None:
        sample = [line for line in text.splitlines()[:_SNIFF_LINES] if line.strip()]
        delimiter = _sniff_delimiter(sample)
    rows, problems = _parse_csv(text, delimiter, name)
    rows = _strip_trailing_empty(rows)
    if not rows:
        raise SpreadsheetError(f"Berkas '{name}' kosong.")
    _check_read_size(rows, name, path.stem)
    return RawSheet(
        rows=rows,
        sheet_name=path.stem,
        source_kind="csv",
        source_name=name,
        sheet_names=(path.stem,),
        delimiter=delimiter,
        encoding=encoding,
        row_problems={index: text for index, text in problems.items() if index < len(rows)},
    )


def _parse_csv(text: str, delimiter: str, name: str) -> tuple[list[list[CellValue]], dict[int, str]]:
    """The records of a CSV text, and a sentence for each record that spans several lines of the file."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[list[CellValue]] = []
    problems: dict[int, str] = {}
    line = 0
    try:
        for record in reader:
            first, line = line + 1, reader.line_num
            if line > first and any("\n" in value or "\r" in value for value in record):
                swallowed = any(delimiter in value for value in record if "\n" in value or "\r" in value)
                span = f"baris {first}-{line} berkas"
                problems[len(rows)] = (
                    f"Tanda kutip (\") yang tidak ditutup menggabungkan {span} menjadi satu baris; perbaiki tanda "
                    "kutip itu di berkas lalu impor ulang"
                    if swallowed
                    else f"Isian sel memuat pindah baris ({span}); periksa baris ini"
                )
            rows.append(list(record))
            if len(rows) > limits.MAX_ROWS:
                raise _too_large(name, name, len(rows), 0)
    except csv.Error as exc:
        if "field larger than field limit" in str(exc):
            raise SpreadsheetError(
                f"Berkas '{name}' memuat isian yang lebih panjang dari "
                f"{limits.thousands(limits.MAX_CSV_FIELD_CHARS)} karakter (sekitar baris {reader.line_num} berkas). "
                "Biasanya ada tanda kutip (\") yang tidak ditutup; perbaiki lalu impor ulang."
            ) from None
        raise _not_readable(name, "Susunan kolomnya tidak dapat diurai.") from exc
    return rows, problems


# --------------------------------------------------------------------------- HTML tables saved as .xls


class _TableParser(HTMLParser):
    """Collects the cells of the first <table>, repeating nothing for colspan (empty cells instead)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[list[CellValue]] = []
        self._depth = 0
        self._done = False
        self._cell: list[str] | None = None
        self._colspan = 1

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._done:
            return
        if tag == "table":
            self._depth += 1
        elif self._depth == 1 and tag == "tr":
            self.rows.append([])
        elif self._depth == 1 and tag in ("td", "th") and self.rows:
            self._cell = []
            span = dict(attrs).get("colspan") or "1"
            self._colspan = int(span) if span.isdigit() else 1
        elif tag == "br" and self._cell is not None:
            self._cell.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if self._done:
            return
        if tag in ("td", "th") and self._cell is not None:
            self.rows[-1].append(" ".join("".join(self._cell).split()))
            self.rows[-1].extend([""] * (self._colspan - 1))
            self._cell = None
        elif tag == "table":
            self._depth -= 1
            self._done = self._depth == 0

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def _read_html(path: Path, data: bytes) -> RawSheet:
    text, encoding = _decode(data, path.name)
    parser = _TableParser()
    parser.feed(text)
    rows = _strip_trailing_empty(parser.rows)
    if not rows:
        raise SpreadsheetError(f"Berkas '{path.name}' tidak memuat tabel.")
    _check_read_size(rows, path.name, path.stem)
    return RawSheet(
        rows=rows,
        sheet_name=path.stem,
        source_kind="html",
        source_name=path.name,
        sheet_names=(path.stem,),
        encoding=encoding,
    )


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
