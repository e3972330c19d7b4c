"""Numbers and dates written out in Indonesian words, as official documents spell them.

"23" -> "dua puluh tiga", "1000" -> "seribu", "30 (tiga puluh)" and the berita-acara date phrase
"Senin tanggal dua puluh tiga bulan November tahun dua ribu dua puluh enam".
"""

from __future__ import annotations

from datetime import date, datetime

from ukom_desktop.domain.dates import BULAN, day_name_id

_DIGITS = ("nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan")
# Scale words for groups of three digits, from thousands upward.
_SCALES = ("ribu", "juta", "miliar", "triliun", "kuadriliun")
MAX_TERBILANG = 10 ** (3 * (len(_SCALES) + 1)) - 1


def _below_hundred(n: int) -> list[str]:
    if n < 10:
        return [_DIGITS[n]] if n else []
    if n == 10:
        return ["sepuluh"]
    if n == 11:
        return ["sebelas"]
    if n < 20:
        return [_DIGITS[n - 10], "belas"]
    tens, ones = divmod(n, 10)
    return [_DIGITS[tens], "puluh", *_below_hundred(ones)]


def _below_thousand(n: int) -> list[str]:
    hundreds, rest = divmod(n, 100)
    words: list[str] = []
    if hundreds == 1:
        words.append("seratus")
    elif hundreds > 1:
        words += [_DIGITS[hundreds], "ratus"]
    return words + _below_hundred(rest)


def terbilang(number: int) -> str:
    """Write a whole number in Indonesian words (lower case): 2026 -> "dua ribu dua puluh enam"."""
    if isinstance(number, bool) or not isinstance(number, int):
        raise TypeError("terbilang() hanya menerima bilangan bulat")
    if number == 0:
        return "nol"
    if number < 0:
        return "minus " + terbilang(-number)
    if number > MAX_TERBILANG:
        raise ValueError(f"bilangan {number} terlalu besar untuk ditulis dengan huruf")
    groups: list[int] = []
    while number:
        number, group = divmod(number, 1000)
        groups.append(group)
    words: list[str] = []
    for index in range(len(groups) - 1, -1, -1):
        group = groups[index]
        if not group:
            continue
        if index == 1 and group == 1:
            words.append("seribu")
            continue
        words += _below_thousand(group)
        if index:
            words.append(_SCALES[index - 1])
    return " ".join(words)


def number_with_words(number: int) -> str:
    """"30 (tiga puluh)", the way counts are written in letters."""
    return f"{number} ({terbilang(number)})"


def date_in_words(value: date | datetime) -> str:
    """"Senin tanggal dua puluh tiga bulan November tahun dua ribu dua puluh enam"."""
    d = value.date() if isinstance(value, datetime) else value
    return (
        f"{day_name_id(d)} tanggal {terbilang(d.day)} bulan {BULAN[d.month - 1]} "
        f"tahun {terbilang(d.year)}"
    )
