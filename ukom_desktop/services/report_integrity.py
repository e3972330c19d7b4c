"""An approved report's content carries a hash (its seal), so an edit made outside the application (the
sqlite3 tool, direct SQL on the server) is flagged when the report is opened for review or printed.

The seal is kept on the report and in the audit entry of the approval; the audit log is a hash chain, so
a forger who rewrites the content and the seal on the report still leaves the audit entry disagreeing.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ukom_desktop.db import audit
from ukom_desktop.db.models import AuditEntry, IndividualReport
from ukom_desktop.db.models import ReportStatus as DbStatus
from ukom_desktop.errors import UserFacingError
from ukom_desktop.services.results import participant_result

SEALED = frozenset({DbStatus.DISETUJUI.value, DbStatus.DISERAHKAN.value})
SEAL_ACTION = "laporan_disegel"


class ReportTamperedError(UserFacingError):
    """An approved report whose content no longer matches its seal."""


def _content(session: Session, report: IndividualReport) -> dict[str, Any]:
    result = participant_result(session, report.event_participant_id)
    frozen = max(report.revisions, key=lambda r: r.revision) if report.revisions else None
    return {
        "nomor": report.report_number or "",
        "revisi": report.revision,
        "bagian": report.sections or {},
        "fakta": frozen.facts if frozen is not None else {},
        "bagian_diajukan": frozen.sections if frozen is not None else {},
        "nama": result.name,
        "nip": result.nip,
        "level": [[row.code, str(row.standard), str(row.final)] for row in result.levels],
        "jpm": str(result.jpm),
        "kategori": result.category_code,
        "potensi": [[a.name, str(a.value)] for a in result.potential.ratings] if result.potential else [],
    }


def content_hash(session: Session, report: IndividualReport) -> str:
    text = json.dumps(_content(session, report), sort_keys=True, ensure_ascii=False, separators=(",", ":"),
                      default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def seal(session: Session, report: IndividualReport, *, actor: str = "") -> str:
    """At approval: the content's hash on the report and in the (chained) audit log."""
    session.flush()
    # Hash what the database holds: a value set in this session is Decimal("3") while the same value read
    # back is Decimal("3.00"); whether the session still holds the fresh object depended on garbage
    # collection, so a seal could differ from every later check of the very same content.
    session.expire_all()
    digest = content_hash(session, report)
    report.content_hash = digest
    audit.record(session, action=SEAL_ACTION, entity="individual_report", entity_id=report.id,
                 entity_uuid=report.uuid, new={"sidik_isi": digest, "revisi": report.revision}, actor=actor)
    return digest


def _audited_seal(session: Session, report: IndividualReport) -> str | None:
    rows = session.scalars(
        select(AuditEntry).where(AuditEntry.entity == "individual_report", AuditEntry.action == SEAL_ACTION,
                                 AuditEntry.entity_uuid == report.uuid).order_by(AuditEntry.id.desc()).limit(1)
    ).all()
    return str((rows[0].new_value or {}).get("sidik_isi") or "") if rows else None


def integrity_warning(session: Session, event_participant_id: int) -> str:
    """A sentence when the approved report's content differs from its seal ("" when intact or not sealed)."""
    report = session.scalars(
        select(IndividualReport).where(IndividualReport.event_participant_id == event_participant_id)
    ).first()
    status = getattr(report.status, "value", report.status) if report is not None else None
    if report is None or status not in SEALED:
        return ""
    audited = _audited_seal(session, report)
    if not report.content_hash and audited is None:
        return ""  # approved before seals existed
    current = content_hash(session, report)
    if current == report.content_hash and (audited is None or audited == current):
        return ""
    name = participant_result(session, event_participant_id).name
    return (f"Isi laporan {name} yang sudah disetujui tidak lagi cocok dengan segel persetujuannya: laporan "
            "atau hasilnya diubah di luar aplikasi. Periksa dengan 'db verify-audit' dan setujui ulang "
            "melalui revisi baru sebelum mencetak.")


def require_intact(session: Session, event_participant_ids: list[int]) -> None:
    """Before printing: refuse approved reports whose content was changed outside the application."""
    problems = [w for w in (integrity_warning(session, ep) for ep in event_participant_ids) if w]
    if problems:
        raise ReportTamperedError("\n".join(problems))
