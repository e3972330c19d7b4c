"""The individual report's content: the 22 items of domain.md 4.6 from the database, and the narratives.

Narrative sections live in IndividualReport.sections under the keys of domain.report_checks
("potensi", "kekuatan", "area_pengembangan", "saran_pengembangan", "saran_penempatan"), as plain text
with a light markup (blank line between paragraphs, "- " for a bullet). The structured lists the
report checks compare with the gaps are kept beside them: "kode_kekuatan" and "kode_pengembangan"
(competency codes). The row is created in draft when an assessor starts writing, with starting text
built from the level descriptions of the competency dictionary (CompetencyLevel).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ukom_desktop.db import audit
from ukom_desktop.db.models import (
    Event,
    IndividualReport,
    InstitutionProfile,
    ReportStatus,
    ReportStatusChange,
    TeamMember,
    Wave,
)
from ukom_desktop.documents.individual_report import IndividualReportData
from ukom_desktop.documents.model import Letterhead, Signatory
from ukom_desktop.documents.psychogram import PsychogramData, PsychogramRow, fmt
from ukom_desktop.domain import report_checks, report_status
from ukom_desktop.domain.dates import format_date_range_id
from ukom_desktop.errors import UserFacingError, check_version
from ukom_desktop.services.integration import potential_settings
from ukom_desktop.services.potential_axis import participant_axis
from ukom_desktop.services.report_narratives import DEVELOPMENT_CODES, STRENGTH_CODES, starting_text
from ukom_desktop.services.results import ParticipantResult, participant_result

SECTION_KEYS: tuple[str, ...] = ("potensi", "kekuatan", "area_pengembangan", "saran_pengembangan",
                                 "saran_penempatan")
SECTION_TITLES: dict[str, str] = dict(report_checks.SECTION_LABELS)

# The 22 items of domain.md 4.6, in order: (number, label printed in the report).
REPORT_ITEMS: tuple[tuple[int, str], ...] = (
    (1, "Tujuan penilaian dan jabatan sasaran"),
    (2, "Lembaga penyelenggara"),
    (3, "Tanggal penilaian"),
    (4, "Nomor peserta"),
    (5, "Nama"),
    (6, "NIP"),
    (7, "Jabatan saat ini"),
    (8, "Unit kerja"),
    (9, "Psikogram potensi"),
    (10, "Uraian potensi"),
    (11, "Profil kompetensi"),
    (12, "Kekuatan dan area pengembangan"),
    (13, "Nama peserta"),
    (14, "Jumlah nilai capaian kompetensi"),
    (15, "Jumlah nilai standar kompetensi jabatan"),
    (16, "Persentase JPM"),
    (17, "Kategori"),
    (18, "Saran penempatan"),
    (19, "Saran pengembangan"),
    (20, "Lembaga penyelenggara (penutup)"),
    (21, "Asesor penanggung jawab"),
    (22, "Pimpinan lembaga penyelenggara"),
)


class ReportContentError(UserFacingError):
    """A report that cannot be written or saved; the message is in Bahasa Indonesia."""


@dataclass(frozen=True)
class ReportItem:
    number: int
    label: str
    value: str


# ---------------------------------------------------------------------------------------------
# Institution and people


def _profile(session: Session) -> InstitutionProfile | None:
    return session.scalars(select(InstitutionProfile).order_by(InstitutionProfile.id)).first()


def letterhead(session: Session) -> Letterhead | None:
    profile = _profile(session)
    if profile is None:
        return None
    lines = tuple(t for t in (profile.agency_name, profile.unit_name, profile.sub_unit_name) if t.strip())
    if not lines:
        return None
    return Letterhead(lines, address=profile.address, phone=profile.phone, email=profile.email,
                      website=profile.website, city=profile.city, logo=profile.logo or None)


def provider_name(session: Session) -> str:
    profile = _profile(session)
    if profile is None:
        return ""
    name = (profile.sub_unit_name or profile.unit_name or profile.agency_name).strip()
    if not name.isupper():
        return name
    small = {"dan", "di", "ke", "dari", "untuk", "pada"}
    return " ".join(w.lower() if w.lower() in small and i else w.capitalize() for i, w in enumerate(name.split()))


def head_signatory(session: Session) -> Signatory | None:
    profile = _profile(session)
    head = profile.head_signatory if profile else None
    if head is None:
        return None
    return Signatory(head.name, head.jabatan, nip=head.nip, golongan=head.golongan)


def assessor_signatory(session: Session, member_id: int | None) -> Signatory | None:
    member = session.get(TeamMember, member_id) if member_id else None
    if member is None:
        return None
    return Signatory(member.name, "Asesor Penanggung Jawab", nip=member.nip, golongan=member.golongan)


# ---------------------------------------------------------------------------------------------
# Starting text


# ---------------------------------------------------------------------------------------------
# The IndividualReport row


def report_row(session: Session, event_participant_id: int) -> IndividualReport | None:
    return session.scalars(
        select(IndividualReport).where(IndividualReport.event_participant_id == event_participant_id)
    ).one_or_none()


def start_report(
    session: Session, event_participant_id: int, *, author_id: int | None = None, actor: str = ""
) -> IndividualReport:
    """The participant's report row; created in draft with starting text the first time."""
    report = report_row(session, event_participant_id)
    if report is not None:
        return report
    result = participant_result(session, event_participant_id)
    if not result.integrated:
        raise ReportContentError(
            f"Laporan {result.name} belum dapat ditulis: rapat integrasi belum menetapkan level akhir."
        )
    report = IndividualReport(
        event_participant_id=event_participant_id, author_id=author_id or result.lead_assessor_id,
        status=ReportStatus.DRAFT, sections=starting_text(session, result),
    )
    session.add(report)
    session.flush()
    audit.record(session, action="buat", entity="individual_report", entity_id=report.id, entity_uuid=report.uuid,
                 new={"status": "draft"}, actor=actor, note=result.name)
    return report


