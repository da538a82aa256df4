"""visit cycle (#15): a team's working-day calendar, and the 会谈纪要 due after each meeting

Revision ID: 0009_meeting_minutes
Revises: 0008
Create Date: 2026-12-01 21:10:56.711651
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op



revision: str = '0009_meeting_minutes'
down_revision: str | None = '0008'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('team_cycle',
    sa.Column('team_id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('workweek', sa.String(length=16), nullable=False),
    sa.Column('plans_need_approval', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['team_id'], ['team.id'], name=op.f('fk_team_cycle_team_id_team'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('team_id', name=op.f('pk_team_cycle'))
    )
    op.create_table('meeting_minutes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('interaction_id', sa.Integer(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=False),
    sa.Column('team_id', sa.Integer(), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('met_on', sa.Date(), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=False),
    sa.Column('written_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('text', sa.Text(), nullable=True),
    sa.Column('review_listed_on', sa.Date(), nullable=True),
    sa.Column('reviewed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('reviewed_by_id', sa.Integer(), nullable=True),
    sa.Column('comment', sa.Text(), nullable=True),
    sa.Column('commented_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['customer_id'], ['customer.id'], name=op.f('fk_meeting_minutes_customer_id_customer'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['interaction_id'], ['interaction.id'], name=op.f('fk_meeting_minutes_interaction_id_interaction'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['member_id'], ['member.id'], name=op.f('fk_meeting_minutes_member_id_member'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['reviewed_by_id'], ['member.id'], name=op.f('fk_meeting_minutes_reviewed_by_id_member')),
    sa.ForeignKeyConstraint(['team_id'], ['team.id'], name=op.f('fk_meeting_minutes_team_id_team'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_meeting_minutes')),
    sa.UniqueConstraint('interaction_id', name=op.f('uq_meeting_minutes_interaction_id'))
    )
    with op.batch_alter_table('meeting_minutes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_meeting_minutes_customer_id'), ['customer_id'], unique=False)
        batch_op.create_index('ix_meeting_minutes_member_due', ['member_id', 'written_at', 'due_on'], unique=False)
        batch_op.create_index('ix_meeting_minutes_team_due', ['team_id', 'written_at', 'due_on'], unique=False)
        batch_op.create_index('ix_meeting_minutes_team_review', ['team_id', 'reviewed_at', 'review_listed_on'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('meeting_minutes', schema=None) as batch_op:
        batch_op.drop_index('ix_meeting_minutes_team_review')
        batch_op.drop_index('ix_meeting_minutes_team_due')
        batch_op.drop_index('ix_meeting_minutes_member_due')
        batch_op.drop_index(batch_op.f('ix_meeting_minutes_customer_id'))

    op.drop_table('meeting_minutes')
    op.drop_table('team_cycle')
