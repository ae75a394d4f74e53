"""Lists gain federation consent and an archived stamp; the append-only audit log.

Revision ID: 0011_wave
Revises: 0010_posted
"""
from alembic import op
import sqlalchemy as sa

revision = "0011_wave"
down_revision = "0010_posted"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("lists") as batch:
        batch.add_column(sa.Column("federated", sa.Boolean, nullable=False,
                                   server_default=sa.false()))
        batch.add_column(sa.Column("archived_at", sa.DateTime, nullable=True))
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("at", sa.DateTime, nullable=False),
        sa.Column("assembly_id", sa.Integer, sa.ForeignKey("assemblies.id"), nullable=True),
        sa.Column("list_id", sa.Integer, sa.ForeignKey("lists.id"), nullable=True),
        sa.Column("actor", sa.String(254), nullable=False, server_default=""),
        sa.Column("channel", sa.String(16), nullable=False, server_default="system"),
        sa.Column("action", sa.String(48), nullable=False),
        sa.Column("target", sa.Text, nullable=False, server_default=""),
        sa.Column("detail", sa.Text, nullable=False, server_default="{}"),
    )
    op.create_index("ix_audit_assembly_at", "audit_log", ["assembly_id", "at"])
    op.create_index("ix_audit_list_at", "audit_log", ["list_id", "at"])


def downgrade() -> None:
    op.drop_index("ix_audit_list_at", "audit_log")
    op.drop_index("ix_audit_assembly_at", "audit_log")
    op.drop_table("audit_log")
    with op.batch_alter_table("lists") as batch:
        batch.drop_column("archived_at")
        batch.drop_column("federated")
