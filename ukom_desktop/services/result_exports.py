"""Exports and printing of results: the rekap hasil workbook and PDF, psychograms and individual reports.

Printing jobs are generators yielding (done, total, message) for ui/background.run_in_background;
their return value is the page count. Documents are laid out while yielding, then written in one
go, so a cancelled job leaves no file behind.
"""

from __future__ import annotations

from collections.abc import Generator, Sequence
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ukom_desktop.db.models import EventParticipant, IntegratedResult, Wave
from ukom_desktop.documents.individual_report import build_individual_report
from ukom_desktop.documents.output import Document, write_pdf, write_pdf_files
from ukom_desktop.documents.psychogram import (
    GroupMember,
    GroupPsychogramData,
    build_group_psychogram,
    build_psychogram,
)
from ukom_desktop.documents.results_recap import RecapData, RecapRow, build_results_recap
from ukom_desktop.domain.dates import format_date_range_id
from ukom_desktop.errors import UserFacingError
from ukom_desktop.io.xlsx_writer import DECIMAL_FORMAT, TableColumn, TableSheet, write_table_workbook
from ukom_desktop.services import access, report_content
from ukom_desktop.services.integration import jpm_settings
from ukom_desktop.services.lookup import require_event as _event
from ukom_desktop.services.results import event_results, participant_result, purpose_label

Job = Generator[tuple[int, int, str], None, Any]  # progress steps; the return value is the job's result
SIGNED_DECIMAL_FORMAT = "+0.00;-0.00;0.00"  # a gap shows its sign: +0.50, -1.00, 0.00


def integrated_participants(session: Session, event_id: int, wave: int | None = None) -> list[int]:
    """Event participant ids that have a result, in participant-number order (optionally one wave)."""
    stmt = (
        select(EventParticipant.id)
        .join(IntegratedResult, IntegratedResult.event_participant_id == EventParticipant.id)
        .where(EventParticipant.event_id == event_id, IntegratedResult.jpm.is_not(None))
        .order_by(EventParticipant.number, EventParticipant.id)
    )
    if wave is not None:
        stmt = stmt.join(Wave, Wave.id == EventParticipant.wave_id).where(Wave.number == wave)
    return list(session.scalars(stmt))


def _require(ids: Sequence[int]) -> None:
    if not ids:
        raise UserFacingError("Belum ada peserta yang memiliki hasil rapat integrasi pada kegiatan ini.")


# ---------------------------------------------------------------------------------------------
# Rekap hasil (xlsx and PDF)


def recap_sheet(session: Session, event_id: int) -> TableSheet:
    data = event_results(session, event_id)
    columns: list[TableColumn | str] = [
        TableColumn("No", "0", 5), "Nama", TableColumn.text("NIP", 21), "Unit Kerja", "Jabatan Sasaran",
        TableColumn("Gel.", "0", 6),
    ]
    for code, _name in data.competencies:  # standard, achieved level and gap side by side (domain.md 2.3)
        columns += [TableColumn(f"{code} Std", DECIMAL_FORMAT, 8), TableColumn(f"{code} Nilai", DECIMAL_FORMAT, 8),
                    TableColumn(f"{code} Gap", SIGNED_DECIMAL_FORMAT, 8)]
    columns += [TableColumn("Jumlah Std", DECIMAL_FORMAT, 10), TableColumn("Jumlah Nilai", DECIMAL_FORMAT, 10),
                TableColumn("JPM (%)", DECIMAL_FORMAT, 10), "Kategori", "Potensi", TableColumn("Kotak", "0", 7),
                TableColumn("Berlaku Sampai", None, 14)]
    rows = []
    for r in data.rows:
        per_competency: list[float | None] = []
        for code, _name in data.competencies:
            per_competency += [_num(r.standards.get(code)), _num(r.levels.get(code)), _num(r.gap(code))]
        finals = [v for v in r.levels.values() if v is not None]
        rows.append([
            r.number, r.name, r.nip, r.unit, r.position_name, r.wave, *per_competency,
            float(sum(r.standards.values())) if r.standards else None,
            float(sum(finals)) if finals else None,
            float(r.jpm) if r.jpm is not None else None, r.category_code or "Belum", r.potential_category,
            r.nine_box, r.valid_until,
        ])
    legend = "; ".join(f"{c} = {n}" for c, n in data.competencies)
    return TableSheet(
        title="REKAP HASIL PENILAIAN KOMPETENSI", columns=columns, rows=rows,
        subtitles=(f"{data.event_code} - {data.event_name}", purpose_label(data.purpose)),
        sheet_name="Rekap Hasil", footer_lines=(f"Keterangan kompetensi: {legend}",
                                                "Std = level standar jabatan sasaran; Nilai = level akhir "
                                                "hasil rapat integrasi; Gap = Nilai - Std (negatif: di bawah "
                                                "standar)",
                                                f"Dicetak {date.today():%d-%m-%Y}"),
    )


