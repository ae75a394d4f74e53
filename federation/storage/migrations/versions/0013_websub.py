"""WebSub: the subscribers of this hub, and our subscriptions to peers' hubs.

Revision ID: 0013_websub
Revises: 0012_peers
"""
from alembic import op
import sqlalchemy as sa

revision = "0013_websub"
down_revision = "0012_peers"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "websub_subscribers",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("topic", sa.Text, nullable=False),
        sa.Column("list_id", sa.Integer, sa.ForeignKey("lists.id", ondelete="CASCADE"),
                  nullable=True),
        sa.Column("callback", sa.Text, nullable=False),
        sa.Column("secret", sa.String(200), nullable=False, server_default=""),
        sa.Column("lease_seconds", sa.Integer, nullable=False, server_default="0"),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("verified_at", sa.DateTime, nullable=True),
        sa.Column("expires_at", sa.DateTime, nullable=True),
        sa.Column("pending_mode", sa.String(16), nullable=False, server_default=""),
        sa.Column("pending_secret", sa.String(200), nullable=False, server_default=""),
        sa.Column("pending_lease_seconds", sa.Integer, nullable=False, server_default="0"),
        sa.Column("delivered", sa.Integer, nullable=False, server_default="0"),
        sa.Column("failures", sa.Integer, nullable=False, server_default="0"),
        sa.Column("last_delivery_at", sa.DateTime, nullable=True),
        sa.UniqueConstraint("topic", "callback", name="uq_websub_topic_callback"),
    )
    op.create_table(
        "websub_subscriptions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("peer_id", sa.Integer, nullable=False),
        sa.Column("hub", sa.Text, nullable=False),
        sa.Column("topic", sa.Text, nullable=False),
        sa.Column("token", sa.String(64), nullable=False, unique=True),
        sa.Column("secret", sa.String(200), nullable=False),
        sa.Column("state", sa.String(16), nullable=False, server_default="requested"),
        sa.Column("lease_seconds", sa.Integer, nullable=False, server_default="0"),
        sa.Column("requested_at", sa.DateTime, nullable=False),
        sa.Column("verified_at", sa.DateTime, nullable=True),
        sa.Column("expires_at", sa.DateTime, nullable=True),
        sa.Column("error", sa.Text, nullable=False, server_default=""),
        sa.Column("pushes", sa.Integer, nullable=False, server_default="0"),
        sa.Column("refused_pushes", sa.Integer, nullable=False, server_default="0"),
        sa.Column("last_push_at", sa.DateTime, nullable=True),
        sa.UniqueConstraint("peer_id", "topic", name="uq_websub_peer_topic"),
    )
    op.create_index("ix_websub_subscriptions_peer_id", "websub_subscriptions", ["peer_id"])


def downgrade() -> None:
    op.drop_index("ix_websub_subscriptions_peer_id", "websub_subscriptions")
    op.drop_table("websub_subscriptions")
    op.drop_table("websub_subscribers")
