"""Quality control of individual reports: checks, status changes, comments and locking.

Rules come from the domain: ``report_status`` (who may move a report where, which moves need the
checks or a comment) and ``report_checks`` (the five automatic checks). This module feeds them from the
database and writes every change in one transaction:

- ``check_report``: the checks on the report as it stands. The values the report *states* are the ones
  frozen in the submitted revision while it is submitted (diajukan, disetujui, diserahkan) and the
  values it would print now otherwise; the *expected* JPM and category are recomputed from the final
  levels with the event's JPM settings, and the identity is the participant's current name and NIP.
  So a name corrected or a level changed after submission makes the review fail, as it should.
- ``submit`` (author): a new ReportRevision with the sections and the stated facts; ``return_report``
  (reviewer, with a comment); ``approve`` (reviewer; gives the report its number); ``deliver`` (admin);
  ``new_revision`` (an approved report back to draft, with a reason). Each change is a
  ReportStatusChange row and an audit-log entry.
- ``edit_sections``: the only way the QC area edits narratives; a submitted, approved or delivered
  report is refused (approved reports are locked until a new revision is started).
- Comments anchored to a section (or to the report as a whole), per revision.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ukom_desktop.db import audit
from ukom_desktop.db.models import (
    DocumentSequence,
    EventParticipant,
    IndividualReport,
    QcComment,
    ReportRevision,
    ReportStatusChange,
    TeamMember,
)
from ukom_desktop.db.models import ReportStatus as DbStatus
from ukom_desktop.domain import report_checks, report_status
from ukom_desktop.domain import results as result_rules
from ukom_desktop.domain.report_status import ReportRole, ReportStatus
from ukom_desktop.errors import UserFacingError
from ukom_desktop.services import access, report_content
from ukom_desktop.services.integration import IntegrationError, jpm_settings
from ukom_desktop.services.numbering import format_number
from ukom_desktop.services.results import ParticipantResult, participant_result
from ukom_desktop.services.settings import get_setting

SUBMITTED = frozenset({ReportStatus.DIAJUKAN, ReportStatus.DISETUJUI, ReportStatus.DISERAHKAN})
GENERAL_SECTION = ""
COMMENT_SECTIONS: dict[str, str] = {GENERAL_SECTION: "Laporan secara umum", **report_content.SECTION_TITLES}
NUMBER_SETTING = "qc.report_number_pattern"
NUMBER_KIND = "laporan_individu"
DEFAULT_NUMBER_PATTERN = "{seq}/LHPK/{roman_month}/{year}"


class QcError(UserFacingError):
    """A QC action that cannot be done; the message is in Bahasa Indonesia."""


@dataclass(frozen=True)
class CheckOutcome:
    results: tuple[report_checks.CheckResult, ...]

    @property
    def passed(self) -> bool:
        return report_checks.all_passed(self.results)

    @property
    def failed(self) -> list[report_checks.CheckResult]:
        return report_checks.failed_checks(self.results)


@dataclass(frozen=True)
class Done:
    """The outcome of a status change."""

    report_id: int
    status: ReportStatus
    revision: int
    message: str
    report_number: str = ""


@dataclass(frozen=True)
class CommentView:
    id: int
    revision: int
    section: str
    section_label: str
    text: str
    author: str
    created_at: datetime
    resolved: bool


@dataclass(frozen=True)
class HistoryEntry:
    at: datetime
    from_status: str
    to_status: str
    actor: str
    note: str

    @property
    def text(self) -> str:
        source = report_status.STATUS_LABELS.get(_maybe_status(self.from_status), self.from_status or "-")
        target = report_status.STATUS_LABELS.get(_maybe_status(self.to_status), self.to_status)
        return f"{source} \u2192 {target}"


def _maybe_status(value: str) -> Any:
    try:
        return ReportStatus(value)
    except ValueError:
        return value


def _now(now: datetime | None) -> datetime:
    return now if now is not None else datetime.now(UTC)


def status_of(report: IndividualReport) -> ReportStatus:
    return ReportStatus(getattr(report.status, "value", report.status))


def report_of(session: Session, event_participant_id: int) -> IndividualReport:
    report = report_content.report_row(session, event_participant_id)
    if report is None:
        ep = session.get(EventParticipant, event_participant_id)
        who = ep.participant.name if ep is not None else "peserta ini"
        raise QcError(f"Laporan {who} belum dibuat; asesor penulis perlu memulai laporannya terlebih dahulu.")
    return report


# ---------------------------------------------------------------------------------------------
# Checks


def stated_facts(result: ParticipantResult) -> dict[str, Any]:
    """What the report prints now: participant identity, JPM and category (stored result)."""
    return {
        "nama": result.name,
        "nip": result.nip,
        "jpm": None if result.jpm is None else str(result.jpm),
        "kategori": result.category_code,
    }


def expected_result(session: Session, result: ParticipantResult) -> tuple[Decimal | None, str | None]:
    """JPM and category recomputed from the final levels with the event's settings."""
    scores = [result_rules.CompetencyScore(r.code, r.name, r.standard, r.final) for r in result.levels]
    try:
        summary = result_rules.compute_result(scores, result.purpose, jpm_settings(session, result.event_id))
    except (result_rules.ResultError, ValueError, IntegrationError):
        return None, None
    return summary.jpm, summary.category_code


