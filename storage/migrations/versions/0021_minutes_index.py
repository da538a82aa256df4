"""visit cycle (#15): the planner's 纪要 reads go through small partial indexes that cover
what the digest needs; the team summary's through (team_id, met_on); the review's new
customers through (team_id, created_at)

Revision ID: 0021_minutes_index
Revises: 0020_fix_team
Create Date: 2026-12-02 04:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0021_minutes_index"
down_revision: str | None = "0020_fix_team"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OPEN = "written_at IS NULL"
TO_LIST = "written_at IS NOT NULL AND reviewed_at IS NULL AND review_listed_on IS NULL"


def _partial(name: str, columns: list[str], where: str) -> None:
    op.create_index(
        name,
        "meeting_minutes",
        columns,
        unique=False,
        sqlite_where=sa.text(where),
        postgresql_where=sa.text(where),
    )


def upgrade() -> None:
    op.drop_index("ix_meeting_minutes_member_due", table_name="meeting_minutes")
    op.drop_index("ix_meeting_minutes_team_due", table_name="meeting_minutes")
    op.drop_index("ix_meeting_minutes_team_review", table_name="meeting_minutes")
    op.create_index("ix_meeting_minutes_team_met", "meeting_minutes", ["team_id", "met_on"])
    _partial(
        "ix_meeting_minutes_open_member",
        ["member_id", "due_on", "met_on", "customer_id", "kind", "written_at"],
        OPEN,
    )
    _partial(
        "ix_meeting_minutes_open_team",
        ["team_id", "due_on", "met_on", "member_id", "customer_id", "kind", "written_at"],
        OPEN,
    )
    _partial("ix_meeting_minutes_to_list", ["team_id", "written_at", "member_id"], TO_LIST)
    op.create_index("ix_customer_team_created", "customer", ["team_id", "created_at"])


def downgrade() -> None:
    op.drop_index("ix_customer_team_created", table_name="customer")
    op.drop_index("ix_meeting_minutes_to_list", table_name="meeting_minutes")
    op.drop_index("ix_meeting_minutes_open_team", table_name="meeting_minutes")
    op.drop_index("ix_meeting_minutes_open_member", table_name="meeting_minutes")
    op.drop_index("ix_meeting_minutes_team_met", table_name="meeting_minutes")
    op.create_index(
        "ix_meeting_minutes_team_review",
        "meeting_minutes",
        ["team_id", "reviewed_at", "review_listed_on"],
    )
    op.create_index(
        "ix_meeting_minutes_team_due", "meeting_minutes", ["team_id", "written_at", "due_on"]
    )
    op.create_index(
        "ix_meeting_minutes_member_due", "meeting_minutes", ["member_id", "written_at", "due_on"]
    )
