"""The conflict queue of merged assessor packages: listing, and a reviewer keeping one side with a reason."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ukom_desktop.db import audit
from ukom_desktop.db.models import (
    Competency,
    EventParticipant,
    Exercise,
    IndividualReport,
    PackageConflict,
    PackageIssue,
    Rating,
    TeamMember,
)
from ukom_desktop.errors import UserFacingError
from ukom_desktop.services.packages_merge import REASONS, apply_rating

KEEP = {"laptop": "versi laptop", "database": "versi basis data"}


@dataclass(frozen=True)
class ConflictRow:
    id: int
    assessor: str
    kind: str
    description: str
    reason: str
    reason_text: str
    laptop: dict[str, Any] | None
    database: dict[str, Any] | None
    status: str
    resolution: str
    resolution_reason: str


def list_conflicts(session: Session, event_id: int, *, include_resolved: bool = False) -> list[ConflictRow]:
    """The conflict queue of an event (both values shown: only for those who may decide them)."""
    from ukom_desktop.services import access

    access.require(session, access.perm.MERGE_PACKAGES)
    stmt = (select(PackageConflict, TeamMember.name).join(TeamMember, TeamMember.id == PackageConflict.member_id)
            .where(PackageConflict.event_id == event_id).order_by(PackageConflict.id))
    if not include_resolved:
        stmt = stmt.where(PackageConflict.status == "terbuka")
    return [
        ConflictRow(c.id, name, c.kind, c.description, c.reason, REASONS.get(c.reason, c.reason), c.laptop_value,
                    c.database_value, c.status, c.resolution, c.resolution_reason)
        for c, name in session.execute(stmt)
    ]


def _ids_of(session: Session, key: str) -> tuple[int, int, int]:
    _r, ep_uuid, ex_uuid, comp_uuid = key.split(":")
    ep = session.scalar(select(EventParticipant.id).where(EventParticipant.uuid == ep_uuid))
    ex = session.scalar(select(Exercise.id).where(Exercise.uuid == ex_uuid))
    comp = session.scalar(select(Competency.id).where(Competency.uuid == comp_uuid))
    if ep is None or ex is None or comp is None:
        raise UserFacingError("Peserta, simulasi atau kompetensi konflik ini tidak ada lagi; simpan versi basis data.")
    return ep, ex, comp


def resolve_conflict(session: Session, conflict_id: int, keep: str, reason: str, *, actor: str = "") -> ConflictRow:
    """Keep the laptop's or the database's value; the reason is required and audited. The caller commits."""
    from ukom_desktop.services import access

    access.require(session, access.perm.MERGE_PACKAGES)
    actor = access.actor_name(session, actor)
    if keep not in KEEP:
        raise UserFacingError("Pilih versi yang disimpan: laptop atau database.")
    if not reason.strip():
        raise UserFacingError("Alasan keputusan wajib diisi.")
    conflict = session.get(PackageConflict, conflict_id)
    if conflict is None:
        raise UserFacingError(f"Konflik nomor {conflict_id} tidak ditemukan.")
    if conflict.status != "terbuka":
        raise UserFacingError(f"Konflik nomor {conflict_id} sudah diputuskan ({KEEP.get(conflict.resolution, '')}).")
    issue = session.get(PackageIssue, conflict.issue_id)
    if keep == "laptop" and issue is not None:
        applied = dict(issue.applied or {})
        value = conflict.laptop_value or {}
        if conflict.kind == "rating":
            natural = _ids_of(session, conflict.cell_key)
            row = session.scalars(select(Rating).where(
                Rating.event_participant_id == natural[0], Rating.exercise_id == natural[1],
                Rating.competency_id == natural[2], Rating.assessor_id == conflict.member_id)).one_or_none()
            applied[conflict.cell_key] = apply_rating(session, issue, natural, row, value, datetime.now(UTC)).version
        else:
            from ukom_desktop.services.report_content import ReportContentError, save_sections

            report = session.scalars(select(IndividualReport).where(
                IndividualReport.uuid == conflict.cell_key.split(":", 1)[1])).one_or_none()
            if report is None:
                raise UserFacingError("Laporan konflik ini tidak ada lagi; simpan versi basis data.")
            try:
                save_sections(session, report.event_participant_id, value.get("sections", {}), actor=actor)
            except ReportContentError as exc:
                raise UserFacingError(f"{exc} Buat revisi baru laporan dulu, lalu putuskan konflik ini.") from exc
            applied[conflict.cell_key] = report.version
        issue.applied = applied
    conflict.status, conflict.resolution = "selesai", keep
    conflict.resolution_reason, conflict.resolved_by = reason.strip(), actor
    conflict.resolved_at = datetime.now(UTC)
    audit.record(session, action="konflik_paket_diputuskan", entity="package_conflict", entity_id=conflict.id,
                 actor=actor, note=reason.strip(),
                 old={"basis_data": conflict.database_value}, new={"disimpan": keep, "laptop": conflict.laptop_value})
    session.flush()
    return next(r for r in list_conflicts(session, conflict.event_id, include_resolved=True) if r.id == conflict.id)
