"""Letter numbers: a pattern per kind of letter (a setting) and a sequence per kind and year that never
gives the same number twice, also with several workstations on one PostgreSQL server.

The increment is one `UPDATE document_sequence SET last_value = last_value + 1 ... RETURNING last_value`:
on PostgreSQL it takes the row lock (like SELECT ... FOR UPDATE) until the transaction ends, so a second
workstation waits and then reads the incremented value; on SQLite the UPDATE opens the write transaction
(the database allows one writer at a time, waiting up to busy_timeout). The first number of a year is an
INSERT inside a savepoint; when another workstation inserted the same kind and year first, the unique key
refuses ours and the UPDATE is retried. A rolled-back transaction gives its numbers back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ukom_desktop.db.models import DocumentSequence
from ukom_desktop.domain.dates import roman_month
from ukom_desktop.errors import UserFacingError
from ukom_desktop.services.settings import get_setting, set_setting

SETTING_KEY = "documents.numbering"

# Kinds of letter that carry a number, with their Indonesian names.
NUMBERED_KINDS: dict[str, str] = {
    "undangan": "Surat Undangan",
    "pemanggilan": "Surat Pemanggilan",
    "surat_tugas": "Surat Tugas",
    "berita_acara": "Berita Acara Pelaksanaan",
    "keputusan": "Keputusan (SK Tim dan SK Peserta)",
    "pks": "Perjanjian Kerja Sama",
    "penyampaian_hasil": "Surat Penyampaian Hasil Penilaian",
}

DEFAULT_PATTERNS: dict[str, str] = {
    "undangan": "{seq}/UND/PK/{roman_month}/{year}",
    "pemanggilan": "{seq}/PGL/PK/{roman_month}/{year}",
    "surat_tugas": "{seq}/ST/PK/{roman_month}/{year}",
    "berita_acara": "{seq}/BA/PK/{roman_month}/{year}",
    "keputusan": "{seq}/KEP/PK/{roman_month}/{year}",
    "pks": "{seq}/PKS/PK/{roman_month}/{year}",
    "penyampaian_hasil": "{seq}/HSL/PK/{roman_month}/{year}",
}

PATTERN_FIELDS: dict[str, str] = {
    "seq": "nomor urut (1, 2, 3, ...), dimulai lagi dari 1 setiap tahun",
    "seq3": "nomor urut tiga digit (001, 002, ...)",
    "roman_month": "bulan dengan angka Romawi (I-XII)",
    "month": "bulan dengan dua digit (01-12)",
    "year": "tahun empat digit",
}

_FIELD = re.compile(r"\{([^{}]*)\}")
_MAX_ATTEMPTS = 5


@dataclass(frozen=True)
class IssuedNumber:
    kind: str
    year: int
    sequence: int
    text: str


def pattern_problems(pattern: str) -> list[str]:
    """What is wrong with a numbering pattern, as Indonesian sentences; empty when usable."""
    problems: list[str] = []
    text = pattern.strip()
    if not text:
        return ["Pola nomor tidak boleh kosong."]
    names = _FIELD.findall(text)
    unknown = [name for name in names if name not in PATTERN_FIELDS]
    if unknown:
        listed = ", ".join("{" + name + "}" for name in dict.fromkeys(unknown))
        available = ", ".join("{" + name + "}" for name in PATTERN_FIELDS)
        problems.append(f"Pola nomor memuat isian yang tidak dikenal: {listed}. Isian yang dapat dipakai: {available}.")
    if "seq" not in names and "seq3" not in names:
        problems.append("Pola nomor harus memuat nomor urut {seq} atau {seq3} agar setiap surat bernomor unik.")
    if "year" not in names:
        problems.append("Pola nomor harus memuat {year}, karena nomor urut dimulai lagi dari 1 setiap tahun.")
    leftover = _FIELD.sub("", text)
    if "{" in leftover or "}" in leftover:
        problems.append("Tanda kurung kurawal pada pola nomor tidak berpasangan.")
    if not any(ch.isalpha() for ch in leftover):
        problems.append("Pola nomor harus memuat kode jenis surat (huruf, mis. UND) agar nomornya tidak sama "
                        "dengan nomor surat jenis lain.")
    for match in _FIELD.finditer(text):
        if match.group(1) not in ("seq", "seq3"):
            continue
        before = text[match.start() - 1] if match.start() > 0 else ""
        after = text[match.end()] if match.end() < len(text) else ""
        if before.isdigit() or after.isdigit() or before == "}" or after == "{":
            problems.append("Nomor urut pada pola nomor harus dipisahkan dari angka atau isian lain (mis. dengan "
                            "/ atau -), agar nomor 1 dan 11 tidak dapat tertukar.")
            break
    return problems


def _skeleton(pattern: str) -> str:
    """The pattern with {seq3} read as {seq}, ignoring case: two kinds with one skeleton can give one number."""
    return _FIELD.sub(lambda m: "{seq}" if m.group(1) in ("seq", "seq3") else m.group(0), pattern.strip()).casefold()


def pattern_collisions(patterns: dict[str, str], kind: str | None = None) -> list[str]:
    """Sentences naming the kinds whose patterns can produce the same number (each kind counts on its own,
    so equal patterns give "1/UND/..." to two different letters); only those involving `kind` when given."""
    by_skeleton: dict[str, list[str]] = {}
    for name, pattern in patterns.items():
        by_skeleton.setdefault(_skeleton(pattern), []).append(name)
    return [
        f"{' dan '.join(_kind_title(k) for k in kinds)} memakai pola nomor yang sama ({patterns[kinds[0]]}); "
        "nomor surat akan berulang. Bedakan kode jenis suratnya, mis. UND dan PGL."
        for kinds in by_skeleton.values() if len(kinds) > 1 and (kind is None or kind in kinds)
    ]


def _kind_title(kind: str) -> str:
    return NUMBERED_KINDS.get(kind, "Laporan hasil penilaian" if kind == REPORT_KIND else kind)


REPORT_KIND = "laporan_hasil"


def all_patterns(session: Session, letters: dict[str, str] | None = None) -> dict[str, str]:
    """Every numbering pattern in use: the letters' and the approved reports' (report QC)."""
    from ukom_desktop.services.report_qc import DEFAULT_NUMBER_PATTERN, NUMBER_SETTING

    out = dict(letters if letters is not None else numbering_patterns(session))
    out[REPORT_KIND] = str(get_setting(session, NUMBER_SETTING, DEFAULT_NUMBER_PATTERN) or DEFAULT_NUMBER_PATTERN)
    return out


def format_number(pattern: str, sequence: int, when: date) -> str:
    """Fill a pattern: format_number("{seq}/UND/BPK/{roman_month}/{year}", 7, 2026-11-09) -> "7/UND/BPK/XI/2026"."""
    values = {
        "seq": str(sequence),
        "seq3": f"{sequence:03d}",
        "roman_month": roman_month(when),
        "month": f"{when.month:02d}",
        "year": str(when.year),
    }
    return _FIELD.sub(lambda m: values.get(m.group(1), m.group(0)), pattern.strip())


def numbering_patterns(session: Session) -> dict[str, str]:
    """The pattern of every numbered kind (the user's, else the default)."""
    stored = get_setting(session, SETTING_KEY, {}) or {}
    return {kind: str(stored.get(kind) or DEFAULT_PATTERNS[kind]) for kind in NUMBERED_KINDS}


def pattern_for(session: Session, kind: str) -> str:
    _check_kind(kind)
    return numbering_patterns(session)[kind]


def save_patterns(session: Session, patterns: dict[str, str]) -> None:
    """Store the patterns; refuse the whole change (naming the letter) when one is unusable."""
    stored = dict(get_setting(session, SETTING_KEY, {}) or {})
    for kind, pattern in patterns.items():
        _check_kind(kind)
        problems = pattern_problems(pattern)
        if problems:
            raise UserFacingError(f"{NUMBERED_KINDS[kind]}: {' '.join(problems)}")
        stored[kind] = pattern.strip()
    merged = {kind: str(stored.get(kind) or DEFAULT_PATTERNS[kind]) for kind in NUMBERED_KINDS}
    collisions = pattern_collisions(all_patterns(session, merged))
    if collisions:
        raise UserFacingError(" ".join(collisions))
    set_setting(session, SETTING_KEY, stored)


def _check_kind(kind: str) -> None:
    if kind not in NUMBERED_KINDS:
        raise UserFacingError(f"Jenis surat '{kind}' tidak memiliki penomoran.")


def _increment(session: Session, kind: str, year: int) -> int | None:
    statement = (
        update(DocumentSequence)
        .where(DocumentSequence.kind == kind, DocumentSequence.year == year)
        .values(last_value=DocumentSequence.last_value + 1)
        .returning(DocumentSequence.last_value)
        .execution_options(synchronize_session=False)
    )
    return session.execute(statement).scalar_one_or_none()


def next_sequence(session: Session, kind: str, year: int) -> int:
    """Take the next sequence value of `kind` in `year` inside the caller's transaction."""
    _check_kind(kind)
    for _attempt in range(_MAX_ATTEMPTS):
        value = _increment(session, kind, year)
        if value is not None:
            return int(value)
        try:
            with session.begin_nested():
                session.add(DocumentSequence(kind=kind, year=year, last_value=1))
            return 1
        except IntegrityError:
            continue  # another workstation started this year's sequence first: increment theirs
    raise UserFacingError("Nomor surat tidak dapat diambil karena basis data sedang sibuk. Coba lagi sebentar lagi.")


def issue_number(session: Session, kind: str, when: date) -> IssuedNumber:
    """Take the next number of `kind` for a letter dated `when` and format it with the kind's pattern."""
    clash = pattern_collisions(all_patterns(session), kind)
    if clash:  # stored before patterns were checked against each other: never hand out a repeated number
        raise UserFacingError(clash[0] + " Ubah pola nomor di Data > Profil instansi sebelum mencetak.")
    sequence = next_sequence(session, kind, when.year)
    return IssuedNumber(kind, when.year, sequence, format_number(pattern_for(session, kind), sequence, when))


def last_sequence(session: Session, kind: str, year: int) -> int:
    """The last number given (0 when none yet), for showing the user where a sequence stands."""
    value = session.scalar(
        select(DocumentSequence.last_value).where(DocumentSequence.kind == kind, DocumentSequence.year == year)
    )
    return int(value or 0)


