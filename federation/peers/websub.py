"""WebSub (W3C Recommendation, 2018), the subscriber side: our subscriptions to the hubs of
the peers we follow, their leases, their secrets, and the pushes they send.

A push only rings the bell: a correctly signed one asks for a poll of its peer, and what is
stored always comes from the peer's feed and raw links (issue 11, item 3), so a forged or
lost push can neither inject nor lose anything. Unsigned and mis-signed pushes are dropped
and logged (§8: "subscribers MUST locally ignore the message as invalid").

The HMAC of ``X-Hub-Signature`` (§7.1, ``method=hexdigest``) and WebSub's requests (to hubs
and callbacks, through ``fetching``, the one HTTP client) live here too.
"""
from __future__ import annotations

import hmac
import logging
import secrets
import urllib.parse
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from federation.peers import fetching
from federation.settings import Settings
from federation.storage.db import session_scope
from federation.storage.models import Peer, WebSubSubscription, utcnow

log = logging.getLogger(__name__)

CALLBACK_PATH = "/websub/callback/"  # + the subscription's token
LEASE_REQUEST = 7 * 24 * 3600  # what we ask a hub for (it decides, §5.3)
RETRY_REQUEST = timedelta(minutes=15)  # a request never verified is sent again after this
RENEW_EVERY = timedelta(hours=1)  # how often the schedule runs ``renew_due``
RENEW_MARGIN = timedelta(days=1)  # a lease is renewed at most this long before its end
# any WebSub request: one slow hub or subscriber delays nothing else for long
LIMITS = fetching.Limits(connect_timeout=5.0, read_timeout=5.0, deadline=10.0)
MAX_ANSWER = 64 * 1024  # bytes of an answer (a challenge, an error page)
# §7.1 names sha1 too; SHA-1 HMACs are not forged today, but nothing of ours sends them
ALGORITHMS = ("sha256", "sha384", "sha512")


def sign(secret: str, body: bytes, algorithm: str = "sha256") -> str:
    """The ``X-Hub-Signature`` value of a body for a subscription's secret (§7.1)."""
    return f"{algorithm}=" + hmac.new(secret.encode(), body, algorithm).hexdigest()


def signature_valid(secret: str, body: bytes, header: str | None) -> bool:
    """True when ``header`` is a supported HMAC of ``body`` keyed by ``secret``."""
    if not header or not secret:
        return False
    method, _, digest = header.strip().partition("=")
    method = method.strip().lower()
    if method not in ALGORITHMS:
        return False
    expected = hmac.new(secret.encode(), body, method).hexdigest()
    return hmac.compare_digest(expected, digest.strip().lower())


@dataclass(frozen=True)
class Answer:
    """What an HTTP request got: the status (0 when none) and the first bytes of the body."""

    status: int
    body: bytes = b""
    error: str = ""

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300


def http(method: str, url: str, body: bytes | None = None,
         headers: dict | None = None) -> Answer:
    """One WebSub request through the one HTTP client (``fetching``: that URL's origin only,
    bounded time and size); never raises."""
    try:
        fetched = fetching.request(method, url, fetching.origin_of(url), limit=MAX_ANSWER,
                                   headers=headers, body=body, limits=LIMITS)
    except fetching.FetchError as failed:
        return Answer(0, error=str(failed)[:200])
    return Answer(fetched.status, fetched.body)


def callback_url(settings: Settings, subscription: WebSubSubscription) -> str:
    """The callback URL a hub calls for this subscription."""
    return f"{settings.base_url}{CALLBACK_PATH}{subscription.token}"


def _same_origin(first: str, second: str) -> bool:
    a, b = urllib.parse.urlsplit(first), urllib.parse.urlsplit(second)
    return (a.scheme, a.hostname, a.port) == (b.scheme, b.hostname, b.port)


