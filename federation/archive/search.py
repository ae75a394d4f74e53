"""Full-text search over the archive: SQLite FTS5 embedded, PostgreSQL tsvector in production.

Both backends index the same words, analysed here in Python: accents and case folded,
French elisions split off ("l'école" → "ecole"), then Snowball-stemmed in the message's
language, so "jardins" finds "jardin" and "ecole" finds "école" alike on SQLite and on
PostgreSQL (whose ``'simple'`` configuration then only splits on spaces). A query word
matches either of its French and English stems; ``word*`` is a prefix, ``"a b"`` a phrase,
``-word`` an exclusion. Lines quoted from earlier messages (``>``) are not indexed: the
message that wrote them is. The index is derived data: ``rebuild`` recreates it.
"""
from __future__ import annotations

import re
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Iterator

from sqlalchemy import Float, Integer, column, exists, or_, select, text
from sqlalchemy.orm import Session, undefer

from federation.archive import snippets
from federation.reading.addresses import obfuscate
from federation.storage.db import session_scope
from federation.storage.models import Assembly, MailingList, Message, Theme, ThreadTheme
from federation.settings import Settings
from federation.themes.taxonomy import fold
from federation.archive.folding import guess_lang, stem, stem_all

PER_PAGE = 20
MAX_PAGE = 1000  # deeper pages are empty: their offset would overflow an SQL integer
BEST_OF = 1000  # matches ranked for an unfiltered relevance search (see search())
MAX_BODY = 200_000  # characters indexed per message (a tsvector holds at most 1 MB)
_WORD = re.compile(r"[^\W_]+")
_TOKEN = re.compile(r'(-?)"([^"]*)"?|(-?)(\S+)')
# Dropped from queries (not from the index, so phrases keep them) when other words remain.
_STOP = frozenset("""a au aux avec ce ces dans de des du elle en et il je la le les leur lui
ma mais me mes mon ne nous on ou par pas pour qu que qui sa se ses son sur ta te tu un une
vos votre vous est sont an and are as at be by for from in is it of on or that the this to
was with""".split())


@dataclass(frozen=True)
class Term:
    """One query element: a word, or several (a phrase); maybe a prefix, maybe excluded."""

    words: tuple[str, ...]
    prefix: bool = False
    negated: bool = False

    def stems(self, lang: str) -> tuple[str, ...]:
        return tuple(stem(word, lang) for word in self.words)


@dataclass(frozen=True)
class Filters:
    """Narrowing a search: assembly slug, list address, theme slug, author, date range."""

    assembly: str = ""
    list: str = ""
    theme: str = ""
    author: str = ""
    since: date | None = None
    until: date | None = None

    @property
    def empty(self) -> bool:
        return not (self.assembly or self.list or self.theme or self.author
                    or self.since or self.until)


@dataclass(frozen=True)
class Hit:
    """A message found, with its list and assembly, and HTML snippet and subject (escaped,
    addresses obfuscated, matched words in ``<mark>``)."""

    message: Message
    mailing_list: MailingList
    assembly: Assembly
    snippet_html: str
    subject_html: str


@dataclass(frozen=True)
class Results:
    """One page of hits; ``has_next`` tells whether another page follows."""

    hits: list[Hit] = field(default_factory=list)
    page: int = 1
    has_next: bool = False
    terms: tuple[Term, ...] = ()


def words(text_: str) -> list[str]:
    """The folded words of a text (accents and case removed; "l'école" → "l", "ecole")."""
    return _WORD.findall(fold(text_))


def unquoted(body: str) -> str:
    """The body without the lines it quotes from earlier messages (``>``, RFC 3676 §4.5)."""
    return "\n".join(line for line in body.splitlines() if not line.lstrip().startswith(">"))


def analyse(text_: str, lang: str) -> str:
    """Folded, stemmed words of a text joined by spaces: what both backends index."""
    return " ".join(stem_all(words(text_), lang))


