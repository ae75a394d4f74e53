"""Deliveries (one row per recipient per message or digest) and per-list digest issues.

Revision ID: 0003_delivery
Revises: 0002_members
"""
from alembic import op
import sqlalchemy as sa

revision = "0003_delivery"
down_revision = "0002_members"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "deliveries",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("list_id", sa.Integer, sa.ForeignKey("lists.id"), nullable=False),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("ref_id", sa.Integer, nullable=False),
        sa.Column("email", sa.String(254), nullable=False),
        sa.Column("status", sa.String(12), nullable=False, server_default="pending"),
        sa.Column("attempts", sa.Integer, nullable=False, server_default="0"),
        sa.Column("next_attempt_at", sa.DateTime, nullable=True),
        sa.Column("claim", sa.String(32), nullable=False, server_default=""),
        sa.Column("claimed_at", sa.DateTime, nullable=True),
        sa.Column("error", sa.Text, nullable=False, server_default=""),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("kind", "ref_id", "email", name="uq_deliveries_ref_email"),
    )
    op.create_index("ix_deliveries_status_next", "deliveries", ["status", "next_attempt_at"])
    op.create_index("ix_deliveries_claim", "deliveries", ["claim"])
    op.create_table(
        "list_digests",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("list_id", sa.Integer, sa.ForeignKey("lists.id"), nullable=False),
        sa.Column("period", sa.String(8), nullable=False),
        sa.Column("starts_at", sa.DateTime, nullable=False),
        sa.Column("ends_at", sa.DateTime, nullable=False),
        sa.Column("number", sa.Integer, nullable=False),
        sa.Column("message_count", sa.Integer, nullable=False, server_default="0"),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("list_id", "period", "starts_at", name="uq_list_digests_period"),
    )


def downgrade() -> None:
    op.drop_table("list_digests")
    op.drop_table("deliveries")
