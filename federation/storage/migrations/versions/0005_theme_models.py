"""Trained theme models: each retraining stores a new version, the newest one tags.

Revision ID: 0005_theme_models
Revises: 0003_themes
"""
from alembic import op
import sqlalchemy as sa

revision = "0005_theme_models"
down_revision = "0003_themes"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "theme_models",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("version", sa.Integer, nullable=False, unique=True),
        sa.Column("fingerprint", sa.String(64), nullable=False),
        sa.Column("examples", sa.Integer, nullable=False, server_default="0"),
        sa.Column("corrections", sa.Integer, nullable=False, server_default="0"),
        sa.Column("data", sa.LargeBinary, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("theme_models")
