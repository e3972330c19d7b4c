"""Write tables to a formatted Excel workbook (openpyxl): the one helper every Excel export uses.

Each sheet gets a bold title in a merged row, optional subtitle lines, a bold filled header row that
stays frozen on screen and carries an autofilter, column widths fitted to the content, and per-column
number formats. Text columns (NIP, phone numbers) are stored as text so Excel never turns
"198609262015051001" into 1.98609E+17.

Every text cell (titles, headers and values) is written as a text cell, never a formula: a name such as
'=HYPERLINK("http://...")' or "=cmd|' /C calc'!A0" that came in through an import stays inert text in
Excel (issue 12 item 7). Characters a workbook cannot hold (control characters such as ESC or BEL) are
dropped and text is cut at Excel's 32,767 characters, so no cell can stop an export.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from ukom_desktop.io.output_file import atomic_output

TEXT_FORMAT = "@"
DATE_FORMAT = "dd-mm-yyyy"
DATETIME_FORMAT = "dd-mm-yyyy hh:mm"
INTEGER_FORMAT = "0"
DECIMAL_FORMAT = "0.00"

_THIN = Side(style="thin", color="808080")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER_FILL = PatternFill("solid", start_color="D9E1F2", end_color="D9E1F2")
_INVALID_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")
_NOT_IN_XLSX = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
EXCEL_MAX_CELL_CHARS = 32_767


def export_text(text: str) -> str:
    """Text as a workbook can hold it: without control characters, at most 32,767 characters."""
    text = _NOT_IN_XLSX.sub("", text)
    if len(text) > EXCEL_MAX_CELL_CHARS:
        text = text[: EXCEL_MAX_CELL_CHARS - 1] + "\u2026"
    return text


def put_value(cell: Cell, value: object) -> Cell:
    """Set a cell's value; text is always a text cell (never a formula), cleaned by export_text."""
    if isinstance(value, str):
        text = export_text(value)
        cell.value = text
        cell.data_type = "s"  # openpyxl would make "=..." a formula
        if text.startswith(_FORMULA_START):
            cell.quotePrefix = True  # Excel keeps it text even when the cell is edited
    else:
        cell.value = value
    return cell


@dataclass(frozen=True)
class TableColumn:
    """A column: its header, an optional Excel number format and an optional fixed width (characters).

    number_format "@" (TEXT_FORMAT) stores every value as text; use it for NIP and phone numbers.
    """

    header: str
    number_format: str | None = None
    width: float | None = None
    wrap: bool = False

    @classmethod
    def text(cls, header: str, width: float | None = None) -> TableColumn:
        return cls(header, TEXT_FORMAT, width)


@dataclass(frozen=True)
class TableSheet:
    """One sheet: title, subtitle lines, columns and rows (one value per column, None for empty)."""

    title: str
    columns: Sequence[TableColumn | str]
    rows: Sequence[Sequence[object]]
    subtitles: Sequence[str] = ()
    sheet_name: str | None = None
    max_width: float = 50.0
    landscape: bool | None = None  # None: landscape when there are more than 6 columns
    footer_lines: Sequence[str] = ()  # notes under the table, e.g. "Dicetak 22 November 2026"

    def resolved_columns(self) -> list[TableColumn]:
        return [col if isinstance(col, TableColumn) else TableColumn(col) for col in self.columns]


def _sheet_title(wanted: str, taken: set[str]) -> str:
    base = _INVALID_SHEET_CHARS.sub(" ", export_text(wanted)).strip().strip("'")[:31] or "Lembar"
    title, number = base, 2
    while title.lower() in taken:
        suffix = f" ({number})"
        title = base[: 31 - len(suffix)] + suffix
        number += 1
    taken.add(title.lower())
    return title


def _display_length(value: object, number_format: str | None) -> int:
    if value is None:
        return 0
    if isinstance(value, datetime):
        return 16
    if isinstance(value, date):
        return 10
    if isinstance(value, float) and number_format == DECIMAL_FORMAT:
        return len(f"{value:.2f}")
    text = str(value)
    return max((len(line) for line in text.splitlines()), default=0)


def _cell_value(value: object, number_format: str | None) -> object:
    if value is None:
        return None
    if number_format == TEXT_FORMAT and not isinstance(value, str):
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        return str(value)
    return value


def _write_sheet(workbook: Workbook, table: TableSheet, taken: set[str], first: bool) -> None:
    sheet = workbook.active if first else workbook.create_sheet()
    sheet.title = _sheet_title(table.sheet_name or table.title, taken)
    columns = table.resolved_columns()
    count = max(len(columns), 1)
    last_letter = get_column_letter(count)

    row = 1
    put_value(sheet.cell(row=row, column=1), table.title).font = Font(bold=True, size=14)
    sheet.cell(row=row, column=1).alignment = Alignment(horizontal="center", vertical="center")
    if count > 1:
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=count)
    for line in table.subtitles:
        row += 1
        cell = put_value(sheet.cell(row=row, column=1), line)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center")
        if count > 1:
            sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=count)
    header_row = row + 2

    header_font = Font(bold=True)
    header_alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for index, column in enumerate(columns, start=1):
        cell = put_value(sheet.cell(row=header_row, column=index), column.header)
        cell.font = header_font
        cell.fill = _HEADER_FILL
        cell.border = _BORDER
        cell.alignment = header_alignment

    widths = [len(column.header) for column in columns]
    wrap_alignment = Alignment(vertical="top", wrap_text=True)
    top_alignment = Alignment(vertical="top")
    for offset, values in enumerate(table.rows, start=1):
        row_index = header_row + offset
        for index, column in enumerate(columns):
            raw = values[index] if index < len(values) else None
            number_format = column.number_format
            if number_format is None and isinstance(raw, datetime):
                number_format = DATETIME_FORMAT
            elif number_format is None and isinstance(raw, date):
                number_format = DATE_FORMAT
            cell = put_value(sheet.cell(row=row_index, column=index + 1), _cell_value(raw, number_format))
            if number_format:
                cell.number_format = number_format
            cell.border = _BORDER
            cell.alignment = wrap_alignment if column.wrap else top_alignment
            widths[index] = max(widths[index], _display_length(raw, number_format))

    for index, column in enumerate(columns):
        width = column.width if column.width is not None else min(max(widths[index] + 2, 6), table.max_width)
        sheet.column_dimensions[get_column_letter(index + 1)].width = width

    last_row = header_row + len(table.rows)
    for offset, line in enumerate(table.footer_lines, start=2):
        if line:
            put_value(sheet.cell(row=last_row + offset, column=1), line)

    sheet.freeze_panes = sheet.cell(row=header_row + 1, column=1)
    sheet.auto_filter.ref = f"A{header_row}:{last_letter}{max(last_row, header_row)}"
    sheet.print_title_rows = f"{header_row}:{header_row}"
    landscape = table.landscape if table.landscape is not None else count > 6
    sheet.page_setup.orientation = "landscape" if landscape else "portrait"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True


def write_table_workbook(path: str | Path, sheets: Sequence[TableSheet]) -> Path:
    """Write the sheets into one .xlsx file at path (replaced only when complete) and return the path.

    Raises OutputFileError (a sentence naming the file) when the file cannot be written, e.g. it is open
    in Excel."""
    if not sheets:
        raise ValueError("write_table_workbook needs at least one sheet")
    path = Path(path)
    workbook = Workbook()
    taken: set[str] = set()
    for number, table in enumerate(sheets):
        _write_sheet(workbook, table, taken, first=number == 0)
    with atomic_output(path) as temp:
        workbook.save(temp)
    return path
