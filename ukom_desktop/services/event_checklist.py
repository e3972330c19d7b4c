"""The checklist of an event's current stage: its SOP steps, their mutu baku and what is still missing.

"4 peserta tanpa nomor HP, 7 belum konfirmasi": the counts come from one aggregate query over the
event's participants; steps without an automatic check are ticked by hand (Event.checklist).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import case, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from ukom_desktop.db.models import (
    AgendaItem,
    Attendance,
    Event,
    EventMatrixCell,
    EventParticipant,
    EventPosition,
    EventTeamMember,
    IncomingLetter,
    InvitationStatus,
    Participant,
    ScheduleSession,
    TeamRole,
    utcnow,
)
from ukom_desktop.domain import sop_steps
from ukom_desktop.errors import UserFacingError


@dataclass(frozen=True)
class PreparationCounts:
    """Counts over the participants of an event, and over its plan, that the checks use."""

    total: int = 0
    without_phone: int = 0
    without_email: int = 0
    not_invited: int = 0
    unconfirmed: int = 0
    attending: int = 0
    absent: int = 0
    absent_without_reason: int = 0
    cv_missing: int = 0  # among those not absent
    tracing_missing: int = 0
    without_group: int = 0
    without_question_set: int = 0
    without_lead_assessor: int = 0
    agenda_items: int = 0
    positions: int = 0
    matrix_cells: int = 0
    schedule_sessions: int = 0
    assessors: int = 0
    request_letters: int = 0  # incoming letters linked to the event (the request that opened it)
    dispositions: int = 0  # ... of them with a disposition (to whom)


@dataclass(frozen=True)
class ChecklistItem:
    code: str
    source: str  # "SOP 000 langkah 2"
    title: str
    standard_time: str  # "30 menit", "" when the SOP gives none
    output: str
    missing: tuple[str, ...]
    done: bool
    automatic: bool  # checked by the app (else ticked by hand)
    ticked: bool  # ticked by hand


@dataclass(frozen=True)
class Checklist:
    status: str
    items: tuple[ChecklistItem, ...]
    counts: PreparationCounts
    stage_days: int  # mutu baku of the stage in calendar days (0: measured in minutes)
    stage_minutes_000: int  # SOP 000 working minutes of the stage
    days_in_stage: int | None

    @property
    def overdue(self) -> bool:
        return bool(self.stage_days) and self.days_in_stage is not None and self.days_in_stage > self.stage_days

    @property
    def missing_summary(self) -> str:
        """All missing items of the stage in one line, without repeats."""
        seen: list[str] = []
        for item in self.items:
            for text in item.missing:
                if text not in seen and not item.done:
                    seen.append(text)
        return ", ".join(seen)


def days_in_status(event: Event, now: datetime | None = None) -> int | None:
    if event.status_changed_at is None:
        return None
    started = event.status_changed_at
    current = now or utcnow()
    if started.tzinfo is None:
        current = current.replace(tzinfo=None)
    return (current.date() - started.date()).days


def _count(
    session: Session, event_column: InstrumentedAttribute[int] | InstrumentedAttribute[int | None], event_id: int
) -> int:
    """Rows of the table of ``event_column`` that belong to the event."""
    query = select(func.count()).select_from(event_column.class_).where(event_column == event_id)
    return session.scalar(query) or 0


def preparation_counts(session: Session, event_id: int) -> PreparationCounts:
    ep = EventParticipant
    present = ep.attendance != Attendance.TIDAK_HADIR

    def n(condition):  # type: ignore[no-untyped-def]
        return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)

    row = session.execute(
        select(
            func.count(),
            n(Participant.phone == ""),
            n(Participant.email == ""),
            n(ep.invitation_status == InvitationStatus.BELUM),
            n(ep.attendance == Attendance.BELUM),
            n(ep.attendance == Attendance.HADIR),
            n(ep.attendance == Attendance.TIDAK_HADIR),
            n((ep.attendance == Attendance.TIDAK_HADIR) & (ep.attendance_reason == "")),
            n(present & ep.cv_complete.is_(False)),
            n(present & ep.tracing_complete.is_(False)),
            n(present & ep.group_id.is_(None)),
            n(present & (ep.question_set == "")),
            n(present & ep.lead_assessor_id.is_(None)),
        )
        .select_from(ep)
        .join(Participant, Participant.id == ep.participant_id)
        .where(ep.event_id == event_id)
    ).one()
    (total, without_phone, without_email, not_invited, unconfirmed, attending, absent, absent_without_reason,
     cv_missing, tracing_missing, without_group, without_question_set, without_lead_assessor) = (
        int(v) for v in row
    )
    assessors = session.scalar(
        select(func.count()).select_from(EventTeamMember)
        .where(EventTeamMember.event_id == event_id, EventTeamMember.role == TeamRole.ASESOR)
    ) or 0
    return PreparationCounts(
        total=total, without_phone=without_phone, without_email=without_email, not_invited=not_invited,
        unconfirmed=unconfirmed, attending=attending, absent=absent, absent_without_reason=absent_without_reason,
        cv_missing=cv_missing, tracing_missing=tracing_missing, without_group=without_group,
        without_question_set=without_question_set, without_lead_assessor=without_lead_assessor,
        agenda_items=_count(session, AgendaItem.event_id, event_id),
        positions=_count(session, EventPosition.event_id, event_id),
        matrix_cells=_count(session, EventMatrixCell.event_id, event_id),
        schedule_sessions=_count(session, ScheduleSession.event_id, event_id),
        assessors=assessors,
        request_letters=_count(session, IncomingLetter.event_id, event_id),
        dispositions=session.scalar(select(func.count()).select_from(IncomingLetter).where(
            IncomingLetter.event_id == event_id, IncomingLetter.disposition_to != "")) or 0,
    )


def _missing(check: str, event: Event, c: PreparationCounts) -> list[str]:
    out: list[str] = []
    none = "Belum ada peserta"
    if check == "request":
        if not event.requesting_agency:
            out.append("Instansi pengusul belum diisi")
        if not event.request_letter_number or event.request_letter_date is None:
            out.append("Nomor dan tanggal surat permohonan belum lengkap")
    elif check == "request_letter":
        if not c.request_letters:
            out.append("Surat permohonan belum dicatat di agenda surat masuk dan dikaitkan dengan kegiatan ini")
        elif not c.dispositions:
            out.append("Disposisi surat permohonan belum diisi")
    elif check == "participants":
        if not c.total:
            out.append(none)
    elif check == "dates":
        if event.start_date is None:
            out.append("Tanggal pelaksanaan belum ditetapkan")
        if not event.venue:
            out.append("Tempat pelaksanaan belum diisi")
    elif check == "invitation_list":
        if not c.total:
            out.append(none)
        if not c.agenda_items:
            out.append("Rundown kegiatan belum disusun")
    elif check == "phones":
        if not c.total:
            out.append(none)
        elif c.without_phone:
            out.append(f"{c.without_phone} peserta tanpa nomor HP")
    elif check == "profile":
        if not c.total:
            out.append(none)
        if event.start_date is None or not event.venue:
            out.append("Tanggal dan tempat kegiatan belum lengkap")
    elif check == "confirmations":
        if not c.total:
            out.append(none)
        if c.not_invited:
            out.append(f"{c.not_invited} belum dikirimi undangan")
        if c.unconfirmed:
            out.append(f"{c.unconfirmed} belum konfirmasi")
        if c.absent_without_reason:
            out.append(f"{c.absent_without_reason} tidak hadir tanpa alasan")
    elif check == "documents":
        if c.cv_missing:
            out.append(f"{c.cv_missing} DRH belum lengkap")
        if c.tracing_missing:
            out.append(f"{c.tracing_missing} penelusuran kompetensi belum lengkap")
    elif check == "groups":
        if c.without_group:
            out.append(f"{c.without_group} peserta belum masuk kelompok")
        if c.without_question_set:
            out.append(f"{c.without_question_set} peserta tanpa paket soal")
    elif check == "schedule":
        if not c.schedule_sessions:
            out.append("Jadwal belum disusun")
    elif check == "assessors":
        if not c.assessors:
            out.append("Belum ada asesor dalam tim kegiatan")
        elif c.without_lead_assessor:
            out.append(f"{c.without_lead_assessor} peserta tanpa asesor penanggung jawab")
    elif check == "standards":
        if not c.positions:
            out.append("Jabatan sasaran belum ditetapkan")
        if not c.matrix_cells:
            out.append("Matriks alat ukur dan kompetensi belum disusun")
    elif check == "attendance" and c.unconfirmed:
        out.append(f"{c.unconfirmed} peserta belum tercatat kehadirannya")
    return out


def checklist(
    session: Session, event_id: int, status: str | None = None, now: datetime | None = None
) -> Checklist:
    """The steps of the event's current stage (or of `status`) with what is still missing."""
    event = session.get(Event, event_id)
    if event is None:
        raise UserFacingError("Kegiatan tidak ditemukan.")
    current = getattr(event.status, "value", event.status)
    stage = status or current
    counts = preparation_counts(session, event_id)
    ticks = event.checklist or {}
    items = []
    for step in sop_steps.steps_of_stage(stage):
        missing = tuple(_missing(step.check, event, counts)) if step.check else ()
        ticked = bool(ticks.get(step.code))
        items.append(ChecklistItem(
            code=step.code, source=step.source, title=step.title,
            standard_time=step.time.label if step.time else "", output=step.output, missing=missing,
            done=ticked or (step.check is not None and not missing), automatic=step.check is not None,
            ticked=ticked,
        ))
    return Checklist(
        status=stage, items=tuple(items), counts=counts, stage_days=sop_steps.stage_calendar_days(stage),
        stage_minutes_000=sop_steps.stage_working_minutes(stage, "000"),
        days_in_stage=days_in_status(event, now) if stage == current else None,
    )


def tick_step(session: Session, event_id: int, code: str, done: bool = True) -> None:
    """Tick (or untick) a step by hand."""
    if code not in sop_steps.STEPS_BY_CODE:
        raise UserFacingError(f"Langkah SOP '{code}' tidak dikenal.")
    event = session.get(Event, event_id)
    if event is None:
        raise UserFacingError("Kegiatan tidak ditemukan.")
    ticks = dict(event.checklist or {})
    if done:
        ticks[code] = True
    else:
        ticks.pop(code, None)
    event.checklist = ticks
    session.flush()
