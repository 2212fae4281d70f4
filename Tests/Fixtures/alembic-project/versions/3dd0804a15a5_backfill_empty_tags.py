"""backfill empty tags

Revision ID: 3dd0804a15a5
Revises: 39c26e9d8491
Create Date: 2025-02-17 08:55:49.630127

"""
from typing import Sequence, Union

from alembic import op

# revision identifiers, used by Alembic.
revision: str = "3dd0804a15a5"
down_revision: Union[str, Sequence[str], None] = "39c26e9d8491"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    # Raw SQL with its own trailing semicolon: alembic adds another one.
    op.execute(
        """
        UPDATE hbi.hosts
        SET tags = '{}'::jsonb
        WHERE tags IS NULL;
        """
    )


def downgrade() -> None:
    """Downgrade schema."""
    pass
