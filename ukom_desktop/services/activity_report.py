"""The final activity report (laporan kegiatan) to the requesting agency, as PDF and Excel.

Figures per work unit: invited (every participant of the event), present (attendance hadir) and
assessed (an integrated result with a JPM); categories from the stored results; gaps from the standard
snapshot and final levels of each result; recommendations from the competencies most often below
standard (overall and per unit) and, for talent mapping, the 9-box; the reports handed over
(status diserahkan) with their numbers and the day they were delivered.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ukom_desktop.db.models import (
    Attendance,
    Competency,
    Event,
    EventExercise,
    EventParticipant,
    Exercise,
    IndividualReport,
    IntegratedLevel,
    IntegratedResult,
    Participant,
    Rating,
    ReportStatusChange,
    Wave,
)
from ukom_desktop.documents.activity_report_doc import (
    ActivityReportData,
    DeliveredReport,
    UnitFigure,
    UnitGaps,
    render_activity_report,
)
from ukom_desktop.documents.psychogram import PsychogramRow, fmt
from ukom_desktop.domain.dates import format_date_id, format_date_range_id
from ukom_desktop.errors import UserFacingError
from ukom_desktop.io.xlsx_writer import DECIMAL_FORMAT, TableColumn, TableSheet, write_table_workbook
from ukom_desktop.services import report_content
from ukom_desktop.services.feedback import NO_UNIT, competency_priorities
from ukom_desktop.services.integration import jpm_settings
from ukom_desktop.services.results import purpose_label

# Default development suggestions per competency of PermenPAN-RB 38/2017 (editable practice, not a rule).
DEVELOPMENT_HINTS: dict[str, str] = {
    "M.01": "pembinaan etika dan kode perilaku ASN, serta penugasan yang menuntut keteladanan",
    "M.02": "penugasan dalam tim lintas unit dan pelatihan membangun kerja sama tim",
    "M.03": "pelatihan komunikasi efektif, presentasi dan penulisan naskah dinas",
    "M.04": "penetapan target kinerja yang menantang dengan pemantauan berkala oleh atasan",
    "M.05": "pelatihan standar pelayanan publik dan keterlibatan dalam perbaikan layanan",
    "M.06": "coaching dan mentoring, serta rencana pengembangan individu yang dipantau atasan",
    "M.07": "keterlibatan dalam proyek perubahan dan pelatihan manajemen perubahan",
    "M.08": "studi kasus pengambilan keputusan dan penugasan yang menuntut analisis masalah",
    "SK.01": "kegiatan lintas budaya, wawasan kebangsaan dan penugasan di lingkungan yang beragam",
}
GENERIC_HINT = "pelatihan, coaching dan penugasan yang melatih perilaku pada level standar"


@dataclass(frozen=True)
class _Person:
    ep_id: int
    number: int | None
    name: str
    nip: str
    unit: str
    present: bool
    category: str
    nine_box: int | None
    profile: tuple[PsychogramRow, ...]


def _people(session: Session, event_id: int) -> list[_Person]:
    rows = session.execute(
        select(EventParticipant.id, EventParticipant.number, Participant.name, Participant.nip, Participant.unit,
               EventParticipant.attendance, IntegratedResult)
        .join(Participant, Participant.id == EventParticipant.participant_id)
        .outerjoin(IntegratedResult, IntegratedResult.event_participant_id == EventParticipant.id)
        .where(EventParticipant.event_id == event_id)
        .order_by(EventParticipant.number, Participant.name)
    ).all()
    result_ids = [r[6].id for r in rows if r[6] is not None]
    levels: dict[int, list[PsychogramRow]] = defaultdict(list)
    if result_ids:
        order = dict(session.execute(select(Competency.code, Competency.sort_order)).all())
        for rid, code, name, std, final in session.execute(
            select(IntegratedLevel.result_id, IntegratedLevel.competency_code, IntegratedLevel.competency_name,
                   IntegratedLevel.standard_level, IntegratedLevel.final_level)
            .where(IntegratedLevel.result_id.in_(result_ids))
        ):
            levels[rid].append(PsychogramRow(code, name, Decimal(std), None if final is None else Decimal(final)))
        for profile in levels.values():
            profile.sort(key=lambda r: (order.get(r.code, 0), r.code))
    people = []
    for ep_id, number, name, nip, unit, attendance, result in rows:
        assessed = result is not None and result.jpm is not None
        people.append(_Person(
            ep_id, number, name, nip, (unit or "").strip() or NO_UNIT,
            attendance == Attendance.HADIR or assessed,
            result.category_code if assessed else "", result.nine_box if assessed else None,
            tuple(levels.get(result.id, ())) if assessed else (),
        ))
    return people


def _mean(values: list[Decimal]) -> Decimal | None:
    if not values:
        return None
    return (sum(values, Decimal(0)) / len(values)).quantize(Decimal("0.01"), ROUND_HALF_UP)


def _unit_gaps(unit: str, people: list[_Person], codes: list[str]) -> UnitGaps:
    assessed = [p for p in people if p.profile]
    gaps: dict[str, list[Decimal]] = defaultdict(list)
    for p in assessed:
        for row in p.profile:
            if row.gap is not None:
                gaps[row.code].append(Decimal(row.gap))
    return UnitGaps(unit, len(assessed), {c: _mean(gaps[c]) for c in codes},
                    {c: sum(1 for g in gaps[c] if g < 0) for c in codes})


def _activities(session: Session, event: Event, people: list[_Person]) -> tuple[str, ...]:
    exercises = list(session.scalars(
        select(Exercise.name).join(EventExercise, EventExercise.exercise_id == Exercise.id)
        .where(EventExercise.event_id == event.id).order_by(EventExercise.sort_order)
    ))
    waves = session.scalar(select(func.count()).select_from(Wave).where(Wave.event_id == event.id)) or 0
    ep_ids = [p.ep_id for p in people]
    raters = session.execute(
        select(Rating.event_participant_id, func.count(func.distinct(Rating.assessor_id)))
        .where(Rating.event_participant_id.in_(ep_ids), Rating.submitted_at.is_not(None))
        .group_by(Rating.event_participant_id)
    ).all() if ep_ids else []
    assessors = session.scalar(
        select(func.count(func.distinct(Rating.assessor_id))).where(Rating.event_participant_id.in_(ep_ids))
    ) if ep_ids else 0
    statuses = Counter(
        str(getattr(s, "value", s)) for s in session.scalars(
            select(IndividualReport.status).where(IndividualReport.event_participant_id.in_(ep_ids))
        )
    ) if ep_ids else Counter()
    dates = format_date_range_id(event.start_date, event.end_date) if event.start_date else ""
    items = ["Persiapan: penetapan standar kompetensi jabatan sasaran, matriks alat ukur dan kompetensi, jadwal "
             "serta pembagian tugas asesor."]
    held = f"Pelaksanaan penilaian kompetensi{f' dalam {waves} gelombang' if waves > 1 else ''}"
    held += f" pada {dates}" if dates else ""
    held += f" dengan alat ukur {', '.join(exercises)}." if exercises else "."
    items.append(held)
    if raters:
        mean = sum(n for _, n in raters) / len(raters)
        items.append(f"Penilaian mandiri oleh {assessors} asesor; setiap peserta dinilai oleh rata-rata "
                     f"{fmt(Decimal(str(round(mean, 1))))} asesor.")
    assessed = sum(1 for p in people if p.profile)
    items.append(f"Rapat integrasi (assessor meeting) yang menetapkan level akhir kompetensi {assessed} peserta.")
    written = sum(statuses.values())
    passed = statuses.get("disetujui", 0) + statuses.get("diserahkan", 0)
    items.append(f"Penyusunan {written} laporan individu dan quality control laporan; {passed} laporan lulus QC.")
    if statuses.get("diserahkan", 0):
        items.append(f"Penyerahan {statuses['diserahkan']} laporan individu kepada instansi pemohon.")
    return tuple(items)


def _recommendations(people: list[_Person], purpose: str) -> tuple[str, ...]:
    profiles = [p.profile for p in people if p.profile]
    items = [f"{pr.text[:-1]}; disarankan {DEVELOPMENT_HINTS.get(pr.code, GENERIC_HINT)}."
             for pr in competency_priorities(profiles)]
    if purpose == "pemetaan":
        pool = sum(1 for p in people if p.nine_box in (7, 8, 9))
        if pool:
            items.append(f"{pool} peserta berada pada Kotak 7-9 manajemen talenta dan dapat dipertimbangkan masuk "
                         "kelompok rencana suksesi.")
    return tuple(items)


def activity_report_data(session: Session, event_id: int, *, when: date | None = None) -> ActivityReportData:
    event = session.get(Event, event_id)
    if event is None:
        raise UserFacingError("Kegiatan tidak ditemukan.")
    purpose = str(getattr(event.purpose, "value", event.purpose))
    people = _people(session, event_id)
    by_unit: dict[str, list[_Person]] = defaultdict(list)
    for p in people:
        by_unit[p.unit].append(p)
    order = dict(session.execute(select(Competency.code, Competency.sort_order)).all())
    names = {r.code: r.name for p in people for r in p.profile}
    codes = sorted(names, key=lambda c: (order.get(c, 0), c))
    categories = tuple((c.code, c.name) for c in jpm_settings(session, event_id).category_set(purpose).categories)
    units = tuple(
        UnitFigure(unit, len(members), sum(m.present for m in members), sum(1 for m in members if m.profile),
                   dict(Counter(m.category for m in members if m.category)))
        for unit, members in sorted(by_unit.items())
    )
    gaps = tuple(_unit_gaps(unit, members, codes) for unit, members in sorted(by_unit.items()))
    unit_recs = []
    for unit, members in sorted(by_unit.items()):
        top = competency_priorities([m.profile for m in members if m.profile], limit=2)
        if top:
            unit_recs.append((unit, tuple(
                f"{p.name}: {p.below} dari {p.total} peserta di bawah standar; "
                f"{DEVELOPMENT_HINTS.get(p.code, GENERIC_HINT)}." for p in top)))
    basis = []
    if event.request_letter_number:
        letter = f"Surat {event.requesting_agency or 'instansi pemohon'} Nomor {event.request_letter_number}"
        if event.request_letter_date:
            letter += f" tanggal {format_date_id(event.request_letter_date)}"
        basis.append(letter)
    kop = report_content.letterhead(session)
    delivered = delivered_reports(session, event_id)
    approved = _approved(session, event_id)
    return ActivityReportData(
        event_name=event.name, requesting_agency=event.requesting_agency, basis=tuple(basis),
        purpose_label=purpose_label(purpose), method=event.method,
        dates_text=format_date_range_id(event.start_date, event.end_date) if event.start_date else "",
        venue=event.venue, activities=_activities(session, event, people),
        invited=len(people), present=sum(p.present for p in people), assessed=sum(1 for p in people if p.profile),
        approved=approved, delivered_count=len(delivered), units=units, categories=categories,
        competencies=tuple((c, names[c]) for c in codes), gaps=gaps,
        overall_gaps=_unit_gaps("Seluruh peserta", people, codes) if codes else None,
        recommendations=_recommendations(people, purpose), unit_recommendations=tuple(unit_recs),
        delivered=delivered, letterhead=kop,
        signatory=report_content.head_signatory(session), place=kop.city if kop else "", date=when or date.today(),
    )


def delivered_reports(session: Session, event_id: int) -> tuple[DeliveredReport, ...]:
    """Reports handed over (status diserahkan), with their number and the day of delivery."""
    delivered_at = (
        select(ReportStatusChange.report_id, func.max(ReportStatusChange.at).label("at"))
        .where(ReportStatusChange.to_status == "diserahkan")
        .group_by(ReportStatusChange.report_id)
        .subquery()
    )
    rows: Sequence[tuple[Any, ...]] = session.execute(
        select(EventParticipant.number, Participant.name, Participant.nip, Participant.unit,
               IndividualReport.report_number, IntegratedResult.category_code, delivered_at.c.at)
        .join(IndividualReport, IndividualReport.event_participant_id == EventParticipant.id)
        .join(Participant, Participant.id == EventParticipant.participant_id)
        .outerjoin(IntegratedResult, IntegratedResult.event_participant_id == EventParticipant.id)
        .outerjoin(delivered_at, delivered_at.c.report_id == IndividualReport.id)
        .where(EventParticipant.event_id == event_id, IndividualReport.status == "diserahkan")
        .order_by(EventParticipant.number, Participant.name)
    ).all()
    return tuple(
        DeliveredReport(number, name, nip, (unit or "").strip() or NO_UNIT, report_number or "", category or "",
                        at.date() if at is not None else None)
        for number, name, nip, unit, report_number, category, at in rows
    )


def _approved(session: Session, event_id: int) -> int:
    return session.scalar(
        select(func.count()).select_from(IndividualReport)
        .join(EventParticipant, EventParticipant.id == IndividualReport.event_participant_id)
        .where(EventParticipant.event_id == event_id, IndividualReport.status.in_(("disetujui", "diserahkan")))
    ) or 0


def write_activity_report_pdf(session: Session, event_id: int, path: str | Path) -> int:
    """The laporan kegiatan as a PDF; returns the page count."""
    return render_activity_report(activity_report_data(session, event_id), path)


def activity_report_sheets(data: ActivityReportData) -> list[TableSheet]:
    """The same content as Excel sheets: figures and categories per unit, gaps, recommendations, reports."""
    codes = [c for c, _ in data.categories]
    comps = [c for c, _ in data.competencies]
    figures = TableSheet(
        title=f"Laporan Kegiatan - {data.event_name}", sheet_name="Peserta dan kategori",
        subtitles=tuple(t for t in (data.purpose_label, data.dates_text) if t),
        columns=["Unit kerja", "Diundang", "Hadir", "Dinilai", *codes],
        rows=[[u.unit, u.invited, u.present, u.assessed, *[u.categories.get(c, 0) for c in codes]]
              for u in data.units]
        + [["Jumlah", data.invited, data.present, data.assessed,
            *[sum(u.categories.get(c, 0) for u in data.units) for c in codes]]],
        footer_lines=("; ".join(f"{c} = {n}" for c, n in data.categories),),
    )
    gap_rows = [[g.unit, g.assessed, *[None if (gap := g.average_gap.get(c)) is None else float(gap)
                                      for c in comps]]
                for g in (*data.gaps, *([data.overall_gaps] if data.overall_gaps else []))]
    gaps = TableSheet(
        title="Rata-rata gap kompetensi per unit kerja", sheet_name="Gap kompetensi",
        columns=["Unit kerja", "Dinilai", *[TableColumn(c, DECIMAL_FORMAT) for c in comps]], rows=gap_rows,
        footer_lines=("; ".join(f"{c} = {n}" for c, n in data.competencies),),
    )
    recs = TableSheet(
        title="Rekomendasi pengembangan", sheet_name="Rekomendasi",
        columns=[TableColumn("Lingkup", width=30), TableColumn("Rekomendasi", width=100, wrap=True)],
        rows=[["Seluruh peserta", r] for r in data.recommendations]
        + [[unit, r] for unit, items in data.unit_recommendations for r in items],
    )
    reports = TableSheet(
        title="Laporan individu yang diserahkan", sheet_name="Laporan diserahkan",
        columns=["No", "Nama", TableColumn.text("NIP"), "Unit kerja", "Nomor laporan", "Kategori",
                 TableColumn("Tanggal diserahkan", "dd-mm-yyyy")],
        rows=[[d.number, d.name, d.nip, d.unit, d.report_number, d.category_code, d.delivered_on]
              for d in data.delivered],
    )
    return [figures, gaps, recs, reports]


def write_activity_report_workbook(session: Session, event_id: int, path: str | Path) -> Path:
    return write_table_workbook(path, activity_report_sheets(activity_report_data(session, event_id)))