def ensure(settings: Settings, peer_id: int, hub: str, topic: str) -> str:
    """Subscribe to ``topic`` at ``hub`` unless already subscribed there (the poll calls this
    each time a peer's feed announces a hub, so ``peer add`` subscribes on its first fetch).

    Returns the subscription's state ("" when there is none: a hub elsewhere than the peer's
    own host is never called, as no host the admin did not add is ever fetched)."""
    if not hub or not topic or not _same_origin(hub, topic):
        return ""
    with session_scope(settings, write=False) as session:
        current = session.scalar(select(WebSubSubscription).filter_by(
            peer_id=peer_id, topic=topic))
        if current is not None and current.hub == hub and current.state in ("active", "denied"):
            return current.state
        if current is not None and current.hub == hub and current.state == "requested" \
                and utcnow() - current.requested_at < RETRY_REQUEST:
            return current.state
    return subscribe(settings, peer_id, hub, topic)


def subscribe(settings: Settings, peer_id: int, hub: str, topic: str) -> str:
    """Ask ``hub`` for (or renew) a subscription to ``topic``; returns its state.

    A new subscription gets a fresh token and secret; a renewal keeps both, so pushes signed
    while the hub verifies it still check. The row is committed before the request: the
    hub's verification GET (often before its 202) must find it.
    """
    with session_scope(settings) as session:
        row = session.scalar(select(WebSubSubscription).filter_by(peer_id=peer_id, topic=topic))
        if row is None or row.hub != hub:
            if row is not None:
                session.delete(row)
                session.flush()
            row = WebSubSubscription(peer_id=peer_id, hub=hub, topic=topic,
                                     token=secrets.token_urlsafe(24),
                                     secret=secrets.token_hex(32))
            session.add(row)
        if row.state != "active":
            row.state = "requested"
        row.requested_at = utcnow()
        session.flush()
        pk, form = row.id, {"hub.mode": "subscribe", "hub.topic": topic,
                            "hub.callback": callback_url(settings, row),
                            "hub.secret": row.secret, "hub.lease_seconds": str(LEASE_REQUEST)}
    answer = http("POST", hub, urllib.parse.urlencode(form).encode(),
                  {"Content-Type": "application/x-www-form-urlencoded"})
    with session_scope(settings) as session:
        row = session.get(WebSubSubscription, pk)
        if row is None:
            return ""
        row.error = "" if answer.ok else (answer.error or f"HTTP {answer.status}")[:500]
        if not answer.ok:
            log.warning("WebSub: hub %s refused the subscription to %s: %s", hub, topic,
                        row.error)
        return row.state


def unsubscribe(settings: Settings, peer_id: int) -> int:
    """Ask the hubs to end our subscriptions for a peer (``peer remove``); returns how many.

    Rows stay "unsubscribing" until the hub verifies; a push meanwhile gets 410 Gone, which
    makes the hub drop the subscription anyway (§7.2)."""
    with session_scope(settings) as session:
        rows = list(session.scalars(select(WebSubSubscription).filter_by(peer_id=peer_id)))
        for row in rows:
            row.state = "unsubscribing"
        requests = [(row.hub, {"hub.mode": "unsubscribe", "hub.topic": row.topic,
                               "hub.callback": callback_url(settings, row)}) for row in rows]
        for row in rows:
            _show_lease(session, row.peer_id)
    for hub, form in requests:
        http("POST", hub, urllib.parse.urlencode(form).encode(),
             {"Content-Type": "application/x-www-form-urlencoded"})
    return len(requests)


def verify(session: Session, token: str, mode: str, topic: str, challenge: str,
           lease_seconds: str = "") -> str | None:
    """The challenge to echo when a hub verifies an intent we have (§5.3), else None (404).

    Only a subscription we asked for, for that very topic, in the mode we asked, confirms.
    """
    row = session.scalar(select(WebSubSubscription).filter_by(token=token))
    if row is None or row.topic != topic or not challenge:
        return None
    if mode == "subscribe" and row.state in ("requested", "active"):
        try:
            lease = max(0, int(lease_seconds or 0))
        except ValueError:
            return None
        now = utcnow()
        row.state, row.verified_at, row.lease_seconds, row.error = "active", now, lease, ""
        row.expires_at = now + timedelta(seconds=lease) if lease else None
        _show_lease(session, row.peer_id)
        return challenge
    if mode == "unsubscribe" and row.state == "unsubscribing":
        session.delete(row)
        return challenge
    return None


