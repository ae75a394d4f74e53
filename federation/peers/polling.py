"""Polling peers: conditional GET, walking the paged feed back to the cursor, backoff.

A round (``poll_due``, from ``relais cron`` and ``relais serve``) polls every peer that is
due, each in its own thread with its own session and its own time limits, so one peer that
hangs or drips never delays the others. For one peer (``poll``):

1. GET the feed's first page with If-None-Match / If-Modified-Since (RFC 9110 §13.1): a 304
   means nothing changed.
2. Otherwise apply each page as it comes (``mirroring.apply``, idempotent) and follow
   ``rel="next"`` (RFC 5005 §3, same origin only) until an item at or before the cursor, or
   the end: the first follow backfills the whole history, a week offline is caught up.
3. Only when the walk reached the cursor (or the end) does the cursor move to the newest
   item, and the validators get saved: a walk cut short is walked again, and what it had
   already stored comes back as duplicates — nothing is lost or doubled.

4. The first page's list-level tombstones withdraw the lists they name (``withdrawal``), and
   the lists withdrawn here that it no longer names are asked whether they came back; a
   feed that answers 410 Gone (a followed list feed, withdrawn) is read for its tombstone.

Errors count up and push the next attempt back exponentially (``BACKOFF``); a success resets
them. Registration with the peer is retried here until it succeeds, and the erasure
acknowledgements we owe it are sent at the end of each successful poll.
"""
from __future__ import annotations

import logging
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import or_, select

from federation.peers import acks, fetching, following, mirroring, pages, websub, withdrawal
from federation.peers.fetching import DEFAULT, FetchError, Limits
from federation.settings import Settings
from federation.storage.db import session_scope
from federation.storage.models import Peer, utcnow

log = logging.getLogger(__name__)
INTERVAL = timedelta(seconds=60)      # between two polls of a healthy peer
BACKOFF = (60, 3600)                  # first retry after an error, longest wait (seconds)
ROUND_SECONDS = 600                   # one peer's walk in one round, then the next round
WORKERS = 16
# Changes are stamped when their transaction runs, not when it commits: one that commits
# late can carry a stamp just older than the cursor. The walk goes this far past the cursor
# (what it finds there again is a duplicate, cheap) so such a change is never skipped.
SKEW = timedelta(seconds=30)


@dataclass(frozen=True)
class Polled:
    """What one poll of one peer did."""

    origin: str
    status: str            # "new", "unchanged", "error"
    pages: int = 0
    stored: int = 0
    duplicates: int = 0
    erased: int = 0
    refused: int = 0
    error: str = ""
    withdrawn: int = 0     # lists the origin withdrew, whose copies went
    restored: int = 0      # withdrawn lists published again, mirrored from scratch


def backoff(errors: int) -> timedelta:
    """The wait after ``errors`` consecutive errors: doubling from BACKOFF[0] to BACKOFF[1]."""
    first, longest = BACKOFF
    return timedelta(seconds=min(longest, first * 2 ** max(0, errors - 1)))


def _after(item: pages.Item, cursor: tuple[datetime, str] | None) -> bool:
    return cursor is None or item.key > (cursor[0] - SKEW, cursor[1])


def _walk(settings: Settings, peer: Peer, limits: Limits) -> Polled:
    headers = {"Accept": "application/atom+xml"}
    if peer.etag:
        headers["If-None-Match"] = peer.etag
    if peer.last_modified:
        headers["If-Modified-Since"] = peer.last_modified
    cursor = (peer.cursor_at, peer.cursor_ref) if peer.cursor_at is not None else None
    url, first, newest, count = peer.feed_url, None, None, 0
    listed, withdrawn = set(), 0
    totals = mirroring.Applied()
    started = time.monotonic()
    while url:
        fetched = fetching.get(url, peer.origin, limit=limits.feed_bytes,
                               headers=headers if first is None else {}, limits=limits)
        if first is None and fetched.status == 304:
            return Polled(peer.origin, "unchanged")
        if first is None and fetched.status == 410:  # a list feed, withdrawn: says so
            gone = pages.parse(fetched.body).withdrawals
            return Polled(peer.origin, "new", 1, withdrawn=withdrawal.apply(
                settings, peer.id, peer.origin, gone))
        if fetched.status != 200:
            raise FetchError(f"{url}: HTTP {fetched.status}")
        page = pages.parse(fetched.body)
        count += 1
        for reason in page.rejected:
            totals.refuse(peer.origin, f"entry refused: {reason}")
        if first is None:
            first, listed = fetched, {w.list_address for w in page.withdrawals}
            websub.ensure(settings, peer.id, page.links.get("hub", ""),
                          page.links.get("self", "") or peer.feed_url)
            newest = max((item.key for item in page.items), default=None)
            withdrawn = withdrawal.apply(settings, peer.id, peer.origin, page.withdrawals)
        fresh = [item for item in page.items if _after(item, cursor)]
        done = mirroring.apply(settings, peer.id, peer.origin, fresh, limits)
        totals.stored += done.stored
        totals.duplicates += done.duplicates
        totals.erased += done.erased
        totals.refused += done.refused
        if len(fresh) < len(page.items) or not page.next_url:
            break  # reached the cursor, or the oldest page
        if time.monotonic() - started > ROUND_SECONDS:
            raise FetchError(f"walk not finished after {count} pages; resumed next round")
        url = page.next_url  # fetching refuses it unless it is on the peer's origin
    restored = withdrawal.restore_due(settings, peer.id, peer.origin, listed, limits)
    _done(settings, peer.id, first, newest)
    return Polled(peer.origin, "new", count, totals.stored, totals.duplicates, totals.erased,
                  len(totals.refused), withdrawn=withdrawn, restored=restored)


