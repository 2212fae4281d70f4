"""add stale_timestamp column
Revision ID: c5e0a2d81f37
Revises: 3dd0804a15a5
Create Date: 2025-07-31 08:21:15.437099

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
# The docstring has no blank line after its message, so alembic's
# "Running upgrade" record carries the Revision ID, Revises and Create Date
# lines as continuation lines.
revision: str = "c5e0a2d81f37"
down_revision: Union[str, Sequence[str], None] = "3dd0804a15a5"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.add_column(
        "hosts",
        sa.Column("stale_timestamp", sa.DateTime(timezone=True), nullable=True),
        schema="hbi",
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_column("hosts", "stale_timestamp", schema="hbi")
