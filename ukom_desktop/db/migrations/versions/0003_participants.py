"""participants: event status date and checklist, birth place, the employee directory

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN (no table rebuild): rebuilding "event" on SQLite would cascade-delete its rows.
    with op.batch_alter_table("event", schema=None) as batch_op:
        batch_op.add_column(sa.Column("status_changed_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("checklist", sa.JSON(), nullable=False, server_default="{}"))

    with op.batch_alter_table("participant", schema=None) as batch_op:
        batch_op.add_column(sa.Column("birth_place", sa.String(length=100), nullable=False, server_default=""))

    op.create_table(
        "employee_directory",
        sa.Column("nip", sa.String(length=18), nullable=False),
        sa.Column("name", sa.String(length=150), nullable=False),
        sa.Column("golongan", sa.String(length=10), nullable=False),
        sa.Column("jabatan", sa.String(length=250), nullable=False),
        sa.Column("unit", sa.String(length=250), nullable=False),
        sa.Column("agency", sa.String(length=250), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("email", sa.String(length=150), nullable=False),
        sa.Column("source", sa.String(length=250), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_employee_directory")),
        sa.UniqueConstraint("nip", name=op.f("uq_employee_directory_nip")),
        sa.UniqueConstraint("uuid", name=op.f("uq_employee_directory_uuid")),
    )


def downgrade() -> None:
    op.drop_table("employee_directory")
    with op.batch_alter_table("participant", schema=None) as batch_op:
        batch_op.drop_column("birth_place")
    with op.batch_alter_table("event", schema=None) as batch_op:
        batch_op.drop_column("checklist")
        batch_op.drop_column("status_changed_at")
