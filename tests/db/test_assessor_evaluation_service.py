"""Assessor performance evaluation from database rows, on an example small enough to compute by hand.

Event assessed on 1 October 2026, so reports are due 18 October 2026 (17 calendar days).
Two participants P1, P2; two competencies (M.01, M.02); assessors A and B.

Reports: A writes P1's report: submitted 10 Oct 09:00, returned 12 Oct 09:00, resubmitted 14 Oct 09:00,
approved 15 Oct 09:00 -> on time, 1 return, QC time 2 + 1 = 3 days.
B writes P2's report: submitted 20 Oct 09:00 (late), approved 20 Oct 21:00 -> QC time 0.5 day.

Final levels: P1 M.01 = 3, M.02 = 2; P2 M.01 = 2, M.02 = 4.
Submitted ratings: A: P1 M.01 = 3, P1 M.02 = 3, P2 M.01 = 2 (differences 0, +1, 0);
B: P1 M.01 = 4, P1 M.02 = 2, P2 M.01 = 2, P2 M.02 = 4 (differences +1, 0, 0, 0), and a "no evidence"
rating on P2 M.02 that never counts. A's unsubmitted rating P2 M.02 = 5 must not count either.
A: 3 compared, 1 departure (33.3%), mean signed +1/3 (lenient), agreement pairs with B:
(3,4) (3,2) (2,2) -> 3 pairs, 1 within 0.5 and exact.
B: 4 compared, 1 departure (25%), mean +0.25 (balanced: not above 0.25), same 3 pairs.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from sqlalchemy import select

from ukom_desktop.db.models import (
    Competency,
    Event,
    EventParticipant,
    EventTeamMember,
    Exercise,
    IndividualReport,
    IntegratedLevel,
    IntegratedResult,
    Participant,
    Rating,
    ReportStatus,
    ReportStatusChange,
    TeamMember,
    TeamRole,
    Wave,
)
from ukom_desktop.services.assessor_evaluation import evaluate_event, row_values
from ukom_desktop.services.reference_data import ensure_reference_data


def _at(day: int, hour: int = 9) -> datetime:
    return datetime(2026, 10, day, hour, tzinfo=UTC)


@pytest.fixture
def example(database):  # type: ignore[no-untyped-def]
    with database.sessions.begin() as s:
        ensure_reference_data(s)
        comp = {c.code: c for c in s.scalars(select(Competency).where(Competency.code.in_(["M.01", "M.02"])))}
        exercises = list(s.scalars(select(Exercise).order_by(Exercise.id).limit(2)))
        event = Event(code="EV-HITUNG", name="Contoh hitung tangan", start_date=date(2026, 10, 1),
                      end_date=date(2026, 10, 1))
        s.add(event)
        s.flush()
        s.add(Wave(event_id=event.id, number=1, start_date=date(2026, 10, 1), end_date=date(2026, 10, 1)))
        a = TeamMember(name="Asesor A", nip="198001012005011001")
        b = TeamMember(name="Asesor B", nip="198101012006012002")
        s.add_all([a, b])
        s.flush()
        s.add_all([EventTeamMember(event_id=event.id, member_id=m.id, role=TeamRole.ASESOR) for m in (a, b)])
        eps = []
        for i, name in enumerate(("Peserta Satu", "Peserta Dua"), start=1):
            person = Participant(nip=f"19900101201501100{i}", name=name)
            s.add(person)
            s.flush()
            ep = EventParticipant(event_id=event.id, participant_id=person.id, number=i)
            s.add(ep)
            s.flush()
            eps.append(ep)
        p1, p2 = eps
        finals = {(p1.id, "M.01"): 3, (p1.id, "M.02"): 2, (p2.id, "M.01"): 2, (p2.id, "M.02"): 4}
        for ep in eps:
            result = IntegratedResult(event_participant_id=ep.id, jpm=Decimal(100))
            s.add(result)
            s.flush()
            for code in ("M.01", "M.02"):
                s.add(IntegratedLevel(result_id=result.id, competency_id=comp[code].id, competency_code=code,
                                      competency_name=comp[code].name, standard_level=Decimal(2),
                                      final_level=Decimal(finals[(ep.id, code)])))
        e1, e2 = exercises
        ratings = [
            (a, p1, "M.01", e1, 3, False, True), (a, p1, "M.02", e1, 3, False, True),
            (a, p2, "M.01", e1, 2, False, True), (a, p2, "M.02", e1, 5, False, False),
            (b, p1, "M.01", e2, 4, False, True), (b, p1, "M.02", e2, 2, False, True),
            (b, p2, "M.01", e2, 2, False, True), (b, p2, "M.02", e2, 4, False, True),
            (b, p2, "M.02", e1, None, True, True),
        ]
        for who, ep, code, ex, level, no_evidence, submitted in ratings:
            s.add(Rating(event_participant_id=ep.id, competency_id=comp[code].id, exercise_id=ex.id,
                         assessor_id=who.id, level=None if level is None else Decimal(level), no_evidence=no_evidence,
                         submitted_at=_at(2) if submitted else None))
        history = {
            (a, p1): [("diajukan", _at(10)), ("dikembalikan", _at(12)), ("diajukan", _at(14)),
                      ("disetujui", _at(15))],
            (b, p2): [("diajukan", _at(20)), ("disetujui", _at(20, 21))],
        }
        for (who, ep), changes in history.items():
            report = IndividualReport(event_participant_id=ep.id, author_id=who.id, status=ReportStatus.DISETUJUI)
            s.add(report)
            s.flush()
            previous = "draft"
            for status, at in changes:
                s.add(ReportStatusChange(report_id=report.id, from_status=previous, to_status=status, at=at))
                previous = status
        ids = {"event": event.id, "a": a.id, "b": b.id}
    return database, ids


def test_figures_match_the_hand_computation(example) -> None:  # type: ignore[no-untyped-def]
    database, ids = example
    with database.sessions() as s:
        report = evaluate_event(s, ids["event"], as_of=_at(30))
    assert report.report_due == date(2026, 10, 18)
    rows = {r.assessor_id: r.evaluation for r in report.rows}
    a, b = rows[ids["a"]], rows[ids["b"]]

    assert (a.reports_written, a.reports_submitted, a.on_time, a.deadline_judged) == (1, 1, 1, 1)
    assert a.returns == 1 and a.returns_per_report == 1.0
    assert a.average_days_in_qc == pytest.approx(3.0)
    assert (a.ratings_compared, a.departures) == (3, 1)
    assert a.mean_signed_difference == pytest.approx(1 / 3)
    assert a.tendency == "Cenderung longgar"
    assert (a.co_rating_pairs, a.agreement_within_half_rate, a.exact_agreement_rate) == (3, pytest.approx(1 / 3),
                                                                                           pytest.approx(1 / 3))

    assert (b.reports_written, b.on_time, b.deadline_judged, b.returns) == (1, 0, 1, 0)
    assert b.on_time_rate == 0.0
    assert b.average_days_in_qc == pytest.approx(0.5)
    assert (b.ratings_compared, b.departures) == (4, 1)
    assert b.mean_signed_difference == pytest.approx(0.25)
    assert b.tendency == "Seimbang"
    assert report.overall_agreement.pairs == 3 and report.overall_agreement.exact == 1


def test_printed_figures_are_formatted_in_indonesian(example) -> None:  # type: ignore[no-untyped-def]
    database, ids = example
    with database.sessions() as s:
        report = evaluate_event(s, ids["event"], as_of=_at(30))
    values = {r.name: row_values(r) for r in report.rows}
    assert values["Asesor A"][2:11] == ["1", "1", "1/1 (100,0%)", "1,00", "3,0", "3", "1 (33,3%)", "+0,33",
                                        "Cenderung longgar"]
    assert values["Asesor B"][4] == "0/1 (0,0%)"
    assert values["Asesor B"][12:] == ["33,3%", "33,3%"]
