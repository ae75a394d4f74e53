"""Cross-assembly digest issues, their subscribers (double opt-in) and who got which issue.

Revision ID: 0005_digests
Revises: 0004_search
"""
from alembic import op
import sqlalchemy as sa

revision = "0005_digests"
down_revision = "0004_search"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "digest_issues",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("slug", sa.String(32), nullable=False, unique=True),
        sa.Column("period", sa.String(8), nullable=False),
        sa.Column("starts_at", sa.DateTime, nullable=False),
        sa.Column("ends_at", sa.DateTime, nullable=False),
        sa.Column("content", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_digest_issues_ends", "digest_issues", ["ends_at"])
    op.create_table(
        "digest_subscribers",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("email", sa.String(254), nullable=False, unique=True),
        sa.Column("period", sa.String(8), nullable=False, server_default="week"),
        sa.Column("themes", sa.Text, nullable=False, server_default=""),
        sa.Column("assemblies", sa.Text, nullable=False, server_default=""),
        sa.Column("language", sa.String(8), nullable=False, server_default="fr"),
        sa.Column("confirmed_at", sa.DateTime, nullable=True),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "digest_deliveries",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("issue_id", sa.Integer, sa.ForeignKey("digest_issues.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("subscriber_id", sa.Integer,
                  sa.ForeignKey("digest_subscribers.id", ondelete="CASCADE"), nullable=False),
        sa.Column("sent", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("issue_id", "subscriber_id", name="uq_digest_deliveries"),
    )


def downgrade() -> None:
    op.drop_table("digest_deliveries")
    op.drop_table("digest_subscribers")
    op.drop_table("digest_issues")
