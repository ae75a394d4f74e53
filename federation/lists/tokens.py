"""Single-use expiring tokens, and the signed one-click unsubscribe links (RFC 8058).

A token's secret travels by mail (a confirmation subject, a link); only its sha256 digest is
stored, so a copy of the database holds no live link. Unsubscribe links are different: one
per member copy of every message, so they are HMAC-signed strings with no row and no expiry.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
import secrets
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from federation.storage.models import MailingList, Token, utcnow
from federation.settings import Settings

LIFETIMES = {"subscribe": timedelta(days=3), "unsubscribe": timedelta(days=3),
             "moderate": timedelta(days=14), "admit": timedelta(days=14),
             # a web post waits two days for its author; a remembered browser, half a year
             "web-post": timedelta(days=2), "web-browser": timedelta(days=183)}
# token_urlsafe(24) gives 32 characters of [A-Za-z0-9_-]; we look for that shape after the
# word "confirm" (our subjects: "confirm <secret>", Mailman's habit) or in a /confirm/ link.
# Possessive quantifiers (Python 3.11): no backtracking, so the search is linear. The old
# "\s*:?\s+" tried every split of a run of whitespace, quadratic in its length: 100,000
# spaces in a body held the interpreter for minutes and stalled every SMTP session.
SECRET = re.compile(r"(?:\bconfirm\w*+(?:\s*+:)?\s++|/confirm/)([A-Za-z0-9_-]{32})"
                    r"(?![A-Za-z0-9_-])", re.IGNORECASE)
_UNSUBSCRIBE = b"relais-unsubscribe\n"
_BOUNCE = b"relais-verp\n"  # another purpose, another key: a VERP tag is no unsubscribe link


class BadToken(Exception):
    """A token that cannot be used; ``kind`` is forged, expired or used, str(self) is bilingual."""

    TEXTS = {"forged": "Jeton inconnu / unknown token",
             "expired": "Jeton expiré / expired token",
             "used": "Jeton déjà utilisé / token already used"}

    def __init__(self, kind: str):
        super().__init__(self.TEXTS[kind])
        self.kind = kind


def digest(secret: str) -> str:
    """The stored form of a secret."""
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def create(session: Session, purpose: str, mailing_list: MailingList | None, email: str = "",
           payload: dict | None = None, lifetime: timedelta | None = None) -> str:
    """Store a new token and return its secret (the only time the secret exists)."""
    secret = secrets.token_urlsafe(24)
    now = utcnow()
    session.add(Token(digest=digest(secret), purpose=purpose,
                      list_id=mailing_list.id if mailing_list is not None else None,
                      email=email, payload=json.dumps(payload or {}), created_at=now,
                      expires_at=now + (lifetime or LIFETIMES.get(purpose, timedelta(days=3)))))
    session.flush()
    return secret


def find(session: Session, secret: str) -> Token:
    """The live token for this secret, without using it; raises ``BadToken``."""
    token = session.scalar(select(Token).where(Token.digest == digest(secret or "")))
    if token is None:
        raise BadToken("forged")
    if token.used_at is not None:
        raise BadToken("used")
    if token.expires_at <= utcnow():
        raise BadToken("expired")
    return token


def redeem(session: Session, purpose: str | tuple[str, ...], secret: str) -> Token:
    """Use a token once: mark it used and return it; raises ``BadToken`` otherwise.

    A token of another purpose counts as forged: a moderation secret cannot confirm a
    subscription.
    """
    purposes = (purpose,) if isinstance(purpose, str) else purpose
    token = find(session, secret)
    if token.purpose not in purposes:
        raise BadToken("forged")
    token.used_at = utcnow()
    session.flush()
    return token


def payload(token: Token) -> dict:
    """The token's JSON payload as a dict."""
    try:
        return json.loads(token.payload or "{}")
    except ValueError:
        return {}


_ANSWERED = re.compile(r"\.t([0-9a-f]{16})@")  # our notices' Message-ID mark (``mark``)


