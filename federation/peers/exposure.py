"""What a federated list exposes to peers, independent of the protocol that carries it.

Only lists whose owner consented and whose archive is public and live are exposed
(``directory.is_federated``), and never a list that is itself a mirror: a peer follows the
origin, not a copy. Each message is exposed once, at its last change (its arrival, or its
erasure): the Atom feed of ``feeds/federation.py`` pages through ``changes`` newest first, and
a follower walks back to the last change it holds. An ActivityPub face can reuse the same
``Exposed`` items. A list that was published and then made private or un-federated is a
``Withdrawn`` (``directory.WITHDRAWN_AT``), so that peers remove their copies of it.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session, selectinload, undefer

from federation.archive.erasure import reason_class
from federation.lists.directory import WITHDRAWN_AT
from federation.reading import theme_queries
from federation.reading.addresses import display_name, obfuscate
from federation.storage.models import Assembly, ListSetting, MailingList, Message
from federation.storage.models.peers import CHANGED

Cursor = tuple[datetime, str]  # (last change, Message-ID)
# raw messages up to this size travel inside the feed entry (RFC 4287 §4.1.3.3, base64), so
# a backfill needs no request per message; bigger ones are fetched from their raw link
INLINE_BYTES = 256 * 1024


@dataclass(frozen=True)
class Exposed:
    """One message of a federated list as a peer sees it; ``erased`` is "" (as received),
    "redact" (raw rebuilt without author and body) or "delete" (a tombstone: no raw)."""

    message_id: str
    list_address: str
    list_id: str          # RFC 2919
    list_name: str
    assembly_slug: str
    assembly_name: str
    subject: str
    author: str
    date: datetime | None
    changed: datetime
    in_reply_to: str
    references: str
    themes: tuple[str, ...]
    size: int
    sha256: str
    raw: bytes | None
    erased: str = ""
    reason: str = ""      # erasure.REASONS


@dataclass(frozen=True)
class Withdrawn:
    """A list its owner took back from federation (made private, or consent withdrawn):
    peers remove their copies of it. A list-level RFC 6721 tombstone in the feeds."""

    list_address: str
    list_id: str
    list_name: str
    assembly_slug: str
    assembly_name: str
    changed: datetime


def _federated():
    """The condition on ``MailingList`` of ``directory.is_federated``, and not a mirror."""
    return and_(MailingList.federated.is_(True), MailingList.public.is_(True),
                MailingList.archived_at.is_(None), MailingList.origin_peer_id.is_(None))


def federated_lists(session: Session) -> list[MailingList]:
    """The lists this instance publishes to its peers, by address."""
    return list(session.scalars(select(MailingList).options(selectinload(MailingList.assembly))
                                .where(_federated()).order_by(MailingList.address)))


def federated_list(session: Session, address: str) -> MailingList | None:
    """One published list by address (None when it is not federated)."""
    return session.scalar(select(MailingList).options(selectinload(MailingList.assembly))
                          .where(_federated(), MailingList.address == address.strip().lower()))


def _withdrawn_query():
    return (select(MailingList, Assembly, ListSetting.value)
            .join(Assembly, Assembly.id == MailingList.assembly_id)
            .join(ListSetting, and_(ListSetting.list_id == MailingList.id,
                                    ListSetting.key == WITHDRAWN_AT))
            .where(MailingList.origin_peer_id.is_(None),
                   or_(MailingList.federated.is_(False), MailingList.public.is_(False))))


def _withdrawn(ml: MailingList, assembly: Assembly, when: str) -> Withdrawn:
    return Withdrawn(list_address=ml.address, list_id=ml.list_id, list_name=ml.name,
                     assembly_slug=assembly.slug, assembly_name=assembly.name,
                     changed=datetime.fromisoformat(when))


def withdrawals(session: Session, list_id: int | None = None) -> list[Withdrawn]:
    """The lists withdrawn from federation (or that one, when withdrawn), by address."""
    query = _withdrawn_query()
    if list_id is not None:
        query = query.where(MailingList.id == list_id)
    return [_withdrawn(*row) for row in session.execute(query.order_by(MailingList.address))]


def withdrawn_ids(session: Session) -> set[int]:
    """The row ids of the withdrawn lists (the hub pushes their withdrawal)."""
    return set(session.scalars(_withdrawn_query().with_only_columns(MailingList.id)))


def withdrawn_list(session: Session, address: str) -> MailingList | None:
    """One withdrawn list by address (None unless it was published and then withdrawn)."""
    row = session.execute(_withdrawn_query().where(
        MailingList.address == address.strip().lower())).first()
    return row.MailingList if row is not None else None


def _exposed(row: Message, ml: MailingList, assembly: Assembly, themes: list[str]) -> Exposed:
    deleted = row.deleted
    raw = None if deleted else (row.raw or b"")
    return Exposed(
        message_id=row.message_id, list_address=ml.address, list_id=ml.list_id,
        list_name=ml.name, assembly_slug=assembly.slug, assembly_name=assembly.name,
        subject="" if deleted else obfuscate(row.subject),
        author="" if deleted else display_name(row.from_name, row.from_addr),
        date=row.date, changed=row.erased_at or row.received_at,
        in_reply_to=row.in_reply_to or "", references=row.references or "",
        themes=tuple(themes), size=len(raw or b""),
        sha256=hashlib.sha256(raw).hexdigest() if raw is not None else "",
        raw=raw, erased="delete" if deleted else ("redact" if row.erased_at else ""),
        reason=reason_class(row.erasure_reason) if row.erased_at or deleted else "")


def changes(session: Session, list_id: int | None = None, before: Cursor | None = None,
            limit: int = 200) -> list[Exposed]:
    """The latest changes of the federated lists (or of one), newest first, keyset paged."""
    query = (select(Message, MailingList, Assembly)
             .join(MailingList, MailingList.id == Message.list_id)
             .join(Assembly, Assembly.id == MailingList.assembly_id)
             .where(Message.ghost.is_(False), _federated())
             .options(undefer(Message.raw)))
    if list_id is not None:
        query = query.where(Message.list_id == list_id)
    if before is not None:
        when, mid = before
        query = query.where(or_(CHANGED < when, and_(CHANGED == when, Message.message_id < mid)))
    rows = session.execute(query.order_by(CHANGED.desc(), Message.message_id.desc())
                           .limit(limit)).all()
    themes = theme_queries.slugs_of(session, {r.Message.thread_id for r in rows
                                              if r.Message.thread_id is not None})
    return [_exposed(r.Message, r.MailingList, r.Assembly, themes.get(r.Message.thread_id, []))
            for r in rows]


def stamp(session: Session) -> tuple:
    """A cheap stamp that changes with any exposed change (a feed's cache validator): the
    newest change anywhere (an index probe), which lists are federated, which withdrawn."""
    # the counts catch a change that committed late with an older stamp than the newest
    newest = session.execute(select(func.max(CHANGED), func.count(),
                                    func.count(Message.erased_at))).one()
    lists = tuple(session.execute(select(MailingList.id, MailingList.federated,
                                         MailingList.public, MailingList.archived_at,
                                         MailingList.name)
                                  .where(MailingList.origin_peer_id.is_(None))
                                  .order_by(MailingList.id)).all())
    withdrawn = tuple(session.execute(select(ListSetting.list_id, ListSetting.value).where(
        ListSetting.key == WITHDRAWN_AT).order_by(ListSetting.list_id)).all())
    return tuple(newest), lists, withdrawn
