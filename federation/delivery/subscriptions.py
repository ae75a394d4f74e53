"""Digest subscriptions: double opt-in with signed links, one-click unsubscribe, deliveries.

A request stores nothing: the confirmation link carries the reader's choices (period,
themes, assemblies, language) and an expiry, HMAC-signed with the instance secret, so an
unconfirmed address never receives a digest and never sits in the database. The
unsubscribe link names a subscriber by number, signed with its address, with no expiry (RFC 8058 asks for a
link that works without login or cookie for as long as mail carrying it may be read).
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import json
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from federation.delivery.digests import CONFIRM_DAYS, PERIODS, Invalid, _split
from federation.lists import membership
from federation.storage.models import DigestDelivery, DigestIssue, DigestSubscriber
from federation.storage.models import utcnow
from federation.settings import Settings


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _mac(settings: Settings, purpose: str, body: bytes) -> bytes:
    key = settings.with_secret().secret_key.encode("utf-8")
    return hmac.new(key, f"relais-digest-{purpose}\n".encode() + body, hashlib.sha256).digest()[:18]


def sign(settings: Settings, purpose: str, value: dict) -> str:
    """An opaque string carrying ``value``, signed for one purpose (confirm, unsubscribe)."""
    body = json.dumps(value, separators=(",", ":"), sort_keys=True).encode("utf-8")
    return f"{_b64(body)}.{_b64(_mac(settings, purpose, body))}"


def read(settings: Settings, purpose: str, token: str) -> dict:
    """The value a signed string carries; raises ``Invalid`` when forged or malformed."""
    try:
        encoded, _, signature = token.partition(".")
        body = _unb64(encoded)
        if not hmac.compare_digest(_unb64(signature), _mac(settings, purpose, body)):
            raise Invalid("lien invalide / invalid link")
        value = json.loads(body)
    except (ValueError, TypeError):
        raise Invalid("lien invalide / invalid link") from None
    if not isinstance(value, dict):
        raise Invalid("lien invalide / invalid link")
    return value


def request(settings: Settings, email: str, period: str = "week", themes=(), assemblies=(),
            language: str = "fr", now: datetime | None = None) -> str:
    """Check a subscription request and return its confirmation token (to mail, not store)."""
    email = (email or "").strip().lower()
    if not membership.is_email(email):
        raise Invalid("adresse invalide / invalid address")
    if period not in PERIODS:
        raise Invalid("période inconnue / unknown period")
    expires = (now or utcnow()) + timedelta(days=CONFIRM_DAYS)
    return sign(settings, "confirm", {"e": email, "p": period, "t": sorted(set(themes)),
                                      "a": sorted(set(assemblies)),
                                      "l": language if language in ("fr", "en") else "fr",
                                      "x": expires.isoformat(timespec="seconds")})


def confirm(session: Session, settings: Settings, token: str,
            now: datetime | None = None) -> DigestSubscriber:
    """Subscribe (or update the choices of) the address a confirmation token names."""
    value = read(settings, "confirm", token)
    try:
        expired = datetime.fromisoformat(value["x"]) < (now or utcnow())
        email, period = value["e"], value["p"]
    except (KeyError, TypeError, ValueError):
        raise Invalid("lien invalide / invalid link") from None
    if expired:
        raise Invalid("lien expiré / expired link")
    subscriber = session.scalar(select(DigestSubscriber).where(DigestSubscriber.email == email))
    if subscriber is None:
        subscriber = DigestSubscriber(email=email)
        session.add(subscriber)
    subscriber.period = period
    subscriber.themes = ",".join(value.get("t") or [])
    subscriber.assemblies = ",".join(value.get("a") or [])
    subscriber.language = value.get("l") or "fr"
    subscriber.confirmed_at = subscriber.confirmed_at or (now or utcnow())
    session.flush()
    return subscriber


def unsubscribe_token(settings: Settings, subscriber: DigestSubscriber) -> str:
    """The opaque, signed, non-expiring string of a subscriber's one-click unsubscribe link."""
    body = f"{subscriber.id}\n{subscriber.email}".encode("utf-8")
    return f"{_b64(str(subscriber.id).encode())}.{_b64(_mac(settings, 'unsubscribe', body))}"


def unsubscribe(session: Session, settings: Settings, token: str) -> str:
    """Remove the subscriber a link names; returns the address ("" when already gone).

    Raises ``Invalid`` for a forged link to an existing subscriber.
    """
    try:
        encoded, _, signature = token.partition(".")
        number = int(_unb64(encoded).decode("ascii"))
        mac = _unb64(signature)
    except (ValueError, UnicodeDecodeError):
        raise Invalid("lien invalide / invalid link") from None
    subscriber = session.get(DigestSubscriber, number)
    if subscriber is None:
        return ""  # unsubscribed already: a second click changes nothing
    body = f"{subscriber.id}\n{subscriber.email}".encode("utf-8")
    if not hmac.compare_digest(mac, _mac(settings, "unsubscribe", body)):
        raise Invalid("lien invalide / invalid link")
    session.delete(subscriber)
    session.flush()
    return subscriber.email


def pending(session: Session, issue: DigestIssue) -> list[DigestSubscriber]:
    """Confirmed subscribers of the issue's period who have not had it yet."""
    done = select(DigestDelivery.subscriber_id).where(DigestDelivery.issue_id == issue.id)
    return list(session.scalars(select(DigestSubscriber).where(
        DigestSubscriber.confirmed_at.is_not(None), DigestSubscriber.period == issue.period,
        DigestSubscriber.id.not_in(done)).order_by(DigestSubscriber.id)))


def record(session: Session, issue: DigestIssue, subscriber: DigestSubscriber,
           sent: bool) -> None:
    """Remember that this subscriber's copy of the issue is done (sent, or empty for them)."""
    session.add(DigestDelivery(issue_id=issue.id, subscriber_id=subscriber.id, sent=sent))
    session.flush()


def choices(subscriber: DigestSubscriber) -> tuple[list[str], list[str]]:
    """A subscriber's chosen theme and assembly slugs (empty lists mean all)."""
    return _split(subscriber.themes), _split(subscriber.assemblies)
