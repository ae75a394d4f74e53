"""When each list last became public or private, for Last-Modified after a visibility change.

Revision ID: 0009_visibility
Revises: 0008_trust
"""
from alembic import op
import sqlalchemy as sa

revision = "0009_visibility"
down_revision = "0008_trust"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # a feed's Last-Modified is its newest entry's date, or later when a list left or joined
    # it: an If-Modified-Since from before the change must not get 304 (RFC 9110 §13.1.3)
    with op.batch_alter_table("lists") as batch:
        batch.add_column(sa.Column("visibility_changed_at", sa.DateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("lists") as batch:
        batch.drop_column("visibility_changed_at")
