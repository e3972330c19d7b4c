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

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
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
from ukom_desktop.domain.report_status import is_editable
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


@dataclass(slots=True)
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


@dataclass
class _Known:
    """The issues, events and assessors the packages answer, loaded in three queries and held here: the session's
    identity map keeps objects only while something refers to them, so a later session.get would query (and
    autoflush) once per package again."""

    issues: dict[str, PackageIssue]
    members: dict[int, TeamMember]
    events: dict[int, Event]


def _preload(session: Session, datas: list[bytes]) -> _Known:
    issue_ids = set()
    for data in datas:
        try:
            issue_ids.add(fmt.read_header(data).issue_id)
        except fmt.PackageError:
            continue  # refused with its own sentence by _authenticate
    issues = session.scalars(select(PackageIssue).where(PackageIssue.uuid.in_(issue_ids))).all()
    members = session.scalars(select(TeamMember).where(TeamMember.id.in_({i.member_id for i in issues}))).all()
    events = session.scalars(select(Event).where(Event.id.in_({i.event_id for i in issues}))).all()
    return _Known({i.uuid: i for i in issues}, {m.id: m for m in members}, {e.id: e for e in events})


def _authenticate(data: bytes, database_id: str, keys: fmt.InstitutionKeys,
                  known: _Known) -> tuple[PackageIssue, fmt.OpenedPackage]:
    header = fmt.read_header(data)
    if header.kind != fmt.KIND_RETURN:
        raise _refuse("Berkas ini paket untuk asesor, bukan paket kiriman kembali dari asesor.")
    if header.database_id != database_id:
        raise _refuse("Paket ini dibuat dari basis data lain, sehingga tidak dapat diterima di basis data ini.")
    issue = known.issues.get(header.issue_id)
    if issue is None:
        raise _refuse("Paket ini menjawab paket asesor yang tidak pernah dibuat di basis data ini.")
    event = known.events.get(issue.event_id)
    member = known.members.get(issue.member_id)
    if event is None or event.uuid != header.event_uuid:
        raise _refuse("Paket ini untuk kegiatan lain daripada paket asesor yang dijawabnya; paket ditolak.")
    if member is None or member.uuid != header.assessor_uuid:
        raise _refuse("Paket ini tidak berasal dari asesor yang menerima paketnya; paket ditolak.")
    return issue, fmt.open_as_institution(data, keys, hmac_key=bytes(issue.return_key))


class _Context:
    """Lookups for the packages of one event in one pass: by UUID, assignments, final and locked participants,
    the ratings of the packages' assessors and the laptop values reviewers already decided on."""

    def __init__(self, session: Session, event_id: int, member_ids: set[int], ep_uuids: set[str]) -> None:
        eps = session.execute(
            select(EventParticipant.uuid, EventParticipant.id, Participant.name)
            .join(Participant, Participant.id == EventParticipant.participant_id)
            .where(EventParticipant.event_id == event_id)
        ).all()
        self.ep = {u: (i, n) for u, i, n in eps}
        wanted = [self.ep[u][0] for u in ep_uuids if u in self.ep]  # only the packages' participants
        self.comp = {u: (i, c) for u, i, c in session.execute(select(Competency.uuid, Competency.id, Competency.code))}
        self.ex = {u: (i, c) for u, i, c in session.execute(select(Exercise.uuid, Exercise.id, Exercise.code))}
        self.assigned = {(a.event_participant_id, a.exercise_id, a.assessor_id)
                         for a in event_assignments(session, event_id, only=wanted) if a.assessor_id in member_ids}
        self.final = set(session.scalars(select(IntegratedResult.event_participant_id).where(
            IntegratedResult.event_participant_id.in_(wanted), IntegratedResult.finalized_at.is_not(None))))
        self.reports = {r.event_participant_id: r for r in session.scalars(
            select(IndividualReport).where(IndividualReport.event_participant_id.in_(wanted)))}
        self.ratings = {(r.event_participant_id, r.exercise_id, r.competency_id, r.assessor_id): r
                        for r in session.scalars(select(Rating).where(Rating.assessor_id.in_(member_ids),
                                                                      Rating.event_participant_id.in_(wanted)))}
        # A laptop value a reviewer already decided on (either side) is not queued again by a later return.
        self.decided = {(c.member_id, c.cell_key): c.laptop_value for c in session.scalars(
            select(PackageConflict).where(PackageConflict.member_id.in_(member_ids),
                                          PackageConflict.event_id == event_id,
                                          PackageConflict.status == "selesai").order_by(PackageConflict.id))}
        self.open_conflicts = {(c.member_id, c.cell_key): c for c in session.scalars(
            select(PackageConflict).where(PackageConflict.member_id.in_(member_ids),
                                          PackageConflict.event_id == event_id, PackageConflict.status == "terbuka"))}
        self.locked_eps = {ep_id for ep_id, r in self.reports.items() if not is_editable(r.status)}

    def locked(self, ep_id: int) -> bool:
        return ep_id in self.locked_eps  # asked once per cell: a set, not a status check each time


