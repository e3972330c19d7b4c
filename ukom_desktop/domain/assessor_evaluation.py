"""Assessor performance evaluation (SOP 001 step 8: "laporan evaluasi kinerja assessor").

Per assessor, from plain records:

- Report work: reports written (as author), reports submitted, on-time rate (first submission
  on or before the report's deadline), returns per submitted report, and the average number of
  days a report spent in QC (status ``diajukan``) summed over all its QC rounds.
- Rating behaviour, from the independent ratings against the final levels agreed in the
  meeting (only ratings with evidence count):
  departure rate (share with ``|level - final| >= 0.5``), mean signed difference (> 0 lenient,
  < 0 severe), mean absolute difference.
- Agreement with co-assessors: every pair made of one of this assessor's ratings and one rating
  by another assessor on the same participant x competency (any exercise); the share of pairs
  within 0.5 level of each other and the share of exact agreement.

Figures without data are None, never a division by zero.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from ukom_desktop.domain.dates import as_date as _as_date
from ukom_desktop.domain.integration import AssessorId, Number, ParticipantId, Rating, as_decimal
from ukom_desktop.domain.report_status import ReportStatus

ReportId = int | str

DEPARTURE_THRESHOLD = Decimal("0.5")
AGREEMENT_TOLERANCE = Decimal("0.5")
TENDENCY_THRESHOLD = 0.25  # UNVERIFIED convention: |mean signed difference| below this is "seimbang"
SECONDS_PER_DAY = 86400


@dataclass(frozen=True)
class ReportRecord:
    report_id: ReportId
    assessor_id: AssessorId  # the author (lead assessor)
    deadline: date | None = None


@dataclass(frozen=True)
class StatusChange:
    """One row of a report's status history: the status entered at ``at``."""

    report_id: ReportId
    status: ReportStatus | str
    at: datetime


@dataclass(frozen=True)
class FinalLevel:
    participant_id: ParticipantId
    competency_code: str
    level: Number | None


@dataclass(frozen=True)
class AgreementStats:
    pairs: int
    within_tolerance: int
    exact: int

    @property
    def within_tolerance_rate(self) -> float | None:
        return self.within_tolerance / self.pairs if self.pairs else None

    @property
    def exact_rate(self) -> float | None:
        return self.exact / self.pairs if self.pairs else None


@dataclass(frozen=True)
class AssessorEvaluation:
    assessor_id: AssessorId
    reports_written: int
    reports_submitted: int
    deadline_judged: int  # reports whose timeliness could be judged
    on_time: int
    on_time_rate: float | None
    returns: int
    returns_per_report: float | None  # per submitted report
    qc_reports: int  # reports with time spent in QC
    average_days_in_qc: float | None
    ratings_compared: int  # ratings with evidence that have a final level
    departures: int
    departure_rate: float | None
    mean_signed_difference: float | None
    mean_absolute_difference: float | None
    co_rating_pairs: int
    agreement_within_half_rate: float | None
    exact_agreement_rate: float | None

    @property
    def tendency(self) -> str:
        return rating_tendency(self.mean_signed_difference)


def rating_tendency(mean_signed_difference: float | None, threshold: float = TENDENCY_THRESHOLD) -> str:
    """Indonesian label for leniency/severity from the mean signed difference."""
    if mean_signed_difference is None:
        return "Belum ada data"
    if mean_signed_difference > threshold:
        return "Cenderung longgar"
    if mean_signed_difference < -threshold:
        return "Cenderung ketat"
    return "Seimbang"


def _ratio(numerator: int | float | Decimal, denominator: int) -> float | None:
    return float(numerator) / denominator if denominator else None


@dataclass(frozen=True)
class _ReportFacts:
    first_submitted: datetime | None
    returns: int
    qc_days: float | None


def _report_facts(changes: Sequence[StatusChange], as_of: datetime | None) -> _ReportFacts:
    ordered = sorted(changes, key=lambda change: change.at)
    first_submitted: datetime | None = None
    returns = 0
    qc_seconds = 0.0
    in_qc_since: datetime | None = None
    had_qc = False
    for change in ordered:
        status = ReportStatus(change.status)
        if in_qc_since is not None and status != ReportStatus.DIAJUKAN:
            qc_seconds += (change.at - in_qc_since).total_seconds()
            in_qc_since = None
            had_qc = True
        if status == ReportStatus.DIAJUKAN:
            if first_submitted is None:
                first_submitted = change.at
            if in_qc_since is None:
                in_qc_since = change.at
        elif status == ReportStatus.DIKEMBALIKAN:
            returns += 1
    if in_qc_since is not None and as_of is not None and as_of >= in_qc_since:
        qc_seconds += (as_of - in_qc_since).total_seconds()
        had_qc = True
    return _ReportFacts(first_submitted, returns, qc_seconds / SECONDS_PER_DAY if had_qc else None)


def _evidence_key(rating: Rating) -> tuple[ParticipantId, str] | None:
    if rating.participant_id is None or not rating.has_evidence:
        return None
    return (rating.participant_id, rating.competency_code)


def _pair_stats(pairs: Iterable[tuple[Decimal, Decimal]]) -> AgreementStats:
    count = within = exact = 0
    for left, right in pairs:
        count += 1
        diff = abs(left - right)
        within += diff <= AGREEMENT_TOLERANCE
        exact += diff == 0
    return AgreementStats(count, within, exact)