def _num(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def write_recap_workbook(session: Session, event_id: int, path: str | Path) -> Path:
    """The rekap hasil workbook: one row per participant (levels, JPM, category, potential, box)."""
    access.require_export(session, event_id, "Rekap hasil (Excel)")
    _event(session, event_id)
    return write_table_workbook(path, [recap_sheet(session, event_id)])


def recap_data(session: Session, event_id: int) -> RecapData:
    event = _event(session, event_id)
    data = event_results(session, event_id)
    purpose = data.purpose
    categories = tuple(
        (c.code, c.name) for c in jpm_settings(session, event_id).category_set(purpose).categories
    )
    return RecapData(
        event_name=event.name, purpose_label=purpose_label(purpose),
        dates_text=format_date_range_id(event.start_date, event.end_date) if event.start_date else "",
        categories=categories,
        rows=tuple(RecapRow(r.unit, r.number, r.name, r.nip, r.position_name, r.jpm, r.category_code,
                            r.potential_category, r.nine_box) for r in data.rows),
        letterhead=report_content.letterhead(session), signatory=report_content.head_signatory(session),
        place=_city(session), date=date.today(),
    )


def _city(session: Session) -> str:
    kop = report_content.letterhead(session)
    return kop.city if kop else ""


def write_recap_pdf(session: Session, event_id: int, path: str | Path) -> int:
    access.require_export(session, event_id, "Rekap hasil (PDF)")
    doc = build_results_recap(recap_data(session, event_id))
    access.stamp_printed_by(session, [doc])
    return write_pdf([doc], path)


# ---------------------------------------------------------------------------------------------
# Psychograms and reports


def group_psychogram_data(session: Session, event_id: int) -> list[GroupPsychogramData]:
    """One group psychogram per wave (participants with a result)."""
    event = _event(session, event_id)
    data = event_results(session, event_id)
    kop = report_content.letterhead(session)
    waves: dict[int | None, list[GroupMember]] = {}
    for row in data.rows:
        if not row.integrated:
            continue
        result = participant_result(session, row.event_participant_id)
        waves.setdefault(row.wave, []).append(GroupMember(
            row.number, row.name, row.position_name, {lv.code: lv.final for lv in result.levels},
            {lv.code: lv.standard for lv in result.levels}, row.jpm, row.category_code,
        ))
    return [
        GroupPsychogramData(event.name, f"Gelombang {wave}" if wave else "", data.competencies, tuple(members),
                            letterhead=kop)
        for wave, members in sorted(waves.items(), key=lambda item: item[0] or 0)
    ]


def psychograms_job(
    session: Session, event_id: int, out: str | Path, *, wave: int | None = None, with_group: bool = True,
    ids: Sequence[int] | None = None,
) -> Job:
    """Psychograms of every integrated participant (then the group psychogram per wave) in one PDF."""
    access.require_export(session, event_id, "Psikogram", ids)
    ids = list(ids) if ids is not None else integrated_participants(session, event_id, wave)
    _require(ids)
    kop = report_content.letterhead(session)
    groups = [g for g in group_psychogram_data(session, event_id)
              if wave is None or g.subtitle == f"Gelombang {wave}"] if with_group else []
    total = len(ids) + len(groups) + 1
    docs: list[Document] = []
    for done, ep_id in enumerate(ids, start=1):
        result = participant_result(session, ep_id)
        item = report_content.psychogram_data(session, result, with_letterhead=False)
        docs.append(build_psychogram(replace(item, letterhead=kop)))
        yield done, total, f"Menyusun psikogram {result.name}"
    for group in groups:
        docs.append(build_group_psychogram(group))
        yield len(docs), total, "Menyusun psikogram kelompok"
    yield total - 1, total, "Menyimpan berkas PDF"
    access.stamp_printed_by(session, docs)
    return write_pdf(docs, out, title="Psikogram Hasil Penilaian Kompetensi")


@dataclass(frozen=True)
class ReportChoice:
    """One participant with a result, as the print dialog lists it."""

    event_participant_id: int
    number: int | None
    name: str
    unit: str
    status_label: str
    approved: bool
    report_number: str


def report_choices(session: Session, event_id: int, wave: int | None = None) -> list[ReportChoice]:
    """Every integrated participant with the state of their report (approved ones print as final)."""
    choices = []
    for ep_id in integrated_participants(session, event_id, wave):
        ep = session.get(EventParticipant, ep_id)
        assert ep is not None
        report = report_content.report_row(session, ep_id)
        approved = report_content.is_approved(report)
        choices.append(ReportChoice(ep_id, ep.number, ep.participant.name, ep.participant.unit or "",
                                    report_content.status_label(report), approved,
                                    report.report_number if report is not None and approved else ""))
    return choices


def reports_job(
    session: Session, event_id: int, out: str | Path, *, wave: int | None = None,
    ids: Sequence[int] | None = None, include_drafts: bool = False,
) -> Job:
    """Individual reports in one PDF (``out`` ends in .pdf) or one PDF per participant in a folder.

    Only approved reports print as final (number, date of approval, signatures). Others are left out
    unless ``include_drafts``: then they print as a preview with DRAF on every page and no signatures.
    """
    access.require_export(session, event_id, "Laporan individu", ids)
    ids = list(ids) if ids is not None else integrated_participants(session, event_id, wave)
    _require(ids)
    if not include_drafts:
        ids = [ep_id for ep_id in ids if report_content.is_approved(report_content.report_row(session, ep_id))]
        if not ids:
            raise UserFacingError(
                "Belum ada laporan individu yang disetujui QC untuk dicetak sebagai laporan final. "
                "Pilih 'sertakan yang belum disetujui' untuk mencetak pratinjau bertanda DRAF."
            )
    from ukom_desktop.services.report_integrity import require_intact

    require_intact(session, ids)  # an approved report edited outside the app is not printed
    kop = report_content.letterhead(session)
    head = report_content.head_signatory(session)
    provider = report_content.provider_name(session)
    total = len(ids) + 1
    named: list[tuple[str, Document]] = []
    for done, ep_id in enumerate(ids, start=1):
        data = report_content.report_data(session, ep_id, head=head, kop=kop, provider=provider)
        stem = f"{data.number or ''} {data.name}".strip() + (" DRAF" if data.draft else "")
        named.append((f"Laporan Individu {stem}", build_individual_report(data)))
        yield done, total, f"Menyusun laporan {data.name}"
    yield total - 1, total, "Menyimpan berkas PDF"
    access.stamp_printed_by(session, [doc for _s, doc in named])
    target = Path(out)
    if target.suffix.lower() == ".pdf":
        return write_pdf([doc for _s, doc in named], target, title="Laporan Individu Hasil Penilaian Kompetensi")
    files = write_pdf_files(named, target)
    return len(files)


def run_job(job: Job) -> int:
    """Run a printing job to its end (CLI, tests); returns its value."""
    while True:
        try:
            next(job)
        except StopIteration as stop:
            return int(stop.value or 0)
