"""Lists a peer withdrew from federation, the follower side: removing our copies, and
mirroring them again from scratch when the origin publishes the list once more.

When an origin's owner makes a federated list private or takes back their consent, the
origin's feed says so with a list-level RFC 6721 tombstone (``feeds/federation.py``). As an
erasure does, the withdrawal reaches every copy: the follower removes its mirrored messages
of that list, their threads, theme links, attachments and search documents, revises the
digest issues that named them, hides the (now empty) mirrored list and records
``peer.withdraw`` in the audit log. Archiving a list withdraws nothing: an archived list is
no longer published, but what peers copied stays readable (as Mailman/HyperKitty keep the
archives of retired lists).

Only the origin can withdraw its lists: a withdrawal is taken from a page fetched from the
peer's own origin (``fetching`` refuses any other host), never from a push (a push only asks
for a poll), and it only touches a list mirrored from that very peer. The list's row stays,
hidden, with the time and the list feed of its withdrawal (``ListSetting``); each poll that
reads a changed first page asks that list feed again, and once it answers 200 instead of
410 Gone the list is walked from its first entry, shown again, and ``peer.restore`` recorded.
"""
from __future__ import annotations

import logging
import time
from types import SimpleNamespace

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from federation.archive import erasure, search
from federation.lists import audit
from federation.peers import fetching, mirroring, pages
from federation.peers.fetching import DEFAULT, FetchError, Limits
from federation.settings import Settings
from federation.storage.db import session_scope
from federation.storage.models import (Attachment, ListSetting, MailingList, Message, Thread,
                                       ThreadTheme, utcnow)

log = logging.getLogger(__name__)
# ListSetting keys on a mirrored list the origin withdrew: when we removed our copies, and
# the list's federation feed, asked again until it is published once more
WITHDRAWN_AT = "peer_withdrawn_at"
WITHDRAWN_FEED = "peer_withdrawn_feed"
RESTORE_SECONDS = 600  # one list's walk from scratch in one poll, then the next poll


def _setting(session: Session, list_id: int, key: str) -> ListSetting | None:
    return session.scalar(select(ListSetting).filter_by(list_id=list_id, key=key))


def _remove_copies(session: Session, ml: MailingList) -> int:
    """Remove every copy of a mirrored list; returns how many messages went."""
    of_list = select(Message.id).where(Message.list_id == ml.id)
    threads = select(Thread.id).where(Thread.list_id == ml.id)
    named = [SimpleNamespace(message_id=mid, date=date) for mid, date in session.execute(
        select(Message.message_id, Message.date).where(Message.list_id == ml.id,
                                                       Message.ghost.is_(False)))]
    search.forget(session, list(session.scalars(of_list)))
    session.execute(delete(Attachment).where(Attachment.message_pk.in_(of_list)))
    # threading is per list, but nothing elsewhere may keep pointing at rows that go
    session.execute(update(Message).where(Message.list_id != ml.id, Message.parent_id.in_(
        of_list)).values(parent_id=None).execution_options(synchronize_session=False))
    session.execute(update(Message).where(Message.list_id != ml.id, Message.thread_id.in_(
        threads)).values(thread_id=None).execution_options(synchronize_session=False))
    session.execute(update(Message).where(Message.list_id == ml.id).values(
        parent_id=None, thread_id=None).execution_options(synchronize_session=False))
    session.execute(delete(ThreadTheme).where(ThreadTheme.thread_id.in_(threads)))
    session.execute(delete(Message).where(Message.list_id == ml.id)
                    .execution_options(synchronize_session=False))
    session.execute(delete(Thread).where(Thread.list_id == ml.id)
                    .execution_options(synchronize_session=False))
    session.expire_all()
    if named:
        erasure.revise_digests(session, named)  # the published issues no longer name them
    return len(named)


