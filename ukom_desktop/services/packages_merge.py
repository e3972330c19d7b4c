"""Receiving a return package at the secretariat: preview, merge in one transaction, conflict queue.

A return package is accepted only when it answers a package this database issued (same database
identity, event and assessor, authenticated with that issue's return key) and is newer than the last
one received for that issue; the same package twice changes nothing. Each rating cell (participant x
exercise x competency of the package's assessor) and each narrative is compared with the database:
- sama: the database already holds the laptop's value;
- baru / berubah: nobody changed it at the secretariat since it was issued (or since our last merge);
- konflik: changed on both sides, or the participant's integration is final, their report is locked,
  they are no longer assigned to the assessor or no longer in the event. Conflicts wait in the queue
  (services.packages_conflicts) for a reviewer; everything else applies in the one transaction.
Every cell belongs to one assessor, so merging several assessors' packages in any order gives the same
database. The audit log gets one entry per package applied, with its counts.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ukom_desktop.db import audit
from ukom_desktop.db.models import (
    Competency,
    Event,
    EventParticipant,
    Exercise,
    IndividualReport,
    IntegratedResult,
    PackageConflict,
    PackageIssue,
    PackageReceipt,
    Participant,
    Rating,
    TeamMember,
)
from ukom_desktop.io import exchange_package as fmt
from ukom_desktop.services.packages_keys import institution_keys
from ukom_desktop.services.rating_assignments import event_assignments

CATEGORIES = ("baru", "berubah", "sama", "konflik")
REASONS = {
    "both_changed": "diubah di sekretariat dan di laptop sejak paket dibuat",
    "final": "integrasi peserta sudah final",
    "locked": "laporan peserta sudah terkunci",
    "unassigned": "peserta tidak lagi ditugaskan kepada asesor ini",
    "missing": "peserta tidak lagi terdaftar pada kegiatan",
}
# Fault tests only: a file path; the merge creates it halfway and waits, so a test can kill the process.
PAUSE_ENV = "UKOM_TEST_MERGE_PAUSE_FILE"


@dataclass(frozen=True)
class MergeItem:
    kind: str  # rating | narrative
    key: str
    category: str
    participant: str
    label: str
    laptop: dict[str, Any]
    database: dict[str, Any] | None
    reason: str = ""

    @property
    def reason_text(self) -> str:
        return REASONS.get(self.reason, "")


@dataclass
class MergePreview:
    package_id: str
    event_code: str
    assessor_name: str
    sequence: int
    items: list[MergeItem] = field(default_factory=list)
    already_received: bool = False
    applied: bool = False

    @property
    def counts(self) -> dict[str, int]:
        out = dict.fromkeys(CATEGORIES, 0)
        for item in self.items:
            out[item.category] += 1
        return out

    @property
    def summary_line(self) -> str:
        c = self.counts
        return f"baru {c['baru']}, berubah {c['berubah']}, sama {c['sama']}, konflik {c['konflik']}"


def _level_text(value: Any) -> str | None:
    return None if value is None else f"{Decimal(str(value)):.2f}"


def _rating_value(row: Rating | None) -> dict[str, Any] | None:
    if row is None:
        return None
    return {"level": _level_text(row.level), "no_evidence": bool(row.no_evidence), "evidence": row.evidence or "",
            "submitted": row.submitted_at is not None}


def _laptop_rating(cell: dict[str, Any]) -> dict[str, Any]:
    return {"level": _level_text(cell.get("level")), "no_evidence": bool(cell.get("no_evidence")),
            "evidence": str(cell.get("evidence") or "").strip(), "submitted": bool(cell.get("submitted"))}


def _refuse(text: str) -> fmt.PackageError:
    return fmt.PackageError(text)


def _authenticate(session: Session, data: bytes) -> tuple[PackageIssue, fmt.OpenedPackage]:
    header = fmt.read_header(data)
    if header.kind != fmt.KIND_RETURN:
        raise _refuse("Berkas ini paket untuk asesor, bukan paket kiriman kembali dari asesor.")
    database_id, keys = institution_keys(session)
    if header.database_id != database_id:
        raise _refuse("Paket ini dibuat dari basis data lain, sehingga tidak dapat diterima di basis data ini.")
    issue = session.scalars(select(PackageIssue).where(PackageIssue.uuid == header.issue_id)).one_or_none()
    if issue is None:
        raise _refuse("Paket ini menjawab paket asesor yang tidak pernah dibuat di basis data ini.")
    event = session.get(Event, issue.event_id)
    member = session.get(TeamMember, issue.member_id)
    if event is None or event.uuid != header.event_uuid:
        raise _refuse("Paket ini untuk kegiatan lain daripada paket asesor yang dijawabnya; paket ditolak.")
    if member is None or member.uuid != header.assessor_uuid:
        raise _refuse("Paket ini tidak berasal dari asesor yang menerima paketnya; paket ditolak.")
    return issue, fmt.open_as_institution(data, keys, hmac_key=bytes(issue.return_key))


class _Context:
    """Lookups for one package: by UUID, the assessor's assignments, final and locked participants."""

    def __init__(self, session: Session, issue: PackageIssue, ep_uuids: set[str]) -> None:
        self.session, self.issue = session, issue
        eps = session.execute(
            select(EventParticipant.uuid, EventParticipant.id, Participant.name)
            .join(Participant, Participant.id == EventParticipant.participant_id)
            .where(EventParticipant.event_id == issue.event_id)
        ).all()
        self.ep = {u: (i, n) for u, i, n in eps}
        wanted = {self.ep[u][0] for u in ep_uuids if u in self.ep}  # only the package's participants
        self.comp = {u: (i, c) for u, i, c in session.execute(select(Competency.uuid, Competency.id, Competency.code))}
        self.ex = {u: (i, c) for u, i, c in session.execute(select(Exercise.uuid, Exercise.id, Exercise.code))}
        self.assigned = {(a.event_participant_id, a.exercise_id)
                         for a in event_assignments(session, issue.event_id, only=[i for i, _n in self.ep.values()
                                                                                   if i in wanted])
                         if a.assessor_id == issue.member_id}
        ep_ids = [i for i, _n in self.ep.values()]
        self.final = set(session.scalars(select(IntegratedResult.event_participant_id).where(
            IntegratedResult.event_participant_id.in_(ep_ids), IntegratedResult.finalized_at.is_not(None))))
        self.reports = {r.event_participant_id: r for r in session.scalars(
            select(IndividualReport).where(IndividualReport.event_participant_id.in_(ep_ids)))}
        self.ratings = {(r.event_participant_id, r.exercise_id, r.competency_id): r for r in session.scalars(
            select(Rating).where(Rating.assessor_id == issue.member_id, Rating.event_participant_id.in_(ep_ids)))}
        # A laptop value a reviewer already decided on (either side) is not queued again by a later return.
        self.decided = {c.cell_key: c.laptop_value for c in session.scalars(
            select(PackageConflict).where(PackageConflict.member_id == issue.member_id,
                                          PackageConflict.event_id == issue.event_id,
                                          PackageConflict.status == "selesai").order_by(PackageConflict.id))}

    def locked(self, ep_id: int) -> bool:
        from ukom_desktop.domain.report_status import is_editable

        report = self.reports.get(ep_id)
        return report is not None and not is_editable(report.status)


