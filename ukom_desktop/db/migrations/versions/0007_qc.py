"""qc: what each submitted revision of an individual report stated, and who submitted it

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN (no table rebuild), the same script on SQLite and PostgreSQL.
    with op.batch_alter_table("report_revision", schema=None) as batch_op:
        batch_op.add_column(sa.Column("facts", sa.JSON(), nullable=False, server_default="{}"))
        batch_op.add_column(sa.Column("submitted_by", sa.String(length=100), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("report_revision", schema=None) as batch_op:
        batch_op.drop_column("submitted_by")
        batch_op.drop_column("facts")
