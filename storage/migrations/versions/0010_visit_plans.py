"""visit cycle (#15): visit plans (《客户走访单》) with the manager's approval

Revision ID: 0010_visit_plans
Revises: 0009_meeting_minutes
Create Date: 2026-12-01 21:28:00.575437
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op



revision: str = '0010_visit_plans'
down_revision: str | None = '0009_meeting_minutes'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('visit_plan',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=False),
    sa.Column('team_id', sa.Integer(), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('planned_for', sa.Date(), nullable=False),
    sa.Column('planned_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('goal', sa.Text(), nullable=False),
    sa.Column('attendees', sa.String(length=200), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('decided_by_id', sa.Integer(), nullable=True),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('comment', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['customer_id'], ['customer.id'], name=op.f('fk_visit_plan_customer_id_customer'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['decided_by_id'], ['member.id'], name=op.f('fk_visit_plan_decided_by_id_member')),
    sa.ForeignKeyConstraint(['member_id'], ['member.id'], name=op.f('fk_visit_plan_member_id_member'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['team_id'], ['team.id'], name=op.f('fk_visit_plan_team_id_team'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_visit_plan'))
    )
    with op.batch_alter_table('visit_plan', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_visit_plan_customer_id'), ['customer_id'], unique=False)
        batch_op.create_index('ix_visit_plan_member_day', ['member_id', 'planned_for'], unique=False)
        batch_op.create_index('ix_visit_plan_team_day', ['team_id', 'planned_for'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('visit_plan', schema=None) as batch_op:
        batch_op.drop_index('ix_visit_plan_team_day')
        batch_op.drop_index('ix_visit_plan_member_day')
        batch_op.drop_index(batch_op.f('ix_visit_plan_customer_id'))

    op.drop_table('visit_plan')