def _facts_for(report: IndividualReport | None, result: ParticipantResult) -> dict[str, Any]:
    if report is not None and status_of(report) in SUBMITTED and report.revisions:
        facts = dict(report.revisions[-1].facts or {})
        if facts:
            return facts
    return stated_facts(result)


def build_snapshot(
    session: Session, event_participant_id: int, *, facts: Mapping[str, Any] | None = None
) -> report_checks.ReportSnapshot:
    """The ReportSnapshot of the participant's report (see module doc for where each value comes from)."""
    result = participant_result(session, event_participant_id)
    report = report_content.report_row(session, event_participant_id)
    sections: dict[str, Any] = dict(report.sections or {}) if report is not None else {}
    stated = dict(facts) if facts is not None else _facts_for(report, result)
    expected_jpm, expected_category = expected_result(session, result)
    return report_checks.ReportSnapshot(
        purpose=result.purpose,
        competency_codes=tuple(r.code for r in result.levels),
        final_levels={r.code: r.final for r in result.levels},
        standard_levels={r.code: r.standard for r in result.levels},
        narratives={k: str(sections.get(k) or "") for k in report_content.SECTION_KEYS},
        strengths=tuple(sections.get(report_content.STRENGTH_CODES) or ()),
        development_areas=tuple(sections.get(report_content.DEVELOPMENT_CODES) or ()),
        report_jpm=None if stated.get("jpm") in (None, "") else Decimal(str(stated["jpm"])),
        report_category=str(stated.get("kategori") or ""),
        expected_jpm=expected_jpm,
        expected_category=expected_category,
        report_name=str(stated.get("nama") or ""),
        report_nip=str(stated.get("nip") or ""),
        participant_name=result.name,
        participant_nip=result.nip,
        competency_names={r.code: r.name for r in result.levels},
    )


def check_report(session: Session, event_participant_id: int) -> CheckOutcome:
    """The five automatic checks on the participant's report as it stands."""
    access.require_integration(session, event_participant_id, access.perm.EDIT_REPORT)
    return CheckOutcome(tuple(report_checks.run_checks(build_snapshot(session, event_participant_id))))


def _require_checks(outcome: CheckOutcome, what: str) -> None:
    if not outcome.passed:
        lines = "\n".join(f"- {c.label}: {c.message}" for c in outcome.failed)
        raise QcError(f"Laporan belum dapat {what} karena pemeriksaan otomatis belum terpenuhi:\n{lines}")


# ---------------------------------------------------------------------------------------------
# Status changes