def parse_query(query: str) -> tuple[Term, ...]:
    """Read a query: words, "phrases", word* prefixes and -exclusions."""
    terms = []
    for match in _TOKEN.finditer(query or ""):
        negated = bool(match.group(1) or match.group(3))
        raw = match.group(2) if match.group(2) is not None else match.group(4)
        prefix = match.group(4) is not None and raw.endswith("*")
        found = tuple(words(raw))
        if not found:
            continue
        terms.append(Term(found, prefix=prefix and len(found) == 1, negated=negated))
    positive = [t for t in terms if not t.negated]
    meaningful = [t for t in positive if len(t.words) > 1 or t.words[0] not in _STOP]
    if meaningful and len(meaningful) < len(positive):
        terms = [t for t in terms if t.negated or t in meaningful]
    return tuple(terms)


def _variants(term: Term) -> list[tuple[str, ...]]:
    """The stem sequences a term may match: French and English, without duplicates."""
    found: list[tuple[str, ...]] = []
    for lang in ("fr", "en"):
        stems = term.stems(lang)
        if stems not in found:
            found.append(stems)
    return found


def fts5_query(terms: tuple[Term, ...]) -> str:
    """The FTS5 MATCH expression of parsed terms (stems are [^\\W_]+, safe inside quotes)."""
    def one(term: Term) -> str:
        suffix = "*" if term.prefix else ""
        return "(" + " OR ".join(f'"{" ".join(v)}"{suffix}' for v in _variants(term)) + ")"
    positive = " AND ".join(one(t) for t in terms if not t.negated)
    negative = "".join(f" NOT {one(t)}" for t in terms if t.negated)
    return f"({positive}){negative}" if positive else ""


def tsquery(terms: tuple[Term, ...]) -> str:
    """The PostgreSQL tsquery text (for ``to_tsquery('simple', …)``) of parsed terms."""
    def one(term: Term) -> str:
        suffix = ":*" if term.prefix else ""
        return "(" + " | ".join("(" + " <-> ".join(f"'{s}'{suffix}" for s in v) + ")"
                                for v in _variants(term)) + ")"
    positive = " & ".join(one(t) for t in terms if not t.negated)
    negative = "".join(f" & !{one(t)}" for t in terms if t.negated)
    return f"({positive}){negative}" if positive else ""


def document(message: Message) -> dict:
    """The analysed subject, body and author of a message, in its guessed language."""
    body = unquoted(message.body_text or "")[:MAX_BODY]
    # Each text folded and split once: the words of "subject body" are the subject's then
    # the body's (a space splits no word, and folding is character by character).
    subject_words, body_words = words(message.subject or ""), words(body)
    head = body_words if len(body) <= 5000 else words(body[:5000])
    lang = guess_lang(subject_words + head)
    return {"pk": message.id, "subject": " ".join(stem_all(subject_words, lang)),
            "body": " ".join(stem_all(body_words, lang)),
            "author": " ".join(words(f"{message.from_name} {message.from_addr}"))}


_PG_UPSERT = text(
    "INSERT INTO search_documents (message_pk, document) VALUES (:pk, "
    "setweight(to_tsvector('simple', :subject), 'A') || "
    "setweight(to_tsvector('simple', :body), 'B') || "
    "setweight(to_tsvector('simple', :author), 'C')) "
    "ON CONFLICT (message_pk) DO UPDATE SET document = EXCLUDED.document")


_FTS_DELETE = text("DELETE FROM search_index WHERE rowid = :pk")
_FTS_INSERT = text("INSERT INTO search_index (rowid, subject, body, author) "
                   "VALUES (:pk, :subject, :body, :author)")


def _write(session: Session, documents: list[dict], fresh: bool = False) -> None:
    """Store analysed documents, replacing any earlier ones (``fresh``: rows created in this
    transaction, which can have no earlier document)."""
    connection = session.connection()
    if connection.dialect.name == "sqlite":
        if not fresh:
            connection.execute(_FTS_DELETE, [{"pk": d["pk"]} for d in documents])
        connection.execute(_FTS_INSERT, documents)
    else:
        connection.execute(_PG_UPSERT, documents)


def index(session: Session, settings: Settings, message: Message) -> None:
    """Make an archived message searchable at once (an ARCHIVE_STEPS step; idempotent)."""
    if message.ghost or message.deleted:  # an erased message is never searchable again
        return
    _write(session, [document(message)])


