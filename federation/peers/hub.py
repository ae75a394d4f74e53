"""WebSub (W3C Recommendation, 2018), the hub side: each instance is the hub of its own
federation feeds. Subscription requests (§5.1) are verified by a GET challenge to the
callback (§5.3) before they change anything; after a federated list gets a message or a
tombstone, or is withdrawn from federation, every active subscriber of the feeds that changed
gets a signed push (§7).

The push is a light ping: an Atom document naming the topic and the hub (with the Link
headers of §7), signed like a full one. Subscribers of ours only poll on a push, and what
they store always comes from the feed itself, so the body need not carry the entries.
"""
from __future__ import annotations

import logging
import secrets
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from xml.sax.saxutils import escape, quoteattr

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from federation import queue
from federation.errors import Invalid
from federation.peers import exposure, fetching, websub
from federation.settings import Settings
from federation.storage.db import session_scope
from federation.storage.models import Follower, WebSubSubscriber, utcnow

log = logging.getLogger(__name__)

HUB_PATH = "/websub/hub"
DEFAULT_LEASE = 10 * 24 * 3600  # when the subscriber asks for none (§5.1 leaves it to us)
MIN_LEASE, MAX_LEASE = 300, 30 * 24 * 3600
MAX_SECRET = 199  # §5.1: hub.secret "MUST be less than 200 bytes"
PUSHERS = 8  # subscribers pushed to at once: one that hangs never delays the others
MODES = ("subscribe", "unsubscribe")


def hub_url(settings: Settings) -> str:
    """This instance's hub, announced by its feeds as ``<link rel="hub">``."""
    return settings.base_url + HUB_PATH


def lease_for(asked: str | int | None) -> int:
    """The lease we grant: what was asked, within our bounds."""
    try:
        seconds = int(asked) if asked not in (None, "") else DEFAULT_LEASE
    except ValueError:
        seconds = DEFAULT_LEASE
    return max(MIN_LEASE, min(MAX_LEASE, seconds))


def request(session: Session, *, mode: str, topic: str, list_id: int | None,
            callback: str, secret: str = "", lease_seconds: str | None = None) -> int:
    """Record a (un)subscription request to verify; returns the subscriber's row id.

    ``topic`` is one of our federation feeds (the web side checks it, and gives the list
    whose feed it is). The active subscription, if any, is untouched until verified.
    """
    if mode not in MODES:
        raise Invalid(f"hub.mode must be one of {', '.join(MODES)}")
    parts = urllib.parse.urlsplit(callback)
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.fragment \
            or len(callback) > 2000:
        raise Invalid("hub.callback must be an absolute http(s) URL")
    if len(secret.encode()) > MAX_SECRET:
        raise Invalid("hub.secret must be less than 200 bytes")
    if not _followed_by(session, callback):
        # only instances that registered as followers (the handshake of ``following``)
        # are ever called back: no stranger makes this hub fetch a host of its choosing
        raise Invalid("hub.callback is not on an instance that follows us")
    row = session.scalar(select(WebSubSubscriber).filter_by(topic=topic, callback=callback))
    if row is None:
        if mode == "unsubscribe":
            raise Invalid("no such subscription")
        row = WebSubSubscriber(topic=topic, list_id=list_id, callback=callback)
        session.add(row)
    row.pending_mode, row.pending_secret = mode, secret
    row.pending_lease_seconds = lease_for(lease_seconds)
    session.flush()
    return row.id


def _followed_by(session: Session, callback: str) -> bool:
    try:
        origin = fetching.origin_of(callback)
        return any(fetching.origin_of(url) == origin
                   for url in session.scalars(select(Follower.url)))
    except fetching.FetchError:
        return False


def verify_intent(settings: Settings, subscriber_id: int) -> bool:
    """GET the callback with a challenge (§5.3) and apply the pending request if echoed.

    A job: the hub answers 202 first, then verifies. A request that fails verification is
    forgotten, and an active subscription stays as it was."""
    with session_scope(settings, write=False) as session:
        row = session.get(WebSubSubscriber, subscriber_id)
        if row is None or not row.pending_mode:
            return False
        mode, topic, callback = row.pending_mode, row.topic, row.callback
        lease = row.pending_lease_seconds
    challenge = secrets.token_urlsafe(24)
    query = {"hub.mode": mode, "hub.topic": topic, "hub.challenge": challenge}
    if mode == "subscribe":
        query["hub.lease_seconds"] = str(lease)
    separator = "&" if urllib.parse.urlsplit(callback).query else "?"
    answer = websub.http("GET", callback + separator + urllib.parse.urlencode(query))
    confirmed = answer.ok and answer.body.strip() == challenge.encode()
    with session_scope(settings) as session:
        row = session.get(WebSubSubscriber, subscriber_id)
        if row is None or row.pending_mode != mode:
            return False
        if (confirmed and mode == "unsubscribe") or (not confirmed and row.verified_at is None):
            session.delete(row)  # unsubscribed, or never active: nothing to keep
        else:
            if confirmed:
                now = utcnow()
                row.secret, row.lease_seconds = row.pending_secret, lease
                row.verified_at, row.expires_at = now, now + timedelta(seconds=lease)
            row.pending_mode, row.pending_secret, row.pending_lease_seconds = "", "", 0
    if not confirmed:
        log.warning("WebSub: %s of %s for %s not verified (%s)", mode, callback, topic,
                    answer.error or f"HTTP {answer.status}")
    return confirmed


