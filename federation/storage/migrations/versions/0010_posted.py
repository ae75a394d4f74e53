"""Delivery follows the path a message took: ``messages.posted`` marks a post to deliver.

Set when SMTP, LMTP or a moderator's approval stores a message, never by an import or a
replay; the pipeline plans the fan-out for exactly those (issue 9, item 15).

Revision ID: 0010_posted
Revises: 0009_visibility
"""
from datetime import datetime, timedelta, timezone

from alembic import op
import sqlalchemy as sa

revision = "0010_posted"
down_revision = "0009_visibility"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("messages") as batch:
        batch.add_column(sa.Column("posted", sa.Boolean, nullable=False,
                                   server_default=sa.false()))
    # Messages whose pipeline has not run yet keep the decision the date rule (received
    # within 3 days, dated within 30 days of arrival) would have taken; the pipeline never
    # runs again on the others, so their value is history only.
    messages = sa.table("messages", sa.column("id", sa.Integer), sa.column("ghost", sa.Boolean),
                        sa.column("processed", sa.Boolean), sa.column("posted", sa.Boolean),
                        sa.column("date", sa.DateTime), sa.column("received_at", sa.DateTime))
    bind = op.get_bind()
    now = datetime.now(timezone.utc).replace(tzinfo=None)
    posts = [row.id for row in bind.execute(sa.select(
        messages.c.id, messages.c.date, messages.c.received_at).where(
        messages.c.processed.is_(False), messages.c.ghost.is_(False)))
        if row.received_at is not None and now - row.received_at <= timedelta(days=3)
        and (row.date is None or row.received_at - row.date <= timedelta(days=30))]
    for start in range(0, len(posts), 500):
        bind.execute(messages.update().where(messages.c.id.in_(posts[start:start + 500]))
                     .values(posted=True))


def downgrade() -> None:
    with op.batch_alter_table("messages") as batch:
        batch.drop_column("posted")
