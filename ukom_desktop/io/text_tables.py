"""CSV/text files and HTML tables saved as .xls, read into a RawSheet."""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Sequence
from html.parser import HTMLParser
from pathlib import Path

from ukom_desktop.io import limits
from ukom_desktop.io.cell_values import CellValue
from ukom_desktop.io.raw_sheet import (
    RawSheet,
    SpreadsheetError,
    _check_read_size,
    _not_readable,
    _strip_trailing_empty,
    _too_large,
)

_DELIMITERS = (";", ",", "\t", "|")
_SNIFF_LINES = 60


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

