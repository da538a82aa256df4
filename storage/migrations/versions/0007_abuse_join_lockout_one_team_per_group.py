"""resisting abuse: wrong invite codes lock a user out for a while; one team per group chat

Revision ID: 0007_abuse
Revises: 0006
Create Date: 2026-12-01 21:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007_abuse"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("member", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("join_failures", sa.SmallInteger(), nullable=False, server_default="0")
        )
        batch_op.add_column(sa.Column("join_failed_at", sa.DateTime(timezone=True), nullable=True))
    # Two teams bound to one group before this revision: the one bound first keeps it.
    op.execute(
        "UPDATE team SET group_chat_id = NULL WHERE group_chat_id IS NOT NULL AND id > ("
        "SELECT MIN(other.id) FROM team AS other WHERE other.group_chat_id = team.group_chat_id)"
    )
    with op.batch_alter_table("team", schema=None) as batch_op:
        batch_op.create_unique_constraint("uq_team_group_chat_id", ["group_chat_id"])


def downgrade() -> None:
    with op.batch_alter_table("team", schema=None) as batch_op:
        batch_op.drop_constraint("uq_team_group_chat_id", type_="unique")
    with op.batch_alter_table("member", schema=None) as batch_op:
        batch_op.drop_column("join_failed_at")
        batch_op.drop_column("join_failures")