def _classify_rating(ctx: _Context, issue: PackageIssue, cell: dict[str, Any]) -> tuple[MergeItem, Any]:
    key = f"r:{cell['ep']}:{cell['exercise']}:{cell['competency']}"
    laptop = _laptop_rating(cell)
    ep = ctx.ep.get(cell["ep"])
    ex, comp = ctx.ex.get(cell["exercise"]), ctx.comp.get(cell["competency"])
    label = f"{ex[1] if ex else '?'} / {comp[1] if comp else '?'}"
    if ep is None or ex is None or comp is None:
        return MergeItem("rating", key, "konflik", "", label, laptop, None, "missing"), None
    natural = (ep[0], ex[0], comp[0])
    row = ctx.ratings.get((*natural, issue.member_id))
    database = _rating_value(row)
    category, reason = _rating_verdict(ctx, issue, key, cell, natural, row, database, laptop)
    return MergeItem("rating", key, category, ep[1], label, laptop, database, reason), natural


def _rating_verdict(ctx: _Context, issue: PackageIssue, key: str, cell: dict[str, Any], natural: tuple[int, int, int],
                    row: Rating | None, database: dict[str, Any] | None, laptop: dict[str, Any]) -> tuple[str, str]:
    """(category, reason) of one rating cell."""
    ep_id = natural[0]
    if database == laptop or ctx.decided.get((issue.member_id, key)) == laptop:
        return "sama", ""
    if (ep_id, natural[1], issue.member_id) not in ctx.assigned:
        return "konflik", "unassigned"
    if ep_id in ctx.final:
        return "konflik", "final"
    if ctx.locked(ep_id):
        return "konflik", "locked"
    if row is None:
        return "baru", ""
    base = issue.applied.get(key, cell.get("base_version"))
    if base is not None and row.version == base:
        return "berubah", ""
    return "konflik", "both_changed"


def _classify_narrative(ctx: _Context, issue: PackageIssue, entry: dict[str, Any]) -> tuple[MergeItem, Any]:
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

    if merged == database or ctx.decided.get((issue.member_id, key)) == laptop:
        return item("sama"), report
    if report.author_id != issue.member_id:
        return item("konflik", "unassigned"), report
    if ctx.locked(ep[0]):
        return item("konflik", "locked"), report
    base = issue.applied.get(key, entry.get("base_version"))
    if base is not None and report.version == base:
        return item("berubah"), report
    return item("konflik", "both_changed"), report


def apply_rating(session: Session, issue: PackageIssue, natural: tuple[int, int, int], row: Rating | None,
                 value: dict[str, Any], now: datetime) -> Rating:
    """Write a laptop value into one rating (a reviewer's decision); the merge itself writes in bulk."""
    if row is None:
        row = Rating(event_participant_id=natural[0], exercise_id=natural[1], competency_id=natural[2],
                     assessor_id=issue.member_id)
        session.add(row)
    row.level = None if value["level"] is None else Decimal(value["level"])
    row.no_evidence = bool(value["no_evidence"])
    row.evidence = value["evidence"]
    if value["submitted"] and row.submitted_at is None:
        row.submitted_at = now
    session.flush()
    return row


