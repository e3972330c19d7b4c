"""Cell values as people meant them: text, whole numbers, dates in Indonesian and numeric forms."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from ukom_desktop.io.cell_values import cell_date, cell_text, find_date_in_text, is_blank


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (None, ""),
        ("  Budi \u00a0 Santoso\n", "Budi Santoso"),
        (12.0, "12"),
        (12.5, "12.5"),
        (7, "7"),
        (date(1986, 9, 26), "26-09-1986"),
        (datetime(1986, 9, 26, 0, 0), "26-09-1986"),
        (datetime(2026, 11, 23, 8, 30), "23-11-2026 08:30"),
        (float("nan"), ""),
    ],
)
def test_cell_text(value: object, text: str) -> None:
    assert cell_text(value) == text  # type: ignore[arg-type]


def test_is_blank() -> None:
    assert is_blank(None) and is_blank("") and is_blank("  \u00a0")
    assert not is_blank(0) and not is_blank("x")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("26-09-1986", date(1986, 9, 26)),
        ("26/9/1986", date(1986, 9, 26)),
        ("1986-09-26", date(1986, 9, 26)),
        ("26 September 1986", date(1986, 9, 26)),
        ("26 Sept. 1986", date(1986, 9, 26)),
        ("17 Agustus 1945", date(1945, 8, 17)),
        ("5 Agt 1990", date(1990, 8, 5)),
        ("1 Mei 2000", date(2000, 5, 1)),
        ("31 Desember 1999", date(1999, 12, 31)),
        ("Surakarta, 26-09-86", date(1986, 9, 26)),
        ("3-4-05", date(2005, 4, 3)),
        ("31-02-1990", None),
        ("30 Februarii 1990", None),
        ("tanpa tanggal", None),
    ],
)
def test_find_date_in_text(text: str, expected: date | None) -> None:
    found = find_date_in_text(text)
    assert (found[0] if found else None) == expected


def test_find_date_reports_where_the_date_is() -> None:
    text = "Denpasar, 20 Januari 1985"
    found = find_date_in_text(text)
    assert found is not None
    _, start, end = found
    assert text[:start].strip(" ,") == "Denpasar"
    assert text[start:end] == "20 Januari 1985"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (date(1990, 3, 15), date(1990, 3, 15)),
        (datetime(1990, 3, 15, 12, 0), date(1990, 3, 15)),
        (32947.0, date(1990, 3, 15)),  # Excel serial number of a date cell that lost its format
        ("15 Maret 1990", date(1990, 3, 15)),
        (True, None),
        (None, None),
        (198609262015051001, None),
    ],
)
def test_cell_date(value: object, expected: date | None) -> None:
    assert cell_date(value) == expected  # type: ignore[arg-type]
