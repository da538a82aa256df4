"""team.names_mark: a new random number whenever a team's customer names or short names change,
set by triggers, so storage/matching.py can keep a team's names and know when to read them again

Triggers rather than our code: every write is seen — the ORM's, a bulk UPDATE (a removed member's
customers), an import, another process sharing the database, SQL typed by hand. On PostgreSQL
the trigger's UPDATE holds the team's row until the transaction ends, so two transactions that
change one team's names take turns (a turn takes milliseconds; an import commits every 100 rows).

Revision ID: 0029_team_names_mark
Revises: 0028_no_empty_index_on_postgres
Create Date: 2026-12-02 11:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0029_team_names_mark"
down_revision: str | None = "0028_no_empty_index_on_postgres"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The columns storage.matching.team_names reads, table by table.
WATCHED = {
    "customer": ("team_id", "owner_id", "name", "normalized_name", "deleted_at"),
    "customer_alias": ("team_id", "customer_id", "alias_key"),
}


def _sqlite(table: str, columns: Sequence[str]) -> list[str]:
    changed = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in columns)
    mark = "UPDATE team SET names_mark = random() WHERE id IN ({teams}); END"
    return [
        f"CREATE TRIGGER {table}_names_added AFTER INSERT ON {table} "
        f"BEGIN {mark.format(teams='NEW.team_id')}",
        f"CREATE TRIGGER {table}_names_changed AFTER UPDATE OF {', '.join(columns)} ON {table} "
        f"WHEN {changed} BEGIN {mark.format(teams='OLD.team_id, NEW.team_id')}",
        f"CREATE TRIGGER {table}_names_removed AFTER DELETE ON {table} "
        f"BEGIN {mark.format(teams='OLD.team_id')}",
    ]


# OLD is NULL in an INSERT trigger and NEW in a DELETE one (PostgreSQL 11 and later).
_PG_FUNCTION = """
CREATE FUNCTION team_names_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE team SET names_mark = (random() * 9e18)::bigint
    WHERE id IN (OLD.team_id, NEW.team_id);
    RETURN NULL;
END $$
"""


def _postgresql(table: str, columns: Sequence[str]) -> list[str]:
    old = ", ".join(f"OLD.{c}" for c in columns)
    new = ", ".join(f"NEW.{c}" for c in columns)
    run = "FOR EACH ROW EXECUTE FUNCTION team_names_changed()"
    return [
        f"CREATE TRIGGER {table}_names_added_or_removed AFTER INSERT OR DELETE ON {table} {run}",
        f"CREATE TRIGGER {table}_names_changed AFTER UPDATE OF {', '.join(columns)} ON {table} "
        f"FOR EACH ROW WHEN (({old}) IS DISTINCT FROM ({new})) EXECUTE FUNCTION "
        "team_names_changed()",
    ]


def upgrade() -> None:
    op.add_column(
        "team", sa.Column("names_mark", sa.BigInteger(), server_default="0", nullable=False)
    )
    postgresql = op.get_bind().dialect.name == "postgresql"
    if postgresql:
        op.execute(_PG_FUNCTION)
    for table, columns in WATCHED.items():
        for statement in (_postgresql if postgresql else _sqlite)(table, columns):
            op.execute(statement)


def downgrade() -> None:
    postgresql = op.get_bind().dialect.name == "postgresql"
    for table in WATCHED:
        if postgresql:
            op.execute(f"DROP TRIGGER {table}_names_added_or_removed ON {table}")
            op.execute(f"DROP TRIGGER {table}_names_changed ON {table}")
        else:
            for name in ("added", "changed", "removed"):
                op.execute(f"DROP TRIGGER {table}_names_{name}")
    if postgresql:
        op.execute("DROP FUNCTION team_names_changed()")
    # In place, not by batch's copy of the table: SQLite would refuse to drop a team its
    # members point to.
    op.drop_column("team", "names_mark")