def save_sections(
    session: Session, event_participant_id: int, sections: Mapping[str, Any], *, actor: str = "",
    now: datetime | None = None, expected_version: int | None = None,
) -> IndividualReport:
    """Store edited sections (only the keys given). Locked reports (submitted, approved) are refused.

    Editing a returned report (dikembalikan) moves it to direvisi, in its history and the audit log.
    `expected_version` (the report's version as read, 0 when there was none) refuses a save over a
    colleague's.
    """
    existing = report_row(session, event_participant_id)
    check_version(existing.version if existing is not None else 0, expected_version, "uraian laporan")
    report = start_report(session, event_participant_id, actor=actor)
    status = report.status.value if hasattr(report.status, "value") else str(report.status)
    try:
        after = report_status.status_after_edit(status)
    except report_status.TransitionError as exc:
        raise ReportContentError(str(exc)) from exc
    unknown = set(sections) - {*SECTION_KEYS, STRENGTH_CODES, DEVELOPMENT_CODES}
    if unknown:
        raise ReportContentError(f"Bagian laporan tidak dikenal: {', '.join(sorted(unknown))}.")
    old = dict(report.sections or {})
    new = {**old, **{k: v for k, v in sections.items()}}
    if new == old:
        return report
    report.sections = new
    when = now or datetime.now(UTC)
    if after.value != status:
        report.history.append(ReportStatusChange(from_status=status, to_status=after.value, actor=actor, at=when,
                                                 note="Laporan mulai direvisi"))
        report.status = ReportStatus(after.value)
        report.status_since = when
        audit.record(session, action="laporan_revisi", entity="individual_report", entity_id=report.id,
                     entity_uuid=report.uuid, old={"status": status, "revisi": report.revision},
                     new={"status": after.value, "revisi": report.revision}, actor=actor,
                     note="Laporan mulai direvisi")
    changed = sorted(k for k in new if new.get(k) != old.get(k))
    audit.record(session, action="ubah_uraian", entity="individual_report", entity_id=report.id,
                 entity_uuid=report.uuid, old={k: old.get(k) for k in changed}, new={k: new[k] for k in changed},
                 actor=actor)
    session.flush()
    return report


