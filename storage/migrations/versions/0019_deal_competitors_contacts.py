"""deals (#19): a deal keeps its competitors and the contacts it involves

Revision ID: 0019_deal_competitors_contacts
Revises: 0018_visit_cycle_figures
Create Date: 2026-12-02 03:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0019_deal_competitors_contacts"
down_revision: str | None = "0018_visit_cycle_figures"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("deal", schema=None) as batch_op:
        batch_op.add_column(sa.Column("competitors", sa.Text(), nullable=True))
    op.create_table(
        "deal_contact",
        sa.Column("deal_id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contact.id"],
            name=op.f("fk_deal_contact_contact_id_contact"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["deal_id"], ["deal.id"], name=op.f("fk_deal_contact_deal_id_deal"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("deal_id", "contact_id", name=op.f("pk_deal_contact")),
    )
    with op.batch_alter_table("deal_contact", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_deal_contact_contact_id"), ["contact_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("deal_contact", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_deal_contact_contact_id"))
    op.drop_table("deal_contact")
    with op.batch_alter_table("deal", schema=None) as batch_op:
        batch_op.drop_column("competitors")
