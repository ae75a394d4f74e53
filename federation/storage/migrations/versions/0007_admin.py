"""Admin command line: how each member got on a list (consent) and erased messages' tombstones.

Revision ID: 0007_admin
Revises: 0006_merge
"""
from alembic import op
import sqlalchemy as sa

revision = "0007_admin"
down_revision = "0006_merge"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # consent: "confirmed by mail", "added by admin", "imported from FILE" (GDPR art. 7(1))
    op.add_column("members", sa.Column("consent", sa.Text, nullable=False, server_default=""))
    # a tombstone keeps the Message-ID, when it was erased and why (deleted or redacted)
    op.add_column("messages", sa.Column("erased_at", sa.DateTime, nullable=True))
    op.add_column("messages", sa.Column("erasure_reason", sa.Text, nullable=False,
                                        server_default=""))
    # the newest erasure is part of the page-cache stamp: one probe of this index
    op.create_index("ix_messages_erased", "messages", ["erased_at"])


def downgrade() -> None:
    op.drop_index("ix_messages_erased", "messages")
    op.drop_column("messages", "erasure_reason")
    op.drop_column("messages", "erased_at")
    op.drop_column("members", "consent")
