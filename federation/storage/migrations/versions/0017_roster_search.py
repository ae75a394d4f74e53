"""The roster search's keys: members' folded name and address domain, and a prefix index on
each (and on the address), filled from the rows there.

Revision ID: 0017_roster_search
Revises: 0016_forum
"""
import unicodedata

from alembic import op
import sqlalchemy as sa

revision = "0017_roster_search"
down_revision = "0016_forum"
branch_labels = None
depends_on = None

BATCH = 2000
PREFIX_INDEXES = {"ix_members_list_email_prefix": "email",
                  "ix_members_list_name_key": "name_key", "ix_members_list_domain": "domain"}


def _folded(text: str) -> str:
    """``models.lists.search_key`` as of this revision (a migration keeps its own copy)."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def upgrade() -> None:
    with op.batch_alter_table("members") as batch:
        batch.add_column(sa.Column("name_key", sa.Text, nullable=False, server_default=""))
        batch.add_column(sa.Column("domain", sa.String(254), nullable=False,
                                   server_default=""))
    connection = op.get_bind()
    members = sa.table("members", sa.column("id", sa.Integer), sa.column("email"),
                       sa.column("name"), sa.column("name_key"), sa.column("domain"))
    last = 0
    while True:
        rows = connection.execute(sa.select(members.c.id, members.c.email, members.c.name)
                                  .where(members.c.id > last).order_by(members.c.id)
                                  .limit(BATCH)).all()
        if not rows:
            break
        connection.execute(
            members.update().where(members.c.id == sa.bindparam("pk"))
            .values(name_key=sa.bindparam("key"), domain=sa.bindparam("host")),
            [{"pk": pk, "key": _folded(name), "host": (email or "").rpartition("@")[2].lower()}
             for pk, email, name in rows])
        last = rows[-1][0]
    for name, column in PREFIX_INDEXES.items():
        op.create_index(name, "members", ["list_id", column] + ([] if column == "email"
                                                               else ["email"]),
                        postgresql_ops={column: "text_pattern_ops"})


def downgrade() -> None:
    for name in PREFIX_INDEXES:
        op.drop_index(name, "members")
    with op.batch_alter_table("members") as batch:
        batch.drop_column("domain")
        batch.drop_column("name_key")
