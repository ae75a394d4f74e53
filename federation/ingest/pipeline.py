"""What happens to an archived message, as literal tuples of plain, idempotent functions.

``ARCHIVE_STEPS`` run inside the storing transaction, so a message is threaded (and
searchable) the moment its 250 is sent; each takes the whole batch stored by that transaction
(``threads.Filed`` items, in arrival order). ``PIPELINE`` runs after commit, as a job, over a
batch of messages (``run``), in the transaction that marks them processed; each ``Step``
says when it runs. Both can be replayed over the whole archive (``relais reindex``): raw
bytes are the truth.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

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
    (``replay=False`` below). The caller queues the sending (the "fan_out" job) once
    the transaction has committed, so it never waits on it (SQLite has a single writer).
    """
    if deliveries.plan_message(session, message):
        session.info.setdefault(PLANNED, []).append(message.id)


@dataclass(frozen=True)
class Step:
    """An after-commit step, ``function(session, settings, message)``, and when it runs."""

    function: Callable[[Session, Settings, Message], None]
    # it looks at the whole thread: in a batch, once per thread, on its newest message
    per_thread: bool = False
    # run again by ``relais reindex``; delivery never is (members are not mailed twice)
    replay: bool = True


ARCHIVE_STEPS = (attach_threads, search.index_all)
PIPELINE = (Step(tagging.tag, per_thread=True), Step(plan_delivery, replay=False))


def filed(message: Message) -> threads.Filed:
    """What the archive steps read of a stored message (to replay them: rebuild, reindex)."""
    return threads.Filed(id=message.id, list_id=message.list_id, message_id=message.message_id,
                         references=message.references, in_reply_to=message.in_reply_to,
                         subject=message.subject, date=message.date or message.received_at,
                         body_text=message.body_text, from_name=message.from_name,
                         from_addr=message.from_addr)


def archive_steps(session: Session, settings: Settings, filed: list[threads.Filed]) -> None:
    """Run the in-transaction steps on the messages a transaction stored."""
    if filed:
        for step in ARCHIVE_STEPS:
            step(session, settings, filed)


def run(session: Session, settings: Settings, messages: list[Message],
        replay: bool = False) -> None:
    """Run the after-commit pipeline on a batch of messages, in arrival order (jobs, and
    ``relais reindex`` with ``replay``, which skips the steps that must not run twice).

    A ``per_thread`` step runs once per thread of the batch, on its newest message, instead
    of once per message: an mbox import stays linear.
    """
    steps = [step for step in PIPELINE if step.replay or not replay]
    last_of_thread = {message.thread_id: message.id for message in messages}
    for message in messages:
        newest = last_of_thread[message.thread_id] == message.id
        for step in steps:
            if newest or not step.per_thread:
                step.function(session, settings, message)


def planned(session: Session) -> list[int]:
    """Ids of the messages whose fan-out this session's transaction planned."""
    return session.info.get(PLANNED, [])
