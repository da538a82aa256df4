"""/find's words in the rep's notes read through a partial index of the records that keep one

Revision ID: 0024_find_notes_index
Revises: 0021_minutes_index
Create Date: 2026-12-02 07:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0024_find_notes_index"
down_revision: str | None = "0021_minutes_index"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NOTED = "note IS NOT NULL"


def upgrade() -> None:
    op.create_index(
        "ix_interaction_customer_noted",
        "interaction",
        ["customer_id"],
        unique=False,
        sqlite_where=sa.text(NOTED),
        postgresql_where=sa.text(NOTED),
    )


def downgrade() -> None:
    op.drop_index("ix_interaction_customer_noted", table_name="interaction")