def _apply(
    session: Session, report: IndividualReport, target: ReportStatus, role: ReportRole, *, actor: str,
    checks_passed: bool = True, comment: str = "", new_revision: bool = False, now: datetime | None = None,
) -> report_status.Transition:
    source = status_of(report)
    try:
        step = report_status.transition(source, target, role, checks_passed, comment, new_revision=new_revision)
    except report_status.TransitionError as exc:
        raise QcError(str(exc)) from exc
    when = _now(now)
    report.status = DbStatus(step.target.value)
    report.status_since = when
    report.history.append(ReportStatusChange(
        from_status=step.source.value, to_status=step.target.value, at=when, actor=actor,
        note=step.comment or step.label,
    ))
    audit.record(
        session, action=f"laporan_{step.action}", entity="individual_report", entity_id=report.id,
        entity_uuid=report.uuid, old={"status": step.source.value, "revisi": report.revision},
        new={"status": step.target.value, "revisi": report.revision}, actor=actor, note=step.comment or step.label,
    )
    return step


def _set_reviewer(session: Session, report: IndividualReport, reviewer_id: int | None) -> None:
    if reviewer_id is None:
        return
    if session.get(TeamMember, reviewer_id) is None:
        raise QcError("Pemeriksa QC yang dipilih tidak ditemukan; muat ulang daftar lalu pilih lagi.")
    if reviewer_id == report.author_id:
        raise QcError("Pemeriksa QC tidak boleh penulis laporan itu sendiri; pilih asesor lain.")
    report.reviewer_id = reviewer_id


def submit(session: Session, event_participant_id: int, *, actor: str = "", now: datetime | None = None) -> Done:
    """The author submits (or resubmits) the report: checks, then a new revision with what it states."""
    access.require_integration(session, event_participant_id, access.perm.EDIT_REPORT)
    report = report_of(session, event_participant_id)
    if status_of(report) == ReportStatus.DIKEMBALIKAN:
        _apply(session, report, ReportStatus.DIREVISI, ReportRole.ASESOR, actor=actor, now=now)
    source = status_of(report)
    if source not in (ReportStatus.DRAFT, ReportStatus.DIREVISI):
        _apply(session, report, ReportStatus.DIAJUKAN, ReportRole.ASESOR, actor=actor, now=now)  # raises
    result = participant_result(session, event_participant_id)
    facts = stated_facts(result)
    outcome = CheckOutcome(tuple(report_checks.run_checks(build_snapshot(session, event_participant_id,
                                                                         facts=facts))))
    _require_checks(outcome, "diajukan")
    _apply(session, report, ReportStatus.DIAJUKAN, ReportRole.ASESOR, actor=actor, now=now)
    report.revision = (report.revision or 0) + 1
    report.revisions.append(ReportRevision(
        revision=report.revision, sections=dict(report.sections or {}), submitted_at=_now(now), facts=facts,
        submitted_by=actor,
    ))
    session.flush()
    return Done(report.id, ReportStatus.DIAJUKAN, report.revision,
                f"Laporan {result.name} diajukan ke QC sebagai revisi {report.revision}.", report.report_number)


def return_report(
    session: Session, event_participant_id: int, comment: str, *, actor: str = "",
    reviewer_id: int | None = None, section: str = GENERAL_SECTION, now: datetime | None = None,
) -> Done:
    """The reviewer returns the report to its author with a comment (kept as a QC comment anchored to
    ``section``, the report as a whole by default)."""
    access.require(session, access.perm.REVIEW_REPORT)
    report = report_of(session, event_participant_id)
    if section not in COMMENT_SECTIONS:
        raise QcError(f"Bagian laporan '{section}' tidak dikenal.")
    _set_reviewer(session, report, reviewer_id)
    step = _apply(session, report, ReportStatus.DIKEMBALIKAN, ReportRole.QC, actor=actor, comment=comment, now=now)
    report.comments.append(QcComment(revision=report.revision, section=section, text=step.comment,
                                     author=actor, created_at=_now(now)))
    session.flush()
    name = participant_result(session, event_participant_id).name
    return Done(report.id, ReportStatus.DIKEMBALIKAN, report.revision,
                f"Laporan {name} dikembalikan ke penulis.", report.report_number)


