"""add tags column

Revision ID: 7be7348f2798
Revises: 384abae92d9f
Create Date: 2025-01-20 14:03:55.918230

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

# revision identifiers, used by Alembic.
revision: str = "7be7348f2798"
down_revision: Union[str, Sequence[str], None] = "384abae92d9f"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.add_column(
        "hosts",
        sa.Column("tags", postgresql.JSONB(astext_type=sa.Text()), nullable=True),
        schema="hbi",
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_column("hosts", "tags", schema="hbi")
