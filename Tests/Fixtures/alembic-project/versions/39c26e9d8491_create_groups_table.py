"""create groups table
and the hosts_groups association table
so that hosts can be assigned to a group

Revision ID: 39c26e9d8491
Revises: 410ce5f74445
Create Date: 2025-02-10 11:30:18.276655

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

# revision identifiers, used by Alembic.
revision: str = "39c26e9d8491"
down_revision: Union[str, Sequence[str], None] = "410ce5f74445"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "groups",
        sa.Column("id", postgresql.UUID(as_uuid=True), nullable=False),
        sa.Column("org_id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("created_on", sa.DateTime(timezone=True), nullable=False),
        sa.Column("modified_on", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="groups_pkey"),
        sa.UniqueConstraint("org_id", "name", name="groups_org_id_name_key"),
        schema="hbi",
    )
    op.create_table(
        "hosts_groups",
        sa.Column("group_id", postgresql.UUID(as_uuid=True), nullable=False),
        sa.Column("host_id", postgresql.UUID(as_uuid=True), nullable=False),
        sa.ForeignKeyConstraint(["group_id"], ["hbi.groups.id"], name="fk_hosts_groups_group_id"),
        sa.ForeignKeyConstraint(["host_id"], ["hbi.hosts.id"], name="fk_hosts_groups_host_id"),
        sa.PrimaryKeyConstraint("group_id", "host_id", name="hosts_groups_pkey"),
        schema="hbi",
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table("hosts_groups", schema="hbi")
    op.drop_table("groups", schema="hbi")
