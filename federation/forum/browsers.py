"""Remembered browsers: a confirmed author's next web posts skip the mailed link.

The browser keeps a random secret in a cookie; only its sha256 digest is stored, as a
``Token`` of purpose ``web-browser`` naming the address, so a copy of the database holds no
live cookie. Forgetting spends the token: the cookie is worth nothing from then on, in that
browser or any copy of it. ``forget_address`` revokes every browser of an address.
"""
from __future__ import annotations

from sqlalchemy import update

from federation.lists import tokens
from federation.settings import Settings
from federation.storage.db import session_scope
from federation.storage.models import Token, utcnow

PURPOSE = "web-browser"
COOKIE = "relais_forum"
LIFETIME = tokens.LIFETIMES[PURPOSE]


def remember(settings: Settings, email: str) -> str:
    """A new secret for a browser that just confirmed ``email`` (the cookie's value)."""
    with session_scope(settings) as session:
        return tokens.create(session, PURPOSE, None, email.strip().lower())


def recognise(settings: Settings, secret: str) -> str:
    """The address a browser's cookie stands for, or "" (forged, expired or forgotten)."""
    if not secret:
        return ""
    with session_scope(settings, write=False) as session:
        try:
            token = tokens.find(session, secret)
        except tokens.BadToken:
            return ""
        return token.email if token.purpose == PURPOSE else ""


def forget(settings: Settings, secret: str) -> None:
    """Revoke one browser's cookie."""
    with session_scope(settings) as session:
        try:
            tokens.redeem(session, PURPOSE, secret)
        except tokens.BadToken:
            pass  # already worth nothing


def forget_address(settings: Settings, email: str) -> int:
    """Revoke every remembered browser of an address; how many were live."""
    with session_scope(settings) as session:
        return session.execute(update(Token).where(
            Token.purpose == PURPOSE, Token.email == email.strip().lower(),
            Token.used_at.is_(None)).values(used_at=utcnow())).rowcount
