"""What happens to an archived message, as literal tuples of plain, idempotent functions.

``ARCHIVE_STEPS`` run inside the storing transaction, so a message is threaded (and
searchable) the moment its 250 is sent. ``PIPELINE`` runs after commit, as a job. Both can
be replayed over the whole archive (``relais reindex``): raw bytes are the truth.
"""
from __future__ import annotations

from sqlalchemy.orm import Session

from . import threads
from .models import Message
from .settings import Settings


def attach_thread(session: Session, settings: Settings, message: Message) -> None:
    """Thread the message (JWZ)."""
    threads.attach(session, message)


ARCHIVE_STEPS = (attach_thread,)
PIPELINE: tuple = ()


def archive_steps(session: Session, settings: Settings, message: Message) -> None:
    """Run the in-transaction steps on a freshly stored message."""
    for step in ARCHIVE_STEPS:
        step(session, settings, message)


def run(session: Session, settings: Settings, message: Message) -> None:
    """Run the after-commit pipeline on one message."""
    for step in PIPELINE:
        step(session, settings, message)