def mark(secret: str) -> str:
    """The idstring for the Message-ID of a notice carrying ``secret``: a digest prefix, so
    a reply's In-Reply-To tells which token the notice carried, without revealing it."""
    return f"relais.t{digest(secret)[:16]}"


def find_secret(text: str, answering: str = "") -> str:
    """The secret in a subject or body ("Re: ... confirm <secret>", a /confirm/ link), or "".

    ``answering`` is the reply's In-Reply-To and References: when they name a notice of
    ours, only the secret that notice carried counts, wherever it is in the text, and no
    other (a poster's planted token quoted in the reply decides nothing); otherwise the
    first one, which our subjects put before any quoted words.
    """
    found = [match.group(1) for match in SECRET.finditer(text or "")]
    marks = set(_ANSWERED.findall(answering or ""))
    if not marks:
        return found[0] if found else ""
    return next((secret for secret in found if digest(secret)[:16] in marks), "")


def defang(text: str) -> str:
    """Text with every "confirm <secret>" shape blanked: a poster's words quoted in a notice
    must never carry a token that a reply to the notice would redeem."""
    return SECRET.sub(lambda match: match.group(0).replace(match.group(1), "[…]"), text or "")


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _signature(settings: Settings, body: bytes, purpose: bytes = _UNSUBSCRIBE) -> bytes:
    key = (settings.secret_key or settings.with_secret().secret_key).encode("utf-8")
    return hmac.new(key, purpose + body, hashlib.sha256).digest()[:18]


def unsubscribe_token(settings: Settings, mailing_list: MailingList | str, email: str) -> str:
    """An opaque, signed, non-expiring string naming one member of one list."""
    address = mailing_list if isinstance(mailing_list, str) else mailing_list.address
    body = f"{address.lower()}\n{email.strip().lower()}".encode("utf-8")
    return f"{_b64(body)}.{_b64(_signature(settings, body))}"


def unsubscribe_url(settings: Settings, mailing_list: MailingList | str, email: str) -> str:
    """The RFC 8058 one-click URL for a member's copy: POST it to unsubscribe, no login."""
    return f"{settings.base_url}/u/{unsubscribe_token(settings, mailing_list, email)}"


def read_unsubscribe(settings: Settings, opaque: str) -> tuple[str, str]:
    """The (list address, email) an unsubscribe string names; raises ``BadToken`` if forged."""
    try:
        encoded, _, signature = opaque.partition(".")
        body = _unb64(encoded)
        valid = hmac.compare_digest(_unb64(signature), _signature(settings, body))
        address, _, email = body.decode("utf-8").partition("\n")
    except (ValueError, UnicodeDecodeError):
        raise BadToken("forged") from None
    if not valid or not address or not email:
        raise BadToken("forged")
    return address, email


def _bounce_signature(settings: Settings, list_address: str, email: str) -> str:
    # base32 in lowercase: MTAs and our own routing fold the case of local parts
    body = f"{list_address.lower()}\n{email.strip().lower()}".encode("utf-8")
    return base64.b32encode(_signature(settings, body, _BOUNCE)[:10]).decode("ascii").lower()


def bounce_tag(settings: Settings, list_address: str, email: str) -> str:
    """The signed VERP tag naming one recipient of one list: alice=example.org=<signature>."""
    local, _, domain = email.strip().lower().rpartition("@")
    return f"{local}={domain}={_bounce_signature(settings, list_address, email)}"


def read_bounce_tag(settings: Settings, list_address: str, tag: str) -> str:
    """The recipient a VERP tag names if its signature holds for this list, else ""."""
    rest, _, signature = (tag or "").strip().lower().rpartition("=")
    local, _, domain = rest.rpartition("=")
    if not local or not domain or "@" in domain:
        return ""
    email = f"{local}@{domain}"
    expected = _bounce_signature(settings, list_address, email)
    return email if hmac.compare_digest(signature.encode(), expected.encode()) else ""
