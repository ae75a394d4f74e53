"""A list's roster a page at a time: searched, sorted and keyset-paged, never loaded whole
(Postorius loads every member on every page: 5–6 s at 10,000, postorius#636).

Each sort walks one index of ``members`` (see ``models.console``) from a cursor — the last
row's (sort key, id) — so page 2,000 costs what page 1 does.
"""
from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Iterator

from sqlalchemy import Select, func, or_, select, tuple_
from sqlalchemy.orm import Session

from federation.storage.models import MailingList, Member

# sort name → (column, newest/highest first?)
SORTS = {"email": (Member.email, False), "name": (Member.name, False),
         "joined": (Member.created_at, True), "bounce": (Member.bounce_score, True)}
PAGE = 50


@dataclass(frozen=True)
class Page:
    """One page of members, and the cursor of the next page ("" on the last one)."""

    members: list[Member]
    next_cursor: str


def _like(text: str) -> str:
    """A LIKE pattern's literal text (``\\`` is the escape character below)."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _search(query: Select, text: str) -> Select:
    """Members whose address or name contains ``text`` (the address as typed in any case).

    Names are matched as written, Capitalised, Title Case or UPPER rather than through
    ``lower(name)``: a function call on each of 100,000 rows cost three times the scan.
    """
    text = (text or "").strip().lower()[:254]
    if not text:
        return query
    names = {text, text.capitalize(), text.title(), text.upper()}
    return query.where(or_(Member.email.like(f"%{_like(text)}%", escape="\\"),
                           *(Member.name.like(f"%{_like(n)}%", escape="\\")
                             for n in sorted(names))))


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
         size: int = PAGE) -> Page:
    """The page of the roster after ``cursor`` in this order, with these filters."""
    column, descending = SORTS.get(sort, SORTS["email"])
    sort = sort if sort in SORTS else "email"
    query = _search(select(Member).where(Member.list_id == mailing_list.id), search)
    if role:
        query = query.where(Member.role == role)
    if disabled:
        query = query.where(Member.disabled.is_(True))
    after = _decode(cursor, sort) if cursor else None
    if sort == "email":  # unique in a list: the (list_id, email) index alone orders it
        if after is not None:
            query = query.where(Member.email > after[0])
        order = (Member.email,)
    else:
        if after is not None:
            key = tuple_(column, Member.id)
            query = query.where(key < tuple_(*after) if descending else key > tuple_(*after))
        order = (column.desc(), Member.id.desc()) if descending else (column, Member.id)
    found = list(session.scalars(query.order_by(*order).limit(size + 1)))
    more = len(found) > size
    found = found[:size]
    return Page(found, _encode(found[-1], sort) if more and found else "")


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