def _classify_rating(ctx: _Context, cell: dict[str, Any]) -> tuple[MergeItem, tuple[int, int, int] | None]:
    key = f"r:{cell['ep']}:{cell['exercise']}:{cell['competency']}"
    laptop = _laptop_rating(cell)
    ep = ctx.ep.get(cell["ep"])
    ex, comp = ctx.ex.get(cell["exercise"]), ctx.comp.get(cell["competency"])
    label = f"{ex[1] if ex else '?'} / {comp[1] if comp else '?'}"
    if ep is None or ex is None or comp is None:
        return MergeItem("rating", key, "konflik", "", label, laptop, None, "missing"), None
    natural = (ep[0], ex[0], comp[0])
    row = ctx.ratings.get(natural)
    database = _rating_value(row)

    def item(category: str, reason: str = "") -> MergeItem:
        return MergeItem("rating", key, category, ep[1], label, laptop, database, reason)

    if database == laptop or ctx.decided.get(key) == laptop:
        return item("sama"), natural
    if (ep[0], ex[0]) not in ctx.assigned:
        return item("konflik", "unassigned"), natural
    if ep[0] in ctx.final:
        return item("konflik", "final"), natural
    if ctx.locked(ep[0]):
        return item("konflik", "locked"), natural
    base = ctx.issue.applied.get(key, cell.get("base_version"))
    if row is None:
        return item("baru"), natural
    if base is not None and row.version == base:
        return item("berubah"), natural
    return item("konflik", "both_changed"), natural


def _classify_narrative(ctx: _Context, entry: dict[str, Any]) -> tuple[MergeItem, IndividualReport | None]:
    key = f"n:{entry['report']}"
    laptop = {"sections": dict(entry.get("sections") or {})}
    ep = ctx.ep.get(entry.get("ep", ""))
    report = ctx.reports.get(ep[0]) if ep else None
    if ep is None or report is None or report.uuid != entry["report"]:
        return MergeItem("narrative", key, "konflik", ep[1] if ep else "", "Uraian laporan", laptop, None,
                         "missing"), None
    database = {"sections": dict(report.sections or {})}
    merged = {"sections": {**database["sections"], **laptop["sections"]}}

    def item(category: str, reason: str = "") -> MergeItem:
        return MergeItem("narrative", key, category, ep[1], "Uraian laporan", laptop, database, reason)

    if merged == database or ctx.decided.get(key) == laptop:
        return item("sama"), report
    if report.author_id != ctx.issue.member_id:
        return item("konflik", "unassigned"), report
    if ctx.locked(ep[0]):
        return item("konflik", "locked"), report
    base = ctx.issue.applied.get(key, entry.get("base_version"))
    if base is not None and report.version == base:
        return item("berubah"), report
    return item("konflik", "both_changed"), report


