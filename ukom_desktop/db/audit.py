"""The append-only audit log: writing entries, and refusing updates or deletes of them."""

from __future__ import annotations

from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import Session

from .models import AuditEntry


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
