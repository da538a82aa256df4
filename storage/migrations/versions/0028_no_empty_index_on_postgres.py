"""No empty index on PostgreSQL: 0027 first made ix_interaction_customer_note_key there with
postgresql_where=false, an index that holds nothing and that nothing reads. It is SQLite's
only now; a PostgreSQL database that ran the old 0027 loses it here.

Revision ID: 0028_no_empty_index_on_postgres
Revises: 0027_find_notes_from_the_index
Create Date: 2026-12-02 11:30:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0028_no_empty_index_on_postgres"
down_revision: str | None = "0027_find_notes_from_the_index"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_interaction_customer_note_key")


def downgrade() -> None:
    pass  # the empty index is not made again
