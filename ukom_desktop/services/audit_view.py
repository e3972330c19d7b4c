"""Reading the append-only audit log (admin and reviewer QC): filters and an Excel export (issue 13)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from ukom_desktop.db import audit
from ukom_desktop.db.models import (
    AuditEntry,
    Event,
    EventParticipant,
    IndividualReport,
    IntegratedResult,
    Rating,
)
from ukom_desktop.domain import permissions as perm
from ukom_desktop.errors import UserFacingError
from ukom_desktop.services.access import require

KIND_LABELS = {
    "login": "Masuk",
    "login_gagal": "Gagal masuk",
    "akses_ditolak": "Akses ditolak",
    "ekspor_hasil": "Ekspor hasil",
    "cetak_rahasia": "Cetak dokumen rahasia",
    "ekspor_audit": "Ekspor audit",
    "buat": "Buat",
    "ubah": "Ubah",
    "hapus": "Hapus",
    "isi": "Isi penilaian",
    "serahkan": "Serahkan penilaian",
    "level_akhir": "Level akhir integrasi",
    "hitung_hasil": "Hitung hasil",
    "reset_sandi": "Atur ulang sandi",
    "ganti_sandi": "Ganti sandi",
    "nonaktifkan": "Nonaktifkan akun",
    "aktifkan": "Aktifkan akun",
}


@dataclass(frozen=True)
class AuditFilter:
    user: str | None = None
    kind: str | None = None
    event_code: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    limit: int = 1000


@dataclass(frozen=True)
class AuditRow:
    at: datetime
    user: str
    kind: str
    entity: str
    entity_id: int | None
    note: str
    old: dict | None
    new: dict | None


def _event_condition(session: Session, code: str):  # type: ignore[no-untyped-def]
    event_id = session.scalars(select(Event.id).where(Event.code == code)).first()
    if event_id is None:
        raise UserFacingError(f"Kegiatan {code} tidak ditemukan.")
    eps = select(EventParticipant.id).where(EventParticipant.event_id == event_id)
    return or_(
        and_(AuditEntry.entity == "event", AuditEntry.entity_id == event_id),
        and_(AuditEntry.entity == "rating", or_(
            AuditEntry.entity_id.in_(select(Rating.id).where(Rating.event_participant_id.in_(eps))),
            and_(AuditEntry.action == "serahkan", AuditEntry.entity_id.in_(eps)),
        )),
        and_(AuditEntry.entity == "individual_report", AuditEntry.entity_id.in_(
            select(IndividualReport.id).where(IndividualReport.event_participant_id.in_(eps)))),
        and_(AuditEntry.entity == "integrated_result", AuditEntry.entity_id.in_(
            select(IntegratedResult.id).where(IntegratedResult.event_participant_id.in_(eps)))),
        and_(AuditEntry.entity == "hasil", AuditEntry.entity_id == event_id),
    )


def audit_entries(session: Session, flt: AuditFilter) -> list[AuditRow]:
    """Newest first."""
    require(session, perm.READ_AUDIT)
    stmt = select(AuditEntry).order_by(AuditEntry.at.desc(), AuditEntry.id.desc()).limit(max(1, flt.limit))
    if flt.user:
        stmt = stmt.where(AuditEntry.actor == flt.user.strip())
    if flt.kind:
        stmt = stmt.where(AuditEntry.action == flt.kind.strip())
    if flt.event_code:
        stmt = stmt.where(_event_condition(session, flt.event_code.strip()))
    if flt.date_from:
        stmt = stmt.where(AuditEntry.at >= datetime.combine(flt.date_from, time.min, UTC))
    if flt.date_to:
        stmt = stmt.where(AuditEntry.at < datetime.combine(flt.date_to + timedelta(days=1), time.min, UTC))
    return [
        AuditRow(e.at if e.at.tzinfo else e.at.replace(tzinfo=UTC), e.actor, e.action, e.entity, e.entity_id,
                 e.note, e.old_value, e.new_value)
        for e in session.scalars(stmt)
    ]


def audit_kinds(session: Session) -> list[str]:
    require(session, perm.READ_AUDIT)
    return sorted(k for k in session.scalars(select(AuditEntry.action).distinct()) if k)


def audit_users(session: Session) -> list[str]:
    require(session, perm.READ_AUDIT)
    return sorted(k for k in session.scalars(select(AuditEntry.actor).distinct()) if k)


def write_audit_workbook(session: Session, flt: AuditFilter, path: str | Path) -> Path:
    from ukom_desktop.io.xlsx_writer import DATETIME_FORMAT, TableColumn, TableSheet, write_table_workbook

    rows = audit_entries(session, flt)
    sheet = TableSheet(
        title="Catatan Audit",
        columns=[TableColumn("Waktu", DATETIME_FORMAT), "Pengguna", "Tindakan", "Objek", "ID", "Keterangan"],
        rows=[
            [r.at.astimezone().replace(tzinfo=None), r.user, KIND_LABELS.get(r.kind, r.kind), r.entity,
             r.entity_id, r.note]
            for r in rows
        ],
        sheet_name="Audit",
    )
    out = write_table_workbook(path, [sheet])
    audit.record(session, action="ekspor_audit", entity="akses", note=f"{len(rows)} baris audit diekspor")
    return out


def record_confidential(session: Session, kind: str, what: str, event_id: int | None = None,
                        count: int | None = None) -> None:
    """An export of results or a print of a confidential document, with the user (the caller commits)."""
    audit.record(session, action=kind, entity="hasil", entity_id=event_id, new={"jumlah": count} if count else None,
                 note=what)