def forget(session: Session, pks: list[int]) -> None:
    """Drop the documents of erased messages: their words must find nothing (GDPR art. 17)."""
    if not pks:
        return
    connection = session.connection()
    if connection.dialect.name == "sqlite":
        connection.execute(_FTS_DELETE, [{"pk": pk} for pk in pks])
    else:
        connection.execute(text("DELETE FROM search_documents WHERE message_pk = :pk"),
                           [{"pk": pk} for pk in pks])


def forget_all(session: Session) -> None:
    """Empty the index (``reindex --from-raw`` rebuilds it from the archive)."""
    sqlite = session.connection().dialect.name == "sqlite"
    session.execute(text("DELETE FROM search_index" if sqlite else "DELETE FROM search_documents"))


def index_all(session: Session, settings: Settings, messages: list) -> None:
    """Make stored messages searchable at once, in one statement (an ARCHIVE_STEPS step)."""
    documents = [dict(m.document, pk=m.id) if getattr(m, "document", None) else document(m)
                 for m in messages if not m.ghost]  # analysed already before the write turn
    if documents:
        _write(session, documents, fresh=all(getattr(m, "fresh", False) for m in messages))


def rebuild(settings: Settings, batch: int = 1000) -> int:
    """Recreate the whole index from the archive; returns the number of messages indexed."""
    with session_scope(settings) as session:
        sqlite = session.connection().dialect.name == "sqlite"
        session.execute(text("DELETE FROM search_index" if sqlite
                             else "DELETE FROM search_documents"))
    done, last = 0, 0
    while True:
        with session_scope(settings) as session:
            messages = list(session.scalars(
                select(Message).options(undefer(Message.body_text))
                .where(Message.ghost.is_(False), Message.deleted.is_(False), Message.id > last)
                .order_by(Message.id).limit(batch)))
            if not messages:
                return done
            _write(session, [document(m) for m in messages])
            last, done = messages[-1].id, done + len(messages)


def _matches(session: Session, terms: tuple[Term, ...], best: int = 0):
    """A subquery (pk, score) of matching messages, lower score more relevant; with ``best``,
    only that many of the most relevant (joining every match of a common word is the cost)."""
    limit = f" ORDER BY score LIMIT {int(best)}" if best else ""
    if session.connection().dialect.name == "sqlite":
        query = text("SELECT rowid AS pk, bm25(search_index, 4.0, 1.0, 2.0) AS score "
                     "FROM search_index WHERE search_index MATCH :match" + limit)
        query = query.bindparams(match=fts5_query(terms))
    else:
        query = text("SELECT message_pk AS pk, -ts_rank(document, query) AS score "
                     "FROM search_documents, to_tsquery('simple', :match) AS query "
                     "WHERE document @@ query" + limit).bindparams(match=tsquery(terms))
    return query.columns(column("pk", Integer), column("score", Float)).subquery("matches")


def _filtered(stmt, filters: Filters, public_only: bool):
    """Apply visibility and the filters to a select over Message ⋈ MailingList ⋈ Assembly."""
    stmt = stmt.where(Message.ghost.is_(False), Message.deleted.is_(False))
    if public_only:
        stmt = stmt.where(MailingList.public.is_(True))
    if filters.assembly:
        stmt = stmt.where(Assembly.slug == filters.assembly)
    if filters.list:
        stmt = stmt.where(MailingList.address == filters.list.strip().lower())
    if filters.theme:
        stmt = stmt.where(exists().where(
            ThreadTheme.thread_id == Message.thread_id, ThreadTheme.source != "rejected",
            ThreadTheme.theme_id == Theme.id, Theme.slug == filters.theme))
    author = filters.author.strip().lower()
    if "@" in author:
        stmt = stmt.where(Message.from_addr == author)
    elif author:
        stmt = stmt.where(or_(Message.from_name.ilike(f"%{author}%"),
                              Message.from_addr.ilike(f"%{author}%")))
    if filters.since:
        stmt = stmt.where(Message.date >= datetime.combine(filters.since, time()))
    if filters.until:
        # through the day's last instant (not "< next day": 9999-12-31 has none)
        stmt = stmt.where(Message.date <= datetime.combine(filters.until, time.max))
    return stmt


