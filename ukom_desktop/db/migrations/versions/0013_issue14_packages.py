"""issue14_packages: assessor exchange packages (keys, issued packages, received returns, conflict queue)

Revision ID: 0013
Revises: 0012
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "package_keyring",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("database_uuid", sa.String(length=36), nullable=False),
        sa.Column("x25519_private", sa.LargeBinary(), nullable=False),
        sa.Column("ed25519_private", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_package_keyring")),
        sa.UniqueConstraint("database_uuid", name=op.f("uq_package_keyring_database_uuid")),
    )
    op.create_table(
        "package_issue",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("return_key", sa.LargeBinary(), nullable=False),
        sa.Column("issued_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_return_sequence", sa.Integer(), nullable=False),
        sa.Column("applied", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["event_id"], ["event.id"], name=op.f("fk_package_issue_event_id_event"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["member_id"], ["team_member.id"],
                                name=op.f("fk_package_issue_member_id_team_member")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_package_issue")),
        sa.UniqueConstraint("uuid", name=op.f("uq_package_issue_uuid")),
    )
    op.create_index(op.f("ix_package_issue_event_id"), "package_issue", ["event_id"])
    op.create_table(
        "package_receipt",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("package_id", sa.String(length=36), nullable=False),
        sa.Column("issue_id", sa.Integer(), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("counts", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["issue_id"], ["package_issue.id"],
                                name=op.f("fk_package_receipt_issue_id_package_issue"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_package_receipt")),
        sa.UniqueConstraint("package_id", name=op.f("uq_package_receipt_package_id")),
    )
    op.create_index(op.f("ix_package_receipt_issue_id"), "package_receipt", ["issue_id"])
    op.create_table(
        "package_conflict",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("issue_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("package_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("cell_key", sa.String(length=200), nullable=False),
        sa.Column("reason", sa.String(length=30), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("laptop_value", sa.JSON(), nullable=True),
        sa.Column("database_value", sa.JSON(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("resolution", sa.String(length=20), nullable=False),
        sa.Column("resolution_reason", sa.Text(), nullable=False),
        sa.Column("resolved_by", sa.String(length=100), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["event_id"], ["event.id"], name=op.f("fk_package_conflict_event_id_event"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["issue_id"], ["package_issue.id"],
                                name=op.f("fk_package_conflict_issue_id_package_issue"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["member_id"], ["team_member.id"],
                                name=op.f("fk_package_conflict_member_id_team_member")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_package_conflict")),
    )
    op.create_index(op.f("ix_package_conflict_event_id"), "package_conflict", ["event_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_package_conflict_event_id"), table_name="package_conflict")
    op.drop_table("package_conflict")
    op.drop_index(op.f("ix_package_receipt_issue_id"), table_name="package_receipt")
    op.drop_table("package_receipt")
    op.drop_index(op.f("ix_package_issue_event_id"), table_name="package_issue")
    op.drop_table("package_issue")
    op.drop_table("package_keyring")