def approve(
    session: Session, event_participant_id: int, *, actor: str = "", reviewer_id: int | None = None,
    now: datetime | None = None,
) -> Done:
    """The reviewer approves: the checks must pass on what was submitted; the report gets its number."""
    access.require(session, access.perm.REVIEW_REPORT)
    report = report_of(session, event_participant_id)
    _set_reviewer(session, report, reviewer_id)
    if status_of(report) == ReportStatus.DIAJUKAN:
        _require_checks(check_report(session, event_participant_id), "disetujui")
    _apply(session, report, ReportStatus.DISETUJUI, ReportRole.QC, actor=actor, now=now)
    if not report.report_number:
        report.report_number = next_report_number(session, _now(now).date())
    from ukom_desktop.services.report_integrity import seal

    seal(session, report, actor=actor)  # the approved content's hash: an edit outside the app is flagged
    session.flush()
    name = participant_result(session, event_participant_id).name
    return Done(report.id, ReportStatus.DISETUJUI, report.revision,
                f"Laporan {name} disetujui dengan nomor {report.report_number}.", report.report_number)


def deliver(session: Session, event_participant_id: int, *, actor: str = "", now: datetime | None = None) -> Done:
    """The admin records that the approved report was handed over."""
    access.require(session, access.perm.REVIEW_REPORT)
    report = report_of(session, event_participant_id)
    _apply(session, report, ReportStatus.DISERAHKAN, ReportRole.ADMIN, actor=actor, now=now)
    session.flush()
    name = participant_result(session, event_participant_id).name
    return Done(report.id, ReportStatus.DISERAHKAN, report.revision, f"Laporan {name} tercatat diserahkan.",
                report.report_number)


def new_revision(
    session: Session, event_participant_id: int, reason: str, *, actor: str = "", role: str = ReportRole.QC,
    now: datetime | None = None,
) -> Done:
    """An approved report goes back to draft so that it can be changed; the reason is recorded."""
    access.require(session, access.perm.REVIEW_REPORT)
    report = report_of(session, event_participant_id)
    _apply(session, report, ReportStatus.DRAFT, ReportRole(role), actor=actor, comment=reason, new_revision=True,
           now=now)
    report.comments.append(QcComment(revision=report.revision, section=GENERAL_SECTION,
                                     text=f"Revisi baru: {reason.strip()}", author=actor, created_at=_now(now)))
    session.flush()
    return Done(report.id, ReportStatus.DRAFT, report.revision,
                "Revisi baru dibuka; laporan kembali menjadi draf dan dapat diubah penulis.", report.report_number)


def deliver_many(session: Session, event_participant_ids: Iterable[int], *, actor: str = "") -> int:
    """Deliver every approved report among the ids; returns how many were delivered."""
    access.require(session, access.perm.REVIEW_REPORT)
    count = 0
    for ep_id in event_participant_ids:
        report = report_content.report_row(session, ep_id)
        if report is not None and status_of(report) == ReportStatus.DISETUJUI:
            deliver(session, ep_id, actor=actor)
            count += 1
    return count


def assign_reviewer(session: Session, event_participant_ids: Iterable[int], reviewer_id: int | None, *,
                    actor: str = "") -> int:
    """Set (or clear) the QC reviewer of the reports; returns how many changed."""
    access.require(session, access.perm.REVIEW_REPORT)
    changed = 0
    for ep_id in event_participant_ids:
        report = report_of(session, ep_id)
        if report.reviewer_id == reviewer_id:
            continue
        old = report.reviewer_id
        if reviewer_id is None:
            report.reviewer_id = None
        else:
            _set_reviewer(session, report, reviewer_id)
        audit.record(session, action="tetapkan_pemeriksa", entity="individual_report", entity_id=report.id,
                     entity_uuid=report.uuid, old={"pemeriksa": old}, new={"pemeriksa": reviewer_id}, actor=actor)
        changed += 1
    session.flush()
    return changed


def edit_sections(
    session: Session, event_participant_id: int, sections: Mapping[str, Any], *, actor: str = "",
    now: datetime | None = None,
) -> IndividualReport:
    """Save narrative edits; a report under review, approved or delivered is refused."""
    access.require_integration(session, event_participant_id, access.perm.EDIT_REPORT)
    report = report_content.report_row(session, event_participant_id)
    if report is not None:
        status = status_of(report)
        if status == ReportStatus.DISETUJUI:
            raise QcError("Laporan ini sudah disetujui dan terkunci. Buat revisi baru (dengan alasan) untuk "
                          "mengubahnya.")
        if status == ReportStatus.DIAJUKAN:
            raise QcError("Laporan ini sedang diperiksa QC dan tidak dapat diubah sampai dikembalikan.")
        if status == ReportStatus.DISERAHKAN:
            raise QcError("Laporan ini sudah diserahkan dan tidak dapat diubah lagi.")
    try:
        return report_content.save_sections(session, event_participant_id, sections, actor=actor, now=now)
    except report_content.ReportContentError as exc:
        raise QcError(str(exc)) from exc


