from datetime import date

import pytest

from ukom_desktop.domain.dates import format_date_id, format_date_range_id, format_day_date_id, roman_month
from ukom_desktop.domain.golongan import GOLONGAN_PANGKAT, normalize_golongan, pangkat_golongan, pangkat_of


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("III/a", "III/a"), ("III-A", "III/a"), ("iii/b", "III/b"), ("3c", "III/c"), ("3/d", "III/d"),
        ("31", "III/a"), (45, "IV/e"), (45.0, "IV/e"), ("Penata Muda Tk. I (III/b)", "III/b"),
        ("Penata Muda Tingkat I", "III/b"), ("Pembina Utama Muda", "IV/c"), ("Juru", "I/c"),
        ("IV / a", "IV/a"), ("V/a", None), ("II/e", None), ("", None), (None, None), ("Direktur", None),
    ],
)
def test_golongan_spellings(raw: object, expected: str | None) -> None:
    assert normalize_golongan(raw) == expected


def test_pangkat_table_has_all_17_golongan() -> None:
    assert len(GOLONGAN_PANGKAT) == 17
    assert pangkat_of("IV/e") == "Pembina Utama"
    assert pangkat_golongan("III/b") == "Penata Muda Tingkat I, III/b"


def test_indonesian_dates() -> None:
    assert format_date_id(date(2026, 11, 22)) == "22 November 2026"
    assert format_day_date_id(date(2026, 11, 23)) == "Senin, 23 November 2026"
    assert format_date_range_id(date(2026, 11, 23), date(2026, 11, 25)) == "23 - 25 November 2026"
    assert format_date_range_id(date(2026, 11, 30), date(2026, 12, 2)) == "30 November - 2 Desember 2026"
    assert format_date_range_id(date(2026, 12, 30), date(2027, 1, 2)) == "30 Desember 2026 - 2 Januari 2027"
    assert roman_month(date(2026, 11, 1)) == "XI"
