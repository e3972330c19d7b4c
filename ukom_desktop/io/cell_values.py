"""Reading single cell values the way spreadsheets hold them: text, numbers, dates, Indonesian dates.

Spreadsheet readers hand back str, float, int, bool, date or datetime; CSV hands back str only. These
helpers turn either into the text or date a person meant, so importers do not care where a file came from.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

CellValue = str | float | int | bool | date | datetime | timedelta | None

# Month names and common abbreviations in Indonesian and English, lower case.
_MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        ("januari", "jan", "january"),
        ("februari", "feb", "pebruari", "peb", "february"),
        ("maret", "mar", "march"),
        ("april", "apr"),
        ("mei", "may"),
        ("juni", "jun", "june"),
        ("juli", "jul", "july"),
        ("agustus", "agu", "agt", "ags", "agus", "aug", "august"),
        ("september", "sep", "sept"),
        ("oktober", "okt", "oct", "october"),
        ("november", "nov", "nop", "nopember"),
        ("desember", "des", "dec", "december"),
    ),
    start=1,
):
    for _name in _names:
        _MONTHS[_name] = _number

_ISO_DATE = re.compile(r"(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")
_DMY_DATE = re.compile(r"(?<!\d)(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})(?!\d)")
_NAMED_DATE = re.compile(r"(?<!\d)(\d{1,2})[\s\-.]+([A-Za-z]+)\.?[\s\-.,]+(\d{4})(?!\d)")
_EXCEL_EPOCH = date(1899, 12, 30)


def is_blank(value: CellValue) -> bool:
    """True for an empty cell: None, "" or text made only of spaces."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    return False


def cell_text(value: CellValue) -> str:
    """The text a person sees in the cell, with runs of spaces (also non-breaking) collapsed.

    Whole numbers lose the ".0" a spreadsheet adds; dates print as DD-MM-YYYY.
    """
    if value is None:
        return ""
    if isinstance(value, str):
        return " ".join(value.split())
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if value != value:  # NaN
            return ""
        if value.is_integer() and abs(value) < 2**53:
            return str(int(value))
        return repr(value)
    if isinstance(value, datetime):
        if (value.hour, value.minute, value.second) == (0, 0, 0):
            return value.strftime("%d-%m-%Y")
        return value.strftime("%d-%m-%Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d-%m-%Y")
    return str(value)


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _full_year(year_text: str) -> int:
    year = int(year_text)
    if len(year_text) == 2:
        # Two-digit years in birth dates: 00-29 are 2000s, the rest 1900s.
        year += 2000 if year < 30 else 1900
    return year


def find_date_in_text(text: str) -> tuple[date, int, int] | None:
    """Find the first date written in text: "26-09-1986", "1986-09-26", "26 September 1986", "26 Sept. 1986".

    Day-month-year is assumed for numeric dates (Indonesian order). Returns (date, start, end) of the
    match so a caller can split "Surakarta, 26-09-1986" into place and date, or None.
    """
    candidates: list[tuple[int, int, date]] = []
    for match in _ISO_DATE.finditer(text):
        found = _safe_date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        if found:
            candidates.append((match.start(), match.end(), found))
            break
    for match in _DMY_DATE.finditer(text):
        found = _safe_date(_full_year(match.group(3)), int(match.group(2)), int(match.group(1)))
        if found:
            candidates.append((match.start(), match.end(), found))
            break
    for match in _NAMED_DATE.finditer(text):
        month = _MONTHS.get(match.group(2).lower())
        if month:
            found = _safe_date(int(match.group(3)), month, int(match.group(1)))
            if found:
                candidates.append((match.start(), match.end(), found))
                break
    if not candidates:
        return None
    start, end, found = min(candidates, key=lambda item: item[0])
    return found, start, end


def cell_date(value: CellValue) -> date | None:
    """A date from a date cell, an Excel serial number or a written date; None when there is none."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float):
        # A date cell whose format got lost shows its serial number (days since 1899-12-30).
        if 1 <= value < 80000:
            return _EXCEL_EPOCH + timedelta(days=int(value))
        return None
    found = find_date_in_text(cell_text(value))
    return found[0] if found else None
