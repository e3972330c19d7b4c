"""Writing one merge pass of assessor packages: new and changed ratings in bulk (two executemany statements,
the changed ones checked against the version they were classified with), narratives through the report
service, and conflicts into the queue (an open conflict of the same cell is updated, not duplicated)."""

from __future__ import annotations

import os
import time
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Table, bindparam, insert, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from ukom_desktop.db.models import PackageConflict, Rating, new_uuid

# Fault tests only: a file path; the merge creates it halfway and waits, so a test can kill the process.
PAUSE_ENV = "UKOM_TEST_MERGE_PAUSE_FILE"
_T = cast(Table, Rating.__table__)  # a mapped class's table (typed as the wider FromClause)
_UPDATE = (
    update(_T)
    .where(_T.c.id == bindparam("b_id"), _T.c.version == bindparam("b_version"))
    .values(level=bindparam("b_level"), no_evidence=bindparam("b_no_evidence"), evidence=bindparam("b_evidence"),
            submitted_at=bindparam("b_submitted_at"), updated_at=bindparam("b_now"), version=_T.c.version + 1)
)


def apply_pass(session: Session, ctx: Any, packages: list[Any], actor: str) -> None:
    now = datetime.now(UTC)
    ops: list[tuple[str, dict[str, Any]]] = []
    for package in packages:
        issue = package.issue
        applied = dict(issue.applied or {})
        for item, target in package.plans:
            if item.category in ("baru", "berubah") and item.kind == "rating":
                op = _rating_op(item.laptop, target, ctx.ratings.get((*target, issue.member_id)), issue.member_id, now)
                ops.append(op)
                applied[item.key] = 1 if op[0] == "insert" else op[1]["b_version"] + 1
            elif item.category in ("baru", "berubah"):
                from ukom_desktop.services.report_content import save_sections  # heavy: only for narratives

                report = save_sections(session, target.event_participant_id, item.laptop["sections"], actor=actor)
                session.flush()
                applied[item.key] = report.version
            elif item.category == "konflik":
                _queue(session, ctx, package, item)
        issue.applied = applied  # flushed with the receipts after the ratings: one UPDATE per issue, not two
    half = len(ops) // 2
    _write(session, ops[:half])
    _pause_for_fault_test()
    _write(session, ops[half:])
    for row in ctx.ratings.values():
        session.expire(row)


def _queue(session: Session, ctx: Any, package: Any, item: Any) -> None:
    issue, header = package.issue, package.opened.header
    existing = ctx.open_conflicts.get((issue.member_id, item.key))
    if existing is None:
        conflict = PackageConflict(
            event_id=issue.event_id, issue_id=issue.id, member_id=issue.member_id, package_id=header.package_id,
            kind=item.kind, cell_key=item.key, reason=item.reason, description=f"{item.participant}: {item.label}",
            laptop_value=item.laptop, database_value=item.database)
        session.add(conflict)
        ctx.open_conflicts[(issue.member_id, item.key)] = conflict
    else:
        existing.package_id, existing.issue_id = header.package_id, issue.id
        existing.laptop_value, existing.database_value = item.laptop, item.database
        existing.reason = item.reason


def _rating_op(value: dict[str, Any], natural: tuple[int, int, int], row: Rating | None, member_id: int,
               now: datetime) -> tuple[str, dict[str, Any]]:
    level = None if value["level"] is None else Decimal(value["level"])
    if row is None:
        return "insert", {
            "uuid": new_uuid(), "version": 1, "created_at": now, "updated_at": now,
            "event_participant_id": natural[0], "exercise_id": natural[1], "competency_id": natural[2],
            "assessor_id": member_id, "level": level, "no_evidence": bool(value["no_evidence"]),
            "evidence": value["evidence"], "submitted_at": now if value["submitted"] else None,
        }
    submitted = row.submitted_at if row.submitted_at is not None or not value["submitted"] else now
    return "update", {"b_id": row.id, "b_version": row.version, "b_level": level,
                      "b_no_evidence": bool(value["no_evidence"]), "b_evidence": value["evidence"],
                      "b_submitted_at": submitted, "b_now": now}


def _write(session: Session, ops: list[tuple[str, dict[str, Any]]]) -> None:
    """One executemany for the new ratings, one for the changed ones (each checked against its version)."""
    inserts = [row for kind, row in ops if kind == "insert"]
    updates = [row for kind, row in ops if kind == "update"]
    conn = session.connection()
    if inserts:
        conn.execute(insert(_T), inserts)
    if updates:
        done = conn.execute(_UPDATE, updates).rowcount
        if conn.dialect.supports_sane_multi_rowcount and done != len(updates):
            raise StaleDataError("a rating changed while the packages were merged")


def _pause_for_fault_test() -> None:
    marker = os.environ.get(PAUSE_ENV)
    if marker:
        Path(marker).write_text("paused")  # half of the ratings are written in the open transaction
        time.sleep(120)
