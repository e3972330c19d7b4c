"""NIP PNS (18 digit) parsing, structural validation and printing (Perka BKN 22/2007, 43/2007).

There is no check digit, so validation is structural: 18 digits, a real birth date, a TMT CPNS
month 01-12 not before the birth date, a gender digit 1 or 2 and a sequence 001-999.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

MIN_AGE_AT_APPOINTMENT = 18  # UNVERIFIED in regulation: a warning only
EARLIEST_BIRTH_YEAR = 1940  # nobody born earlier is still in service (retirement at 58-65)
TMT_YEARS_AHEAD = 1  # a TMT CPNS may be set for next year's formation, not later


@dataclass(frozen=True, slots=True)
class NipInfo:
    nip: str
    birth_date: date
    tmt_year: int
    tmt_month: int
    sex: str  # "L" or "P"
    sequence: int
    warnings: tuple[str, ...] = ()


class NipError(ValueError):
    """An NIP that breaks a structural rule; the message is in Bahasa Indonesia."""


_NON_DIGIT = re.compile(r"[\s.\-'’`]")
_WHOLE_FLOAT_TEXT = re.compile(r"\d+\.0+")
_SCIENTIFIC_TEXT = re.compile(r"\d(\.\d+)?[eE]\+?\d+")


def normalize_nip(raw: object) -> str:
    """Turn what a spreadsheet holds (spaces, dots, a leading apostrophe, a float) into digits."""
    if raw is None:
        return ""
    if isinstance(raw, bool):
        return str(raw)
    if isinstance(raw, int):
        return str(raw)
    if isinstance(raw, float):
        if raw != raw or raw in (float("inf"), float("-inf")):
            return ""
        if raw.is_integer():
            return str(int(raw))
        return repr(raw)
    text = _ascii_digits(str(raw).strip())
    if _WHOLE_FLOAT_TEXT.fullmatch(text):
        text = text.split(".")[0]
    if _SCIENTIFIC_TEXT.fullmatch(text):
        # Scientific notation from a numeric cell: precision is already lost beyond 15 digits.
        return text
    return _NON_DIGIT.sub("", text)


def _ascii_digits(text: str) -> str:
    """Fullwidth (１２３), Arabic-Indic (١٢٣) and other decimal digits become ASCII 0-9.

    Only true decimal digits (Unicode category Nd) are converted; look-alikes such as
    superscripts (²) stay and are refused by parse_nip with a sentence naming them.
    """
    if text.isascii():
        return text
    return "".join(
        str(unicodedata.decimal(ch)) if not ch.isascii() and unicodedata.category(ch) == "Nd" else ch
        for ch in text
    )


def parse_nip(raw: object, today: date | None = None) -> NipInfo:
    """Validate an NIP and return its parts; raise NipError with an Indonesian reason."""
    if isinstance(raw, float) and raw >= 1e15:
        # Spreadsheets keep 15 significant digits of a number: the last digits of the NIP are gone.
        raise NipError(
            "NIP tersimpan sebagai angka di lembar kerja sehingga digit terakhirnya hilang; "
            "format kolom NIP sebagai Teks lalu ketik ulang NIP tersebut"
        )
    if raw.__class__ is str and len(raw) == 18 and raw.isdigit() and raw.isascii():  # type: ignore[attr-defined]
        nip: str = raw  # type: ignore[assignment]  # the usual case: normalize_nip would return it unchanged
    else:
        nip = normalize_nip(raw)
    if not nip:
        raise NipError("NIP kosong")
    if not (nip.isascii() and nip.isdigit()):
        odd = next((ch for ch in nip if not ("0" <= ch <= "9")), "")
        raise NipError(f"NIP '{raw}' mengandung karakter selain angka 0-9 ('{odd}')")
    if len(nip) != 18:
        raise NipError(f"NIP harus 18 digit, bukan {len(nip)} digit")
    try:
        birth = date(int(nip[0:4]), int(nip[4:6]), int(nip[6:8]))
    except ValueError:
        raise NipError(f"8 digit pertama NIP ({nip[0:8]}) bukan tanggal lahir yang sah") from None
    tmt_year, tmt_month = int(nip[8:12]), int(nip[12:14])
    if not 1 <= tmt_month <= 12:
        raise NipError(f"bulan TMT CPNS pada NIP ({nip[12:14]}) harus 01-12")
    today = today or date.today()
    if birth > today:
        raise NipError(f"tanggal lahir pada NIP ({nip[0:8]}) masih di masa depan")
    if birth.year < EARLIEST_BIRTH_YEAR:
        raise NipError(f"tahun lahir pada NIP ({birth.year}) sebelum {EARLIEST_BIRTH_YEAR}, tidak mungkin masih PNS aktif")
    if tmt_year > today.year + TMT_YEARS_AHEAD:
        raise NipError(f"tahun TMT CPNS pada NIP ({tmt_year}) terlalu jauh di masa depan")
    if (tmt_year, tmt_month) < (birth.year, birth.month):
        raise NipError("TMT CPNS pada NIP lebih awal dari tanggal lahir")
    if nip[14] not in "12":
        raise NipError(f"digit ke-15 NIP (jenis kelamin) harus 1 atau 2, bukan {nip[14]}")
    sequence = int(nip[15:18])
    if sequence == 0:
        raise NipError("nomor urut NIP (3 digit terakhir) tidak boleh 000")
    warnings: list[str] = []
    age = max(0, tmt_year - birth.year - ((tmt_month, 1) < (birth.month, birth.day)))
    if age < MIN_AGE_AT_APPOINTMENT:
        shown = f"hanya {age} tahun" if age else "kurang dari 1 tahun"
        warnings.append(
            f"usia saat TMT CPNS menurut NIP {shown} (lazimnya minimal {MIN_AGE_AT_APPOINTMENT} tahun); periksa NIP"
        )
    return NipInfo(
        nip=nip,
        birth_date=birth,
        tmt_year=tmt_year,
        tmt_month=tmt_month,
        sex="L" if nip[14] == "1" else "P",
        sequence=sequence,
        warnings=tuple(warnings),
    )


def is_valid_nip(raw: object) -> bool:
    try:
        parse_nip(raw)
    except NipError:
        return False
    return True


def format_nip(nip: str | None) -> str:
    """Print an NIP in 8-6-1-3 groups: 19860926 201505 1 001. Anything else is returned as is."""
    if not nip:
        return ""
    digits = normalize_nip(nip)
    if len(digits) != 18 or not digits.isdigit():
        return str(nip)
    return f"{digits[0:8]} {digits[8:14]} {digits[14]} {digits[15:18]}"