# ---------------------------------------------------------------------------------------------
# Assembling the printed content


def _dates_text(session: Session, result: ParticipantResult) -> str:
    event = session.get(Event, result.event_id)
    wave = None
    if result.wave is not None:
        wave = session.scalars(select(Wave).where(Wave.event_id == result.event_id, Wave.number == result.wave)).first()
    if wave is not None and wave.start_date:
        return format_date_range_id(wave.start_date, wave.end_date)
    if event is not None and event.start_date:
        return format_date_range_id(event.start_date, event.end_date)
    return format_date_range_id(result.assessed_on, None) if result.assessed_on else ""


def psychogram_data(session: Session, result: ParticipantResult, *, with_letterhead: bool = True) -> PsychogramData:
    return PsychogramData(
        name=result.name, nip=result.nip, number=result.number,
        position=_position_text(result), purpose=result.purpose_label, event_name=result.event_name,
        rows=tuple(PsychogramRow(r.code, r.name, r.standard, r.final) for r in result.levels),
        total_final=result.total_final, total_standard=result.total_standard, jpm=result.jpm,
        category_code=result.category_code, category_name=result.category_name,
        category_range=result.category_range,
        letterhead=letterhead(session) if with_letterhead else None,
    )


APPROVED = (ReportStatus.DISETUJUI.value, ReportStatus.DISERAHKAN.value)


def is_approved(report: IndividualReport | None) -> bool:
    """Approved by QC (disetujui or diserahkan): only such a report prints as final."""
    return report is not None and str(getattr(report.status, "value", report.status)) in APPROVED


def approval_date(report: IndividualReport | None) -> date | None:
    """The day the report was first approved, i.e. the day its number was given (same month as the roman
    numeral in the number); a later re-approval keeps the number and so keeps this date."""
    if report is None or not is_approved(report):
        return None
    times = [h.at for h in report.history if h.to_status == ReportStatus.DISETUJUI.value and h.at is not None]
    if times:
        return min(times).date()
    return report.status_since.date() if report.status_since else None


def _position_text(result: ParticipantResult) -> str:
    if result.position_name and result.job_level_name:
        return f"{result.position_name} ({result.job_level_name})"
    return result.position_name


def report_data(session: Session, event_participant_id: int, *, head: Signatory | None = None,
                kop: Letterhead | None = None, provider: str | None = None) -> IndividualReportData:
    """Everything the printed report shows. ``head``/``kop``/``provider`` may be passed in by batches."""
    result = participant_result(session, event_participant_id)
    report = report_row(session, event_participant_id)
    sections: dict[str, Any] = dict(report.sections) if report is not None else {}
    if not sections and result.integrated:
        sections = starting_text(session, result)
    settings = potential_settings(session, result.event_id)
    pot = result.potential
    profile = _profile(session)
    provider = provider if provider is not None else provider_name(session)
    approved = is_approved(report)
    return IndividualReportData(
        provider_name=provider, purpose_label=result.purpose_label,
        position=_position_text(result), dates_text=_dates_text(session, result), number=result.number,
        name=result.name, nip=result.nip, jabatan=result.jabatan, unit=result.unit,
        potential_rows=tuple((a.name, a.value) for a in pot.ratings) if pot else (),
        potential_scale=(int(settings.scale_min), int(settings.scale_max)),
        potential_summary=_potential_summary(session, result, settings),
        potential_text=str(sections.get("potensi", "")),
        profile=tuple(PsychogramRow(r.code, r.name, r.standard, r.final) for r in result.levels),
        strengths_text=str(sections.get("kekuatan", "")),
        development_text=str(sections.get("area_pengembangan", "")),
        total_final=result.total_final, total_standard=result.total_standard, jpm=result.jpm,
        category_code=result.category_code, category_name=result.category_name,
        category_range=result.category_range, is_mapping=result.purpose == "pemetaan",
        placement_text=str(sections.get("saran_penempatan", "")),
        development_suggestions=str(sections.get("saran_pengembangan", "")),
        assessor=assessor_signatory(session, (report.author_id if report else None) or result.lead_assessor_id),
        head=head if head is not None else head_signatory(session),
        place=profile.city if profile else "", date=approval_date(report),
        valid_until=result.valid_until, report_number=report.report_number if approved and report is not None else "",
        letterhead=kop if kop is not None else letterhead(session),
        draft=not approved, status_label=status_label(report),
    )


