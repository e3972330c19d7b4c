"""Laporan evaluasi kinerja asesor (SOP 001 step 8) from the database.

Feeds domain.assessor_evaluation: the event's reports with their authors and writing deadline (from the
event's plan, see qc_overview), their status history, the submitted independent ratings and the final
levels agreed in the assessor meeting. Every assessor of the event team is listed, plus any other
author or rater found in the data.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ukom_desktop.db.models import (
    Competency,
    Event,
    EventParticipant,
    Exercise,
    IndividualReport,
    IntegratedLevel,
    IntegratedResult,
    Rating,
    ReportStatusChange,
    TeamMember,
)
from ukom_desktop.documents.assessor_evaluation_doc import (
    AssessorEvaluationData,
    EvaluationDocRow,
    render_assessor_evaluation,
)
from ukom_desktop.domain import assessor_evaluation as rules
from ukom_desktop.domain import deadlines
from ukom_desktop.domain.integration import Rating as IntegrationRating
from ukom_desktop.domain.timestamps import format_timestamp, to_local
from ukom_desktop.errors import UserFacingError
from ukom_desktop.io.xlsx_writer import TableColumn, TableSheet, write_table_workbook
from ukom_desktop.services import access
from ukom_desktop.services import ratings as rating_service
from ukom_desktop.services.qc_overview import deadline_settings, last_assessment_day


@dataclass(frozen=True)
class AssessorRow:
    assessor_id: int
    name: str
    nip: str
    evaluation: rules.AssessorEvaluation


@dataclass(frozen=True)
class EvaluationReport:
    event_id: int
    event_code: str
    event_name: str
    as_of: datetime
    report_due: date | None
    rows: tuple[AssessorRow, ...]
    overall_agreement: rules.AgreementStats


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def evaluate_event(session: Session, event_id: int, *, as_of: datetime | None = None) -> EvaluationReport:
    access.require(session, access.perm.ASSESSOR_EVALUATION)
    event = session.get(Event, event_id)
    if event is None:
        raise UserFacingError("Kegiatan tidak ditemukan.")
    as_of = _aware(as_of or datetime.now(UTC))
    last_day = last_assessment_day(session, event_id)
    report_due = deadlines.report_deadline(last_day, deadline_settings(session, event_id)) if last_day else None
    ep_ids = list(session.scalars(select(EventParticipant.id).where(EventParticipant.event_id == event_id)))

    reports = list(session.execute(
        select(IndividualReport.id, IndividualReport.author_id)
        .join(EventParticipant, EventParticipant.id == IndividualReport.event_participant_id)
        .where(EventParticipant.event_id == event_id)
    ).all())
    records = [rules.ReportRecord(rid, author, report_due) for rid, author in reports if author is not None]
    report_ids = [rid for rid, _ in reports]
    history = [
        rules.StatusChange(rid, status, _aware(at))
        for rid, status, at in session.execute(
            select(ReportStatusChange.report_id, ReportStatusChange.to_status, ReportStatusChange.at)
            .where(ReportStatusChange.report_id.in_(report_ids))
        )
    ] if report_ids else []

    ratings = [
        IntegrationRating(comp, exercise, r.assessor_id, None if r.level is None else Decimal(r.level),
                          r.no_evidence, r.event_participant_id)
        for r, comp, exercise in session.execute(
            select(Rating, Competency.code, Exercise.code)
            .join(Competency, Competency.id == Rating.competency_id)
            .join(Exercise, Exercise.id == Rating.exercise_id)
            .where(Rating.event_participant_id.in_(ep_ids), Rating.submitted_at.is_not(None))
        )
    ] if ep_ids else []
    finals = [
        rules.FinalLevel(ep, code, None if level is None else Decimal(level))
        for ep, code, level in session.execute(
            select(IntegratedResult.event_participant_id, IntegratedLevel.competency_code, IntegratedLevel.final_level)
            .join(IntegratedLevel, IntegratedLevel.result_id == IntegratedResult.id)
            .where(IntegratedResult.event_participant_id.in_(ep_ids))
        )
    ] if ep_ids else []

    team = [(a.id, a.name, a.nip) for a in rating_service.team_assessors(session, event_id)]
    known = {member_id for member_id, _, _ in team}
    extra = ({r.assessor_id for r in records} | {r.assessor_id for r in ratings}) - known
    if extra:
        for member in session.scalars(select(TeamMember).where(TeamMember.id.in_(extra)).order_by(TeamMember.name)):
            team.append((member.id, member.name, member.nip))
    evaluations = rules.evaluate_assessors([m for m, _, _ in team], records, history, ratings, finals, as_of)
    rows = tuple(AssessorRow(m, name, nip, ev) for (m, name, nip), ev in zip(team, evaluations, strict=True))
    return EvaluationReport(event.id, event.code, event.name, as_of, report_due, rows,
                            rules.inter_rater_agreement(ratings))


def percent(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.1f}".replace(".", ",") + "%"


def number(value: float | None, places: int = 2) -> str:
    return "-" if value is None else f"{value:.{places}f}".replace(".", ",")


def signed(value: float | None) -> str:
    if value is None:
        return "-"
    text = number(value)
    return f"+{text}" if value > 0 else text


COLUMNS: tuple[str, ...] = (
    "Asesor", "NIP", "Laporan ditulis", "Diajukan", "Tepat waktu", "Pengembalian per laporan",
    "Rata-rata hari di QC", "Penilaian dibandingkan", "Berbeda dari level akhir", "Selisih rata-rata",
    "Kecenderungan", "Pasangan penilaian", "Kesepakatan (selisih <= 0,5)", "Kesepakatan persis",
)


def row_values(row: AssessorRow) -> list[str]:
    """The printed/shown figures of one assessor, in COLUMNS order."""
    ev = row.evaluation
    on_time = f"{ev.on_time}/{ev.deadline_judged} ({percent(ev.on_time_rate)})" if ev.deadline_judged else "-"
    return [
        row.name, row.nip, str(ev.reports_written), str(ev.reports_submitted), on_time,
        number(ev.returns_per_report), number(ev.average_days_in_qc, 1), str(ev.ratings_compared),
        f"{ev.departures} ({percent(ev.departure_rate)})" if ev.ratings_compared else "-",
        signed(ev.mean_signed_difference), ev.tendency, str(ev.co_rating_pairs),
        percent(ev.agreement_within_half_rate), percent(ev.exact_agreement_rate),
    ]


# ---------------------------------------------------------------------------------------------
# Printed and Excel versions


def evaluation_document(session: Session, event_id: int, *, as_of: datetime | None = None) -> AssessorEvaluationData:
    from ukom_desktop.domain.dates import format_date_id, format_date_range_id
    from ukom_desktop.services import report_content

    report = evaluate_event(session, event_id, as_of=as_of)
    event = session.get(Event, event_id)
    assert event is not None
    overall = report.overall_agreement
    overall_text = (
        f"{percent(overall.within_tolerance_rate)} dari {overall.pairs} pasangan penilaian berselisih paling banyak "
        f"0,5 level, {percent(overall.exact_rate)} tepat sama" if overall.pairs else ""
    )
    kop = report_content.letterhead(session)
    rows = []
    for row in report.rows:
        values = row_values(row)
        rows.append(EvaluationDocRow(*values))
    return AssessorEvaluationData(
        event_name=event.name,
        dates_text=format_date_range_id(event.start_date, event.end_date) if event.start_date else "",
        as_of=to_local(report.as_of).date(), report_due_text=format_date_id(report.report_due) if report.report_due else "",
        rows=tuple(rows), overall_agreement=overall_text, letterhead=kop,
        signatory=report_content.head_signatory(session), place=kop.city if kop else "",
    )


def write_evaluation_pdf(session: Session, event_id: int, path: str | Path) -> int:
    """The laporan evaluasi kinerja asesor as a PDF; returns the page count."""
    return render_assessor_evaluation(evaluation_document(session, event_id), path)


def evaluation_sheet(session: Session, event_id: int) -> TableSheet:
    report = evaluate_event(session, event_id)
    columns = [TableColumn(c) if c != "NIP" else TableColumn.text(c) for c in COLUMNS]
    return TableSheet(
        title=f"Evaluasi Kinerja Asesor - {report.event_name}",
        subtitles=(f"Keadaan per {format_timestamp(report.as_of)}",),
        columns=columns, rows=[row_values(r) for r in report.rows], sheet_name="Evaluasi asesor",
    )


def write_evaluation_workbook(session: Session, event_id: int, path: str | Path) -> Path:
    return write_table_workbook(path, [evaluation_sheet(session, event_id)])
