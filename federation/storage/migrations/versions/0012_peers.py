"""Federation between instances: peers, followers, erasure acknowledgements; mirrored
copies marked with their origin peer and sha256; the feed's order index (issue 11).

Revision ID: 0012_peers
Revises: 0011_wave
"""
from alembic import op
import sqlalchemy as sa

revision = "0012_peers"
down_revision = "0011_wave"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "peers",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("url", sa.String(500), nullable=False, unique=True),
        sa.Column("origin", sa.String(300), nullable=False),
        sa.Column("feed_url", sa.String(1000), nullable=False),
        sa.Column("ack_url", sa.String(1000), nullable=False, server_default=""),
        sa.Column("follow_url", sa.String(1000), nullable=False, server_default=""),
        sa.Column("title", sa.Text, nullable=False, server_default=""),
        sa.Column("secret", sa.String(128), nullable=False),
        sa.Column("registered_at", sa.DateTime, nullable=True),
        sa.Column("added_at", sa.DateTime, nullable=False),
        sa.Column("removed_at", sa.DateTime, nullable=True),
        sa.Column("etag", sa.Text, nullable=False, server_default=""),
        sa.Column("last_modified", sa.Text, nullable=False, server_default=""),
        sa.Column("cursor_at", sa.DateTime, nullable=True),
        sa.Column("cursor_ref", sa.Text, nullable=False, server_default=""),
        sa.Column("newest_at", sa.DateTime, nullable=True),
        sa.Column("last_attempt_at", sa.DateTime, nullable=True),
        sa.Column("last_success_at", sa.DateTime, nullable=True),
        sa.Column("next_attempt_at", sa.DateTime, nullable=True),
        sa.Column("errors", sa.Integer, nullable=False, server_default="0"),
        sa.Column("last_error", sa.Text, nullable=False, server_default=""),
        sa.Column("lease_expires_at", sa.DateTime, nullable=True),
    )
    op.create_table(
        "followers",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("url", sa.String(500), nullable=False, unique=True),
        sa.Column("secret", sa.String(128), nullable=False),
        sa.Column("registered_at", sa.DateTime, nullable=False),
        sa.Column("left_at", sa.DateTime, nullable=True),
    )
    op.create_table(
        "peer_acks",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("follower_id", sa.Integer, sa.ForeignKey("followers.id"), nullable=False),
        sa.Column("message_id", sa.String(995), nullable=False),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("acked_at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("follower_id", "message_id", name="uq_peer_acks"),
    )
    op.create_index("ix_peer_acks_follower_id", "peer_acks", ["follower_id"])
    op.create_index("ix_peer_acks_message_id", "peer_acks", ["message_id"])
    op.create_table(
        "outgoing_acks",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("peer_id", sa.Integer, sa.ForeignKey("peers.id"), nullable=False),
        sa.Column("message_id", sa.String(995), nullable=False),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("sent_at", sa.DateTime, nullable=True),
        sa.Column("attempts", sa.Integer, nullable=False, server_default="0"),
        sa.UniqueConstraint("peer_id", "message_id", "action", name="uq_outgoing_acks"),
    )
    op.create_index("ix_outgoing_acks_peer_id", "outgoing_acks", ["peer_id"])
    for table in ("assemblies", "lists", "messages"):
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("origin_peer_id", sa.Integer,
                                       sa.ForeignKey("peers.id", name=f"fk_{table}_origin_peer"),
                                       nullable=True))
            if table == "messages":
                batch.add_column(sa.Column("sha256", sa.String(64), nullable=False,
                                           server_default=""))
    op.create_index("ix_messages_changed", "messages",
                    [sa.text("coalesce(erased_at, received_at)"), "message_id"])


def downgrade() -> None:
    op.drop_index("ix_messages_changed", "messages")
    for table in ("messages", "lists", "assemblies"):
        with op.batch_alter_table(table) as batch:
            if table == "messages":
                batch.drop_column("sha256")
            batch.drop_column("origin_peer_id")
    op.drop_table("outgoing_acks")
    op.drop_table("peer_acks")
    op.drop_table("followers")
    op.drop_table("peers")
