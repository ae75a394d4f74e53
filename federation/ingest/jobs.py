"""Job functions: module-level, called with settings and ids, each opening its own session."""
from __future__ import annotations

import logging
import threading
import time

from sqlalchemy import select, update
from sqlalchemy.orm import joinedload
from sqlalchemy.orm.attributes import set_committed_value

from federation.storage.db import session_scope
from federation.storage.models import Message, Thread
from federation.settings import Settings
from federation import queue
from federation.ingest import pipeline
from federation.peers import hub

log = logging.getLogger(__name__)
GATHER_SECONDS = 0.05  # in-process pipeline: how often it looks at what has gathered
QUIET_SECONDS = 0.2  # it starts once mail has paused this long...
MAX_WAIT_SECONDS = 5.0  # ...or once the oldest waiting message has waited this long
MAX_BATCH = 500
ATTEMPTS = 3  # a failed background batch is tried again (processed messages are skipped)
_WAITING: dict[str, list[int]] = {}
_ARRIVED: dict[str, float] = {}  # database → when the newest message was queued
_WAITING_LOCK = threading.Lock()


def process_soon(settings: Settings, message_pk: int) -> None:
    """Queue the pipeline for one archived message.

    On a worker (Redis) or inline, one job per message. In the background thread of
    ``relais serve``/``smtp``, messages wait together and run as one batch (each thread
    tagged once, on its newest message). The batch starts when mail pauses, or after
    MAX_WAIT_SECONDS of continuous mail: that thread shares one interpreter (one core) with
    the listener, and during a burst answering senders comes first; the first message of a
    burst queues the batch job.
    """
    if settings.redis_url or not settings.background_jobs:
        queue.enqueue(settings, process_message, message_pk)
        return
    with _WAITING_LOCK:
        waiting = _WAITING.setdefault(settings.database_url, [])
        waiting.append(message_pk)
        _ARRIVED[settings.database_url] = time.monotonic()
        if len(waiting) > 1:
            return  # the batch job queued by the first one will take it
    queue.enqueue(settings, process_waiting)


def process_waiting(settings: Settings) -> None:
    """Run the pipeline on every message gathered by ``process_soon`` (background thread)."""
    started = time.monotonic()
    while True:
        time.sleep(GATHER_SECONDS)
        now = time.monotonic()
        with _WAITING_LOCK:
            quiet = now - _ARRIVED.get(settings.database_url, 0.0) >= QUIET_SECONDS
            if quiet or now - started >= MAX_WAIT_SECONDS:
                pks = _WAITING.pop(settings.database_url, [])
                break
    for batch in by_thread(settings, pks):
        for attempt in range(ATTEMPTS):
            try:
                process_messages(settings, batch)
                break
            except Exception:  # another listener process tagged the same thread, say
                if attempt == ATTEMPTS - 1:  # logged; ``recover`` re-queues the rest
                    log.exception("pipeline failed for %d messages", len(batch))
                else:
                    time.sleep(0.5 * (attempt + 1))


def process_message(settings: Settings, message_pk: int) -> None:
    """Run the after-commit pipeline on one archived message, once."""
    process_messages(settings, [message_pk])


def process_messages(settings: Settings, message_pks: list[int]) -> None:
    """Run the pipeline on a batch (bulk import), one transaction for the batch.

    Messages already processed are skipped, so a re-queued job changes nothing. The steps
    run through ``pipeline.run`` (a step for the whole thread once per thread of the
    batch). The fan-out is planned in the transaction that marks the batch processed, and its sending
    queued once that has committed.
    """
    with session_scope(settings) as session:
        found = {m.id: m for m in session.scalars(select(Message).where(
            Message.id.in_(message_pks)))} if message_pks else {}
        messages = [m for m in (found.get(pk) for pk in message_pks)
                    if m is not None and not m.ghost and not m.processed]
        thread_ids = {m.thread_id for m in messages if m.thread_id is not None}
        # One query for the batch's threads and their lists. Held in a variable for the
        # whole batch: the identity map only keeps weak references, and objects nobody holds
        # would be loaded again, with their list, by every step that asks for them.
        held = list(session.scalars(select(Thread).where(Thread.id.in_(thread_ids))  # noqa: F841
                                    .options(joinedload(Thread.mailing_list)))) \
            if thread_ids else []
        pipeline.run(session, settings, messages)
        mark_processed(session, [m.id for m in messages])
        for message in messages:
            set_committed_value(message, "processed", True)
        planned = pipeline.planned(session)
        changed = {m.list_id for m in messages}
    for pk in planned:  # committed: the rows wait for the "fan_out" job, which claims them
        queue.enqueue(settings, "fan_out", pk)
    hub.announce(settings, changed)  # federated lists' feeds changed: WebSub pushes


def mark_processed(session, message_pks: list[int]) -> None:
    """Record that the pipeline ran for these messages (one statement per 500, not per message)."""
    for start in range(0, len(message_pks), MAX_BATCH):
        session.execute(update(Message).where(Message.id.in_(message_pks[start:start + MAX_BATCH]))
                        .values(processed=True).execution_options(synchronize_session=False))


def by_thread(settings: Settings, message_pks: list[int],
              batch: int = MAX_BATCH) -> list[list[int]]:
    """Message ids in batches for ``process_messages`` that keep each thread together (in
    arrival order), so that a thread is tagged once, not once per batch it spans."""
    if not message_pks:
        return []
    threads: dict[int, int | None] = {}
    with session_scope(settings, write=False) as session:
        for start in range(0, len(message_pks), MAX_BATCH):
            chunk = message_pks[start:start + MAX_BATCH]
            threads.update(session.execute(select(Message.id, Message.thread_id)
                                           .where(Message.id.in_(chunk))).all())
    first: dict[int | None, int] = {}
    for position, pk in enumerate(message_pks):
        first.setdefault(threads.get(pk), position)
    ordered = sorted(range(len(message_pks)),
                     key=lambda i: (first[threads.get(message_pks[i])], i))
    pks = [message_pks[i] for i in ordered]
    return [pks[start:start + batch] for start in range(0, len(pks), batch)]


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
