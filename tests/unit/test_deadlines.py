"""Report and QC deadlines, days in status and the overdue flag."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest

from ukom_desktop.domain.deadlines import (
    DeadlineSettings,
    add_days,
    days_in_status,
    days_left,
    is_overdue,
    is_working_day,
    qc_deadline,
    report_deadline,
    report_deadline_status,
    was_on_time,
)

LAST_DAY = date(2026, 11, 20)  # a Friday
WORKING = DeadlineSettings(working_days=True)


@pytest.mark.parametrize(
    ("settings", "report_due", "qc_due"),
    [
        # calendar: 20 Nov + 17 = 7 Dec (Mon); QC + 1 = 8 Dec
        (DeadlineSettings(), date(2026, 12, 7), date(2026, 12, 8)),
        # working days from Fri 20 Nov: weeks of 5 -> 27 Nov (5), 4 Dec (10), 11 Dec (15), Mon 14 (16), Tue 15 (17)
        (WORKING, date(2026, 12, 15), date(2026, 12, 16)),
        # a holiday on Tue 1 Dec pushes both by one working day
        (
            DeadlineSettings(working_days=True, holidays=frozenset({date(2026, 12, 1)})),
            date(2026, 12, 16),
            date(2026, 12, 17),
        ),
        # other lengths: 14 calendar days, 2 for QC
        (DeadlineSettings(report_days=14, qc_days=2), date(2026, 12, 4), date(2026, 12, 6)),
        # holidays are ignored when counting calendar days
        (DeadlineSettings(holidays=frozenset({date(2026, 12, 1)})), date(2026, 12, 7), date(2026, 12, 8)),
    ],
)
def test_report_and_qc_deadlines(settings: DeadlineSettings, report_due: date, qc_due: date) -> None:
    assert report_deadline(LAST_DAY, settings) == report_due
    assert qc_deadline(LAST_DAY, settings) == qc_due


def test_default_deadline_accepts_datetime() -> None:
    assert report_deadline(datetime(2026, 11, 20, 16, 30)) == date(2026, 12, 7)
    assert qc_deadline(datetime(2026, 11, 20, 16, 30)) == date(2026, 12, 8)


@pytest.mark.parametrize(
    ("start", "days", "working", "expected"),
    [
        (date(2026, 11, 20), 1, True, date(2026, 11, 23)),  # Fri + 1 working day = Mon
        (date(2026, 11, 21), 1, True, date(2026, 11, 23)),  # Sat + 1 working day = Mon
        (date(2026, 11, 20), 1, False, date(2026, 11, 21)),
        (date(2026, 11, 20), 0, True, date(2026, 11, 20)),
        (date(2026, 12, 31), 1, False, date(2027, 1, 1)),
    ],
)
def test_add_days(start: date, days: int, working: bool, expected: date) -> None:
    assert add_days(start, days, working_days=working) == expected


def test_add_days_refuses_negative() -> None:
    with pytest.raises(ValueError):
        add_days(LAST_DAY, -1)


def test_is_working_day() -> None:
    assert is_working_day(date(2026, 11, 20))
    assert not is_working_day(date(2026, 11, 21))  # Saturday
    assert not is_working_day(date(2026, 11, 22))  # Sunday
    assert not is_working_day(date(2026, 12, 25), {date(2026, 12, 25)})


@pytest.mark.parametrize(
    ("since", "today", "expected"),
    [
        (date(2026, 12, 1), date(2026, 12, 1), 0),
        (datetime(2026, 12, 1, 23, 59), date(2026, 12, 2), 1),
        (date(2026, 12, 1), datetime(2026, 12, 8, 8, 0), 7),
        (date(2026, 12, 5), date(2026, 12, 1), 0),  # clock skew never gives negative days
    ],
)
def test_days_in_status(since: date, today: date, expected: int) -> None:
    assert days_in_status(since, today) == expected


@pytest.mark.parametrize(
    ("deadline", "today", "done", "overdue"),
    [
        (date(2026, 12, 7), date(2026, 12, 6), False, False),
        (date(2026, 12, 7), date(2026, 12, 7), False, False),  # the deadline day is on time
        (date(2026, 12, 7), date(2026, 12, 8), False, True),
        (date(2026, 12, 7), datetime(2026, 12, 8, 0, 1), False, True),
        (date(2026, 12, 7), date(2026, 12, 9), True, False),  # done: no longer overdue
        (None, date(2026, 12, 9), False, False),
    ],
)
def test_is_overdue(deadline: date | None, today: date, done: bool, overdue: bool) -> None:
    assert is_overdue(deadline, today, done) is overdue


def test_days_left_and_was_on_time() -> None:
    assert days_left(date(2026, 12, 7), date(2026, 12, 4)) == 3
    assert days_left(date(2026, 12, 7), date(2026, 12, 9)) == -2
    assert was_on_time(date(2026, 12, 7), datetime(2026, 12, 7, 23, 0)) is True
    assert was_on_time(date(2026, 12, 7), date(2026, 12, 8)) is False
    assert was_on_time(None, date(2026, 12, 8)) is None
    assert was_on_time(date(2026, 12, 7), None) is None


@pytest.mark.parametrize(
    ("status", "today", "current_due", "left", "overdue"),
    [
        ("draft", date(2026, 12, 7), date(2026, 12, 7), 0, False),
        ("draft", date(2026, 12, 8), date(2026, 12, 7), -1, True),
        ("dikembalikan", date(2026, 12, 8), date(2026, 12, 7), -1, True),
        ("direvisi", date(2026, 12, 1), date(2026, 12, 7), 6, False),
        ("diajukan", date(2026, 12, 8), date(2026, 12, 8), 0, False),  # QC has one more day
        ("diajukan", date(2026, 12, 9), date(2026, 12, 8), -1, True),
        ("disetujui", date(2026, 12, 20), None, None, False),
        ("diserahkan", date(2026, 12, 20), None, None, False),
    ],
)
def test_report_deadline_status(
    status: str, today: date, current_due: date | None, left: int | None, overdue: bool
) -> None:
    result = report_deadline_status(LAST_DAY, status, date(2026, 12, 1), today)
    assert (result.report_due, result.qc_due) == (date(2026, 12, 7), date(2026, 12, 8))
    assert result.current_due == current_due
    assert result.days_left == left
    assert result.overdue is overdue
    assert result.days_in_status == max(0, (today - date(2026, 12, 1)).days)


def test_settings_round_trip_and_defaults() -> None:
    settings = DeadlineSettings(
        report_days=14, qc_days=2, working_days=True, holidays=frozenset({date(2026, 12, 25)})
    )
    assert DeadlineSettings.from_dict(json.loads(json.dumps(settings.to_dict()))) == settings
    default = DeadlineSettings.from_dict({})
    assert (default.report_days, default.qc_days, default.working_days, default.holidays) == (
        17,
        1,
        False,
        frozenset(),
    )


@pytest.mark.parametrize("data", [{"report_days": -1}, {"qc_days": "satu"}, {"holidays": ["25-12-2026"]}])
def test_invalid_settings_are_refused(data: dict) -> None:
    with pytest.raises(ValueError):
        DeadlineSettings.from_dict(data)
