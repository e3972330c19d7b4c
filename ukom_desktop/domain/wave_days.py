"""Days of a wave (gelombang): working days, and the share of the event's days a wave gets when the
wave itself has no dates yet (a new event made in the window, waves formed by grouping)."""

from __future__ import annotations

from datetime import date, timedelta

DAYS_PER_WAVE = 2  # the default: 440 minutes of exercises do not fit one 08:00-16:00 day


def working_days(start: date | None, end: date | None) -> list[date]:
    """Monday to Friday from start to end (both included); a single weekend day stands alone."""
    if start is None:
        return []
    last = end if end is not None and end >= start else start
    days, day = [], start
    while day <= last:
        if day.weekday() < 5:
            days.append(day)
        day += timedelta(days=1)
    return days or [start]


def workday_span(start: date, count: int) -> list[date]:
    """``count`` consecutive working days from ``start`` (moved to Monday when it is a weekend day)."""
    days: list[date] = []
    day = start
    while len(days) < max(1, count):
        if day.weekday() < 5:
            days.append(day)
        day += timedelta(days=1)
    return days


def default_wave_days(event_start: date | None, event_end: date | None, number: int, wave_count: int) -> list[date]:
    """The event's working days split in order over its waves; wave ``number`` (1-based) gets its share.

    With fewer days than waves, the later waves share the last day (the scheduler then says it is too
    short); the last wave takes any remainder."""
    days = working_days(event_start, event_end)
    if not days:
        return []
    count = max(1, wave_count)
    index = min(max(number, 1), count) - 1
    if len(days) < count:
        return [days[min(index, len(days) - 1)]]
    per = len(days) // count
    chunk = days[index * per:] if index == count - 1 else days[index * per:(index + 1) * per]
    return chunk


def span_of(days: list[date]) -> tuple[date | None, date | None]:
    return (days[0], days[-1]) if days else (None, None)


def wave_span(own_start: date | None, own_end: date | None, event_start: date | None, event_end: date | None,
              number: int, wave_count: int) -> tuple[date | None, date | None]:
    """First and last day of a wave: its own dates, else its share of the event's days (as the scheduler
    uses them), so letters, reports and the tables name the days the wave is really assessed on."""
    if own_start is not None:
        return own_start, own_end or own_start
    return span_of(default_wave_days(event_start, event_end, number, wave_count))
