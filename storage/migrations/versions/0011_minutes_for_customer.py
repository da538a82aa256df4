"""visit cycle (#15): when a 会谈纪要 was sent to the customer, and when they confirmed it

Revision ID: 0011_minutes_for_customer
Revises: 0010_visit_plans
Create Date: 2026-12-01 21:31:16.220376
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op



revision: str = '0011_minutes_for_customer'
down_revision: str | None = '0010_visit_plans'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('meeting_minutes', schema=None) as batch_op:
        batch_op.add_column(sa.Column('sent_to_customer_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('customer_confirmed_at', sa.DateTime(timezone=True), nullable=True))



def downgrade() -> None:
    with op.batch_alter_table('meeting_minutes', schema=None) as batch_op:
        batch_op.drop_column('customer_confirmed_at')
        batch_op.drop_column('sent_to_customer_at')

