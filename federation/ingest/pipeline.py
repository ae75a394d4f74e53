"""What happens to an archived message, as literal tuples of plain, idempotent functions.

``ARCHIVE_STEPS`` run inside the storing transaction, so a message is threaded (and
searchable) the moment its 250 is sent; each takes the whole batch stored by that transaction
(``threads.Filed`` items, in arrival order). ``PIPELINE`` runs after commit, as a job, one
message at a time, in the transaction that marks the message processed. Both can be replayed
over the whole archive (``relais reindex``): raw bytes are the truth.
"""
from __future__ import annotations

from sqlalchemy.orm import Session

from federation.delivery import deliveries
from federation.archive import search, threads
from federation.themes import tagging
from federation.storage.models import Message
from federation.settings import Settings


def attach_threads(session: Session, settings: Settings, filed: list[threads.Filed]) -> None:
    """Thread the stored messages (JWZ)."""
    threads.attach(session, filed)


# session.info key: ids of the messages whose copies this transaction planned
PLANNED = "relais.planned"


def plan_delivery(session: Session, settings: Settings, message: Message) -> None:
    """Plan the fan-out to members (pending ``Delivery`` rows) in this very transaction.

    It is the one that marks the message processed, so a crash leaves neither or both: an
    unprocessed message is run again (``jobs.recover``), planned rows wait for a sender.
    Only posts are delivered (``Message.posted``), never an import, and never a replay
    (``replay = False``). The caller queues the sending (the "fan_out" job) once
    the transaction has committed, so it never waits on it (SQLite has a single writer).
    """
    if deliveries.plan_message(session, message):
        session.info.setdefault(PLANNED, []).append(message.id)


plan_delivery.replay = False

ARCHIVE_STEPS = (attach_threads, search.index_all)
PIPELINE: tuple = (tagging.tag, plan_delivery)


def archive_steps(session: Session, settings: Settings, filed: list[threads.Filed]) -> None:
    """Run the in-transaction steps on the messages a transaction stored."""
    if filed:
        for step in ARCHIVE_STEPS:
            step(session, settings, filed)


def run(session: Session, settings: Settings, message: Message) -> None:
    """Run the after-commit pipeline on one message."""
    for step in PIPELINE:
        step(session, settings, message)


def planned(session: Session) -> list[int]:
    """Ids of the messages whose fan-out this session's transaction planned."""
    return session.info.get(PLANNED, [])
