"""The table read from a spreadsheet (RawSheet), the error a reader raises, and the checks of its size."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from ukom_desktop.io import limits
from ukom_desktop.io.cell_values import CellValue, is_blank

_READABLE = "xlsx, xls, ods, csv"


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


def _column_index(letters: str) -> int:
    index = 0
    for char in letters:
        index = index * 26 + ord(char) - 64
    return index - 1



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

