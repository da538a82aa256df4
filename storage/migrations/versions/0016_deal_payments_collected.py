"""deal payments collected: the team's limit of days a deal may sit in one stage

Revision ID: 0016_deal_payments_collected
Revises: 0015_outbox_readable_keys
Create Date: 2026-12-02 01:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0016_deal_payments_collected"
down_revision: str | None = "0015_outbox_readable_keys"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("team", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("deal_stage_days", sa.SmallInteger(), nullable=False, server_default="30")
        )


def downgrade() -> None:
    with op.batch_alter_table("team", schema=None) as batch_op:
        batch_op.drop_column("deal_stage_days")
