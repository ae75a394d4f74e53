"""A list's roster a page at a time: searched, sorted and keyset-paged, never loaded whole
(Postorius loads every member on every page: 5–6 s at 10,000, postorius#636).

Each sort walks one index of ``members`` (see ``models.console``) from a cursor — the last
row's (sort key, id), or the first row's going back — so page 2,000 costs what page 1 does.

The search finds members whose address, name or address's domain *begins* with the text
(case and accents aside), each through an index of ``members`` (see ``models.lists``), or
one of whose words does (a surname, "dupont" → "Marie Dupont", or "dupont" → "marie.dupont@",
through ``member_words``), as a Postorius or Groups.io user looks a member up: "marie",
"dupont", "dupont@", "@example.org".
"""
from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Iterator

from sqlalchemy import Select, and_, func, select, tuple_, union
from sqlalchemy.orm import Session
from sqlalchemy.sql.visitors import replacement_traverse

from federation.storage.models import MailingList, Member
from federation.storage.models.lists import MemberWord, search_key

# sort name → (column, newest/highest first?)
SORTS = {"email": (Member.email, False), "name": (Member.name, False),
         "joined": (Member.created_at, True), "bounce": (Member.bounce_score, True)}
PAGE = 50


@dataclass(frozen=True)
class Page:
    """One page of members, and the cursors of the pages after and before it."""

    members: list[Member]
    next_cursor: str  # "" on the last page
    previous_cursor: str = ""  # "" on the first page


def _prefix(column, text: str, dialect: str):
    """Rows whose ``column`` begins with ``text``: the range [text, text + U+10FFFF) in code
    point (byte) order, which an index serves on both backends, with bound parameters.

    PostgreSQL compares with text_pattern_ops' own operators (``~>=~``, ``~<~``), whatever
    the database's collation. Not LIKE 'text%': psycopg prepares a statement run five
    times, PostgreSQL then plans it once for any pattern, and a generic plan cannot
    take a prefix from a parameter (a sequential scan, 15 ms at 100,000 members). SQLite's
    plain comparison is bytewise already; its LIKE would need a NOCASE index."""
    end = text + "\U0010ffff"
    if dialect == "postgresql":
        return and_(column.op("~>=~", is_comparison=True)(text),
                    column.op("~<~", is_comparison=True)(end))
    return and_(column >= text, column < end)


def _terms(text: str, dialect: str) -> list:
    """What a member's address, name or domain begins with, for ``text`` (an "@" first: the
    domain only), case and accents aside; addresses and domains are stored lower-cased."""
    if text.startswith("@"):
        return [_prefix(Member.domain, text[1:].lower(), dialect)]
    # the address also bounded in the page's own order: a planner that walks the address
    # index for ORDER BY … LIMIT starts at the prefix, not at the list's first address
    # (PostgreSQL did, for "user0999": 100,000 entries read, 15 ms)
    return [and_(_prefix(Member.email, text.lower(), dialect), Member.email >= text.lower()),
            _prefix(Member.name_key, search_key(text), dialect),
            _prefix(Member.domain, text.lower(), dialect)]


def _query(list_id: int, text: str, dialect: str, where: list, order: tuple, limit: int,
           by_address: bool) -> Select:
    """A list's members that match ``text`` (all of them without) and ``where``, in ``order``.

    A search makes one lookup an index, joins their ids by UNION and reads the rows by id.
    The list is named inside the lookups only: with it outside too (or with a plain OR),
    SQLite walks the whole list in the page's order testing each row (no ANALYZE statistics
    to know better): 30 ms at 100,000 members for a search that finds nothing. In address
    order each lookup keeps its first ``limit`` (the indexes hold the address), so a search
    that matches 20,000 members sorts small index entries, then reads ``limit`` rows."""
    text = (text or "").strip()[:254]
    if not text:
        return select(Member).where(Member.list_id == list_id, *where).order_by(
            *order).limit(limit)
    lookups = []
    for term in _terms(text, dialect):
        lookup = select(Member.id).where(Member.list_id == list_id, term, *where)
        if by_address:
            lookup = select(lookup.order_by(*order).limit(limit).subquery().c.id)
        lookups.append(lookup)
    if not text.startswith("@"):  # a later word of the name or of the local part
        lookups.append(_words_lookup(list_id, search_key(text), dialect, where, order, limit,
                                     by_address))
    found = union(*lookups) if len(lookups) > 1 else lookups[0]
    return select(Member).where(Member.id.in_(found)).order_by(*order).limit(limit)


