"""/find reads the rep's notes from an index alone on SQLite: each noted record's key beside its
customer, so a manager's search of the team's notes does not fetch every record from the table

Revision ID: 0027_find_notes_from_the_index
Revises: 0026_note_keys
Create Date: 2026-12-02 08:15:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0027_find_notes_from_the_index"
down_revision: str | None = "0026_note_keys"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index(
        "ix_interaction_customer_note_key",
        "interaction",
        ["customer_id", "note_key"],
        unique=False,
        sqlite_where=sa.text("note IS NOT NULL"),
        # empty on PostgreSQL: a btree entry holds at most about 2.7 KB and a note can be
        # longer; there ix_interaction_customer_noted serves /find
        postgresql_where=sa.text("false"),
    )


def downgrade() -> None:
    op.drop_index("ix_interaction_customer_note_key", table_name="interaction")
