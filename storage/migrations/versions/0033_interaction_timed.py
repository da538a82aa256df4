"""interaction.timed: False when the rep's note gave only the day (今天下午拜访了…), so the
records show that day and not the moment the note was saved

Rows written before it keep true: what they stored cannot be told apart now.

Revision ID: 0033_interaction_timed
Revises: 0030_find_notes_by_key
Create Date: 2026-12-02 15:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0033_interaction_timed"
down_revision: str | None = "0030_find_notes_by_key"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "interaction",
        sa.Column("timed", sa.Boolean(), server_default=sa.true(), nullable=False),
    )


def downgrade() -> None:
    op.drop_column("interaction", "timed")
