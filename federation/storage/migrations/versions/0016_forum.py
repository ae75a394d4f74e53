"""Web posts: forum messages waiting for (or past) their author's confirmation by mail.

Revision ID: 0016_forum
Revises: 0015_moderation
"""
from alembic import op
import sqlalchemy as sa

revision = "0016_forum"
down_revision = "0015_moderation"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "web_posts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("list_id", sa.Integer, sa.ForeignKey("lists.id"), nullable=False),
        sa.Column("message_id", sa.String(995), nullable=False),
        sa.Column("parent_message_id", sa.String(995), nullable=False, server_default=""),
        sa.Column("email", sa.String(254), nullable=False),
        sa.Column("subject", sa.Text, nullable=False, server_default=""),
        sa.Column("raw", sa.LargeBinary, nullable=False),
        sa.Column("status", sa.String(16), nullable=False, server_default="pending"),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("confirmed_at", sa.DateTime, nullable=True),
    )
    op.create_index("ix_web_posts_list_mid", "web_posts", ["list_id", "message_id"],
                    unique=True)
    op.create_index("ix_web_posts_email", "web_posts", ["email"])


def downgrade() -> None:
    op.drop_index("ix_web_posts_email", "web_posts")
    op.drop_index("ix_web_posts_list_mid", "web_posts")
    op.drop_table("web_posts")
