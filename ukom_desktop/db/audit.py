"""The append-only audit log: writing entries (chained by hash, see audit_chain), refusing updates or
deletes of them, and verifying the chain."""

from __future__ import annotations

from typing import Any, cast

from sqlalchemy import Table, event, inspect, select, update
from sqlalchemy.orm import Session

from .audit_chain import EMPTY_HEAD, HEAD_KEY, ChainProblem, row_hash, verify_rows
from .models import AuditEntry, Setting
from .models.base import utcnow


class AuditLogReadOnlyError(RuntimeError):
    pass


def record(
    session: Session,
    *,
    action: str,
    entity: str,
    entity_id: int | None = None,
    entity_uuid: str | None = None,
    old: dict[str, Any] | None = None,
    new: dict[str, Any] | None = None,
    actor: str = "",
    note: str = "",
) -> AuditEntry:
    bound = session.info.get("actor")  # issue 13: the signed-in user (services/access.py) is who acted
    if bound is not None:
        actor = bound.username
    entry = AuditEntry(
        action=action,
        entity=entity,
        entity_id=entity_id,
        entity_uuid=entity_uuid,
        old_value=old,
        new_value=new,
        actor=actor,
        note=note,
    )
    session.add(entry)
    return entry


@event.listens_for(Session, "before_flush")
def _refuse_audit_changes(session: Session, _ctx: Any, _instances: Any) -> None:
    for obj in list(session.dirty) + list(session.deleted):
        if isinstance(obj, AuditEntry) and (obj in session.deleted or session.is_modified(obj)):
            raise AuditLogReadOnlyError("Catatan audit tidak dapat diubah atau dihapus.")


@event.listens_for(Session, "before_flush")
def _chain_new_entries(session: Session, _ctx: Any, _instances: Any) -> None:
    """Give each new audit row its place in the chain. The head row in `setting` is written first, which
    takes the write lock (SQLite) or the row lock (PostgreSQL): two workstations never fork the chain."""
    new = [obj for obj in session.new if isinstance(obj, AuditEntry) and obj.row_hash is None]
    if not new:
        return
    new.sort(key=lambda obj: inspect(obj).insert_order or 0)
    conn = session.connection()
    table = cast(Table, Setting.__table__)
    locked = conn.execute(update(table).where(table.c.key == HEAD_KEY).values(key=HEAD_KEY)).rowcount
    head = conn.execute(select(table.c.value).where(table.c.key == HEAD_KEY)).scalar() if locked else None
    head = dict(head or EMPTY_HEAD)
    prev = head.get("hash") or ""
    for entry in new:
        if entry.at is None:
            entry.at = utcnow()
        entry.prev_hash = prev
        entry.row_hash = prev = row_hash(_fields(entry), prev)
    value = {"hash": prev, "count": int(head.get("count", 0)) + len(new)}
    if locked:
        conn.execute(update(table).where(table.c.key == HEAD_KEY).values(value=value, updated_at=utcnow()))
    else:
        conn.execute(table.insert().values(key=HEAD_KEY, value=value, updated_at=utcnow()))


def _fields(entry: AuditEntry) -> dict[str, Any]:
    return {
        "at": entry.at, "actor": entry.actor, "action": entry.action, "entity": entry.entity,
        "entity_id": entry.entity_id, "entity_uuid": entry.entity_uuid, "old_value": entry.old_value,
        "new_value": entry.new_value, "note": entry.note,
    }


def verify_chain(session: Session) -> list[ChainProblem]:
    """Every deletion, edit or insertion in the audit log, found by walking the chain (empty: intact)."""
    table = AuditEntry.__table__
    rows = [dict(row._mapping) for row in session.execute(select(table).order_by(table.c.id))]
    head = session.execute(select(Setting.value).where(Setting.key == HEAD_KEY)).scalar()
    return verify_rows(rows, head)
