"""Deadlines for writing and checking individual reports.

SOP 001 (Kemenkumham) gives 17 days to write the competency and potential reports after the
assessment and 1 day for quality control. The deadlines are therefore:

- report deadline = last assessment day + ``report_days`` (default 17);
- QC deadline = report deadline + ``qc_days`` (default 1).

Whether the SOP counts calendar days or working days is not stated (UNVERIFIED); the default is
calendar days and ``working_days=True`` skips Saturdays, Sundays and the listed holidays.
A deadline day itself is still on time; a task is overdue from the day after.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from ukom_desktop.domain.dates import as_date as _as_date
from ukom_desktop.domain.report_status import ReportStatus

DEFAULT_REPORT_DAYS = 17  # SOP 001 step 7: "pembuatan laporan kompetensi dan potensi", 17 hari
DEFAULT_QC_DAYS = 1  # SOP 001 step 8: quality control, 1 hari
WORKING_DAYS_DEFAULT = False  # UNVERIFIED: calendar vs working days is not stated in the SOP

AUTHOR_STATUSES = frozenset({ReportStatus.DRAFT, ReportStatus.DIKEMBALIKAN, ReportStatus.DIREVISI})
QC_STATUSES = frozenset({ReportStatus.DIAJUKAN})


@dataclass(frozen=True)
class DeadlineSettings:
    report_days: int = DEFAULT_REPORT_DAYS
    qc_days: int = DEFAULT_QC_DAYS
    working_days: bool = WORKING_DAYS_DEFAULT
    holidays: frozenset[date] = frozenset()

    def __post_init__(self) -> None:
        if int(self.report_days) < 0 or int(self.qc_days) < 0:
            raise ValueError("Jumlah hari tenggat tidak boleh negatif.")
        object.__setattr__(self, "holidays", frozenset(self.holidays))

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe dict (holidays as ISO dates, sorted) for the settings table."""
        return {
            "report_days": self.report_days,
            "qc_days": self.qc_days,
            "working_days": self.working_days,
            "holidays": sorted(day.isoformat() for day in self.holidays),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | None) -> DeadlineSettings:
        """Read settings back; missing keys take their defaults, unknown keys are ignored."""
        data = data or {}
        try:
            report_days = int(data.get("report_days", DEFAULT_REPORT_DAYS))
            qc_days = int(data.get("qc_days", DEFAULT_QC_DAYS))
            holidays = frozenset(date.fromisoformat(str(text)) for text in data.get("holidays", ()))
        except (TypeError, ValueError) as exc:
            raise ValueError("Pengaturan tenggat tidak valid.") from exc
        return cls(
            report_days=report_days,
            qc_days=qc_days,
            working_days=bool(data.get("working_days", WORKING_DAYS_DEFAULT)),
            holidays=holidays,
        )


def is_working_day(day: date, holidays: Iterable[date] = ()) -> bool:
    """Monday to Friday and not a listed holiday."""
    return day.weekday() < 5 and day not in set(holidays)


def add_days(start: date, days: int, *, working_days: bool = False, holidays: Iterable[date] = ()) -> date:
    """``start`` plus ``days`` calendar days, or the ``days``-th working day after ``start``."""
    if days < 0:
        raise ValueError("Jumlah hari tidak boleh negatif.")
    if not working_days:
        return start + timedelta(days=days)
    off = set(holidays)
    current = start
    remaining = days
    while remaining:
        current += timedelta(days=1)
        if is_working_day(current, off):
            remaining -= 1
    return current


def report_deadline(last_assessment_day: date | datetime, settings: DeadlineSettings | None = None) -> date:
    """The day by which the author must submit the report."""
    settings = settings or DeadlineSettings()
    return add_days(
        _as_date(last_assessment_day),
        settings.report_days,
        working_days=settings.working_days,
        holidays=settings.holidays,
    )


def qc_deadline(last_assessment_day: date | datetime, settings: DeadlineSettings | None = None) -> date:
    """The day by which quality control must be finished (report deadline + ``qc_days``)."""
    settings = settings or DeadlineSettings()
    return add_days(
        report_deadline(last_assessment_day, settings),
        settings.qc_days,
        working_days=settings.working_days,
        holidays=settings.holidays,
    )


def days_in_status(since: date | datetime, today: date | datetime) -> int:
    """Whole calendar days since the status was entered (0 on the same day, never negative)."""
    return max(0, (_as_date(today) - _as_date(since)).days)


def days_left(deadline: date, today: date | datetime) -> int:
    """Calendar days until the deadline: 0 on the day itself, negative once it has passed."""
    return (deadline - _as_date(today)).days


def is_overdue(deadline: date | None, today: date | datetime, done: bool = False) -> bool:
    """True when a task that is not done has passed its deadline (the deadline day is on time)."""
    return deadline is not None and not done and _as_date(today) > deadline


def was_on_time(deadline: date | None, done_at: date | datetime | None) -> bool | None:
    """Whether a finished task met its deadline; None when there is no deadline or it is not done."""
    if deadline is None or done_at is None:
        return None
    return _as_date(done_at) <= deadline


@dataclass(frozen=True)
class ReportDeadlineStatus:
    """Deadline view of one report for dashboards: which deadline applies now and whether it passed."""

    report_due: date
    qc_due: date
    status: ReportStatus
    days_in_status: int
    current_due: date | None  # report_due while the author works, qc_due while in QC, else None
    days_left: int | None  # until current_due: 0 on the day, negative when late; None without one
    overdue: bool


def report_deadline_status(
    last_assessment_day: date | datetime,
    status: ReportStatus | str,
    status_since: date | datetime,
    today: date | datetime,
    settings: DeadlineSettings | None = None,
) -> ReportDeadlineStatus:
    """The deadline that applies to a report in ``status`` and whether it is overdue ``today``.

    Draft, dikembalikan and direvisi are the author's work (report deadline); diajukan is QC's
    work (QC deadline); disetujui and diserahkan have no open deadline.
    """
    settings = settings or DeadlineSettings()
    current = ReportStatus(status)
    report_due = report_deadline(last_assessment_day, settings)
    qc_due = qc_deadline(last_assessment_day, settings)
    if current in AUTHOR_STATUSES:
        current_due: date | None = report_due
    elif current in QC_STATUSES:
        current_due = qc_due
    else:
        current_due = None
    return ReportDeadlineStatus(
        report_due=report_due,
        qc_due=qc_due,
        status=current,
        days_in_status=days_in_status(status_since, today),
        current_due=current_due,
        days_left=None if current_due is None else days_left(current_due, today),
        overdue=is_overdue(current_due, today),
    )