def _on_words(clauses: list) -> list | None:
    """``clauses`` said of ``member_words``' copy of the address, or None when they name
    another column of ``members`` (a role, the disabled flag: only the row has them)."""
    members, others = Member.__table__, []

    def swap(element):
        if getattr(element, "table", None) is members:
            if element.key == "email":
                return MemberWord.__table__.c.email
            others.append(element)
        return None
    moved = [replacement_traverse(clause, {}, swap) for clause in clauses]
    return None if others else moved


def _words_lookup(list_id: int, key: str, dialect: str, where: list, order: tuple,
                  limit: int, by_address: bool) -> Select:
    """The ids of the members one of whose later words begins with ``key``.

    In address order, with no filter but the cursor, the first ``limit`` come from the words'
    index alone (it holds the address): "nom4", 22,220 members of 100,000, sorts index
    entries and reads no row. Grouped by address: two words of one member may both begin so,
    and the group's sort serves the order too (DISTINCT took a sort of its own)."""
    term = and_(MemberWord.list_id == list_id, _prefix(MemberWord.word, key, dialect))
    moved = _on_words(where + list(order)) if by_address else None
    if moved is None:
        return select(Member.id).where(
            Member.id.in_(select(MemberWord.member_id).where(term)), *where)
    # one address, one member: min() only to name the id PostgreSQL wants aggregated
    entries = select(func.min(MemberWord.member_id).label("member_id")).where(
        term, *moved[:len(where)]).group_by(MemberWord.email).order_by(
        *moved[len(where):]).limit(limit)
    return select(entries.subquery().c.member_id)


def _encode(member: Member, sort: str) -> str:
    value = getattr(member, SORTS[sort][0].key)
    if isinstance(value, datetime):
        value = value.isoformat()
    raw = json.dumps([value, member.id]).encode("utf-8")
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def _decode(cursor: str, sort: str) -> tuple | None:
    """The (key, id) a cursor names, or None for a cursor that is not one of ours."""
    try:
        value, last_id = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        if sort == "joined":
            value = datetime.fromisoformat(value)
        elif sort == "bounce":
            value = float(value)
        elif not isinstance(value, str):
            return None
        return value, int(last_id)
    except (ValueError, TypeError):
        return None


def page(session: Session, mailing_list: MailingList, *, search: str = "",
         sort: str = "email", role: str = "", disabled: bool = False, cursor: str = "",
         before: str = "", size: int = PAGE) -> Page:
    """The page of the roster after ``cursor`` (or the one before ``before``) in this order,
    with these filters.

    Going back reads the same index the other way from the page's first row, then turns the
    rows round, so a previous page costs what a next one does."""
    column, descending = SORTS.get(sort, SORTS["email"])
    sort = sort if sort in SORTS else "email"
    where = []
    if role:
        where.append(Member.role == role)
    if disabled:
        where.append(Member.disabled.is_(True))
    backwards = bool(before) and not cursor
    mark = _decode(before if backwards else cursor, sort) if (before or cursor) else None
    # walking back, "after" in the page's order is "before" in the index's
    ascending = descending == backwards
    if sort == "email":  # unique in a list: the (list_id, email) index alone orders it
        if mark is not None:
            where.append(Member.email > mark[0] if ascending else Member.email < mark[0])
        order = (Member.email,) if ascending else (Member.email.desc(),)
    else:
        if mark is not None:
            key = tuple_(column, Member.id)
            where.append(key > tuple_(*mark) if ascending else key < tuple_(*mark))
        order = (column, Member.id) if ascending else (column.desc(), Member.id.desc())
    query = _query(mailing_list.id, search, session.get_bind().dialect.name, where, order,
                   size + 1, by_address=sort == "email")
    found = list(session.scalars(query))
    more = len(found) > size
    found = found[:size]
    if backwards:
        found.reverse()
        return Page(found, _encode(found[-1], sort) if found else "",
                    _encode(found[0], sort) if more and found else "")
    return Page(found, _encode(found[-1], sort) if more and found else "",
                _encode(found[0], sort) if mark is not None and found else "")


def count(session: Session, mailing_list: MailingList) -> int:
    """How many members the list has."""
    return session.scalar(select(func.count()).select_from(Member).where(
        Member.list_id == mailing_list.id)) or 0


def every(session: Session, mailing_list: MailingList, batch: int = 2000) -> Iterator[Member]:
    """Every member by address, read a batch at a time (the CSV export streams this)."""
    last = ""
    while True:
        rows = list(session.scalars(select(Member).where(
            Member.list_id == mailing_list.id, Member.email > last)
            .order_by(Member.email).limit(batch)))
        yield from rows
        if len(rows) < batch:
            return
        last = rows[-1].email
