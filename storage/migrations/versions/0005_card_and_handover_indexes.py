"""indexes: a customer's latest interactions, customers by assignment time

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23 13:30:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("interaction", schema=None) as batch_op:
        batch_op.create_index(
            "ix_interaction_customer_when", ["customer_id", "occurred_at"], unique=False
        )
        # The new index starts with customer_id, so it serves what this one did.
        batch_op.drop_index("ix_interaction_customer_id")

    with op.batch_alter_table("customer", schema=None) as batch_op:
        batch_op.create_index("ix_customer_assigned_at", ["assigned_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("customer", schema=None) as batch_op:
        batch_op.drop_index("ix_customer_assigned_at")

    with op.batch_alter_table("interaction", schema=None) as batch_op:
        batch_op.create_index("ix_interaction_customer_id", ["customer_id"], unique=False)
        batch_op.drop_index("ix_interaction_customer_when")
