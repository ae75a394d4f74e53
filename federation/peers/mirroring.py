"""Storing a peer's messages as mirrored copies, and applying its erasures to them.

A peer's list is mirrored as a local ``MailingList`` row with the same address (so the same
List-Id) marked with ``origin_peer_id``, in an assembly marked the same way: its pages,
theme pages, search and digests show it like any public list, with its origin named. A
mirrored list is read-only: the listener refuses mail for it at RCPT (``ingest.routing``),
it has no members and its copies are stored as an import is (``filing.archive_batch``: never
delivered), threaded by the archive's JWZ and indexed for search like local mail. Replies
from a mail client go to the origin: the raw bytes keep the origin's List-Post and Reply-To.

Copies are exact: the raw bytes come inline or from the raw link (on the peer's origin only),
are checked against the entry's sha256 and re-parsed by the archive's parser (so their HTML
is sanitised as local mail is), and must carry the entry's Message-ID. A copy is stored once
per (list, Message-ID) and never overwrites anything: a local list, or another peer's, of
the same address is refused with a logged reason, and an entry whose bytes differ from the
copy we hold (without an erasure saying why) is a logged conflict. The origin's theme slugs
that exist in the local taxonomy are kept (``source="peer"``); unknown slugs are dropped,
and the local classifier tags the thread as any other.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from federation import queue
from federation.archive import erasure
from federation.archive.message import Parsed, parse
from federation.errors import Invalid, Rejected
from federation.ingest import filing, jobs
from federation.peers import acks, fetching
from federation.peers.fetching import DEFAULT, FetchError, Limits
from federation.peers.pages import Item
from federation.settings import Settings
from federation.storage.db import session_scope
from federation.storage.models import (Assembly, MailingList, Message, Theme, ThreadTheme,
                                       utcnow)

log = logging.getLogger(__name__)


@dataclass
class Applied:
    """What one page did here."""

    stored: int = 0
    duplicates: int = 0
    erased: int = 0
    refused: list[str] = field(default_factory=list)

    def refuse(self, origin: str, reason: str) -> None:
        log.warning("peer %s: %s", origin, reason)
        self.refused.append(reason)


def _assembly(session: Session, peer_id: int, item: Item) -> Assembly:
    """The peer's assembly here: its slug when free, else the slug with the peer's number."""
    for slug in (item.assembly_slug, f"{item.assembly_slug[:55]}-p{peer_id}"):
        found = session.scalar(select(Assembly).filter_by(slug=slug))
        if found is None:
            found = Assembly(slug=slug, name=item.assembly_name or item.assembly_slug,
                             origin_peer_id=peer_id)
            session.add(found)
            session.flush()
            return found
        if found.origin_peer_id == peer_id:
            return found
    raise Invalid(f"assembly slug {item.assembly_slug!r} is taken here")


def _mirrored_list(session: Session, peer_id: int, item: Item) -> MailingList:
    """The mirrored list of an item (made on first sight); Invalid when the address is a
    local list's or another peer's: a copy never lands there."""
    found = session.scalar(select(MailingList).filter_by(address=item.list_address))
    if found is not None:
        if found.origin_peer_id != peer_id:
            owner = "a local list" if found.origin_peer_id is None else "another peer's list"
            raise Invalid(f"{item.list_address} is {owner} here: never overwritten")
        if item.list_name and found.name != item.list_name:
            found.name = item.list_name
        return found
    found = MailingList(address=item.list_address, assembly=_assembly(session, peer_id, item),
                        name=item.list_name or item.list_address.split("@")[0],
                        policy="announce", public=True, federated=False,
                        origin_peer_id=peer_id)
    session.add(found)
    session.flush()
    return found


def _held(session: Session, list_id: int, message_ids: list[str]) -> dict[str, Message]:
    return {m.message_id: m for m in session.scalars(select(Message).where(
        Message.list_id == list_id, Message.ghost.is_(False),
        Message.message_id.in_(message_ids)))}


def _raw(item: Item, origin: str, limits: Limits) -> bytes:
    """The exact bytes of an entry, checked against its sha256 (ValueError otherwise)."""
    raw = item.raw
    if raw is None:
        fetched = fetching.get(item.raw_url, origin, limit=limits.raw_bytes, limits=limits)
        if fetched.status != 200:
            raise ValueError(f"raw link answered HTTP {fetched.status}")
        raw = fetched.body
    if hashlib.sha256(raw).hexdigest() != item.sha256:
        raise ValueError("raw bytes do not match their sha256")
    return raw


def _parsed(item: Item, raw: bytes) -> Parsed:
    """The archive's parse of a copy, which must be the message the entry names."""
    parsed = parse(raw)
    if parsed.message_id == item.message_id:
        return parsed
    # a message without one: the origin named it from its bytes (store.generated_message_id)
    if not parsed.message_id and item.message_id.startswith(
            f"relais.{hashlib.sha256(raw).hexdigest()[:32]}@"):
        return dataclasses.replace(parsed, message_id=item.message_id)
    raise ValueError(f"raw bytes carry Message-ID {parsed.message_id[:80]!r}")


