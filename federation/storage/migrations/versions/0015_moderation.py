"""Canned rejection replies per list; held-out quality of each trained theme model.

Revision ID: 0015_moderation
Revises: 0014_console
"""
from alembic import op
import sqlalchemy as sa

revision = "0015_moderation"
down_revision = "0014_console"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "canned_replies",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("list_id", sa.Integer, sa.ForeignKey("lists.id"), nullable=False),
        sa.Column("title", sa.String(120), nullable=False),
        sa.Column("body", sa.Text, nullable=False, server_default=""),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_canned_replies_list", "canned_replies", ["list_id"])
    with op.batch_alter_table("theme_models") as batch:
        batch.add_column(sa.Column("held_out", sa.Integer, nullable=False, server_default="0"))
        batch.add_column(sa.Column("micro_f1", sa.Float, nullable=True))
        batch.add_column(sa.Column("macro_f1", sa.Float, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("theme_models") as batch:
        batch.drop_column("macro_f1")
        batch.drop_column("micro_f1")
        batch.drop_column("held_out")
    op.drop_index("ix_canned_replies_list", "canned_replies")
    op.drop_table("canned_replies")
