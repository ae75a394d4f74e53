"""The admin console: accounts and the assemblies they run, an assembly's city, and the
members indexes behind the roster's sorted, keyset-paged pages.

Revision ID: 0014_console
Revises: 0013_websub
"""
from alembic import op
import sqlalchemy as sa

revision = "0014_console"
down_revision = "0013_websub"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "admin_accounts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("email", sa.String(254), nullable=False, unique=True),
        sa.Column("password_hash", sa.String(200), nullable=False, server_default=""),
        sa.Column("site_admin", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("last_sign_in_at", sa.DateTime, nullable=True),
        sa.Column("password_changed_at", sa.DateTime, nullable=True),
    )
    op.create_table(
        "admin_assemblies",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("account_id", sa.Integer, sa.ForeignKey("admin_accounts.id"), nullable=False),
        sa.Column("assembly_id", sa.Integer, sa.ForeignKey("assemblies.id"), nullable=False),
        sa.UniqueConstraint("account_id", "assembly_id", name="uq_admin_assembly"),
    )
    op.create_index("ix_admin_assemblies_assembly_id", "admin_assemblies", ["assembly_id"])
    with op.batch_alter_table("assemblies") as batch:
        batch.add_column(sa.Column("city", sa.String(200), nullable=False, server_default=""))
    op.create_index("ix_members_list_name", "members", ["list_id", "name", "id"])
    op.create_index("ix_members_list_joined", "members", ["list_id", "created_at", "id"])
    op.create_index("ix_members_list_bounce", "members", ["list_id", "bounce_score", "id"])
    op.create_index("ix_members_email_role", "members", ["email", "role"])


def downgrade() -> None:
    for name in ("ix_members_email_role", "ix_members_list_bounce", "ix_members_list_joined",
                 "ix_members_list_name"):
        op.drop_index(name, "members")
    with op.batch_alter_table("assemblies") as batch:
        batch.drop_column("city")
    op.drop_index("ix_admin_assemblies_assembly_id", "admin_assemblies")
    op.drop_table("admin_assemblies")
    op.drop_table("admin_accounts")
