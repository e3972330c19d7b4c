"""Indonesian dates as printed in letters and reports: "22 November 2026", "Minggu", "XI"."""

from __future__ import annotations

from datetime import date, datetime

BULAN = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)
HARI = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
ROMAN_MONTHS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


def as_date(value: date | datetime) -> date:
    """The date of a date or datetime."""
    return value.date() if isinstance(value, datetime) else value


def format_date_id(value: date | datetime | None) -> str:
    if value is None:
        return ""
    d = as_date(value)
    return f"{d.day} {BULAN[d.month - 1]} {d.year}"


def day_name_id(value: date | datetime) -> str:
    return HARI[as_date(value).weekday()]


def format_day_date_id(value: date | datetime | None) -> str:
    """"Senin, 23 November 2026"."""
    if value is None:
        return ""
    return f"{day_name_id(value)}, {format_date_id(value)}"


def format_date_range_id(start: date | None, end: date | None) -> str:
    """"23 - 25 November 2026", "30 November - 2 Desember 2026" or one date when start == end."""
    if start is None:
        return format_date_id(end)
    if end is None or end == start:
        return format_date_id(start)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day} - {format_date_id(end)}"
    if start.year == end.year:
        return f"{start.day} {BULAN[start.month - 1]} - {format_date_id(end)}"
    return f"{format_date_id(start)} - {format_date_id(end)}"


def roman_month(value: date | datetime | int) -> str:
    month = value if isinstance(value, int) else value.month
    return ROMAN_MONTHS[month - 1]
