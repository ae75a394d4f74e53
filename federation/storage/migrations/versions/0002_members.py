"""Members, held messages, tokens, bans and per-list settings.

Revision ID: 0002_members
Revises: 0001_archive
"""
from alembic import op
import sqlalchemy as sa

revision = "0002_members"
down_revision = "0001_archive"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "members",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("list_id", sa.Integer, sa.ForeignKey("lists.id"), nullable=False),
        sa.Column("email", sa.String(254), nullable=False),
        sa.Column("name", sa.Text, nullable=False, server_default=""),
        sa.Column("role", sa.String(16), nullable=False, server_default="member"),
        sa.Column("delivery", sa.String(16), nullable=False, server_default="each"),
        sa.Column("digest_period", sa.String(8), nullable=False, server_default="day"),
        sa.Column("language", sa.String(8), nullable=False, server_default="fr"),
        sa.Column("bounce_score", sa.Float, nullable=False, server_default="0"),
        sa.Column("last_bounce_at", sa.DateTime, nullable=True),
        sa.Column("disabled", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("disabled_reason", sa.Text, nullable=False, server_default=""),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("list_id", "email", name="uq_members_list_email"),
    )
    op.create_index("ix_members_list_id", "members", ["list_id"])
    op.create_table(
        "held",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("list_id", sa.Integer, sa.ForeignKey("lists.id"), nullable=False),
        sa.Column("raw", sa.LargeBinary, nullable=False),
        sa.Column("message_id", sa.String(995), nullable=False, server_default=""),
        sa.Column("sender", sa.String(254), nullable=False, server_default=""),
        sa.Column("subject", sa.Text, nullable=False, server_default=""),
        sa.Column("reason", sa.Text, nullable=False, server_default=""),
        sa.Column("status", sa.String(16), nullable=False, server_default="held"),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("decided_at", sa.DateTime, nullable=True),
    )
    op.create_index("ix_held_list_id", "held", ["list_id"])
    op.create_table(
        "tokens",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("digest", sa.String(128), nullable=False, unique=True),
        sa.Column("purpose", sa.String(32), nullable=False),
        sa.Column("list_id", sa.Integer, sa.ForeignKey("lists.id"), nullable=True),
        sa.Column("email", sa.String(254), nullable=False, server_default=""),
        sa.Column("payload", sa.Text, nullable=False, server_default=""),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("expires_at", sa.DateTime, nullable=False),
        sa.Column("used_at", sa.DateTime, nullable=True),
    )
    op.create_table(
        "bans",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("list_id", sa.Integer, sa.ForeignKey("lists.id"), nullable=True),
        sa.Column("pattern", sa.String(254), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "list_settings",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("list_id", sa.Integer, sa.ForeignKey("lists.id"), nullable=False),
        sa.Column("key", sa.String(64), nullable=False),
        sa.Column("value", sa.Text, nullable=False, server_default=""),
        sa.UniqueConstraint("list_id", "key", name="uq_list_settings"),
    )


def downgrade() -> None:
    for table in ("list_settings", "bans", "tokens", "held", "members"):
        op.drop_table(table)
