from __future__ import annotations

from datetime import date, datetime

import pytest

from ukom_desktop.domain.terbilang import date_in_words, number_with_words, terbilang


@pytest.mark.parametrize(
    ("number", "words"),
    [
        (0, "nol"),
        (1, "satu"),
        (9, "sembilan"),
        (10, "sepuluh"),
        (11, "sebelas"),
        (12, "dua belas"),
        (19, "sembilan belas"),
        (20, "dua puluh"),
        (23, "dua puluh tiga"),
        (99, "sembilan puluh sembilan"),
        (100, "seratus"),
        (101, "seratus satu"),
        (110, "seratus sepuluh"),
        (111, "seratus sebelas"),
        (200, "dua ratus"),
        (999, "sembilan ratus sembilan puluh sembilan"),
        (1000, "seribu"),
        (1001, "seribu satu"),
        (1100, "seribu seratus"),
        (1999, "seribu sembilan ratus sembilan puluh sembilan"),
        (2000, "dua ribu"),
        (2026, "dua ribu dua puluh enam"),
        (10_000, "sepuluh ribu"),
        (11_000, "sebelas ribu"),
        (100_000, "seratus ribu"),
        (101_000, "seratus satu ribu"),
        (1_000_000, "satu juta"),
        (1_001_000, "satu juta seribu"),
        (2_500_000, "dua juta lima ratus ribu"),
        (1_000_000_000, "satu miliar"),
        (1_000_000_000_000, "satu triliun"),
        (-5, "minus lima"),
    ],
)
def test_terbilang(number: int, words: str) -> None:
    assert terbilang(number) == words


@pytest.mark.parametrize("bad", [1.5, "12", True])
def test_terbilang_rejects_non_integers(bad: object) -> None:
    with pytest.raises(TypeError):
        terbilang(bad)  # type: ignore[arg-type]


def test_terbilang_rejects_numbers_beyond_the_scale_words() -> None:
    with pytest.raises(ValueError, match="terlalu besar"):
        terbilang(10**18)


def test_number_with_words() -> None:
    assert number_with_words(30) == "30 (tiga puluh)"
    assert number_with_words(1) == "1 (satu)"


@pytest.mark.parametrize(
    ("when", "words"),
    [
        (date(2026, 11, 23), "Senin tanggal dua puluh tiga bulan November tahun dua ribu dua puluh enam"),
        (date(2025, 1, 1), "Rabu tanggal satu bulan Januari tahun dua ribu dua puluh lima"),
        (datetime(2024, 8, 17, 9, 30), "Sabtu tanggal tujuh belas bulan Agustus tahun dua ribu dua puluh empat"),
    ],
)
def test_date_in_words(when: date, words: str) -> None:
    assert date_in_words(when) == words
