"""visit cycle (#15): a 会谈纪要 carries its meeting's kind (拜访 / 吃饭), so the planner's daily
reads need not look up each meeting in the interaction table

Revision ID: 0018_visit_cycle_figures
Revises: 0017_team_deal_stages
Create Date: 2026-12-02 01:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0018_visit_cycle_figures"
down_revision: str | None = "0017_team_deal_stages"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

KIND = sa.Enum(
    "visit", "call", "wechat", "meal", "note", name="interactionkind", native_enum=False, length=16
)


def upgrade() -> None:
    with op.batch_alter_table("meeting_minutes", schema=None) as batch_op:
        batch_op.add_column(sa.Column("kind", KIND, nullable=True))
    op.execute(
        "UPDATE meeting_minutes SET kind = (SELECT interaction.kind FROM interaction "
        "WHERE interaction.id = meeting_minutes.interaction_id)"
    )
    with op.batch_alter_table("meeting_minutes", schema=None) as batch_op:
        batch_op.alter_column("kind", existing_type=KIND, nullable=False)


def downgrade() -> None:
    with op.batch_alter_table("meeting_minutes", schema=None) as batch_op:
        batch_op.drop_column("kind")
