"""issue12_data: participant numbers unique per event

A unique index (not a table rebuild: rebuilding event_participant on SQLite would cascade-delete the
ratings, schedule places and results that refer to it). Numbers repeated in an existing event are first
moved after the event's largest number (the oldest membership keeps its number).

Revision ID: 0010
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0007"
branch_labels = None
depends_on = None

INDEX = "uq_event_participant_event_number"


def _renumber_repeats() -> None:
    bind = op.get_bind()
    rows = bind.execute(sa.text(
        "SELECT id, event_id, number FROM event_participant WHERE number IS NOT NULL ORDER BY event_id, id"
    )).all()
    largest: dict[int, int] = {}
    seen: set[tuple[int, int]] = set()
    repeats: list[tuple[int, int]] = []  # (membership id, event id)
    for ep_id, event_id, number in rows:
        largest[event_id] = max(largest.get(event_id, 0), number)
        if (event_id, number) in seen:
            repeats.append((ep_id, event_id))
        seen.add((event_id, number))
    for ep_id, event_id in repeats:
        largest[event_id] += 1
        bind.execute(sa.text("UPDATE event_participant SET number = :n, version = version + 1 WHERE id = :i"),
                     {"n": largest[event_id], "i": ep_id})


def upgrade() -> None:
    _renumber_repeats()
    op.create_index(INDEX, "event_participant", ["event_id", "number"], unique=True)


def downgrade() -> None:
    op.drop_index(INDEX, table_name="event_participant")