def _plan(settings: Settings, peer_id: int, origin: str, items: list[Item], applied: Applied):
    """Sort a page's items: {list address: [new entries]}, and the erasures to apply."""
    new: dict[str, list[Item]] = {}
    erasures: list[tuple[Item, int | None]] = []  # (item, list id when we have the list)
    with session_scope(settings) as session:
        lists: dict[str, MailingList | None] = {}
        for item in items:
            if item.list_address not in lists:
                try:
                    lists[item.list_address] = _mirrored_list(session, peer_id, item)
                except Invalid as refusal:
                    lists[item.list_address] = None
                    applied.refuse(origin, f"<{item.message_id}>: {refusal}")
        for address, ml in lists.items():
            if ml is None:
                continue
            mine = [i for i in items if i.list_address == address]
            held = _held(session, ml.id, [i.message_id for i in mine])
            for item in mine:
                copy = held.get(item.message_id)
                if item.erased == "delete" or (item.erased == "redact" and copy is not None
                                               and copy.erased_at is None):
                    erasures.append((item, ml.id))
                elif copy is None:
                    new.setdefault(address, []).append(item)
                elif copy.sha256 == item.sha256 or copy.erased_at is not None:
                    applied.duplicates += 1
                else:
                    applied.refuse(origin, f"<{item.message_id}> differs from our copy and "
                                           f"no erasure says why: kept ours")
        for item in items:
            if lists.get(item.list_address) is None and item.erased == "delete":
                acks.owe(session, peer_id, item.message_id, "absent")
    return new, erasures


def _store(settings: Settings, peer_id: int, origin: str, address: str, items: list[Item],
           applied: Applied, limits: Limits) -> None:
    kept, raws, parsed = [], [], []
    for item in items:
        try:
            raw = _raw(item, origin, limits)
            parsed.append(_parsed(item, raw))
        except (ValueError, FetchError) as error:
            applied.refuse(origin, f"<{item.message_id}>: {error}")
            continue
        kept.append(item)
        raws.append(raw)
    if not kept:
        return
    try:
        done = filing.archive_batch(settings, address, raws, parsed)
        created, duplicates, refused = done.created, done.duplicates, done.refused
    except Rejected as refusal:
        applied.refuse(origin, f"{address}: {refusal}")
        return
    applied.stored += len(created)
    applied.duplicates += duplicates
    if refused:
        applied.refuse(origin, f"{address}: {refused} messages over the size limit")
    with session_scope(settings) as session:
        by_id = {i.message_id: i for i in kept}
        rows = list(session.scalars(select(Message).where(Message.id.in_(created))))
        for row in rows:
            item = by_id.get(row.message_id)
            row.origin_peer_id, row.sha256 = peer_id, item.sha256 if item else ""
            if item is not None and item.erased == "redact":  # as the origin publishes it
                row.erased_at, row.erasure_reason = utcnow(), item.reason
                acks.owe(session, peer_id, item.message_id, "absent")
        _theme(session, origin, [(row, by_id[row.message_id]) for row in rows
                                 if row.message_id in by_id])
    if created:
        queue.enqueue(settings, jobs.process_messages, created)


def _theme(session: Session, origin: str, pairs: list[tuple[Message, Item]]) -> None:
    """Give the threads the origin's themes that the local taxonomy has (by slug)."""
    slugs = {slug for _row, item in pairs for slug in item.themes}
    if not slugs:
        return
    themes = {t.slug: t for t in session.scalars(select(Theme).where(
        Theme.slug.in_(slugs), Theme.retired.is_(False)))}
    threads = dict(session.execute(select(Message.id, Message.thread_id).where(
        Message.id.in_([row.id for row, _item in pairs]))).all())
    done = set(session.execute(select(ThreadTheme.thread_id, ThreadTheme.theme_id).where(
        ThreadTheme.thread_id.in_(set(threads.values())))).all())
    for row, item in pairs:
        thread_id = threads.get(row.id)
        for slug in item.themes:
            theme = themes.get(slug)
            if theme is None or thread_id is None or (thread_id, theme.id) in done:
                continue
            done.add((thread_id, theme.id))
            session.add(ThreadTheme(thread_id=thread_id, theme_id=theme.id, score=1.0,
                                    source="peer", reasons=json.dumps([origin])))
    session.flush()


def _erase(settings: Settings, peer_id: int, origin: str,
           erasures: list[tuple[Item, int | None]], applied: Applied) -> None:
    """Apply the origin's tombstones and redactions to our copies, and owe their acks."""
    with session_scope(settings) as session:
        for item, _list_id in erasures:
            action = "delete" if item.erased == "delete" else "redact"
            try:
                erase = erasure.delete if action == "delete" else erasure.redact
                rows = erase(session, item.message_id, item.list_address, item.reason,
                             note="tombstone from the origin", actor=origin, channel="peer")
                for row in rows:
                    row.sha256 = item.sha256 if action == "redact" else ""
                applied.erased += 1
            except Invalid:  # never had it, or erased already: nothing left to erase
                action = "absent" if action == "delete" and not _erased(
                    session, item) else action
            acks.owe(session, peer_id, item.message_id, action)


def _erased(session: Session, item: Item) -> bool:
    return session.scalar(select(Message.id).join(MailingList).where(
        MailingList.address == item.list_address, Message.message_id == item.message_id,
        Message.deleted.is_(True))) is not None


def apply(settings: Settings, peer_id: int, origin: str, items: list[Item],
          limits: Limits = DEFAULT) -> Applied:
    """Mirror one page of a peer's changes: new copies stored, erasures applied."""
    applied = Applied()
    new, erasures = _plan(settings, peer_id, origin, items, applied)
    for address, entries in new.items():
        _store(settings, peer_id, origin, address, entries, applied, limits)
    if erasures:
        _erase(settings, peer_id, origin, erasures, applied)
    return applied
