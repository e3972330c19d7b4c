"""Assessor evaluation on a small example worked out by hand (2 assessors, 3 participants, + 1 idle)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest

from ukom_desktop.domain.assessor_evaluation import (
    AssessorEvaluation,
    FinalLevel,
    ReportRecord,
    StatusChange,
    evaluate_assessor,
    evaluate_assessors,
    inter_rater_agreement,
    rating_tendency,
)
from ukom_desktop.domain.integration import Rating

D = Decimal


def r(assessor: str, participant: str, code: str, level: float | None, exercise: str = "E1") -> Rating:
    return Rating(code, exercise, assessor, level, no_evidence=level is None, participant_id=participant)


# Independent ratings and final levels (every final level is 3).
#
#             A     B     final | A-final  B-final | pair |A-B|
# P1 M.01     3     3     3     |  0        0      | 0    (exact)
# P1 M.02     4     3     3     | +1        0      | 1
# P2 M.01     2     3     3     | -1        0      | 1
# P2 M.02     3     3.5   3     |  0       +0.5    | 0.5  (within 0.5)
# P3 M.01     4     2     3     | +1       -1      | 2
# P3 M.02     -     3     3     |  (no evidence)   | no pair
#
# A: 5 compared, departures (|d| >= 0.5) = 3 -> 0.6; signed (0+1-1+0+1)/5 = 0.2; abs 3/5 = 0.6
# B: 6 compared, departures = 2 (+0.5, -1) -> 1/3; signed -0.5/6 = -0.0833; abs 1.5/6 = 0.25
# pairs A-B: 5; within 0.5: 2 -> 0.4; exact: 1 -> 0.2 (the same for A and for B)
RATINGS = [
    r("A", "P1", "M.01", 3),
    r("B", "P1", "M.01", 3),
    r("A", "P1", "M.02", 4),
    r("B", "P1", "M.02", 3),
    r("A", "P2", "M.01", 2),
    r("B", "P2", "M.01", 3),
    r("A", "P2", "M.02", 3),
    r("B", "P2", "M.02", 3.5),
    r("A", "P3", "M.01", 4),
    r("B", "P3", "M.01", 2),
    r("A", "P3", "M.02", None),
    r("B", "P3", "M.02", 3),
]
FINALS = [FinalLevel(p, c, D(3)) for p in ("P1", "P2", "P3") for c in ("M.01", "M.02")]

# Reports: A writes R1 (P1) and R2 (P2); B writes R3 (P3) and R4 (not submitted). Deadline 7 Dec 2026.
#
# R1: submitted 5 Dec 09:00 (on time), returned 6 Dec 09:00 (QC 1 day), revised, resubmitted 8 Dec 09:00,
#     approved 8 Dec 21:00 (QC 0.5 day) -> QC 1.5 days, 1 return
# R2: submitted 8 Dec 12:00 (late), approved 10 Dec 12:00 -> QC 2 days, 0 returns
# R3: submitted 7 Dec 08:00 (on time), returned 7 Dec 20:00 (0.5), revised 8 Dec, resubmitted 9 Dec 08:00,
#     returned 10 Dec 08:00 (1) -> QC 1.5 days, 2 returns
# R4: never submitted
#
# A: written 2, submitted 2, on time 1/2 = 0.5, returns 1/2 = 0.5 per report, QC (1.5 + 2) / 2 = 1.75 days
# B: written 2, submitted 1, returns 2/1 = 2.0, QC 1.5 days;
#    on time 1/1 = 1.0 without as_of; with as_of after the deadline R4 counts as late: 1/2 = 0.5
DEADLINE = date(2026, 12, 7)
REPORTS = [
    ReportRecord("R1", "A", DEADLINE),
    ReportRecord("R2", "A", DEADLINE),
    ReportRecord("R3", "B", DEADLINE),
    ReportRecord("R4", "B", DEADLINE),
]


def at(day: int, hour: int = 0) -> datetime:
    return datetime(2026, 12, day, hour)


HISTORY = [
    StatusChange("R1", "draft", datetime(2026, 11, 20, 16)),
    StatusChange("R1", "diajukan", at(5, 9)),
    StatusChange("R1", "dikembalikan", at(6, 9)),
    StatusChange("R1", "direvisi", at(6, 10)),
    StatusChange("R1", "diajukan", at(8, 9)),
    StatusChange("R1", "disetujui", at(8, 21)),
    # R2 given out of order on purpose: the history is sorted by time
    StatusChange("R2", "disetujui", at(10, 12)),
    StatusChange("R2", "diajukan", at(8, 12)),
    StatusChange("R3", "diajukan", at(7, 8)),
    StatusChange("R3", "dikembalikan", at(7, 20)),
    StatusChange("R3", "direvisi", at(8, 8)),
    StatusChange("R3", "diajukan", at(9, 8)),
    StatusChange("R3", "dikembalikan", at(10, 8)),
    StatusChange("R4", "draft", datetime(2026, 11, 21, 9)),
    StatusChange("R99", "diajukan", at(1)),  # unknown report: ignored
]


def evaluations(as_of: datetime | None = None) -> dict[str, AssessorEvaluation]:
    result = evaluate_assessors(["A", "B", "C"], REPORTS, HISTORY, RATINGS, FINALS, as_of=as_of)
    assert [e.assessor_id for e in result] == ["A", "B", "C"]
    return {e.assessor_id: e for e in result}


def test_report_figures_assessor_a() -> None:
    a = evaluations()["A"]
    assert (a.reports_written, a.reports_submitted) == (2, 2)
    assert (a.deadline_judged, a.on_time, a.on_time_rate) == (2, 1, 0.5)
    assert (a.returns, a.returns_per_report) == (1, 0.5)
    assert a.qc_reports == 2
    assert a.average_days_in_qc == pytest.approx(1.75)


def test_report_figures_assessor_b() -> None:
    b = evaluations()["B"]
    assert (b.reports_written, b.reports_submitted) == (2, 1)
    assert (b.deadline_judged, b.on_time, b.on_time_rate) == (1, 1, 1.0)
    assert (b.returns, b.returns_per_report) == (2, 2.0)
    assert b.qc_reports == 1
    assert b.average_days_in_qc == pytest.approx(1.5)


def test_unsubmitted_report_past_deadline_counts_as_late_with_as_of() -> None:
    b = evaluations(as_of=at(20))["B"]
    assert (b.deadline_judged, b.on_time, b.on_time_rate) == (2, 1, 0.5)
    # before the deadline it is not judged yet
    b_early = evaluations(as_of=at(7, 23))["B"]
    assert (b_early.deadline_judged, b_early.on_time_rate) == (1, 1.0)


def test_open_qc_round_counts_up_to_as_of() -> None:
    history = [StatusChange("R5", "diajukan", at(1, 8)), StatusChange("R5", "dikembalikan", at(2, 8))]
    history += [StatusChange("R5", "direvisi", at(2, 9)), StatusChange("R5", "diajukan", at(3, 8))]
    report = [ReportRecord("R5", "D", None)]
    # closed round 1 day; the open round from 3 Dec 08:00 counts only with as_of (to 4 Dec 20:00 = 1.5 days)
    without = evaluate_assessor("D", report, history, [], [])
    with_now = evaluate_assessor("D", report, history, [], [], as_of=at(4, 20))
    assert without.average_days_in_qc == pytest.approx(1.0)
    assert with_now.average_days_in_qc == pytest.approx(2.5)
    assert without.on_time_rate is None  # no deadline: not judged
    assert (without.deadline_judged, without.reports_submitted) == (0, 1)


def test_rating_behaviour_assessor_a() -> None:
    a = evaluations()["A"]
    assert (a.ratings_compared, a.departures) == (5, 3)
    assert a.departure_rate == pytest.approx(0.6)
    assert a.mean_signed_difference == pytest.approx(0.2)
    assert a.mean_absolute_difference == pytest.approx(0.6)
    assert a.tendency == "Seimbang"  # 0.2 is inside the +-0.25 band


def test_rating_behaviour_assessor_b() -> None:
    b = evaluations()["B"]
    assert (b.ratings_compared, b.departures) == (6, 2)
    assert b.departure_rate == pytest.approx(1 / 3)
    assert b.mean_signed_difference == pytest.approx(-0.5 / 6)
    assert b.mean_absolute_difference == pytest.approx(0.25)


@pytest.mark.parametrize("assessor", ["A", "B"])
def test_agreement_with_co_assessor(assessor: str) -> None:
    e = evaluations()[assessor]
    assert e.co_rating_pairs == 5
    assert e.agreement_within_half_rate == pytest.approx(0.4)
    assert e.exact_agreement_rate == pytest.approx(0.2)


def test_assessor_without_data_gets_none_not_zero_division() -> None:
    c = evaluations(as_of=at(20))["C"]
    assert (c.reports_written, c.reports_submitted, c.ratings_compared, c.co_rating_pairs) == (0, 0, 0, 0)
    for figure in (
        c.on_time_rate,
        c.returns_per_report,
        c.average_days_in_qc,
        c.departure_rate,
        c.mean_signed_difference,
        c.mean_absolute_difference,
        c.agreement_within_half_rate,
        c.exact_agreement_rate,
    ):
        assert figure is None
    assert c.tendency == "Belum ada data"


def test_ratings_without_final_or_participant_are_not_compared() -> None:
    rows = [
        r("A", "P1", "M.01", 4),
        r("A", "P9", "M.01", 4),  # no final level for P9
        Rating("M.01", "E1", "A", 1),  # no participant id
    ]
    a = evaluate_assessor("A", [], [], rows, [FinalLevel("P1", "M.01", 3), FinalLevel("P9", "M.01", None)])
    assert (a.ratings_compared, a.mean_signed_difference) == (1, 1.0)
    assert a.tendency == "Cenderung longgar"


def test_same_assessor_in_two_exercises_is_not_a_pair() -> None:
    rows = [r("A", "P1", "M.01", 3, "CBI"), r("A", "P1", "M.01", 4, "LGD"), r("B", "P1", "M.01", 4, "LGD")]
    # pairs: A/CBI-B (diff 1), A/LGD-B (diff 0); never A-A
    stats = inter_rater_agreement(rows)
    assert (stats.pairs, stats.within_tolerance, stats.exact) == (2, 1, 1)
    assert inter_rater_agreement(rows, "B").pairs == 2
    assert inter_rater_agreement(rows, "C").pairs == 0
    assert inter_rater_agreement(rows, "C").exact_rate is None


def test_overall_agreement_counts_each_pair_once() -> None:
    # three assessors on one participant x competency: levels 3, 3, 4 -> pairs (3,3) (3,4) (3,4)
    rows = [r("A", "P1", "M.01", 3), r("B", "P1", "M.01", 3), r("C", "P1", "M.01", 4)]
    stats = inter_rater_agreement(rows)
    assert (stats.pairs, stats.exact) == (3, 1)
    assert stats.within_tolerance_rate == pytest.approx(1 / 3)
    assert inter_rater_agreement(rows, "C").pairs == 2


@pytest.mark.parametrize(
    ("mean", "label"),
    [
        (None, "Belum ada data"),
        (0.5, "Cenderung longgar"),
        (-0.5, "Cenderung ketat"),
        (0.25, "Seimbang"),
        (0.0, "Seimbang"),
    ],
)
def test_rating_tendency(mean: float | None, label: str) -> None:
    assert rating_tendency(mean) == label
