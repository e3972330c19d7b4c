"""Umpan balik (SOP 001 step 9; SOP 004 step 9: results back to the work units): feedback sheets per
participant, or one pack per work unit, from the approved individual reports.

Only reports that passed QC (disetujui or diserahkan) are used unless asked otherwise, so nobody receives
feedback that the reviewer has not seen.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ukom_desktop.db.models import Event, EventParticipant, IndividualReport, Participant
from ukom_desktop.documents.feedback_doc import FeedbackPack, FeedbackSheet, build_feedback
from ukom_desktop.documents.output import iter_write_pdf, write_pdf
from ukom_desktop.documents.psychogram import PsychogramRow, fmt
from ukom_desktop.domain.dates import format_date_range_id
from ukom_desktop.errors import UserFacingError
from ukom_desktop.services import access, report_content
from ukom_desktop.services.results import participant_result

QC_DONE = ("disetujui", "diserahkan")
NO_UNIT = "(Unit kerja belum diisi)"


@dataclass(frozen=True)
class Priority:
    code: str
    name: str
    below: int  # participants below standard
    total: int  # participants with a final level
    average_gap: Decimal

    @property
    def text(self) -> str:
        return (f"{self.name} ({self.code}): {self.below} dari {self.total} peserta berada di bawah standar, "
                f"rata-rata gap {fmt(self.average_gap, signed=True)}.")


def competency_priorities(profiles: Iterable[Sequence[PsychogramRow]], limit: int | None = None) -> list[Priority]:
    """Competencies ranked by how many participants are below standard (then by the mean gap)."""
    below: dict[str, int] = defaultdict(int)
    gaps: dict[str, list[Decimal]] = defaultdict(list)
    names: dict[str, str] = {}
    order: dict[str, int] = {}
    for profile in profiles:
        for row in profile:
            names.setdefault(row.code, row.name)
            order.setdefault(row.code, len(order))
            if row.gap is None:
                continue
            gaps[row.code].append(Decimal(row.gap))
            below[row.code] += int(row.gap < 0)
    ranked = [
        Priority(code, names[code], below[code], len(gaps[code]),
                 (sum(gaps[code], Decimal(0)) / len(gaps[code])).quantize(Decimal("0.01"), ROUND_HALF_UP))
        for code in gaps if below[code] > 0
    ]
    ranked.sort(key=lambda p: (-p.below, p.average_gap, order[p.code]))
    return ranked[:limit] if limit is not None else ranked


def feedback_sheet(session: Session, event_participant_id: int) -> FeedbackSheet:
    result = participant_result(session, event_participant_id)
    report = report_content.report_row(session, event_participant_id)
    sections = dict(report.sections or {}) if report is not None else {}
    position = result.position_name
    if result.position_name and result.job_level_name:
        position = f"{result.position_name} ({result.job_level_name})"
    author = (report.author_id if report is not None else None) or result.lead_assessor_id
    return FeedbackSheet(
        name=result.name, nip=result.nip, number=result.number, jabatan=result.jabatan, unit=result.unit,
        position=position, purpose_label=result.purpose_label,
        profile=tuple(PsychogramRow(r.code, r.name, r.standard, r.final) for r in result.levels),
        jpm=result.jpm, category_code=result.category_code, category_name=result.category_name,
        potential_category=result.potential_category,
        strengths_text=str(sections.get("kekuatan") or ""),
        development_text=str(sections.get("area_pengembangan") or ""),
        suggestions_text=str(sections.get("saran_pengembangan") or ""),
        report_number=report.report_number if report is not None and report_content.is_approved(report) else "",
        assessor=report_content.assessor_signatory(session, author),
        draft=not report_content.is_approved(report),
    )


def _participants(
    session: Session, event_id: int, *, unit: str | None, ids: Iterable[int] | None, include_unapproved: bool,
) -> list[tuple[int, str]]:
    stmt = (
        select(EventParticipant.id, Participant.unit, IndividualReport.status)
        .join(Participant, Participant.id == EventParticipant.participant_id)
        .outerjoin(IndividualReport, IndividualReport.event_participant_id == EventParticipant.id)
        .where(EventParticipant.event_id == event_id)
        .order_by(Participant.unit, EventParticipant.number, Participant.name)
    )
    wanted = set(ids) if ids is not None else None
    rows = []
    for ep_id, ep_unit, status in session.execute(stmt):
        value = str(getattr(status, "value", status) or "")
        if wanted is not None and ep_id not in wanted:
            continue
        if unit is not None and (ep_unit or "").strip() != unit.strip():
            continue
        if not include_unapproved and value not in QC_DONE:
            continue
        if include_unapproved and not value:
            continue
        rows.append((ep_id, (ep_unit or "").strip() or NO_UNIT))
    return rows


def feedback_packs(
    session: Session, event_id: int, *, per_unit: bool = False, unit: str | None = None,
    event_participant_ids: Iterable[int] | None = None, include_unapproved: bool = False,
    when: date | None = None,
) -> list[FeedbackPack]:
    """One pack per participant, or (``per_unit``) one per work unit with its summary page first."""
    event = session.get(Event, event_id)
    if event is None:
        raise UserFacingError("Kegiatan tidak ditemukan.")
    chosen = _participants(session, event_id, unit=unit, ids=event_participant_ids,
                           include_unapproved=include_unapproved)
    if not chosen:
        raise UserFacingError(
            "Belum ada laporan yang lulus QC (disetujui atau diserahkan) untuk dibuatkan umpan balik."
            if not include_unapproved else "Belum ada laporan untuk dibuatkan umpan balik."
        )
    kop = report_content.letterhead(session)
    dates = format_date_range_id(event.start_date, event.end_date) if event.start_date else ""
    common = {"event_name": event.name, "dates_text": dates, "letterhead": kop, "place": kop.city if kop else "",
              "date": when or date.today()}
    if not per_unit:
        return [FeedbackPack(sheets=(feedback_sheet(session, ep_id),), **common)  # type: ignore[arg-type]
                for ep_id, _ in chosen]
    by_unit: dict[str, list[FeedbackSheet]] = defaultdict(list)
    for ep_id, ep_unit in chosen:
        by_unit[ep_unit].append(feedback_sheet(session, ep_id))
    packs = []
    for name in sorted(by_unit):
        sheets = tuple(by_unit[name])
        priorities = tuple(p.text for p in competency_priorities((s.profile for s in sheets), limit=3))
        packs.append(FeedbackPack(sheets=sheets, unit=name, unit_priorities=priorities, **common))  # type: ignore[arg-type]
    return packs


def write_feedback_pdf(session: Session, event_id: int, path: str | Path, **options: object) -> int:
    """All packs in one PDF; returns the page count. Options as for ``feedback_packs``."""
    access.require_export(session, event_id, "Umpan balik hasil", kind="cetak_rahasia")
    packs = feedback_packs(session, event_id, **options)  # type: ignore[arg-type]
    docs = [build_feedback(p) for p in packs]
    access.stamp_printed_by(session, docs)
    return write_pdf(docs, path, title="Umpan Balik Hasil Penilaian Kompetensi")


def feedback_job(session: Session, event_id: int, path: str | Path, **options: object) -> Iterator[tuple[int, int, str]]:
    """``write_feedback_pdf`` as progress steps for the background runner; returns the page count."""
    access.require_export(session, event_id, "Umpan balik hasil", kind="cetak_rahasia")
    packs = feedback_packs(session, event_id, **options)  # type: ignore[arg-type]
    line = access.printed_by_line(session)
    docs = (build_feedback(p) for p in packs)
    return iter_write_pdf((access.with_printed_by(d, line) for d in docs), path, total=len(packs),
                          title="Umpan Balik Hasil Penilaian Kompetensi")
