"""Per-request resources: the settings and a database session opened lazily (flaskr style)."""
from __future__ import annotations

from flask import Flask, current_app, g
from sqlalchemy.orm import Session

from federation.storage.db import sessions
from federation.settings import Settings


def settings() -> Settings:
    """The settings this app was created with."""
    return current_app.config["SETTINGS"]


def db() -> Session:
    """This request's database session, opened on first use and closed on teardown."""
    if "db" not in g:
        g.db = sessions(settings())()
    return g.db


def close(_error: BaseException | None = None) -> None:
    """Close the request's session if one was opened; reading never commits."""
    session = g.pop("db", None)
    if session is not None:
        session.rollback()
        session.close()


def init_app(app: Flask) -> None:
    """Register the teardown that closes each request's session."""
    app.teardown_appcontext(close)
