"""documents: issued documents count their printings and are unique per event, kind and subject

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("issued_document", schema=None) as batch_op:
        batch_op.add_column(sa.Column("print_count", sa.Integer(), server_default="1", nullable=False))
        batch_op.add_column(sa.Column("last_printed_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.create_unique_constraint(
            batch_op.f("uq_issued_document_event_id_kind_subject_key"), ["event_id", "kind", "subject_key"]
        )


def downgrade() -> None:
    with op.batch_alter_table("issued_document", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_issued_document_event_id_kind_subject_key"), type_="unique")
        batch_op.drop_column("last_printed_at")
        batch_op.drop_column("print_count")
