"""NIP PNS (18 digit) parsing, structural validation and printing (Perka BKN 22/2007, 43/2007).

There is no check digit, so validation is structural: 18 digits, a real birth date, a TMT CPNS
month 01-12 not before the birth date, a gender digit 1 or 2 and a sequence 001-999.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

MIN_AGE_AT_APPOINTMENT = 18  # UNVERIFIED in regulation: a warning only


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
    text = str(raw).strip()
    if _WHOLE_FLOAT_TEXT.fullmatch(text):
        text = text.split(".")[0]
    if _SCIENTIFIC_TEXT.fullmatch(text):
        # Scientific notation from a numeric cell: precision is already lost beyond 15 digits.
        return text
    return _NON_DIGIT.sub("", text)


def parse_nip(raw: object) -> NipInfo:
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
    if not nip.isdigit():
        raise NipError(f"NIP '{raw}' mengandung karakter selain angka")
    if len(nip) != 18:
        raise NipError(f"NIP harus 18 digit, bukan {len(nip)} digit")
    try:
        birth = date(int(nip[0:4]), int(nip[4:6]), int(nip[6:8]))
    except ValueError:
        raise NipError(f"8 digit pertama NIP ({nip[0:8]}) bukan tanggal lahir yang sah") from None
    tmt_year, tmt_month = int(nip[8:12]), int(nip[12:14])
    if not 1 <= tmt_month <= 12:
        raise NipError(f"bulan TMT CPNS pada NIP ({nip[12:14]}) harus 01-12")
    if (tmt_year, tmt_month) < (birth.year, birth.month):
        raise NipError("TMT CPNS pada NIP lebih awal dari tanggal lahir")
    if nip[14] not in "12":
        raise NipError(f"digit ke-15 NIP (jenis kelamin) harus 1 atau 2, bukan {nip[14]}")
    sequence = int(nip[15:18])
    if sequence == 0:
        raise NipError("nomor urut NIP (3 digit terakhir) tidak boleh 000")
    warnings: list[str] = []
    age = tmt_year - birth.year - ((tmt_month, 1) < (birth.month, birth.day))
    if age < MIN_AGE_AT_APPOINTMENT:
        warnings.append(f"usia saat TMT CPNS menurut NIP hanya {age} tahun")
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
