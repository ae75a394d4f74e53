"""What happens to an archived message, as literal tuples of plain, idempotent functions.

``ARCHIVE_STEPS`` run inside the storing transaction, so a message is threaded (and
searchable) the moment its 250 is sent; each takes the whole batch stored by that transaction
(``threads.Filed`` items, in arrival order). ``PIPELINE`` runs after commit, as a job, one
message at a time. Both can be replayed over the whole archive (``relais reindex``): raw
bytes are the truth.
"""
from __future__ import annotations

from sqlalchemy import event
from sqlalchemy.orm import Session

from . import deliveries, queue, search, themes, threads
from .models import Message
from .settings import Settings


def attach_threads(session: Session, settings: Settings, filed: list[threads.Filed]) -> None:
    """Thread the stored messages (JWZ)."""
    threads.attach(session, filed)


def enqueue_delivery(session: Session, settings: Settings, message: Message) -> None:
    """Queue the fan-out to members (mail.delivery) once this transaction has committed.

    Only fresh posts are delivered: never a replay (``replay = False``) nor an import of old
    archives (``deliveries.current``). Queued after commit, so an in-process fan-out never
    waits on the pipeline's own open transaction (SQLite has a single writer).
    """
    if not deliveries.current(message):
        return
    pk = message.id
    event.listen(session, "after_commit",
                 lambda _session: queue.enqueue(settings, "mail.delivery.fan_out", pk), once=True)


enqueue_delivery.replay = False

ARCHIVE_STEPS = (attach_threads, search.index_all)
PIPELINE: tuple = (themes.tag, enqueue_delivery)


def archive_steps(session: Session, settings: Settings, filed: list[threads.Filed]) -> None:
    """Run the in-transaction steps on the messages a transaction stored."""
    if filed:
        for step in ARCHIVE_STEPS:
            step(session, settings, filed)


def run(session: Session, settings: Settings, message: Message) -> None:
    """Run the after-commit pipeline on one message."""
    for step in PIPELINE:
        step(session, settings, message)
