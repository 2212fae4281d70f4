"""index display_name concurrently

Revision ID: 410ce5f74445
Revises: b4c60b04ec87
Create Date: 2025-02-03 16:21:40.004713

"""
from typing import Sequence, Union

from alembic import op

# revision identifiers, used by Alembic.
revision: str = "410ce5f74445"
down_revision: Union[str, Sequence[str], None] = "b4c60b04ec87"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    # CREATE INDEX CONCURRENTLY cannot run inside a transaction block.
    with op.get_context().autocommit_block():
        op.create_index(
            "idx_hosts_display_name",
            "hosts",
            ["display_name"],
            unique=False,
            schema="hbi",
            postgresql_concurrently=True,
        )


def downgrade() -> None:
    """Downgrade schema."""
    with op.get_context().autocommit_block():
        op.drop_index(
            "idx_hosts_display_name",
            table_name="hosts",
            schema="hbi",
            postgresql_concurrently=True,
        )
