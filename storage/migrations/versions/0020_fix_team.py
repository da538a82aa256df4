"""contacts keep who added them: the team summary credits 新联系人 to its creator; the 纪要
and plans of meetings recorded alone follow their customers into the team joined since

Revision ID: 0020_fix_team
Revises: 0019_deal_competitors_contacts
Create Date: 2026-12-02 05:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0020_fix_team"
down_revision: str | None = "0019_deal_competitors_contacts"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("contact", schema=None) as batch_op:
        batch_op.add_column(sa.Column("created_by_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_contact_created_by_id_member"), "member", ["created_by_id"], ["id"]
        )
    # Joining a team used to leave these in the member's one-person team; the visit cycle is
    # scoped by team now, so they move to their customer's team when the member is in it.
    for table in ("meeting_minutes", "visit_plan"):
        op.execute(
            f"""
            UPDATE {table} SET team_id = (
                SELECT customer.team_id FROM customer WHERE customer.id = {table}.customer_id
            )
            WHERE EXISTS (
                SELECT 1 FROM customer JOIN member ON member.team_id = customer.team_id
                WHERE customer.id = {table}.customer_id
                  AND member.id = {table}.member_id
                  AND customer.team_id <> {table}.team_id
            )
            """
        )


def downgrade() -> None:
    with op.batch_alter_table("contact", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_contact_created_by_id_member"), type_="foreignkey")
        batch_op.drop_column("created_by_id")
