"""Rows of the QC Laporan tab and the `qc` command: every participant's report with its status, author,
reviewer, days in the current status, the deadline from the event's plan and whether it is overdue.

Deadlines follow domain.deadlines: the last assessment day is the end of the event's last wave (else
the event's end date, else the last scheduled session); the settings (17 days to write, 1 day of QC,
calendar or working days) are the "qc.deadlines" setting, which an event may override.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from ukom_desktop.db.models import (
    Event,
    EventParticipant,
    IndividualReport,
    Participant,
    ReportStatusChange,
    ScheduleSession,
    TeamMember,
    Wave,
)
from ukom_desktop.domain import deadlines
from ukom_desktop.domain.report_status import STATUS_LABELS, ReportStatus
from ukom_desktop.errors import UserFacingError
from ukom_desktop.services.settings import event_setting

DEADLINE_SETTING = "qc.deadlines"
NOT_STARTED = ""
NOT_STARTED_LABEL = "Belum dibuat"
STATUS_ORDER: tuple[str, ...] = (NOT_STARTED, *(s.value for s in ReportStatus))


def status_label(status: str) -> str:
    if not status:
        return NOT_STARTED_LABEL
    return STATUS_LABELS.get(ReportStatus(status), status)


@dataclass(frozen=True)
class QcRow:
    event_participant_id: int
    report_id: int | None
    number: int | None
    nip: str
    name: str
    unit: str
    wave: int | None
    status: str  # "" when the report was not started
    author_id: int | None
    author: str
    reviewer_id: int | None
    reviewer: str
    revision: int
    report_number: str
    status_since: datetime | None
    days_in_status: int | None
    deadline: date | None  # the deadline that applies now (writing or QC); None once approved
    days_left: int | None
    overdue: bool
    returns: int
    failed_checks: tuple[str, ...] | None = None  # labels of failed checks; None when not computed

    @property
    def status_label(self) -> str:
        return status_label(self.status)


@dataclass(frozen=True)
class QcOverview:
    event_id: int
    event_code: str
    event_name: str
    today: date
    last_assessment_day: date | None
    settings: deadlines.DeadlineSettings
    report_due: date | None
    qc_due: date | None
    rows: tuple[QcRow, ...]
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def overdue(self) -> list[QcRow]:
        return [r for r in self.rows if r.overdue]

    @property
    def with_failed_checks(self) -> list[QcRow]:
        return [r for r in self.rows if r.failed_checks]


def deadline_settings(session: Session, event_id: int) -> deadlines.DeadlineSettings:
    try:
        return deadlines.DeadlineSettings.from_dict(event_setting(session, event_id, DEADLINE_SETTING, None))
    except ValueError as exc:
        raise UserFacingError(str(exc)) from exc


def _day(value: date | datetime | None) -> date | None:
    if value is None:
        return None
    return value.date() if isinstance(value, datetime) else value


def last_assessment_day(session: Session, event_id: int) -> date | None:
    """The end of the event's last wave, else the event's end (or start) date, else its last session."""
    waves = session.execute(select(Wave.start_date, Wave.end_date).where(Wave.event_id == event_id)).all()
    days = [day for start, end in waves if (day := end or start) is not None]
    if days:
        return max(days)
    event = session.get(Event, event_id)
    if event is not None and (event.end_date or event.start_date):
        return event.end_date or event.start_date
    last = session.scalar(select(func.max(ScheduleSession.ends_at)).where(ScheduleSession.event_id == event_id))
    return _day(last)


def _returns(session: Session, report_ids: list[int]) -> Counter[int]:
    if not report_ids:
        return Counter()
    rows = session.execute(
        select(ReportStatusChange.report_id, func.count())
        .where(ReportStatusChange.report_id.in_(report_ids), ReportStatusChange.to_status == "dikembalikan")
        .group_by(ReportStatusChange.report_id)
    ).all()
    return Counter({rid: n for rid, n in rows})


def _led_by(session: Session, event_id: int, assessor_id: int | None) -> set[int]:
    return set(session.scalars(select(EventParticipant.id).where(
        EventParticipant.event_id == event_id, EventParticipant.lead_assessor_id == assessor_id)))


def qc_overview(
    session: Session, event_id: int, *, today: date | None = None, with_checks: bool = False
) -> QcOverview:
    """Every participant of the event with the state of their report (see module doc)."""
    event = session.get(Event, event_id)
    if event is None:
        raise UserFacingError("Kegiatan tidak ditemukan.")
    today = today or datetime.now(UTC).date()
    settings = deadline_settings(session, event_id)
    last_day = last_assessment_day(session, event_id)
    author = aliased(TeamMember)
    reviewer = aliased(TeamMember)
    stmt = (
        select(EventParticipant.id, EventParticipant.number, Participant.nip, Participant.name, Participant.unit,
               Wave.number, IndividualReport, author.name, reviewer.name)
        .join(Participant, Participant.id == EventParticipant.participant_id)
        .outerjoin(Wave, Wave.id == EventParticipant.wave_id)
        .outerjoin(IndividualReport, IndividualReport.event_participant_id == EventParticipant.id)
        .outerjoin(author, author.id == IndividualReport.author_id)
        .outerjoin(reviewer, reviewer.id == IndividualReport.reviewer_id)
        .where(EventParticipant.event_id == event_id)
        .order_by(EventParticipant.number, Participant.name)
    )
    records = session.execute(stmt).all()
    from ukom_desktop.services import access

    actor = access.current_actor(session)
    if access.only_assigned(actor):  # a plain asesor writes (and checks) only the reports of those they lead
        assert actor is not None
        led = _led_by(session, event_id, actor.assessor_id)
        records = [r for r in records if r[0] in led]
    with_checks = with_checks and access.can(session, access.perm.EDIT_REPORT)  # pimpinan: statuses only
    returns = _returns(session, [r[6].id for r in records if r[6] is not None])
    rows: list[QcRow] = []
    for ep_id, number, nip, name, unit, wave, report, author_name, reviewer_name in records:
        status = str(getattr(report.status, "value", report.status)) if report is not None else NOT_STARTED
        since = report.status_since if report is not None else None
        deadline = days_left = None
        overdue = False
        if last_day is not None:
            view = deadlines.report_deadline_status(
                last_day, status or ReportStatus.DRAFT, since or last_day, today, settings
            )
            deadline, days_left, overdue = view.current_due, view.days_left, view.overdue
        failed: tuple[str, ...] | None = None
        if with_checks and report is not None:
            from ukom_desktop.services.report_qc import check_report

            failed = tuple(c.label for c in check_report(session, ep_id).failed)
        rows.append(QcRow(
            ep_id, report.id if report is not None else None, number, nip, name, unit, wave, status,
            report.author_id if report is not None else None, author_name or "",
            report.reviewer_id if report is not None else None, reviewer_name or "",
            report.revision if report is not None else 0, report.report_number if report is not None else "",
            since, deadlines.days_in_status(since, today) if since is not None else None,
            deadline, days_left, overdue, returns.get(report.id, 0) if report is not None else 0, failed,
        ))
    counts = Counter(r.status for r in rows)
    return QcOverview(
        event.id, event.code, event.name, today, last_day, settings,
        deadlines.report_deadline(last_day, settings) if last_day else None,
        deadlines.qc_deadline(last_day, settings) if last_day else None,
        tuple(rows), {s: counts.get(s, 0) for s in STATUS_ORDER},
    )


def overview_as_json(data: QcOverview) -> dict[str, object]:
    return {
        "kegiatan": data.event_code,
        "nama": data.event_name,
        "hari_terakhir_penilaian": data.last_assessment_day.isoformat() if data.last_assessment_day else None,
        "tenggat_penulisan": data.report_due.isoformat() if data.report_due else None,
        "tenggat_qc": data.qc_due.isoformat() if data.qc_due else None,
        "jumlah_per_status": {(s or "belum_dibuat"): n for s, n in data.counts.items()},
        "terlambat": [_row_json(r) for r in data.overdue],
        "gagal_pemeriksaan": [{**_row_json(r), "pemeriksaan": list(r.failed_checks or ())}
                              for r in data.with_failed_checks],
    }


def _row_json(row: QcRow) -> dict[str, object]:
    return {
        "nomor": row.number, "nama": row.name, "nip": row.nip, "status": row.status or "belum_dibuat",
        "penulis": row.author, "pemeriksa": row.reviewer, "hari_dalam_status": row.days_in_status,
        "tenggat": row.deadline.isoformat() if row.deadline else None, "sisa_hari": row.days_left,
    }
