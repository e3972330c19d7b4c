"""Jabatan sasaran of an event's participants: the event's target positions, the default one (when the
event has exactly one), and setting it for many participants at once (issue 11 item 9)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ukom_desktop.db.models import EventParticipant, EventPosition, Position
from ukom_desktop.errors import UserFacingError

WHERE_POSITIONS_ARE_MADE = "Data > Perumusan Kompetensi > Jabatan sasaran kegiatan..."


@dataclass(frozen=True)
class TargetPosition:
    id: int
    name: str


def event_target_positions(session: Session, event_id: int) -> list[TargetPosition]:
    return [
        TargetPosition(pid, name)
        for pid, name in session.execute(
            select(Position.id, Position.name)
            .join(EventPosition, EventPosition.position_id == Position.id)
            .where(EventPosition.event_id == event_id)
            .order_by(Position.name)
        )
    ]


def default_target_position(session: Session, event_id: int) -> int | None:
    """The event's only target position, or None when it has none or several."""
    positions = event_target_positions(session, event_id)
    return positions[0].id if len(positions) == 1 else None


def set_target_position(session: Session, ep_ids: Sequence[int], position_id: int | None) -> int:
    """Give every selected participant the same jabatan sasaran (None clears it)."""
    rows = list(session.scalars(select(EventParticipant).where(EventParticipant.id.in_(list(ep_ids)))))
    if not rows:
        return 0
    if position_id is not None:
        allowed = {p.id for p in event_target_positions(session, rows[0].event_id)}
        if position_id not in allowed:
            raise UserFacingError(
                f"Jabatan itu bukan jabatan sasaran kegiatan ini; tambahkan lewat {WHERE_POSITIONS_ARE_MADE}"
            )
    for ep in rows:
        ep.target_position_id = position_id
    session.flush()
    return len(rows)