def announce(settings: Settings, list_ids) -> None:
    """Queue the pushes for the feeds of these lists (after a commit that changed them)."""
    list_ids = sorted({pk for pk in list_ids if pk is not None})
    if not list_ids:
        return
    with session_scope(settings, write=False) as session:
        anyone = session.scalar(select(WebSubSubscriber.id).where(
            WebSubSubscriber.verified_at.is_not(None),
            or_(WebSubSubscriber.list_id.is_(None),
                WebSubSubscriber.list_id.in_(list_ids))).limit(1))
    if anyone is not None:
        queue.enqueue(settings, publish, list_ids)


def _changed(session: Session, list_ids: list[int]) -> list[WebSubSubscriber]:
    """The active subscribers of the feeds these lists' changes show in (a withdrawal shows
    in the instance feed and in the list's own, which answers 410 with it)."""
    federated = [ml.id for ml in exposure.federated_lists(session) if ml.id in list_ids]
    federated += [pk for pk in exposure.withdrawn_ids(session) if pk in list_ids]
    if not federated:
        return []
    return list(session.scalars(select(WebSubSubscriber).where(
        WebSubSubscriber.verified_at.is_not(None), WebSubSubscriber.expires_at > utcnow(),
        or_(WebSubSubscriber.list_id.is_(None), WebSubSubscriber.list_id.in_(federated)))))


def ping(settings: Settings, topic: str) -> bytes:
    """The body of a push: an Atom feed with no entries, naming the topic and its hub."""
    return ("<?xml version='1.0' encoding='UTF-8'?>\n"
            "<feed xmlns=\"http://www.w3.org/2005/Atom\">"
            f"<id>{escape(topic)}</id><title>Relais</title>"
            f"<updated>{utcnow().isoformat(timespec='seconds')}Z</updated>"
            f"<link rel=\"self\" href={quoteattr(topic)}/>"
            f"<link rel=\"hub\" href={quoteattr(hub_url(settings))}/></feed>").encode()


def _push(settings: Settings, callback: str, topic: str, secret: str) -> int:
    body = ping(settings, topic)
    headers = {"Content-Type": "application/atom+xml",
               "Link": f'<{hub_url(settings)}>; rel="hub", <{topic}>; rel="self"'}
    if secret:
        headers["X-Hub-Signature"] = websub.sign(secret, body)
    return websub.http("POST", callback, body, headers).status


def publish(settings: Settings, list_ids: list[int]) -> int:
    """Push to every active subscriber of the feeds these lists changed; returns how many
    took it. A subscriber answering 410 Gone is dropped (§7.2); one that fails is only
    counted: its next poll repairs a lost push."""
    with session_scope(settings, write=False) as session:
        targets = [(row.id, row.callback, row.topic, row.secret)
                   for row in _changed(session, list_ids)]
    if not targets:
        return 0
    with ThreadPoolExecutor(max_workers=min(PUSHERS, len(targets))) as pool:
        statuses = list(pool.map(lambda t: _push(settings, t[1], t[2], t[3]), targets))
    with session_scope(settings) as session:
        for (pk, callback, _topic, _secret), status in zip(targets, statuses):
            row = session.get(WebSubSubscriber, pk)
            if row is None:
                continue
            if status == 410:
                session.delete(row)
            elif 200 <= status < 300:
                row.delivered += 1
                row.last_delivery_at = utcnow()
            else:
                row.failures += 1
                log.warning("WebSub: push to %s failed (%s)", callback, status or "no answer")
    return sum(1 for status in statuses if 200 <= status < 300)


def subscribers(session: Session) -> list[WebSubSubscriber]:
    """Who follows our feeds by push (active or not), oldest first."""
    return list(session.scalars(select(WebSubSubscriber).order_by(WebSubSubscriber.id)))
