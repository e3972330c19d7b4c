"""wave_rooms: the rooms chosen for a wave (none chosen: the wave uses every active room).

Revision ID: 0016
Revises: 0015
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "wave_room",
        sa.Column("wave_id", sa.Integer(), nullable=False),
        sa.Column("room_id", sa.Integer(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["room_id"], ["room.id"], name=op.f("fk_wave_room_room_id_room"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["wave_id"], ["wave.id"], name=op.f("fk_wave_room_wave_id_wave"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_wave_room")),
        sa.UniqueConstraint("wave_id", "room_id", name=op.f("uq_wave_room_wave_id_room_id")),
    )
    with op.batch_alter_table("wave_room", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_wave_room_wave_id"), ["wave_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("wave_room", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_wave_room_wave_id"))
    op.drop_table("wave_room")
