"""business cards: a contact keeps its card photo (Telegram file id) and fax, a customer its website

Revision ID: 0008
Revises: 0007_abuse
Create Date: 2026-12-01 22:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007_abuse"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("contact", schema=None) as batch_op:
        batch_op.add_column(sa.Column("card_file_id", sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column("fax", sa.String(length=64), nullable=True))
    with op.batch_alter_table("customer", schema=None) as batch_op:
        batch_op.add_column(sa.Column("website", sa.String(length=200), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("customer", schema=None) as batch_op:
        batch_op.drop_column("website")
    with op.batch_alter_table("contact", schema=None) as batch_op:
        batch_op.drop_column("fax")
        batch_op.drop_column("card_file_id")
