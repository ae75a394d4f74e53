"""Job functions: module-level, called with settings and ids, each opening its own session."""
from __future__ import annotations

import logging

from sqlalchemy import select

from .db import session_scope
from .models import Message
from .settings import Settings
from . import pipeline, queue

log = logging.getLogger(__name__)


def process_message(settings: Settings, message_pk: int) -> None:
    """Run the after-commit pipeline on one archived message, once."""
    process_messages(settings, [message_pk])


def process_messages(settings: Settings, message_pks: list[int]) -> None:
    """Run the pipeline on a batch (bulk import), one transaction for the batch.

    Messages already processed are skipped, so a re-queued job changes nothing. A step marked
    ``per_thread`` (theme tagging looks at the whole thread) runs once per thread of the batch,
    on its newest message, instead of once per message: an mbox import stays linear.
    """
    with session_scope(settings) as session:
        messages = [m for m in (session.get(Message, pk) for pk in message_pks)
                    if m is not None and not m.ghost and not m.processed]
        last_of_thread = {m.thread_id: m.id for m in messages}
        for message in messages:
            newest = last_of_thread.get(message.thread_id) == message.id
            for step in pipeline.PIPELINE:
                if newest or not getattr(step, "per_thread", False):
                    step(session, settings, message)
            message.processed = True


def recover(settings: Settings, batch: int = 500) -> int:
    """Queue the pipeline again for archived messages it never finished (after a crash).

    The raw bytes were committed before the 250, so nothing acknowledged is ever lost; this
    makes sure it is also threaded, tagged and delivered.
    """
    with session_scope(settings) as session:
        pks = list(session.scalars(select(Message.id).where(
            Message.processed.is_(False), Message.ghost.is_(False)).order_by(Message.id)))
    for start in range(0, len(pks), batch):
        queue.enqueue(settings, process_messages, pks[start:start + batch])
    if pks:
        log.info("re-queued the pipeline for %d unprocessed messages", len(pks))
    return len(pks)
