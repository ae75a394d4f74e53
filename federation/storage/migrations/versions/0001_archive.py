"""The archive: assemblies, lists, threads, messages, attachments.

Revision ID: 0001_archive
Revises:
"""
from alembic import op
import sqlalchemy as sa

revision = "0001_archive"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "assemblies",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("slug", sa.String(64), nullable=False, unique=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("description", sa.Text, nullable=False, server_default=""),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "lists",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("assembly_id", sa.Integer, sa.ForeignKey("assemblies.id"), nullable=False),
        sa.Column("address", sa.String(254), nullable=False, unique=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("description", sa.Text, nullable=False, server_default=""),
        sa.Column("policy", sa.String(16), nullable=False, server_default="open"),
        sa.Column("public", sa.Boolean, nullable=False, server_default=sa.true()),
        sa.Column("subject_prefix", sa.String(64), nullable=False, server_default=""),
        sa.Column("footer", sa.Text, nullable=False, server_default=""),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "threads",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("list_id", sa.Integer, sa.ForeignKey("lists.id"), nullable=False),
        sa.Column("root_message_id", sa.String(995), nullable=False),
        sa.Column("subject", sa.Text, nullable=False, server_default=""),
        sa.Column("started_at", sa.DateTime, nullable=False),
        sa.Column("last_activity", sa.DateTime, nullable=False),
        sa.Column("message_count", sa.Integer, nullable=False, server_default="0"),
    )
    op.create_index("ix_threads_list_id", "threads", ["list_id"])
    op.create_index("ix_threads_list_activity", "threads", ["list_id", "last_activity"])
    op.create_index("ix_threads_activity", "threads", ["last_activity"])
    op.create_table(
        "messages",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("list_id", sa.Integer, sa.ForeignKey("lists.id"), nullable=False),
        sa.Column("message_id", sa.String(995), nullable=False),
        sa.Column("thread_id", sa.Integer, sa.ForeignKey("threads.id"), nullable=True),
        sa.Column("parent_id", sa.Integer, sa.ForeignKey("messages.id"), nullable=True),
        sa.Column("ghost", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("raw", sa.LargeBinary, nullable=True),
        sa.Column("size", sa.Integer, nullable=False, server_default="0"),
        sa.Column("from_name", sa.Text, nullable=False, server_default=""),
        sa.Column("from_addr", sa.String(254), nullable=False, server_default=""),
        sa.Column("subject", sa.Text, nullable=False, server_default=""),
        sa.Column("date", sa.DateTime, nullable=True),
        sa.Column("in_reply_to", sa.Text, nullable=False, server_default=""),
        sa.Column("references", sa.Text, nullable=False, server_default=""),
        sa.Column("body_text", sa.Text, nullable=False, server_default=""),
        sa.Column("body_html", sa.Text, nullable=False, server_default=""),
        sa.Column("parse_defect", sa.Text, nullable=False, server_default=""),
        sa.Column("generated_id", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("deleted", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("processed", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("received_at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("list_id", "message_id", name="uq_messages_list_mid"),
    )
    op.create_index("ix_messages_thread_id", "messages", ["thread_id"])
    op.create_index("ix_messages_parent_id", "messages", ["parent_id"])
    op.create_index("ix_messages_mid", "messages", ["message_id"])
    op.create_index("ix_messages_list_date", "messages", ["list_id", "date"])
    op.create_index("ix_messages_processed", "messages", ["processed"])
    op.create_table(
        "attachments",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("message_pk", sa.Integer, sa.ForeignKey("messages.id"), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("filename", sa.Text, nullable=False, server_default=""),
        sa.Column("content_type", sa.String(255), nullable=False,
                  server_default="application/octet-stream"),
        sa.Column("size", sa.Integer, nullable=False, server_default="0"),
    )
    op.create_index("ix_attachments_message_pk", "attachments", ["message_pk"])


def downgrade() -> None:
    for table in ("attachments", "messages", "threads", "lists", "assemblies"):
        op.drop_table(table)
