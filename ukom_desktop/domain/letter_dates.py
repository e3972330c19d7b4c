"""The date a letter carries (tata naskah dinas): a sensible default and the warnings an auditor would raise.

Letters that prepare the event (undangan, pemanggilan, surat tugas) must be dated before its first day:
a surat tugas dated after the task is an audit finding. Their default is today while today is early
enough, otherwise a working day a few days before the event. Documents written after the event
(berita acara, laporan) default to its last day or later. A date on a Saturday or Sunday is flagged.
Lead times are UNVERIFIED practice (a week for an invitation), not a regulation.
"""

from __future__ import annotations

from datetime import date, timedelta

from ukom_desktop.domain.dates import format_date_id

# kind -> days before the event's first day that the letter should at the latest carry (UNVERIFIED)
BEFORE_EVENT: dict[str, int] = {"undangan": 7, "pemanggilan": 3, "surat_tugas": 3, "sambutan": 1,
                                "susunan_acara": 1, "daftar_hadir": 1}
MUST_PRECEDE: frozenset[str] = frozenset({"undangan", "pemanggilan", "surat_tugas"})
AFTER_EVENT: frozenset[str] = frozenset({"berita_acara", "laporan"})
KIND_NAMES: dict[str, str] = {"undangan": "surat undangan", "pemanggilan": "surat pemanggilan",
                              "surat_tugas": "surat tugas"}
_DAY_NAMES = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")


def working_day_on_or_before(day: date) -> date:
    while day.weekday() >= 5:
        day -= timedelta(days=1)
    return day


def default_letter_date(kind: str, today: date, start: date | None, end: date | None = None) -> date:
    """The date a new letter of ``kind`` gets when the user does not choose one."""
    end = end or start
    if kind == "berita_acara":  # dated on the day it happened
        return end or today
    if kind in AFTER_EVENT:  # the last working day up to today, not before the event ended
        return max(working_day_on_or_before(today), end) if end is not None else today
    if start is None:
        return today
    latest = working_day_on_or_before(start - timedelta(days=BEFORE_EVENT.get(kind, 1)))
    workday = next_working_day(today)  # a letter written on a Sunday is dated Monday
    if workday <= latest or (workday < start and kind not in MUST_PRECEDE):
        return workday
    return latest


def next_working_day(day: date) -> date:
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def day_name(day: date) -> str:
    return _DAY_NAMES[day.weekday()]


def letter_date_warnings(kind: str, when: date, start: date | None) -> list[str]:
    """Sentences for a letter date an auditor or the secretariat would send back (empty when fine)."""
    warnings = []
    if kind in MUST_PRECEDE and start is not None and when >= start:
        name = KIND_NAMES.get(kind, "naskah ini")
        warnings.append(
            f"Tanggal {name} ({format_date_id(when)}) "
            + ("sama dengan" if when == start else "sesudah")
            + f" hari pertama kegiatan ({format_date_id(start)}); {name} harus bertanggal sebelum kegiatan."
        )
    if when.weekday() >= 5:
        warnings.append(f"Tanggal naskah ({format_date_id(when)}) jatuh pada hari {day_name(when)}.")
    return warnings