def _done(settings: Settings, peer_id: int, first, newest) -> None:
    """The walk reached the cursor: move it, keep the validators, reset the errors."""
    with session_scope(settings) as session:
        peer = session.get(Peer, peer_id)
        if newest is not None and (peer.cursor_at is None
                                   or newest > (peer.cursor_at, peer.cursor_ref)):
            peer.cursor_at, peer.cursor_ref = newest
        if newest is not None and (peer.newest_at is None or newest[0] > peer.newest_at):
            peer.newest_at = newest[0]
        if first is not None:
            peer.etag = first.headers.get("etag", "")[:500]
            peer.last_modified = first.headers.get("last-modified", "")[:100]


def poll(settings: Settings, peer_id: int, limits: Limits = DEFAULT) -> Polled:
    """Poll one peer now; never raises (an error is counted and logged)."""
    with session_scope(settings, write=False) as session:
        peer = session.get(Peer, peer_id)
        session.expunge(peer)
    if peer.registered_at is None:
        following.register(settings, peer.id, limits)
    try:
        result = _walk(settings, peer, limits)
    except (FetchError, pages.PageError) as error:
        result = Polled(peer.origin, "error", error=str(error)[:500])
        log.warning("peer %s: %s", peer.origin, result.error)
    except Exception as error:  # a bug must not stop the other peers' polls
        log.exception("peer %s: poll failed", peer.origin)
        result = Polled(peer.origin, "error", error=f"{error.__class__.__name__}: {error}"[:500])
    _record(settings, peer.id, result)
    if result.status != "error":
        acks.send_due(settings, peer.id, limits)
    return result


def _record(settings: Settings, peer_id: int, result: Polled) -> None:
    now = utcnow()
    # bookkeeping: lost in a power cut, it costs one poll made again (no fsync per peer)
    with session_scope(settings, durable=False) as session:
        peer = session.get(Peer, peer_id)
        peer.last_attempt_at = now
        if result.status == "error":
            peer.errors += 1
            peer.last_error = result.error
            peer.next_attempt_at = now + backoff(peer.errors)
        else:
            peer.errors, peer.last_error = 0, ""
            peer.last_success_at = now
            peer.next_attempt_at = now + INTERVAL


def due(settings: Settings, now: datetime | None = None) -> list[int]:
    """The peers to poll now (followed, and their next attempt has come)."""
    now = now or utcnow()
    with session_scope(settings, write=False) as session:
        return list(session.scalars(select(Peer.id).where(
            Peer.removed_at.is_(None),
            or_(Peer.next_attempt_at.is_(None), Peer.next_attempt_at <= now)).order_by(Peer.id)))


def poll_all(settings: Settings, peer_ids: list[int], limits: Limits = DEFAULT) -> list[Polled]:
    """Poll these peers at once, each in its own thread: one slow peer delays nobody."""
    if not peer_ids:
        return []
    with ThreadPoolExecutor(max_workers=min(WORKERS, len(peer_ids)),
                            thread_name_prefix="peer-poll") as pool:
        return list(pool.map(lambda peer_id: poll(settings, peer_id, limits), peer_ids))


def poll_due(settings: Settings, limits: Limits = DEFAULT) -> list[Polled]:
    """One round: poll every peer that is due (the scheduled task)."""
    return poll_all(settings, due(settings), limits)
