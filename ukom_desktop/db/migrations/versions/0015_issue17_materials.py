"""issue17_materials: exercise material library (versions, files with SHA-256, paket soal mapping), returned
booklets, the interview-guide question bank and the incoming-letter register with its disposition.

Revision ID: 0015
Revises: 0013
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('booklet_return',
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('booklet_number', sa.String(length=40), nullable=False),
    sa.Column('returned_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['event.id'], name=op.f('fk_booklet_return_event_id_event'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_booklet_return')),
    sa.UniqueConstraint('event_id', 'booklet_number', name=op.f('uq_booklet_return_event_id_booklet_number'))
    )
    with op.batch_alter_table('booklet_return', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_booklet_return_event_id'), ['event_id'], unique=False)

    op.create_table('incoming_letter',
    sa.Column('number', sa.String(length=120), nullable=False),
    sa.Column('letter_date', sa.Date(), nullable=True),
    sa.Column('received_on', sa.Date(), nullable=True),
    sa.Column('sender', sa.String(length=250), nullable=False),
    sa.Column('subject', sa.Text(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=True),
    sa.Column('scan_filename', sa.String(length=255), nullable=False),
    sa.Column('scan_sha256', sa.String(length=64), nullable=False),
    sa.Column('scan_content', sa.LargeBinary(), nullable=True),
    sa.Column('disposition_to', sa.String(length=250), nullable=False),
    sa.Column('disposition_instruction', sa.Text(), nullable=False),
    sa.Column('disposition_date', sa.Date(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['event.id'], name=op.f('fk_incoming_letter_event_id_event'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_incoming_letter')),
    sa.UniqueConstraint('uuid', name=op.f('uq_incoming_letter_uuid'))
    )
    with op.batch_alter_table('incoming_letter', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_incoming_letter_event_id'), ['event_id'], unique=False)

    op.create_table('interview_question',
    sa.Column('competency_id', sa.Integer(), nullable=False),
    sa.Column('level', sa.Integer(), nullable=False),
    sa.Column('question', sa.Text(), nullable=False),
    sa.Column('probes', sa.JSON(), nullable=False),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['competency_id'], ['competency.id'], name=op.f('fk_interview_question_competency_id_competency'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_interview_question')),
    sa.UniqueConstraint('uuid', name=op.f('uq_interview_question_uuid'))
    )
    with op.batch_alter_table('interview_question', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_interview_question_competency_id'), ['competency_id'], unique=False)

    op.create_table('material_version',
    sa.Column('exercise_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['exercise_id'], ['exercise.id'], name=op.f('fk_material_version_exercise_id_exercise'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_material_version')),
    sa.UniqueConstraint('exercise_id', 'name', name=op.f('uq_material_version_exercise_id_name')),
    sa.UniqueConstraint('uuid', name=op.f('uq_material_version_uuid'))
    )
    with op.batch_alter_table('material_version', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_material_version_exercise_id'), ['exercise_id'], unique=False)

    op.create_table('event_material',
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('exercise_id', sa.Integer(), nullable=False),
    sa.Column('question_set', sa.String(length=20), nullable=False),
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['event.id'], name=op.f('fk_event_material_event_id_event'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['exercise_id'], ['exercise.id'], name=op.f('fk_event_material_exercise_id_exercise'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['version_id'], ['material_version.id'], name=op.f('fk_event_material_version_id_material_version')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_event_material')),
    sa.UniqueConstraint('event_id', 'exercise_id', 'question_set', name=op.f('uq_event_material_event_id_exercise_id_question_set'))
    )
    with op.batch_alter_table('event_material', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_event_material_event_id'), ['event_id'], unique=False)

    op.create_table('material_file',
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.Column('filename', sa.String(length=255), nullable=False),
    sa.Column('role', sa.String(length=30), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('content', sa.LargeBinary(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.ForeignKeyConstraint(['version_id'], ['material_version.id'], name=op.f('fk_material_file_version_id_material_version'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_material_file')),
    sa.UniqueConstraint('uuid', name=op.f('uq_material_file_uuid'))
    )
    with op.batch_alter_table('material_file', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_material_file_version_id'), ['version_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('material_file', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_material_file_version_id'))

    op.drop_table('material_file')
    with op.batch_alter_table('event_material', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_event_material_event_id'))

    op.drop_table('event_material')
    with op.batch_alter_table('material_version', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_material_version_exercise_id'))

    op.drop_table('material_version')
    with op.batch_alter_table('interview_question', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_interview_question_competency_id'))

    op.drop_table('interview_question')
    with op.batch_alter_table('incoming_letter', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_incoming_letter_event_id'))

    op.drop_table('incoming_letter')
    with op.batch_alter_table('booklet_return', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_booklet_return_event_id'))

    op.drop_table('booklet_return')