def _show_lease(session: Session, peer_id: int) -> None:
    """Keep the peer's lease column (``relais peer list``) in step with our subscriptions."""
    peer = session.get(Peer, peer_id)
    if peer is not None:
        session.flush()
        peer.lease_expires_at = lease_expiry(session, peer_id)


def deny(session: Session, token: str, topic: str, reason: str = "") -> bool:
    """A hub refused our subscription (§5.2, hub.mode=denied): stop asking."""
    row = session.scalar(select(WebSubSubscription).filter_by(token=token))
    if row is None or row.topic != topic:
        return False
    row.state, row.error = "denied", (reason or "denied by the hub")[:500]
    _show_lease(session, row.peer_id)
    log.warning("WebSub: hub %s denied our subscription to %s: %s", row.hub, topic, row.error)
    return True


@dataclass(frozen=True)
class Push:
    """What a push came to: the peer to poll (a valid one), or why it was dropped."""

    peer_id: int | None = None
    refused: str = ""  # "unknown", "unsigned", "bad signature", "inactive"

    @property
    def gone(self) -> bool:
        return self.refused == "unknown"


def receive(session: Session, token: str, body: bytes, signature: str | None) -> Push:
    """Check one content distribution (§7.3, §8) against the subscription its URL names."""
    row = session.scalar(select(WebSubSubscription).filter_by(token=token))
    if row is None or row.state == "unsubscribing":
        log.warning("WebSub: push for an unknown subscription dropped")
        if row is not None:
            session.delete(row)
        return Push(refused="unknown")
    if row.state != "active":
        refused = "inactive"
    elif not signature:
        refused = "unsigned"
    elif not signature_valid(row.secret, body, signature):
        refused = "bad signature"
    else:
        row.pushes += 1
        row.last_push_at = utcnow()
        return Push(peer_id=row.peer_id)
    row.refused_pushes += 1
    log.warning("WebSub: %s push from the hub of peer %s dropped (%s)", refused, row.peer_id,
                row.topic)
    return Push(refused=refused)


def renewal_due(row: WebSubSubscription, now: datetime) -> bool:
    """True when a subscription should be asked for again: its lease ends within a quarter of
    itself (at most a day, at least the hour ``renew_due`` waits between runs), or a request
    was never verified."""
    if row.state == "active":
        if row.expires_at is None:
            return False
        margin = min(RENEW_MARGIN, max(RENEW_EVERY, timedelta(seconds=row.lease_seconds / 4)))
        return row.expires_at - now <= margin
    if row.state == "requested":
        return now - row.requested_at >= RETRY_REQUEST
    return False


def renew_due(settings: Settings) -> int:
    """Renew the leases about to end and repeat the requests never verified (``relais cron``
    and ``relais serve``, hourly); returns how many were asked for."""
    now = utcnow()
    with session_scope(settings, write=False) as session:
        due = [(row.peer_id, row.hub, row.topic) for row in session.scalars(
            select(WebSubSubscription)) if renewal_due(row, now)]
    for peer_id, hub, topic in due:
        subscribe(settings, peer_id, hub, topic)
    return len(due)


def lease_expiry(session: Session, peer_id: int) -> datetime | None:
    """When our earliest active lease for a peer ends (``relais peer list``), or None."""
    ends = [row.expires_at for row in session.scalars(select(WebSubSubscription).filter_by(
        peer_id=peer_id, state="active")) if row.expires_at is not None]
    return min(ends) if ends else None


def forget(session: Session, peer_id: int) -> None:
    """Drop a removed peer's subscriptions (after ``unsubscribe`` asked its hub)."""
    session.execute(delete(WebSubSubscription).where(WebSubSubscription.peer_id == peer_id))
