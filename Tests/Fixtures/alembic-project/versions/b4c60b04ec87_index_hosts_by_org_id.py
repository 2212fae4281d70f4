"""index hosts by org_id

Revision ID: b4c60b04ec87
Revises: 7be7348f2798
Create Date: 2025-01-27 10:47:02.551904

"""
from typing import Sequence, Union

from alembic import op

# revision identifiers, used by Alembic.
revision: str = "b4c60b04ec87"
down_revision: Union[str, Sequence[str], None] = "7be7348f2798"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_index("idx_hosts_org_id", "hosts", ["org_id"], unique=False, schema="hbi")


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_index("idx_hosts_org_id", table_name="hosts", schema="hbi")
