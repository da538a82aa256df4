"""/find reads the rep's notes from an index alone on SQLite: each noted record's key beside its
customer, so a manager's search of the team's notes does not fetch every record from the table.
On SQLite only.

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
    # SQLite's only: on PostgreSQL a btree entry holds at most about 2.7 KB and a note can be
    # longer; there ix_interaction_customer_noted serves /find. (This once made an empty
    # index there, postgresql_where=false; 0028 drops it.)
    if op.get_bind().dialect.name != "sqlite":
        return
    op.create_index(
        "ix_interaction_customer_note_key",
        "interaction",
        ["customer_id", "note_key"],
        unique=False,
        sqlite_where=sa.text("note IS NOT NULL"),
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.drop_index("ix_interaction_customer_note_key", table_name="interaction")