def _page(session: Session, terms: tuple[Term, ...], filters: Filters, public_only: bool,
          newest: bool, page: int, per_page: int, best: int) -> list[int]:
    """The row ids of one page of results (one more than a page, to tell if another follows)."""
    stmt = (select(Message.id).join(MailingList, Message.list_id == MailingList.id)
            .join(Assembly, MailingList.assembly_id == Assembly.id))
    stmt = _filtered(stmt, filters, public_only)
    if any(not t.negated for t in terms):
        matches = _matches(session, terms, best)
        stmt = stmt.join(matches, matches.c.pk == Message.id)
        order = ([Message.date.desc(), Message.id.desc()] if newest
                 else [matches.c.score, Message.date.desc()])
    else:
        order = [Message.date.desc(), Message.id.desc()]
    stmt = stmt.order_by(*order).offset((page - 1) * per_page).limit(per_page + 1)
    if session.connection().dialect.name == "sqlite":
        return list(session.scalars(stmt))
    with _gin_only(session):
        return list(session.scalars(stmt))


@contextmanager
def _gin_only(session: Session) -> Iterator[None]:
    """On PostgreSQL, find matches through the GIN index, in this backend alone.

    For a common word the planner prefers a parallel sequential scan: three processes test
    ``@@`` on every document, read through a small ring buffer (never cached); the bitmap
    of the GIN index touches only the matching rows, which stay in shared buffers. Under
    concurrent requests on few cores, parallel workers only add CPU. Both settings are
    transaction-local and put back afterwards."""
    names = ("enable_seqscan", "max_parallel_workers_per_gather")
    previous = session.execute(text(
        "SELECT current_setting(:a), current_setting(:b), set_config(:a, 'off', true), "
        "set_config(:b, '0', true)"), dict(zip("ab", names))).one()
    try:
        yield
    finally:
        session.execute(text("SELECT set_config(:a, :x, true), set_config(:b, :y, true)"),
                        {"a": names[0], "b": names[1], "x": previous[0], "y": previous[1]})


def search(session: Session, query: str, filters: Filters = Filters(), page: int = 1,
           per_page: int = PER_PAGE, public_only: bool = True, newest: bool = False) -> Results:
    """One page of messages matching the query and filters, most relevant (or newest) first.

    With no query words, the filters alone list messages, newest first; with neither,
    nothing is found. Private lists are left out unless ``public_only`` is False.
    """
    terms = parse_query(query)
    page = max(1, min(page, MAX_PAGE))
    positive = [t for t in terms if not t.negated]
    if not positive and filters.empty:
        return Results(page=page, terms=terms)
    # Ranked without filters or by assembly or list only (broad ones), the best BEST_OF
    # matches are enough for the first pages; when hidden (private, deleted) or filtered-out
    # ones leave the page short, every match is ranked instead.
    broad = not (filters.theme or filters.author or filters.since or filters.until)
    best = BEST_OF if positive and not newest and broad and \
        page * per_page < BEST_OF // 2 else 0
    pks = _page(session, terms, filters, public_only, newest, page, per_page, best)
    if best and len(pks) <= per_page:
        pks = _page(session, terms, filters, public_only, newest, page, per_page, 0)
    has_next = len(pks) > per_page
    pks = pks[:per_page]
    rows = {m.id: (m, ml, a) for m, ml, a in session.execute(
        select(Message, MailingList, Assembly).options(undefer(Message.body_text))
        .join(MailingList, Message.list_id == MailingList.id)
        .join(Assembly, MailingList.assembly_id == Assembly.id).where(Message.id.in_(pks)))}
    marker = snippets.Marker.of(terms)
    hits = [Hit(m, ml, a, marker.snippet(obfuscate(unquoted(m.body_text or ""))),
                marker.mark(obfuscate(m.subject))) for m, ml, a in (rows[pk] for pk in pks
                                                                  if pk in rows)]
    return Results(hits=hits, page=page, has_next=has_next, terms=terms)
