"""Themes and the themes of each thread.

Revision ID: 0003_themes
Revises: 0002_members
"""
from alembic import op
import sqlalchemy as sa

revision = "0003_themes"
down_revision = "0002_members"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "themes",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("slug", sa.String(64), nullable=False, unique=True),
        sa.Column("label_fr", sa.String(200), nullable=False),
        sa.Column("label_en", sa.String(200), nullable=False),
        sa.Column("description", sa.Text, nullable=False, server_default=""),
        sa.Column("synonyms", sa.Text, nullable=False, server_default=""),
        sa.Column("retired", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("merged_into_id", sa.Integer, sa.ForeignKey("themes.id"), nullable=True),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "thread_themes",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("thread_id", sa.Integer, sa.ForeignKey("threads.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("theme_id", sa.Integer, sa.ForeignKey("themes.id"), nullable=False),
        sa.Column("score", sa.Float, nullable=False, server_default="0"),
        sa.Column("source", sa.String(16), nullable=False, server_default="auto"),
        sa.Column("reasons", sa.Text, nullable=False, server_default=""),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("thread_id", "theme_id", name="uq_thread_themes"),
    )
    op.create_index("ix_thread_themes_theme", "thread_themes", ["theme_id", "thread_id"])


def downgrade() -> None:
    op.drop_table("thread_themes")
    op.drop_table("themes")
