"""Time arithmetic shared by the checker, the feasibility checks and the solver.

Inside the solver a moment is an integer count of minutes (``date.toordinal() * 1440 + minute of day``),
so intervals on different days never touch. Windows are half-open ``(start, end)`` minute pairs.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime, time, timedelta

from ukom_desktop.domain.dates import format_day_date_id
from ukom_desktop.domain.scheduling.model import Assessor, HalfDay, Settings

HALVES: tuple[HalfDay, ...] = ("pagi", "siang")

Window = tuple[int, int]
MINUTES_PER_DAY = 1440


def minute_of(day: date, moment: time) -> int:
    return day.toordinal() * MINUTES_PER_DAY + moment.hour * 60 + moment.minute


def to_minutes(moment: datetime) -> int:
    return minute_of(moment.date(), moment.time())


def from_minutes(minutes: int) -> datetime:
    day = date.fromordinal(minutes // MINUTES_PER_DAY)
    return datetime.combine(day, time()) + timedelta(minutes=minutes % MINUTES_PER_DAY)


def intersect(a: Sequence[Window], b: Sequence[Window]) -> list[Window]:
    """Intersection of two sorted lists of disjoint windows."""
    out: list[Window] = []
    i = j = 0
    while i < len(a) and j < len(b):
        start = max(a[i][0], b[j][0])
        end = min(a[i][1], b[j][1])
        if start < end:
            out.append((start, end))
        if a[i][1] < b[j][1]:
            i += 1
        else:
            j += 1
    return out


def merge(windows: Iterable[Window]) -> list[Window]:
    out: list[Window] = []
    for start, end in sorted(windows):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        elif start < end:
            out.append((start, end))
    return out


def subtract(a: Sequence[Window], b: Sequence[Window]) -> list[Window]:
    """``a`` without the parts covered by ``b`` (both sorted lists of disjoint windows)."""
    out: list[Window] = []
    for start, end in a:
        cursor = start
        for b_start, b_end in b:
            if b_end <= cursor or b_start >= end:
                continue
            if b_start > cursor:
                out.append((cursor, b_start))
            cursor = max(cursor, b_end)
        if cursor < end:
            out.append((cursor, end))
    return out


def longest(windows: Iterable[Window]) -> int:
    return max((end - start for start, end in windows), default=0)


def total_minutes(windows: Iterable[Window]) -> int:
    return sum(end - start for start, end in windows)


def working_windows(settings: Settings, day: date) -> list[Window]:
    """The working day minus the lunch break."""
    start, end = minute_of(day, settings.day_start), minute_of(day, settings.day_end)
    if not settings.has_lunch:
        return [(start, end)] if start < end else []
    assert settings.lunch_start is not None and settings.lunch_end is not None
    lunch = (minute_of(day, settings.lunch_start), minute_of(day, settings.lunch_end))
    return [w for w in ((start, min(end, lunch[0])), (max(start, lunch[1]), end)) if w[0] < w[1]]


def half_day_window(settings: Settings, day: date, half: HalfDay) -> Window:
    """Pagi runs until midday, siang from midday; the whole day is covered."""
    noon = minute_of(day, settings.midday)
    if half == "pagi":
        return (day.toordinal() * MINUTES_PER_DAY, noon)
    return (noon, (day.toordinal() + 1) * MINUTES_PER_DAY)


def available_windows(settings: Settings, assessor: Assessor, day: date) -> list[Window]:
    """The working windows of ``day`` during which the assessor is available."""
    work = working_windows(settings, day)
    if assessor.availability is None:
        return work
    halves = merge(
        half_day_window(settings, day, half)
        for half in HALVES
        if assessor.is_available(day, half)
    )
    return intersect(work, halves)


def halves_touched(settings: Settings, start: datetime, end: datetime) -> list[tuple[date, HalfDay]]:
    """The (day, half day) pairs that a session from ``start`` to ``end`` occupies."""
    out: list[tuple[date, HalfDay]] = []
    day = start.date()
    while day <= end.date():
        for half in ("pagi", "siang"):
            w_start, w_end = half_day_window(settings, day, half)  # type: ignore[arg-type]
            if to_minutes(start) < w_end and to_minutes(end) > w_start:
                out.append((day, half))  # type: ignore[arg-type]
        day += timedelta(days=1)
    return out


def format_hm(moment: datetime | time) -> str:
    """Clock time spelled the Indonesian way, e.g. 08.00."""
    return f"{moment.hour:02d}.{moment.minute:02d}"


def format_when(start: datetime, end: datetime) -> str:
    """Day, date and times, e.g. Senin, 23 November 2026 pukul 08.00-09.00."""
    if start.date() == end.date():
        return f"{format_day_date_id(start)} pukul {format_hm(start)}-{format_hm(end)}"
    return f"{format_day_date_id(start)} pukul {format_hm(start)} s.d. {format_day_date_id(end)} pukul {format_hm(end)}"


def format_minutes(value: int) -> str:
    """Thousands with a dot (3.600), as Indonesian text writes numbers."""
    return f"{value:,}".replace(",", ".")
