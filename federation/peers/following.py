"""Following peers, and being followed: discovery, the follow handshake, removal.

``relais peer add URL`` reads the peer's home page, finds the federation feed by its link
relation (``<link rel="alternate https://relais.invalid/ns/federation"
type="application/atom+xml" href="/federation/feed">``; a URL that is the feed itself also
works), reads the feed's first page for where to register and acknowledge, and stores the
peer with a fresh secret. Only the peer's origin (scheme, host, port) may ever be fetched.

The handshake, so that a peer knows who follows it and a stranger cannot fake
acknowledgements: the follower POSTs ``url`` (its base URL) and ``secret`` to the peer's
follow link; the peer GETs ``<url>/federation/follow-check?origin=<its base>&challenge=<c>``,
and the follower answers HMAC-SHA256(secret, c) only if it follows that origin with that
secret (WebSub's verification of intent, with the secret proven). The peer then keeps
(url, secret) as a ``Follower``; every acknowledgement is signed with that secret.
Registration is retried by each poll until it succeeds.
"""
from __future__ import annotations

import hashlib
import hmac
import logging
import re
import secrets
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import quote, urljoin

from sqlalchemy import select
from sqlalchemy.orm import Session

from federation.errors import Invalid
from federation.lists import audit
from federation.peers import fetching, pages, websub
from federation.peers.fetching import DEFAULT, FetchError, Limits
from federation.settings import Settings
from federation.storage.db import session_scope
from federation.storage.models import Follower, Peer, utcnow

log = logging.getLogger(__name__)
CHECK_PATH = "/federation/follow-check"
# checking a would-be follower happens inside its POST: short limits, so that a stranger
# naming a slow host cannot hold a web worker long (WebSub hubs face the same)
CHECK_LIMITS = Limits(connect_timeout=3.0, read_timeout=5.0, deadline=8.0)
_SECRET = re.compile(r"^[0-9a-f]{32,128}$")


def sign(secret: str, data: bytes) -> str:
    """HMAC-SHA256 of ``data`` under a shared secret, hex."""
    return hmac.new(secret.encode("ascii"), data, hashlib.sha256).hexdigest()


class _Links(HTMLParser):
    """The ``<link>`` elements of an HTML page: (rel tokens, type, href)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[set[str], str, str]] = []

    def handle_starttag(self, tag, attrs):
        if tag == "link":
            given = dict(attrs)
            self.found.append((set((given.get("rel") or "").split()), given.get("type") or "",
                               given.get("href") or ""))


@dataclass(frozen=True)
class Discovered:
    """Where a peer publishes, registers followers and takes acknowledgements."""

    origin: str
    feed_url: str
    follow_url: str
    ack_url: str
    title: str
    hub_url: str = ""  # WebSub: the feed's <link rel="hub">, and its rel="self" (the topic)
    topic: str = ""


def _feed_link(fetched: fetching.Fetched) -> str:
    kind = fetched.headers.get("content-type", "")
    if "atom" in kind or fetched.body.lstrip()[:5] in (b"<?xml", b"<feed"):
        return fetched.url  # the URL given is the feed itself
    parser = _Links()
    parser.feed(fetched.body.decode("utf-8", "replace"))
    for rels, _kind, href in parser.found:
        if pages.FEDERATION_REL in rels and href:
            return urljoin(fetched.url, href)
    raise Invalid(f"{fetched.url} n'annonce aucun flux de fédération / announces no "
                  f"federation feed (<link rel=\"{pages.FEDERATION_REL}\">)")


def discover(url: str, limits: Limits = DEFAULT) -> Discovered:
    """Find a peer's federation feed from its home page (or the feed URL itself)."""
    try:
        origin = fetching.origin_of(url)
        home = fetching.get(url, origin, limit=limits.small_bytes, limits=limits)
        if home.status != 200:
            raise Invalid(f"{url}: HTTP {home.status}")
        feed_url = _feed_link(home)
        fetched = home if feed_url == home.url else fetching.get(
            feed_url, origin, limit=limits.feed_bytes, limits=limits)  # off-origin: refused
        if fetched.status != 200:
            raise Invalid(f"{feed_url}: HTTP {fetched.status}")
        page = pages.parse(fetched.body)
    except (FetchError, pages.PageError) as error:
        raise Invalid(f"{url}: {error}") from error
    follow = page.links.get(pages.FOLLOW_REL, "")
    ack = page.links.get(pages.ACK_REL, "")
    return Discovered(origin, feed_url, urljoin(feed_url, follow) if follow else "",
                      urljoin(feed_url, ack) if ack else "", page.title,
                      page.links.get("hub", ""), page.links.get("self", "") or feed_url)


def add(settings: Settings, url: str, actor: str = "", channel: str = "cli",
        limits: Limits = DEFAULT) -> Peer:
    """Follow a peer (idempotent: a removed peer is followed again), then register with it."""
    url = url.strip()
    found = discover(url, limits)
    with session_scope(settings) as session:
        peer = session.scalar(select(Peer).where(Peer.origin == found.origin))
        if peer is None:
            peer = Peer(url=url, origin=found.origin, secret=secrets.token_hex(32))
            session.add(peer)
        peer.url, peer.feed_url, peer.title = url, found.feed_url, found.title
        peer.follow_url, peer.ack_url = found.follow_url, found.ack_url
        peer.removed_at, peer.next_attempt_at, peer.errors = None, None, 0
        session.flush()
        audit.record(session, "peer.add", actor=actor, channel=channel, target=found.origin,
                     feed=found.feed_url)
        peer_id = peer.id
    register(settings, peer_id, limits)
    websub.ensure(settings, peer_id, found.hub_url, found.topic)  # push, when it has a hub
    with session_scope(settings, write=False) as session:
        peer = session.get(Peer, peer_id)
        session.expunge(peer)
    return peer