@dataclass
class _Package:
    data: bytes
    issue: PackageIssue
    opened: fmt.OpenedPackage
    preview: MergePreview
    plans: list[tuple[MergeItem, Any]] = field(default_factory=list)


def import_package(session: Session, data: bytes, *, dry_run: bool = False, actor: str = "") -> MergePreview:
    """Preview (dry_run) or merge one return package; the caller commits."""
    return import_packages(session, [data], dry_run=dry_run, actor=actor)[0]


def import_packages(
    session: Session, datas: list[bytes], *, dry_run: bool = False, actor: str = ""
) -> list[MergePreview]:
    """Preview or merge several return packages in one transaction (the caller commits).

    Any refused package refuses the whole batch, so nothing of it is applied. Packages answering the same
    issue are applied in order of their sequence, one per pass.
    """
    from ukom_desktop.services import access

    access.require(session, access.perm.MERGE_PACKAGES)  # sekretariat or reviewer QC (permission table)
    actor = access.actor_name(session, actor)
    received = {p for p in session.scalars(select(PackageReceipt.package_id))}
    packages: list[_Package] = []
    database_id, keys = institution_keys(session)
    known = _preload(session, datas)
    for data in datas:
        issue, opened = _authenticate(data, database_id, keys, known)
        header = opened.header
        member, event = known.members.get(issue.member_id), known.events.get(issue.event_id)
        preview = MergePreview(header.package_id, event.code if event else "", member.name if member else "",
                               header.sequence)
        packages.append(_Package(data, issue, opened, preview))
        if header.package_id in received:
            preview.already_received = True
            continue
        received.add(header.package_id)
        if header.sequence <= issue.last_return_sequence:
            raise _refuse(
                f"Paket ini lebih lama (kiriman ke-{header.sequence}) daripada kiriman yang sudah diterima "
                f"(ke-{issue.last_return_sequence}) dari asesor ini; paket ditolak agar data terbaru tidak tertimpa."
            )
    pending = sorted((p for p in packages if not p.preview.already_received),
                     key=lambda p: (p.issue.id, p.opened.header.sequence))
    while pending:
        this_pass: dict[int, _Package] = {}
        for package in pending:
            this_pass.setdefault(package.issue.id, package)
        pending = [p for p in pending if this_pass[p.issue.id] is not p]
        _merge_pass(session, list(this_pass.values()), known, dry_run=dry_run, actor=actor)
    return [p.preview for p in packages]


def _merge_pass(session: Session, packages: list[_Package], known: _Known, *, dry_run: bool, actor: str) -> None:
    from ukom_desktop.services.packages_apply import apply_pass

    by_event: dict[int, list[_Package]] = {}
    for package in packages:
        by_event.setdefault(package.issue.event_id, []).append(package)
    for event_id, group in by_event.items():
        payloads = [p.opened.payload for p in group]
        ctx = _Context(session, event_id, {p.issue.member_id for p in group},
                       {e.get("ep", "") for pl in payloads for e in [*pl.get("cells", []), *pl.get("narratives", [])]})
        for package in group:
            payload = package.opened.payload
            package.plans = [_classify_rating(ctx, package.issue, c) for c in payload.get("cells", [])]
            package.plans += [_classify_narrative(ctx, package.issue, n) for n in payload.get("narratives", [])]
            package.preview.items = [item for item, _target in package.plans]
        if dry_run:
            continue
        apply_pass(session, ctx, group, actor)
        for package in group:
            header, issue, preview = package.opened.header, package.issue, package.preview
            session.add(PackageReceipt(package_id=header.package_id, issue_id=issue.id, sequence=header.sequence,
                                       counts=preview.counts))
            issue.last_return_sequence = header.sequence
            member = known.members.get(issue.member_id)
            audit.record(session, action="paket_diterima", entity="package_issue", entity_id=issue.id,
                         entity_uuid=issue.uuid, actor=actor, note=preview.summary_line,
                         new={"asesor": member.uuid if member else "", "nama_asesor": preview.assessor_name,
                              "paket": header.package_id, "kiriman": header.sequence, **preview.counts})
            preview.applied = True
        session.flush()
