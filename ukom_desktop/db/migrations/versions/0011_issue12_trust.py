"""issue12_trust: the audit log becomes a hash chain (prev_hash, row_hash, head in `setting`); the rows that
exist are chained in id order; on PostgreSQL TRUNCATE of audit_log is refused by a trigger too; an approved
report carries the hash of its content (individual_report.content_hash).

Revision ID: 0011
Revises: 0010
"""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

_audit = sa.table(
    "audit_log",
    sa.column("id", sa.Integer), sa.column("at", sa.DateTime(timezone=True)), sa.column("actor", sa.String),
    sa.column("action", sa.String), sa.column("entity", sa.String), sa.column("entity_id", sa.Integer),
    sa.column("entity_uuid", sa.String), sa.column("old_value", sa.JSON), sa.column("new_value", sa.JSON),
    sa.column("note", sa.Text), sa.column("prev_hash", sa.String), sa.column("row_hash", sa.String),
)
_setting = sa.table("setting", sa.column("key", sa.String), sa.column("value", sa.JSON),
                    sa.column("updated_at", sa.DateTime(timezone=True)))


def _guards(enable: bool) -> None:
    """The append-only triggers stand aside while the existing rows get their hashes."""
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for verb in ("UPDATE", "DELETE"):
            if enable:
                op.execute(f"CREATE TRIGGER audit_log_no_{verb.lower()} BEFORE {verb} ON audit_log "
                           "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END")
            else:
                op.execute(f"DROP TRIGGER IF EXISTS audit_log_no_{verb.lower()}")
    elif dialect == "postgresql":
        op.execute(f"ALTER TABLE audit_log {'ENABLE' if enable else 'DISABLE'} TRIGGER audit_log_append_only")


def upgrade() -> None:
    from ukom_desktop.db.audit_chain import HEAD_KEY, row_hash

    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.add_column(sa.Column("prev_hash", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("row_hash", sa.String(length=64), nullable=True))
    with op.batch_alter_table("individual_report", schema=None) as batch_op:
        batch_op.add_column(sa.Column("content_hash", sa.String(length=64), nullable=True))
    bind = op.get_bind()
    rows = [dict(r._mapping) for r in bind.execute(sa.select(_audit).order_by(_audit.c.id))]
    prev, count = "", 0
    if rows:
        _guards(False)
        for row in rows:
            digest = row_hash(row, prev)
            bind.execute(_audit.update().where(_audit.c.id == row["id"]).values(prev_hash=prev, row_hash=digest))
            prev, count = digest, count + 1
        _guards(True)
    bind.execute(_setting.delete().where(_setting.c.key == HEAD_KEY))
    bind.execute(_setting.insert().values(key=HEAD_KEY, value={"hash": prev, "count": count},
                                          updated_at=datetime.now(UTC)))
    if bind.dialect.name == "postgresql":
        op.execute("CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log "
                   "FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()")


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS audit_log_no_truncate ON audit_log")
    bind.execute(_setting.delete().where(_setting.c.key == "audit.head"))
    with op.batch_alter_table("individual_report", schema=None) as batch_op:
        batch_op.drop_column("content_hash")
    if bind.dialect.name == "sqlite":
        _guards(False)  # a rebuilt table loses its triggers: made again below
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_column("row_hash")
        batch_op.drop_column("prev_hash")
    if bind.dialect.name == "sqlite":
        _guards(True)