def _potential_summary(session: Session, result: ParticipantResult, settings: Any) -> str:
    """The aspects' average and the inputs of the 9-box potential axis (domain.md 3.2)."""
    pot = result.potential
    if pot is None:
        return ""
    text = (f"Rata-rata {fmt(pot.average)} dari skala {fmt(settings.scale_min)}-{fmt(settings.scale_max)} "
            f"(kategori aspek potensi: {pot.category_name}).")
    axis = participant_axis(session, result.event_participant_id, result.event_id, result.jpm, pot)
    if axis is not None:
        text += f" Sumbu potensial kotak manajemen talenta: {axis.describe()}."
    return text


def status_label(report: IndividualReport | None) -> str:
    if report is None:
        return "belum ditulis"
    return report_status.ReportStatus(str(getattr(report.status, "value", report.status))).label


def report_items(data: IndividualReportData) -> list[ReportItem]:
    """The 22 items with the values the printed report shows (for checks, the CLI and tests)."""
    pot = "; ".join(f"{name} {fmt(value)}" for name, value in data.potential_rows) or "-"
    profile = "; ".join(f"{r.code} {fmt(r.final)}/{fmt(r.standard)}" for r in data.profile) or "-"
    values = [
        f"{data.purpose_label} / {data.position}", data.provider_name, data.dates_text,
        str(data.number or "-"), data.name, data.nip, data.jabatan, data.unit, pot, data.potential_text, profile,
        f"{data.strengths_text}\n{data.development_text}", data.name, fmt(data.total_final),
        fmt(data.total_standard), fmt(data.jpm), data.category_code,
        data.placement_text if data.is_mapping else "-", data.development_suggestions, data.provider_name,
        data.assessor.name if data.assessor else "", data.head.name if data.head else "",
    ]
    return [ReportItem(n, text, value) for (n, text), value in zip(REPORT_ITEMS, values, strict=True)]


def report_snapshot(session: Session, event_participant_id: int) -> report_checks.ReportSnapshot:
    """What domain.report_checks needs for this participant's report (used by QC)."""
    result = participant_result(session, event_participant_id)
    report = report_row(session, event_participant_id)
    sections = dict(report.sections) if report is not None else {}
    return report_checks.ReportSnapshot(
        purpose=result.purpose,
        competency_codes=tuple(r.code for r in result.levels),
        final_levels={r.code: r.final for r in result.levels},
        standard_levels={r.code: r.standard for r in result.levels},
        narratives={k: str(sections.get(k, "")) for k in SECTION_KEYS},
        strengths=tuple(sections.get(STRENGTH_CODES, ())),
        development_areas=tuple(sections.get(DEVELOPMENT_CODES, ())),
        report_jpm=result.jpm, report_category=result.category_code,
        expected_jpm=result.jpm, expected_category=result.category_code,
        report_name=result.name, report_nip=result.nip, participant_name=result.name, participant_nip=result.nip,
        competency_names={r.code: r.name for r in result.levels},
    )