# ---------------------------------------------------------------------------------------------
# Report numbers


def _increment(session: Session, year: int) -> int | None:
    statement = (
        update(DocumentSequence)
        .where(DocumentSequence.kind == NUMBER_KIND, DocumentSequence.year == year)
        .values(last_value=DocumentSequence.last_value + 1)
        .returning(DocumentSequence.last_value)
        .execution_options(synchronize_session=False)
    )
    return session.execute(statement).scalar_one_or_none()


def next_report_number(session: Session, when: date) -> str:
    """The next number of an approved report (never repeated; same row-locked sequence as letters)."""
    pattern = str(get_setting(session, NUMBER_SETTING, DEFAULT_NUMBER_PATTERN) or DEFAULT_NUMBER_PATTERN)
    for _attempt in range(5):
        value = _increment(session, when.year)
        if value is not None:
            return format_number(pattern, int(value), when)
        try:
            with session.begin_nested():
                session.add(DocumentSequence(kind=NUMBER_KIND, year=when.year, last_value=1))
            return format_number(pattern, 1, when)
        except IntegrityError:
            continue
    raise QcError("Nomor laporan tidak dapat diambil karena basis data sedang sibuk. Coba lagi sebentar lagi.")


# ---------------------------------------------------------------------------------------------
# Comments and history


def add_comment(
    session: Session, event_participant_id: int, section: str, text: str, *, author: str = "",
    now: datetime | None = None,
) -> CommentView:
    """A reviewer's comment anchored to a section of the current revision."""
    access.require(session, access.perm.REVIEW_REPORT)
    report = report_of(session, event_participant_id)
    if section not in COMMENT_SECTIONS:
        raise QcError(f"Bagian laporan '{section}' tidak dikenal.")
    body = (text or "").strip()
    if not body:
        raise QcError("Isi komentar tidak boleh kosong.")
    if status_of(report) == ReportStatus.DISERAHKAN:
        raise QcError("Laporan yang sudah diserahkan tidak dapat diberi komentar lagi.")
    comment = QcComment(revision=report.revision, section=section, text=body, author=author, created_at=_now(now))
    report.comments.append(comment)
    session.flush()
    audit.record(session, action="komentar_qc", entity="individual_report", entity_id=report.id,
                 entity_uuid=report.uuid, new={"bagian": section, "komentar": body, "revisi": report.revision},
                 actor=author)
    return _comment_view(comment)


def resolve_comment(session: Session, comment_id: int, *, actor: str = "", resolved: bool = True) -> None:
    comment = session.get(QcComment, comment_id)
    if comment is None:
        raise QcError("Komentar ini sudah dihapus; muat ulang laporan.")
    if comment.resolved != resolved:
        comment.resolved = resolved
        audit.record(session, action="komentar_selesai" if resolved else "komentar_dibuka", entity="qc_comment",
                     entity_id=comment.id, old={"selesai": not resolved}, new={"selesai": resolved}, actor=actor)
        session.flush()


def _comment_view(c: QcComment) -> CommentView:
    return CommentView(c.id, c.revision, c.section, COMMENT_SECTIONS.get(c.section, c.section), c.text, c.author,
                       c.created_at, c.resolved)


def comments(session: Session, event_participant_id: int) -> list[CommentView]:
    report = report_content.report_row(session, event_participant_id)
    if report is None:
        return []
    return [_comment_view(c) for c in sorted(report.comments, key=lambda c: (c.created_at, c.id))]


def history(session: Session, event_participant_id: int) -> list[HistoryEntry]:
    report = report_content.report_row(session, event_participant_id)
    if report is None:
        return []
    return [HistoryEntry(h.at, h.from_status, h.to_status, h.actor, h.note)
            for h in sorted(report.history, key=lambda h: (h.at, h.id))]