def register(settings: Settings, peer_id: int, limits: Limits = DEFAULT) -> bool:
    """Ask the peer to count us as a follower (it checks back, see above); True when done."""
    with session_scope(settings, write=False) as session:
        peer = session.get(Peer, peer_id)
        origin, follow_url, secret = peer.origin, peer.follow_url, peer.secret
    if not follow_url:
        return False
    body = f"url={quote(settings.base_url, safe='')}&secret={secret}".encode("ascii")
    try:
        answer = fetching.post(follow_url, origin, body,
                               {"Content-Type": "application/x-www-form-urlencoded"}, limits)
    except FetchError as error:
        log.warning("could not register with %s: %s", origin, error)
        return False
    if answer.status not in (200, 201, 202, 204):
        log.warning("%s refused our registration: HTTP %s", origin, answer.status)
        return False
    with session_scope(settings) as session:
        session.get(Peer, peer_id).registered_at = utcnow()
    return True


def remove(session: Session, url: str, actor: str = "", channel: str = "cli") -> Peer:
    """Stop following a peer; its mirrored copies stay, read-only and marked with it. The
    caller tells the peer afterwards (``unregister``), outside the transaction."""
    try:
        origin = fetching.origin_of(url)
    except FetchError as error:
        raise Invalid(str(error)) from error
    peer = session.scalar(select(Peer).where(Peer.origin == origin, Peer.removed_at.is_(None)))
    if peer is None:
        raise Invalid(f"aucun pair {url!r} / no peer {url!r}")
    peer.removed_at = utcnow()
    audit.record(session, "peer.remove", actor=actor, channel=channel, target=origin)
    session.flush()
    return peer


def unregister(settings: Settings, peer: Peer, limits: Limits = DEFAULT) -> bool:
    """Tell a peer we no longer follow it (proved by our secret), so it stops counting us."""
    if not peer.follow_url:
        return False
    body = (f"url={quote(settings.base_url, safe='')}&secret={peer.secret}"
            "&action=unfollow").encode("ascii")
    try:
        answer = fetching.post(peer.follow_url, peer.origin, body,
                               {"Content-Type": "application/x-www-form-urlencoded"}, limits)
    except FetchError as error:
        log.warning("could not tell %s we left: %s", peer.origin, error)
        return False
    return answer.status in (200, 202, 204)


def drop_follower(settings: Settings, url: str, secret: str) -> bool:
    """A follower leaves: it stops counting among those an erasure must reach."""
    with session_scope(settings) as session:
        follower = session.scalar(select(Follower).filter_by(url=url.rstrip("/")))
        if follower is None or not hmac.compare_digest(follower.secret.encode("ascii"),
                                                       (secret or "").encode("utf-8")):
            return False
        follower.left_at = utcnow()
        return True


def followed(session: Session) -> list[Peer]:
    """The peers we follow, by origin."""
    return list(session.scalars(select(Peer).where(Peer.removed_at.is_(None))
                                .order_by(Peer.origin)))


def followers(session: Session) -> list[Follower]:
    """The instances that follow us (and have not left), by URL."""
    return list(session.scalars(select(Follower).where(Follower.left_at.is_(None))
                                .order_by(Follower.url)))


def answer_check(session: Session, origin_url: str, challenge: str) -> str | None:
    """Our answer to a peer checking that we follow it: HMAC(secret, challenge), or None."""
    try:
        origin = fetching.origin_of(origin_url)
    except FetchError:
        return None
    peer = session.scalar(select(Peer).where(Peer.origin == origin, Peer.removed_at.is_(None)))
    if peer is None or not challenge or len(challenge) > 200:
        return None
    return sign(peer.secret, challenge.encode("utf-8"))


def accept_follower(settings: Settings, url: str, secret: str,
                    limits: Limits = CHECK_LIMITS) -> bool:
    """Register a follower once it proved, by answering our challenge, that it follows us
    with this secret; True when registered (again: a new secret replaces the old)."""
    if not _SECRET.match(secret or ""):
        return False
    try:
        origin = fetching.origin_of(url)
        challenge = secrets.token_hex(16)
        check = (f"{url.rstrip('/')}{CHECK_PATH}?origin={quote(settings.base_url, safe='')}"
                 f"&challenge={challenge}")
        answer = fetching.get(check, origin, limit=1024, limits=limits)
    except FetchError as error:
        log.warning("follower %s not verified: %s", url[:200], error)
        return False
    expected = sign(secret, challenge.encode("ascii"))
    if answer.status != 200 or not hmac.compare_digest(
            answer.body.strip(), expected.encode("ascii")):
        log.warning("follower %s did not prove its secret (HTTP %s)", url[:200], answer.status)
        return False
    with session_scope(settings) as session:
        url = url.rstrip("/")
        follower = session.scalar(select(Follower).filter_by(url=url))
        if follower is None:
            session.add(Follower(url=url, secret=secret))
        else:
            follower.secret, follower.left_at = secret, None
    return True