def _grouped_evidence(ratings: Iterable[Rating]) -> dict[tuple[ParticipantId, str], list[Rating]]:
    groups: dict[tuple[ParticipantId, str], list[Rating]] = defaultdict(list)
    for rating in ratings:
        key = _evidence_key(rating)
        if key is not None:
            groups[key].append(rating)
    return groups


def inter_rater_agreement(ratings: Iterable[Rating], assessor_id: AssessorId | None = None) -> AgreementStats:
    """Agreement over pairs of ratings by different assessors on the same participant x competency.

    Without ``assessor_id`` every unordered pair counts once; with it, only the pairs that
    include one of that assessor's ratings.
    """

    def pairs() -> Iterable[tuple[Decimal, Decimal]]:
        for group in _grouped_evidence(ratings).values():
            for i, first in enumerate(group):
                for second in group[i + 1 :]:
                    if first.assessor_id == second.assessor_id:
                        continue
                    if assessor_id is not None and assessor_id not in (first.assessor_id, second.assessor_id):
                        continue
                    left, right = first.level_decimal, second.level_decimal
                    if left is not None and right is not None:
                        yield left, right

    return _pair_stats(pairs())


def evaluate_assessor(
    assessor_id: AssessorId,
    reports: Iterable[ReportRecord],
    status_history: Iterable[StatusChange],
    ratings: Iterable[Rating],
    finals: Iterable[FinalLevel],
    as_of: datetime | None = None,
) -> AssessorEvaluation:
    """Evaluate one assessor. ``as_of`` (optional, e.g. now) lets an unsubmitted report past its
    deadline count as late and an open QC round count up to that moment."""
    return evaluate_assessors([assessor_id], reports, status_history, ratings, finals, as_of)[0]


def evaluate_assessors(
    assessor_ids: Iterable[AssessorId],
    reports: Iterable[ReportRecord],
    status_history: Iterable[StatusChange],
    ratings: Iterable[Rating],
    finals: Iterable[FinalLevel],
    as_of: datetime | None = None,
) -> list[AssessorEvaluation]:
    """One evaluation per id in ``assessor_ids`` (same order), including assessors without data."""
    report_list = list(reports)
    history: dict[ReportId, list[StatusChange]] = defaultdict(list)
    for change in status_history:
        history[change.report_id].append(change)
    facts = {
        report.report_id: _report_facts(history.get(report.report_id, []), as_of) for report in report_list
    }
    rating_list = list(ratings)
    final_levels: dict[tuple[ParticipantId, str], Decimal] = {}
    for final in finals:
        level = as_decimal(final.level)
        if level is not None:
            final_levels[(final.participant_id, final.competency_code)] = level
    return [
        _evaluate(assessor_id, report_list, facts, rating_list, final_levels, as_of)
        for assessor_id in assessor_ids
    ]


def _evaluate(
    assessor_id: AssessorId,
    reports: Sequence[ReportRecord],
    facts: dict[ReportId, _ReportFacts],
    ratings: Sequence[Rating],
    final_levels: dict[tuple[ParticipantId, str], Decimal],
    as_of: datetime | None,
) -> AssessorEvaluation:
    own_reports = [report for report in reports if report.assessor_id == assessor_id]
    submitted = judged = on_time = returns = 0
    qc_days: list[float] = []
    for report in own_reports:
        fact = facts[report.report_id]
        returns += fact.returns
        if fact.qc_days is not None:
            qc_days.append(fact.qc_days)
        if fact.first_submitted is not None:
            submitted += 1
        if report.deadline is None:
            continue
        if fact.first_submitted is not None:
            judged += 1
            on_time += _as_date(fact.first_submitted) <= report.deadline
        elif as_of is not None and _as_date(as_of) > report.deadline:
            judged += 1  # still not submitted and already past the deadline: late

    differences: list[Decimal] = []
    for rating in ratings:
        key = _evidence_key(rating)
        if rating.assessor_id != assessor_id or key is None or key not in final_levels:
            continue
        level = rating.level_decimal
        if level is not None:
            differences.append(level - final_levels[key])
    departures = sum(1 for diff in differences if abs(diff) >= DEPARTURE_THRESHOLD)
    agreement = inter_rater_agreement(ratings, assessor_id)

    return AssessorEvaluation(
        assessor_id=assessor_id,
        reports_written=len(own_reports),
        reports_submitted=submitted,
        deadline_judged=judged,
        on_time=on_time,
        on_time_rate=_ratio(on_time, judged),
        returns=returns,
        returns_per_report=_ratio(returns, submitted),
        qc_reports=len(qc_days),
        average_days_in_qc=_ratio(sum(qc_days), len(qc_days)),
        ratings_compared=len(differences),
        departures=departures,
        departure_rate=_ratio(departures, len(differences)),
        mean_signed_difference=_ratio(sum(differences, Decimal(0)), len(differences)),
        mean_absolute_difference=_ratio(sum((abs(d) for d in differences), Decimal(0)), len(differences)),
        co_rating_pairs=agreement.pairs,
        agreement_within_half_rate=agreement.within_tolerance_rate,
        exact_agreement_rate=agreement.exact_rate,
    )