def _pause_for_fault_test(session: Session, index: int, total: int) -> None:
    marker = os.environ.get(PAUSE_ENV)
    if marker and index == total // 2:
        session.flush()  # half of the changes are in the database's open transaction
        Path(marker).write_text("paused")
        time.sleep(120)


def apply_rating(session: Session, issue: PackageIssue, natural: tuple[int, int, int], row: Rating | None,
                 value: dict[str, Any], now: datetime, *, flush: bool = True) -> Rating:
    """Write the laptop's value into the rating (new or existing) and remember the version we wrote."""
    if row is None:
        row = Rating(event_participant_id=natural[0], exercise_id=natural[1], competency_id=natural[2],
                     assessor_id=issue.member_id)
        session.add(row)
    row.level = None if value["level"] is None else Decimal(value["level"])
    row.no_evidence = bool(value["no_evidence"])
    row.evidence = value["evidence"]
    if value["submitted"] and row.submitted_at is None:
        row.submitted_at = now
    if flush:
        session.flush()
    return row


def import_package(session: Session, data: bytes, *, dry_run: bool = False, actor: str = "") -> MergePreview:
    """Preview (dry_run) or merge a return package; the caller commits."""
    issue, opened = _authenticate(session, data)
    header = opened.header
    member = session.get(TeamMember, issue.member_id)
    event = session.get(Event, issue.event_id)
    preview = MergePreview(header.package_id, event.code if event else "", member.name if member else "",
                           header.sequence)
    if session.scalars(select(PackageReceipt).where(PackageReceipt.package_id == header.package_id)).first():
        preview.already_received = True
        return preview
    if header.sequence <= issue.last_return_sequence:
        raise _refuse(
            f"Paket ini lebih lama (kiriman ke-{header.sequence}) daripada kiriman yang sudah diterima "
            f"(ke-{issue.last_return_sequence}) dari asesor ini; paket ditolak agar data terbaru tidak tertimpa."
        )
    payload = opened.payload
    ctx = _Context(session, issue, {c.get("ep", "") for c in [*payload.get("cells", []), *payload.get("narratives", [])]})
    plans: list[tuple[MergeItem, Any]] = [_classify_rating(ctx, c) for c in opened.payload.get("cells", [])]
    plans += [_classify_narrative(ctx, n) for n in opened.payload.get("narratives", [])]
    preview.items = [item for item, _target in plans]
    if dry_run:
        return preview
    _apply(session, issue, plans, ctx, header, actor)
    session.add(PackageReceipt(package_id=header.package_id, issue_id=issue.id, sequence=header.sequence,
                               counts=preview.counts))
    issue.last_return_sequence = header.sequence
    audit.record(session, action="paket_diterima", entity="package_issue", entity_id=issue.id,
                 entity_uuid=issue.uuid, actor=actor, note=preview.summary_line,
                 new={"asesor": member.uuid if member else "", "nama_asesor": preview.assessor_name,
                      "paket": header.package_id, "kiriman": header.sequence, **preview.counts})
    session.flush()
    preview.applied = True
    return preview


def _apply(session: Session, issue: PackageIssue, plans: list[tuple[MergeItem, Any]], ctx: _Context,
           header: fmt.PackageHeader, actor: str) -> None:
    from ukom_desktop.services.report_content import save_sections

    now = datetime.now(UTC)
    applied = dict(issue.applied or {})
    written: list[tuple[str, Rating]] = []
    open_conflicts = {(c.cell_key): c for c in session.scalars(select(PackageConflict).where(
        PackageConflict.member_id == issue.member_id, PackageConflict.event_id == issue.event_id,
        PackageConflict.status == "terbuka"))}
    for index, (item, target) in enumerate(plans):
        _pause_for_fault_test(session, index, len(plans))
        if item.category in ("baru", "berubah"):
            if item.kind == "rating":
                written.append((item.key, apply_rating(session, issue, target, ctx.ratings.get(target), item.laptop,
                                                       now, flush=False)))
            else:
                report = save_sections(session, target.event_participant_id, item.laptop["sections"], actor=actor)
                applied[item.key] = report.version
        elif item.category == "konflik":
            existing = open_conflicts.get(item.key)
            if existing is None:
                session.add(PackageConflict(
                    event_id=issue.event_id, issue_id=issue.id, member_id=issue.member_id,
                    package_id=header.package_id, kind=item.kind, cell_key=item.key, reason=item.reason,
                    description=f"{item.participant}: {item.label}", laptop_value=item.laptop,
                    database_value=item.database))
            else:
                existing.package_id, existing.issue_id = header.package_id, issue.id
                existing.laptop_value, existing.database_value = item.laptop, item.database
                existing.reason = item.reason
    session.flush()
    applied.update({key: row.version for key, row in written})
    issue.applied = applied
    session.flush()
