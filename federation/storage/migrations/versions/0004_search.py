"""The full-text search index: FTS5 on SQLite, a tsvector with a GIN index on PostgreSQL.

Revision ID: 0004_search
Revises: 0003_themes

Both hold derived data only (rebuilt by ``federation.search.rebuild``). On SQLite the
FTS5 table stores text already folded and Snowball-stemmed in Python, keyed by
``rowid = messages.id``; on PostgreSQL ``to_tsvector('french'|'english', …)`` stems text
that Python has already folded (so the ``unaccent`` extension is not required).
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = "0004_search"
down_revision = "0003_themes"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("CREATE VIRTUAL TABLE search_index USING fts5("
                   "subject, body, author, tokenize = 'unicode61 remove_diacritics 2')")
        return
    op.create_table(
        "search_documents",
        sa.Column("message_pk", sa.Integer,
                  sa.ForeignKey("messages.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("document", postgresql.TSVECTOR, nullable=False),
    )
    op.create_index("ix_search_documents_document", "search_documents", ["document"],
                    postgresql_using="gin")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE search_index")
        return
    op.drop_table("search_documents")
