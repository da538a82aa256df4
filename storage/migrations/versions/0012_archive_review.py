"""visit cycle (#15): a new customer's archive in the manager's daily review

Revision ID: 0012_archive_review
Revises: 0011_minutes_for_customer
Create Date: 2026-12-01 21:41:32.783726
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op



revision: str = '0012_archive_review'
down_revision: str | None = '0011_minutes_for_customer'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('archive_review',
    sa.Column('customer_id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('team_id', sa.Integer(), nullable=False),
    sa.Column('listed_on', sa.Date(), nullable=False),
    sa.Column('reviewed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('reviewed_by_id', sa.Integer(), nullable=True),
    sa.Column('comment', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['customer_id'], ['customer.id'], name=op.f('fk_archive_review_customer_id_customer'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['reviewed_by_id'], ['member.id'], name=op.f('fk_archive_review_reviewed_by_id_member')),
    sa.ForeignKeyConstraint(['team_id'], ['team.id'], name=op.f('fk_archive_review_team_id_team'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('customer_id', name=op.f('pk_archive_review'))
    )
    with op.batch_alter_table('archive_review', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_archive_review_team_id'), ['team_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('archive_review', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_archive_review_team_id'))

    op.drop_table('archive_review')
