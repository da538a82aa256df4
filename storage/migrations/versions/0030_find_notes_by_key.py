"""/find's noted records are the ones with a key (note_key IS NOT NULL), so SQLite reads a
manager's search of the team's notes from an index alone

SQLite costs a partial index as covering only when the statement names no column outside it:
/find said `note IS NOT NULL`, which made ix_interaction_customer_note_key (customer_id,
note_key) look no cheaper than ix_interaction_customer_noted, and SQLite fetched each of the
team's records from the table (3.5 ms a manager's search on the bench's archive, 0.7 ms from
the index). Both dialects now key "noted" on note_key: SQLite keeps the covering index alone,
PostgreSQL its index of customer ids (a btree entry there holds at most about 2.7 KB, too little
for a long note's key).

Revision ID: 0030_find_notes_by_key
Revises: 0029_team_names_mark
Create Date: 2026-12-02 12:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0030_find_notes_by_key"
down_revision: str | None = "0029_team_names_mark"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NOTED, KEYED = "note IS NOT NULL", "note_key IS NOT NULL"
IDS, KEYS = "ix_interaction_customer_noted", "ix_interaction_customer_note_key"


def _sqlite() -> bool:
    return bool(op.get_bind().dialect.name == "sqlite")


def _keys_index(where: str) -> None:
    op.drop_index(KEYS, table_name="interaction")
    op.create_index(KEYS, "interaction", ["customer_id", "note_key"], sqlite_where=sa.text(where))


def upgrade() -> None:
    if _sqlite():
        _keys_index(KEYED)
        op.drop_index(IDS, table_name="interaction")  # the index above serves every read of it
        return
    op.drop_index(IDS, table_name="interaction")
    op.create_index(IDS, "interaction", ["customer_id"], postgresql_where=sa.text(KEYED))


def downgrade() -> None:
    if _sqlite():
        _keys_index(NOTED)
        op.create_index(IDS, "interaction", ["customer_id"], sqlite_where=sa.text(NOTED))
        return
    op.drop_index(IDS, table_name="interaction")
    op.create_index(IDS, "interaction", ["customer_id"], postgresql_where=sa.text(NOTED))
