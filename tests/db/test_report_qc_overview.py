"""The QC overview: deadlines from the event's plan (17 days writing, 1 day QC), days in status, overdue
rows, counts per status and failed checks; the setting that changes the deadlines."""

from __future__ import annotations

import sys
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

sys.path.insert(0, str(Path(__file__).parent))
from rated_demo import LAST_DAY, PARTICIPANTS, rated_demo_copy  # noqa: E402

from ukom_desktop.db.engine import transaction  # noqa: E402
from ukom_desktop.db.models import Event, EventParticipant  # noqa: E402
from ukom_desktop.services import report_qc  # noqa: E402
from ukom_desktop.services.qc_overview import DEADLINE_SETTING, last_assessment_day, qc_overview  # noqa: E402
from ukom_desktop.services.settings import set_event_setting  # noqa: E402


@pytest.fixture
def db(tmp_path: Path):  # type: ignore[no-untyped-def]
    from ukom_desktop.db.database import open_database

    database = open_database(f"sqlite:///{rated_demo_copy(tmp_path)}")
    yield database
    database.dispose()


def _event_and_people(db) -> tuple[int, list[int]]:  # type: ignore[no-untyped-def]
    with db.sessions() as s:
        event_id = s.scalar(select(Event.id))
        return event_id, list(s.scalars(select(EventParticipant.id).order_by(EventParticipant.number)))


def test_deadlines_come_from_the_last_wave_day(db) -> None:  # type: ignore[no-untyped-def]
    event_id, _ = _event_and_people(db)
    with db.sessions() as s:
        assert last_assessment_day(s, event_id) == LAST_DAY
        data = qc_overview(s, event_id, today=date(2026, 10, 23))
    assert (data.report_due, data.qc_due) == (date(2026, 10, 23), date(2026, 10, 24))
    assert data.counts["draft"] == PARTICIPANTS
    assert not data.overdue  # the deadline day itself is on time
    with db.sessions() as s:
        late = qc_overview(s, event_id, today=date(2026, 10, 24))
    assert len(late.overdue) == PARTICIPANTS
    assert all(r.days_left == -1 and r.deadline == date(2026, 10, 23) for r in late.overdue)


def test_submitted_reports_follow_the_qc_deadline_and_approved_ones_have_none(db) -> None:  # type: ignore[no-untyped-def]
    event_id, people = _event_and_people(db)
    with db.sessions() as s:
        passing = [ep for ep in people if report_qc.check_report(s, ep).passed][:2]
    with transaction(db.sessions) as s:
        for ep in passing:
            report_qc.submit(s, ep, actor="Penulis", now=datetime(2026, 10, 20, 8, tzinfo=UTC))
        report_qc.approve(s, passing[1], actor="QC", now=datetime(2026, 10, 22, 8, tzinfo=UTC))
    with db.sessions() as s:
        data = qc_overview(s, event_id, today=date(2026, 10, 25), with_checks=True)
    rows = {r.event_participant_id: r for r in data.rows}
    submitted, approved = rows[passing[0]], rows[passing[1]]
    assert (submitted.status, submitted.deadline, submitted.overdue, submitted.days_in_status) == (
        "diajukan", date(2026, 10, 24), True, 5)
    assert (approved.status, approved.deadline, approved.overdue, approved.days_in_status) == (
        "disetujui", None, False, 3)
    assert approved.report_number
    assert data.counts["diajukan"] == 1 and data.counts["disetujui"] == 1
    assert data.counts["draft"] == PARTICIPANTS - 2
    assert submitted.failed_checks == ()


def test_failed_checks_are_listed_per_report(db) -> None:  # type: ignore[no-untyped-def]
    event_id, people = _event_and_people(db)
    with transaction(db.sessions) as s:
        report_qc.edit_sections(s, people[0], {"potensi": ""}, actor="Penulis")
    with db.sessions() as s:
        data = qc_overview(s, event_id, today=date(2026, 10, 1), with_checks=True)
    row = next(r for r in data.rows if r.event_participant_id == people[0])
    assert "Kelengkapan uraian laporan" in (row.failed_checks or ())
    assert row in data.with_failed_checks


def test_the_deadline_setting_of_the_event_is_used(db) -> None:  # type: ignore[no-untyped-def]
    event_id, _ = _event_and_people(db)
    with transaction(db.sessions) as s:
        set_event_setting(s, s.get(Event, event_id), DEADLINE_SETTING,
                          {"report_days": 10, "qc_days": 2, "working_days": True})
    with db.sessions() as s:
        data = qc_overview(s, event_id, today=date(2026, 10, 1))
    # 6 Oct 2026 is a Tuesday: 10 working days later is Tuesday 20 Oct, QC two working days after that.
    assert (data.report_due, data.qc_due) == (date(2026, 10, 20), date(2026, 10, 22))
