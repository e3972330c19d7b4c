"""The frame of a susunan acara made from the schedule: registration every morning, the opening on the
first day, ISHOMA at the lunch break and the closing on the last day, around the exercise lines.

An agenda typed by the user (AgendaItem) is printed as it is; this frame is only added when the rundown
is derived from the stored schedule.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from ukom_desktop.documents.model import RundownItem

REGISTRATION_MINUTES = 30
OPENING_MINUTES = 15
CLOSING_MINUTES = 30


def _hhmm(value: time) -> str:
    return f"{value.hour:02d}.{value.minute:02d}"


def _shift(value: time, minutes: int) -> time:
    return (datetime.combine(date(2000, 1, 3), value) + timedelta(minutes=minutes)).time()


def _line(start: time, end: time, activity: str, executor: str, venue: str) -> tuple[time, RundownItem]:
    return start, RundownItem(f"{_hhmm(start)} - {_hhmm(end)}", activity, executor, venue)


def framed_day(
    sessions: list[tuple[time, time, RundownItem]], *, first: bool, last: bool, venue: str,
    lunch: tuple[time, time] | None = (time(12), time(13)),
) -> tuple[RundownItem, ...]:
    """The exercise lines of one day (start, end, line) with registration, opening, ISHOMA and closing."""
    if not sessions:
        return ()
    begin = min(s for s, _e, _i in sessions)
    finish = max(e for _s, e, _i in sessions)
    lines: list[tuple[time, RundownItem]] = [(s, item) for s, _e, item in sessions]
    registration_end = _shift(begin, -OPENING_MINUTES) if first else begin
    lines.append(_line(_shift(begin, -REGISTRATION_MINUTES), registration_end,
                       "Registrasi dan pengisian daftar hadir peserta", "Panitia", venue))
    if first:
        lines.append(_line(registration_end, begin, "Pembukaan dan pengarahan teknis",
                           "Pimpinan penyelenggara", venue))
    if lunch is not None and begin < lunch[0] and finish > lunch[1]:
        lines.append(_line(lunch[0], lunch[1], "ISHOMA (istirahat, salat, makan)", "Panitia", venue))
    if last:
        lines.append(_line(finish, _shift(finish, CLOSING_MINUTES), "Penutupan", "Pimpinan penyelenggara", venue))
    lines.sort(key=lambda pair: pair[0])
    return tuple(item for _start, item in lines)
