"""Indexes for the read side: feeds ordered by date, freshness by arrival time.

Revision ID: 0004_reading
Revises: 0002_members
"""
from alembic import op
import sqlalchemy as sa

revision = "0004_reading"
down_revision = "0002_members"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # the "everything" and assembly feeds walk all messages newest first (RFC 5005 keyset)
    op.create_index("ix_messages_date", "messages", ["date"])
    # cache validation: the newest arrival in a scope is one index probe
    op.create_index("ix_messages_received", "messages", ["received_at"])
    op.create_index("ix_messages_list_received", "messages", ["list_id", "received_at"])
    # deleted messages are few: counting them per scope is part of the freshness stamp. A
    # partial index holds only them, so the planner never picks it for "deleted = false"
    # (a full index on (deleted, list_id) made SQLite scan the archive for thread queries).
    op.create_index("ix_messages_deleted_list", "messages", ["list_id"],
                    sqlite_where=sa.text("deleted IS 1"),
                    postgresql_where=sa.text("deleted IS TRUE"))  # as SQLAlchemy writes is_(True)


def downgrade() -> None:
    op.drop_index("ix_messages_deleted_list", "messages")
    op.drop_index("ix_messages_list_received", "messages")
    op.drop_index("ix_messages_received", "messages")
    op.drop_index("ix_messages_date", "messages")
