"""A report approved in the same session that wrote its ratings is sealed with the values the database
holds (Decimal("3.00"), not the fresh Decimal("3")), so a later check of the unchanged report passes.
Before, whether the seal matched depended on garbage collection (an order-dependent UI test failure)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta


def test_seal_of_fresh_values_matches_a_later_check(sqlite_database) -> None:  # type: ignore[no-untyped-def]
    from ukom_desktop.services import report_qc
    from ukom_desktop.services.demo import build_demo
    from ukom_desktop.services.demo_ratings import build_demo_ratings
    from ukom_desktop.services.report_integrity import integrity_warning
    from ukom_desktop.services.results import event_results

    when = datetime(2026, 12, 2, 9, tzinfo=UTC)
    with sqlite_database.sessions.begin() as session:
        demo = build_demo(session, participants=5, seed=3)
        build_demo_ratings(session, demo.event_id, seed=3)
        held = list(session.identity_map.values())  # keep the freshly written objects alive in the session
        first = event_results(session, demo.event_id).rows[0]
        report_qc.submit(session, first.event_participant_id, actor="asesor", now=when - timedelta(days=2))
        report_qc.approve(session, first.event_participant_id, actor="qc", now=when)
        assert held
    with sqlite_database.sessions() as session:
        assert integrity_warning(session, first.event_participant_id) == ""
