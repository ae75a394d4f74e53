"""Per-address daily count of automatic answers (the backscatter cap, RFC 3834).

Revision ID: 0008_trust
Revises: 0007_admin
"""
from alembic import op
import sqlalchemy as sa

revision = "0008_trust"
down_revision = "0007_admin"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "notice_quotas",
        sa.Column("email", sa.String(254), primary_key=True),
        sa.Column("day", sa.Date, primary_key=True),
        sa.Column("count", sa.Integer, nullable=False, server_default="0"),
    )


def downgrade() -> None:
    op.drop_table("notice_quotas")
