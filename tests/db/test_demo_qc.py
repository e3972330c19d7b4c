"""`demo --with-qc`: the real QC services leave the demo reports in a realistic, repeatable mix of statuses."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime

from sqlalchemy import select

from ukom_desktop.db.engine import transaction
from ukom_desktop.db.models import AuditEntry, IndividualReport, ReportRevision
from ukom_desktop.services import report_qc
from ukom_desktop.services.demo import build_demo
from ukom_desktop.services.demo_qc import build_demo_qc
from ukom_desktop.services.demo_ratings import build_demo_ratings
from ukom_desktop.services.qc_overview import qc_overview

NOW = datetime(2026, 12, 30, 10, tzinfo=UTC)


def _build(database, seed: int) -> tuple[int, list[tuple[int, str, int, int | None, str | None]]]:  # type: ignore[no-untyped-def]
    with transaction(database.sessions) as session:
        event_id = build_demo(session, participants=16, seed=seed).event_id
        build_demo_ratings(session, event_id, seed=seed)
        summary = build_demo_qc(session, event_id, seed=seed, now=NOW)
    with database.sessions() as session:
        rows = session.execute(
            select(IndividualReport.event_participant_id, IndividualReport.status, IndividualReport.revision,
                   IndividualReport.reviewer_id, IndividualReport.report_number)
            .order_by(IndividualReport.event_participant_id)
        ).all()
    states = [(ep, str(getattr(st, "value", st)), rev, reviewer, number) for ep, st, rev, reviewer, number in rows]
    assert summary.by_status == dict(sorted(Counter(s for _e, s, *_ in states).items()))
    return event_id, states


def test_every_status_of_the_qc_tab_appears_through_the_real_services(sqlite_database) -> None:  # type: ignore[no-untyped-def]
    event_id, states = _build(sqlite_database, seed=3)
    counts = Counter(status for _ep, status, *_ in states)
    assert set(counts) == {"draft", "diajukan", "dikembalikan", "direvisi", "disetujui", "diserahkan"}
    assert sum(counts.values()) == 16
    with sqlite_database.sessions() as session:
        authors = dict(session.execute(select(IndividualReport.event_participant_id, IndividualReport.author_id)).all())
        for ep, status, revision, reviewer, number in states:
            if status == "draft":
                assert revision == 0 and not number
                continue
            assert reviewer is not None and reviewer != authors[ep]
            assert bool(number) == (status in ("disetujui", "diserahkan"))
            entries = report_qc.history(session, ep)
            assert [h.at for h in entries] == sorted(h.at for h in entries)
            history = [h.to_status for h in entries]
            assert "diajukan" in history and history[-1] == status
            if status in ("dikembalikan", "direvisi"):
                assert report_qc.comments(session, ep)  # returned with a comment for the author
        # One approved report went through a return and a second revision.
        assert any(rev == 2 and status == "disetujui" for _ep, status, rev, *_ in states)
        assert session.scalars(select(ReportRevision.id)).first() is not None
        # Editing a returned report is the step to "direvisi", recorded in the audit log like every transition.
        revised = session.scalars(select(AuditEntry).where(AuditEntry.action == "laporan_revisi")).all()
        assert len(revised) >= counts["direvisi"] and all(a.new_value["status"] == "direvisi" for a in revised)
        overview = qc_overview(session, event_id, today=NOW.date(), with_checks=True)
        assert {r.status for r in overview.rows} == set(counts)
        assert len({r.days_in_status for r in overview.rows if r.status != "draft"}) > 1


def test_the_same_seed_gives_the_same_statuses(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from ukom_desktop.db.database import open_database

    results = []
    for name in ("a", "b"):
        db = open_database(f"sqlite:///{tmp_path / name}.sqlite")
        try:
            results.append(_build(db, seed=7)[1])
        finally:
            db.dispose()
    assert results[0] == results[1]
    assert any(status != "draft" for _ep, status, *_ in results[0])


def test_a_rated_demo_can_be_an_event_held_in_the_past_with_everyone_present(sqlite_database) -> None:  # type: ignore[no-untyped-def]
    from datetime import date, timedelta

    from ukom_desktop.db.models import (
        Attendance,
        Event,
        EventParticipant,
        InvitationStatus,
        ScheduleSession,
        Wave,
    )

    with transaction(sqlite_database.sessions) as session:
        event_id = build_demo(session, participants=6, seed=2).event_id
        build_demo_ratings(session, event_id, seed=2, held_days_ago=18)
    with sqlite_database.sessions() as session:
        event = session.get(Event, event_id)
        assert event.end_date == date.today() - timedelta(days=18) and event.start_date <= event.end_date
        assert event.request_letter_date < event.start_date
        for wave in session.scalars(select(Wave).where(Wave.event_id == event_id)):
            assert event.start_date <= wave.start_date <= wave.end_date <= event.end_date
        days = {s.starts_at.date() for s in session.scalars(select(ScheduleSession))}
        assert days and all(event.start_date <= d <= event.end_date for d in days)
        people = session.scalars(select(EventParticipant).where(EventParticipant.event_id == event_id)).all()
        assert {(ep.attendance, ep.invitation_status) for ep in people} == {
            (Attendance.HADIR, InvitationStatus.DITERIMA)
        }
        overview = qc_overview(session, event_id)
        assert overview.rows and all(r.overdue for r in overview.rows)  # drafts were due yesterday
