"""contacts keep who added them: the team summary credits 新联系人 to its creator

Revision ID: 0022_fix_team
Revises: 0019_deal_competitors_contacts
Create Date: 2026-12-02 05:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0022_fix_team"
down_revision: str | None = "0019_deal_competitors_contacts"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("contact", schema=None) as batch_op:
        batch_op.add_column(sa.Column("created_by_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_contact_created_by_id_member"), "member", ["created_by_id"], ["id"]
        )


def downgrade() -> None:
    with op.batch_alter_table("contact", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_contact_created_by_id_member"), type_="foreignkey")
        batch_op.drop_column("created_by_id")
