"""/find in either script (tryout 7 #17): interactions' and follow-ups' notes get a key that
holds them folded one character for one (Traditional as Simplified, full-width as ASCII),
filled here for the notes already kept

Revision ID: 0026_note_keys
Revises: 0021_minutes_index
Create Date: 2026-12-02 07:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from storage.search import words_key

revision: str = "0026_note_keys"
down_revision: str | None = "0024_find_notes_index"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("interaction", "follow_up")
BATCH = 2000


def _fill(table_name: str) -> None:
    """Each kept note's key, a batch of ids at a time (a big archive is not read whole)."""
    table = sa.table(
        table_name, sa.column("id", sa.Integer), sa.column("note"), sa.column("note_key")
    )
    bind = op.get_bind()
    last = 0
    while True:
        rows = bind.execute(
            sa.select(table.c.id, table.c.note)
            .where(table.c.id > last, table.c.note.is_not(None))
            .order_by(table.c.id)
            .limit(BATCH)
        ).all()
        if not rows:
            return
        bind.execute(
            table.update()
            .where(table.c.id == sa.bindparam("row_id"))
            .values(note_key=sa.bindparam("key")),
            [{"row_id": row_id, "key": words_key(note)} for row_id, note in rows],
        )
        last = rows[-1][0]


def upgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("note_key", sa.Text(), nullable=True))
        _fill(table)


def downgrade() -> None:
    for table in reversed(TABLES):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("note_key")
