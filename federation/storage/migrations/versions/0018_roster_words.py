"""The roster search's words: each word of a member's name and address after the first, in a
table of its own with a prefix index (the address too, for pages in address order), filled
from the members there.

Revision ID: 0018_roster_words
Revises: 0017_roster_search
"""
import re
import unicodedata

from alembic import op
import sqlalchemy as sa

revision = "0018_roster_words"
down_revision = "0017_roster_search"
branch_labels = None
depends_on = None

BATCH = 2000
NAME_SEPARATORS = re.compile(r"[\s\-'’.,()]+")
LOCAL_SEPARATORS = re.compile(r"[._\-+]+")


def _folded(text: str) -> str:
    """``models.lists.search_key`` as of this revision (a migration keeps its own copy)."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _later_words(name: str, email: str) -> set[str]:
    """``models.lists.later_words`` as of this revision."""
    words = set(NAME_SEPARATORS.split(_folded(name))[1:])
    words.update(LOCAL_SEPARATORS.split(_folded((email or "").rpartition("@")[0]))[1:])
    return {word[:200] for word in words if word}


def upgrade() -> None:
    words = op.create_table(
        "member_words",
        sa.Column("member_id", sa.Integer, sa.ForeignKey("members.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("word", sa.String(200), primary_key=True),
        sa.Column("list_id", sa.Integer, nullable=False),
        sa.Column("email", sa.String(254), nullable=False))
    connection = op.get_bind()
    members = sa.table("members", sa.column("id", sa.Integer), sa.column("list_id"),
                       sa.column("email"), sa.column("name"))
    last = 0
    while True:
        rows = connection.execute(sa.select(members.c.id, members.c.list_id, members.c.email,
                                            members.c.name)
                                  .where(members.c.id > last).order_by(members.c.id)
                                  .limit(BATCH)).all()
        if not rows:
            break
        found = [{"member_id": pk, "list_id": list_id, "word": word, "email": email}
                 for pk, list_id, email, name in rows
                 for word in sorted(_later_words(name, email))]
        if found:
            connection.execute(words.insert(), found)
        last = rows[-1][0]
    # after the backfill: one index built at once rather than kept up row by row
    op.create_index("ix_member_words_list_word", "member_words",
                    ["list_id", "word", "email", "member_id"],
                    postgresql_ops={"word": "text_pattern_ops"})


def downgrade() -> None:
    op.drop_index("ix_member_words_list_word", "member_words")
    op.drop_table("member_words")
