"""Erasure acknowledgements: a follower tells the origin it erased its copy (issue 11 item 4).

When a poll applies a tombstone or a redaction, the follower owes the origin an
acknowledgement (``OutgoingAck``), kept until the origin took it, so a peer that is down
gets it later. They are sent per peer in one POST of JSON::

    {"follower": "<our base URL>", "acks": [{"message_id": "…", "action": "delete"}]}

signed ``X-Relais-Signature: sha256=<HMAC-SHA256(secret, body)>`` with the secret of the
follow handshake (``following``). The origin checks the signature against the follower's
secret (a stranger cannot fake one), keeps one ``PeerAck`` per (follower, Message-ID) for
messages it really erased, and can say "erased on N of M peers".
"""
from __future__ import annotations

import hmac
import json
import logging
from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from federation.peers import fetching
from federation.peers.fetching import DEFAULT, FetchError, Limits
from federation.peers.following import sign
from federation.settings import Settings
from federation.storage.db import session_scope
from federation.storage.models import Follower, Message, OutgoingAck, Peer, PeerAck, utcnow

log = logging.getLogger(__name__)
SIGNATURE = "X-Relais-Signature"
ACTIONS = ("delete", "redact", "absent")  # absent: we never had a copy to erase
BATCH = 500


def owe(session: Session, peer_id: int, message_id: str, action: str) -> None:
    """Remember that this peer must hear we erased (or never had) this message."""
    exists = session.scalar(select(OutgoingAck.id).filter_by(
        peer_id=peer_id, message_id=message_id, action=action))
    if exists is None:
        session.add(OutgoingAck(peer_id=peer_id, message_id=message_id, action=action))
        session.flush()


def send_due(settings: Settings, peer_id: int, limits: Limits = DEFAULT) -> int:
    """Send the acknowledgements this peer has not taken yet; returns how many it took."""
    with session_scope(settings, write=False) as session:
        peer = session.get(Peer, peer_id)
        origin, url, secret = peer.origin, peer.ack_url, peer.secret
        due = session.execute(select(OutgoingAck.id, OutgoingAck.message_id, OutgoingAck.action)
                              .where(OutgoingAck.peer_id == peer_id,
                                     OutgoingAck.sent_at.is_(None))
                              .order_by(OutgoingAck.id).limit(BATCH)).all()
    if not due or not url:
        return 0
    body = json.dumps({"follower": settings.base_url.rstrip("/"),
                       "acks": [{"message_id": r.message_id, "action": r.action} for r in due]},
                      ensure_ascii=False).encode("utf-8")
    headers = {"Content-Type": "application/json", SIGNATURE: "sha256=" + sign(secret, body)}
    taken = False
    try:
        answer = fetching.post(url, origin, body, headers, limits)
        taken = answer.status in (200, 202, 204)
        if not taken:
            log.warning("%s refused our acknowledgements: HTTP %s", origin, answer.status)
    except FetchError as error:
        log.warning("could not acknowledge erasures to %s: %s", origin, error)
    with session_scope(settings) as session:
        for row in session.scalars(select(OutgoingAck).where(
                OutgoingAck.id.in_([r.id for r in due]))):
            row.attempts += 1
            if taken:
                row.sent_at = utcnow()
    return len(due) if taken else 0


class Refused(Exception):
    """Acknowledgements not taken; str(self) is the reason (logged, never detailed to callers)."""


def receive(session: Session, body: bytes, signature: str) -> int:
    """Take a follower's signed acknowledgements; returns how many were new. Refused when
    the follower is unknown or the signature does not match its secret."""
    try:
        given = json.loads(body)
        follower_url = str(given["follower"]).rstrip("/")
        items = [(str(a["message_id"]), str(a["action"])) for a in given["acks"]][:BATCH]
    except (ValueError, KeyError, TypeError) as error:
        raise Refused(f"malformed acknowledgements: {error}") from error
    follower = session.scalar(select(Follower).filter_by(url=follower_url))
    if follower is None:
        raise Refused(f"unknown follower {follower_url[:200]!r}")
    expected = "sha256=" + sign(follower.secret, body)
    if not hmac.compare_digest(expected.encode("ascii"), (signature or "").encode("utf-8", "replace")):
        raise Refused(f"bad signature from {follower_url[:200]!r}")
    erased = set(session.scalars(select(Message.message_id).where(
        Message.message_id.in_([mid for mid, _a in items]), Message.origin_peer_id.is_(None),
        or_(Message.deleted.is_(True), Message.erased_at.is_not(None)))))
    known = set(session.scalars(select(PeerAck.message_id).where(
        PeerAck.follower_id == follower.id, PeerAck.message_id.in_(erased))))
    new = 0
    for message_id, action in items:
        if message_id in erased and message_id not in known and action in ACTIONS:
            session.add(PeerAck(follower_id=follower.id, message_id=message_id, action=action))
            known.add(message_id)
            new += 1
    session.flush()
    return new


@dataclass(frozen=True)
class Reach:
    """How far an erasure reached: ``acked`` of ``followers`` peers acknowledged it."""

    acked: int
    followers: int

    def __str__(self) -> str:
        return f"effacé chez {self.acked} pair(s) sur {self.followers} / erased on " \
               f"{self.acked} of {self.followers} peers"


def reach(session: Session, message_id: str) -> Reach:
    """How many followers acknowledged the erasure of a message."""
    message_id = message_id.strip().strip("<>")
    acked = session.scalar(select(func.count()).select_from(PeerAck)
                           .join(Follower, Follower.id == PeerAck.follower_id)
                           .where(PeerAck.message_id == message_id,
                                  Follower.left_at.is_(None))) or 0
    return Reach(acked, session.scalar(select(func.count()).select_from(Follower)
                                       .where(Follower.left_at.is_(None))) or 0)