def _withdraw(session: Session, peer_id: int, origin: str, item: pages.Withdrawal) -> int | None:
    """Apply one withdrawal; the number of copies removed, or None when nothing was to do."""
    ml = session.scalar(select(MailingList).filter_by(address=item.list_address,
                                                      origin_peer_id=peer_id))
    if ml is None or _setting(session, ml.id, WITHDRAWN_AT) is not None:
        return None  # never mirrored from this peer (another's, or a local list), or done
    removed = _remove_copies(session, ml)
    ml.public = False  # gone from every page, search, theme page, feed and digest
    for key, value in ((WITHDRAWN_AT, utcnow().isoformat(timespec="seconds")),
                       (WITHDRAWN_FEED, item.feed_url)):
        session.add(ListSetting(list_id=ml.id, key=key, value=value))
    audit.record(session, "peer.withdraw", mailing_list=ml, actor=origin, channel="peer",
                 target=ml.address, removed=removed,
                 withdrawn_at=item.changed.isoformat(timespec="seconds"))
    log.info("peer %s withdrew %s: %d copies removed", origin, ml.address, removed)
    return removed


def apply(settings: Settings, peer_id: int, origin: str,
          withdrawals: list[pages.Withdrawal]) -> int:
    """Apply the withdrawals a page of the origin's own feed lists; returns how many lists
    were withdrawn here (a list already withdrawn, or not mirrored from it, counts none)."""
    if not withdrawals:
        return 0
    done = 0
    with session_scope(settings) as session:
        for item in withdrawals:
            if _withdraw(session, peer_id, origin, item) is not None:
                done += 1
    return done


def withdrawn(session: Session, peer_id: int) -> list[tuple[str, str]]:
    """The lists this peer withdrew, as (address, when we removed our copies)."""
    return list(session.execute(
        select(MailingList.address, ListSetting.value)
        .join(ListSetting, ListSetting.list_id == MailingList.id)
        .where(MailingList.origin_peer_id == peer_id, ListSetting.key == WITHDRAWN_AT)
        .order_by(MailingList.address)).all())


def _walk(settings: Settings, peer_id: int, origin: str, url: str, limits: Limits) -> int:
    """Mirror a list again from its feed's first entry (what we hold comes back as
    duplicates); returns how many copies were stored."""
    stored, started = 0, time.monotonic()
    while url:
        fetched = fetching.get(url, origin, limit=limits.feed_bytes, limits=limits)
        if fetched.status != 200:
            raise FetchError(f"{url}: HTTP {fetched.status}")
        page = pages.parse(fetched.body)
        stored += mirroring.apply(settings, peer_id, origin, page.items, limits).stored
        if time.monotonic() - started > RESTORE_SECONDS:
            raise FetchError(f"{url}: walk not finished; resumed next poll")
        url = page.next_url
    return stored


def _restore(settings: Settings, peer_id: int, origin: str, address: str, feed_url: str,
             limits: Limits) -> bool:
    probe = fetching.get(feed_url, origin, limit=limits.feed_bytes, limits=limits)
    if probe.status in (404, 410):
        return False  # still withdrawn (or gone altogether)
    if probe.status != 200:
        raise FetchError(f"{feed_url}: HTTP {probe.status}")
    stored = _walk(settings, peer_id, origin, feed_url, limits)
    with session_scope(settings) as session:
        ml = session.scalar(select(MailingList).filter_by(address=address,
                                                          origin_peer_id=peer_id))
        if ml is None:
            return False
        session.execute(delete(ListSetting).where(
            ListSetting.list_id == ml.id, ListSetting.key.in_((WITHDRAWN_AT, WITHDRAWN_FEED))))
        ml.public = True
        audit.record(session, "peer.restore", mailing_list=ml, actor=origin, channel="peer",
                     target=ml.address, stored=stored)
    log.info("peer %s federates %s again: %d copies mirrored", origin, address, stored)
    return True


def restore_due(settings: Settings, peer_id: int, origin: str, still_withdrawn: set[str],
                limits: Limits = DEFAULT) -> int:
    """Ask the feed of each list withdrawn here (and not listed as withdrawn by the page just
    read) whether it is published again, and mirror those from scratch; returns how many."""
    with session_scope(settings, write=False) as session:
        due = [(address, session.scalar(select(ListSetting.value).join(
            MailingList, MailingList.id == ListSetting.list_id).where(
            MailingList.address == address, ListSetting.key == WITHDRAWN_FEED)))
            for address, _when in withdrawn(session, peer_id) if address not in still_withdrawn]
    restored = 0
    for address, feed_url in due:
        try:
            restored += bool(feed_url) and _restore(settings, peer_id, origin, address,
                                                    feed_url, limits)
        except (FetchError, pages.PageError) as error:
            log.warning("peer %s: %s not restored yet: %s", origin, address, error)
    return restored
