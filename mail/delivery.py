"""The fan-out job: one copy of a list message to every member with delivery "each".

Each recipient has its own VERP envelope sender (so a bounce names the member), hence one
SMTP transaction per recipient; a few connections, each reused for many transactions, run
in parallel. ``Delivery`` rows make the job idempotent: a replay sends nothing twice.
Temporary failures (4xx, relay unreachable) are retried with backoff: as delayed rq jobs
when Redis is there, otherwise a few quick tries in the job, then ``relais cron``.
Permanent failures (5xx) count against the member as a hard bounce.
The pipeline plans the rows (``deliveries.plan_message``); copies are recorded as sent while
the fan-out goes, so a crash re-sends only the few in flight, and ``retries.retry_due``
(start-up, scheduler) sends whatever a crash left pending or claimed.
"""
from __future__ import annotations

import logging
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from typing import Callable

from federation import queue
from federation.lists import bounces
from federation.delivery import deliveries, dmarc
from federation.storage.db import session_scope
from federation.storage.models import Message, utcnow
from federation.settings import Settings

from mail import copies, outgoing

log = logging.getLogger(__name__)
CONNECTIONS = 8
PER_CONNECTION = 200  # recipients below which one more connection is not worth opening
# Sent copies are recorded at least every PROGRESS_COPIES copies and PROGRESS_SECONDS: what a
# crash re-sends is what the relay took since (RFC 5321 6.1: its 250 made it responsible).
PROGRESS_COPIES = 20
PROGRESS_SECONDS = 0.5
# A fan-out renews its claim this often, so the scheduler never takes a live one for dead.
HEARTBEAT_SECONDS = deliveries.STALE_CLAIM.total_seconds() / 4
Builder = Callable[[str], bytes]


def message_builder(settings: Settings, message_pk: int):
    """(list info, builder of one recipient's bytes) for an archived message, or None."""
    with session_scope(settings) as session:
        message = session.get(Message, message_pk)
        if message is None or message.ghost or message.deleted:
            return None
        mailing_list = message.mailing_list
        info = copies.ListInfo.of(mailing_list)
        mode = bounces.option(session, mailing_list.id, "dmarc_mode", "policy")
        raw, message_id, author = message.raw, message.message_id, message.from_addr
    munge = dmarc.must_munge(mode, author, message_id)
    prepared = copies.prepare(settings, info, raw, message_id, munge)
    return info, lambda email: copies.copy_for(settings, info, prepared, mailing_list, email)


def fan_out(settings: Settings, message_pk: int) -> None:
    """Send the copies the pipeline planned for one archived message, exactly once each."""
    with session_scope(settings) as session:
        claimed = deliveries.claim(session, "message", message_pk)
    if claimed:
        built = message_builder(settings, message_pk)
        if built is None:  # erased since it was planned
            with session_scope(settings) as session:
                deliveries.cancel(session, [row_id for row_id, _email in claimed])
            return
        deliver(settings, built[0], "message", message_pk, claimed, built[1])


class Progress:
    """Copies the relay took, recorded as the fan-out goes (every PROGRESS_COPIES copies or
    PROGRESS_SECONDS), so that a crash re-sends only the copies in flight; the claim on the
    ``claimed`` rows is renewed every HEARTBEAT_SECONDS."""

    def __init__(self, settings: Settings, claimed: list[int]):
        self.settings = settings
        self.claimed = claimed
        self.waiting: list[int] = []
        self.since = self.touched = time.monotonic()
        self.lock = threading.Lock()

    def sent(self, row_id: int) -> None:
        """One more copy taken by the relay; record the batch when it is due."""
        with self.lock:
            self.waiting.append(row_id)
            if len(self.waiting) < PROGRESS_COPIES and \
                    time.monotonic() - self.since < PROGRESS_SECONDS:
                return
            ids, self.waiting, self.since = self.waiting, [], time.monotonic()
            touch = self.since - self.touched >= HEARTBEAT_SECONDS
            if touch:
                self.touched = self.since
        self._record(ids, touch)

    def flush(self) -> None:
        """Record what is left (end of the fan-out)."""
        with self.lock:
            ids, self.waiting = self.waiting, []
        self._record(ids)

    def _record(self, ids: list[int], touch: bool = False) -> None:
        # not durable: a record lost in a power cut only means those copies go out again
        if ids or touch:
            with session_scope(self.settings, durable=False) as session:
                deliveries.mark_sent(session, ids)
                if touch:
                    deliveries.touch(session, self.claimed)


def _send_chunk(settings: Settings, info, chunk, build: Builder, progress: Progress):
    sent, temporary, permanent = [], [], []
    with outgoing.Connection(settings) as connection:
        for position, (row_id, email) in enumerate(chunk):
            try:
                connection.send(bounces.bounce_address(settings, info.address, email), [email],
                                build(email))
                sent.append(row_id)
            except outgoing.PermanentFailure as error:
                permanent.append((row_id, email, str(error)))
            except outgoing.TemporaryFailure as error:
                temporary.append((row_id, email, str(error)))
                if connection.outbox is None and connection.smtp is None:
                    # the relay is unreachable: do not knock again for every recipient
                    temporary += [(r, e, str(error)) for r, e in chunk[position + 1:]]
                    break
            except Exception as error:  # never crash the fan-out over one copy
                log.exception("copy for %s failed", email)
                temporary.append((row_id, email, f"internal error: {error}"))
            else:  # outside the try: a failure to record it must not make it a failed copy
                progress.sent(row_id)
    return sent, temporary, permanent


def send_all(settings: Settings, info, claimed: list[tuple[int, str]], build: Builder,
             progress: Progress):
    """Send every claimed copy over a few reused connections: (sent, temporary, permanent);
    ``progress`` records the sent ones as they go."""
    workers = max(1, min(CONNECTIONS, len(claimed) // PER_CONNECTION + 1))
    chunks = [claimed[start::workers] for start in range(workers)]
    sent, temporary, permanent = [], [], []
    with ThreadPoolExecutor(workers, thread_name_prefix="relais-out") as pool:
        for s, t, p in pool.map(lambda chunk: _send_chunk(settings, info, chunk, build, progress),
                                chunks):
            sent += s
            temporary += t
            permanent += p
    return sent, temporary, permanent


def deliver(settings: Settings, info, kind: str, ref_id: int,
            claimed: list[tuple[int, str]], build: Builder) -> None:
    """Send claimed copies, retry 4xx with backoff, record everything; never raises."""
    progress = Progress(settings, [row_id for row_id, _ in claimed])
    sent, temporary, permanent = send_all(settings, info, claimed, build, progress)
    if not settings.redis_url:
        for pause in settings.delivery_backoff:
            if not temporary:
                break
            time.sleep(pause)
            again = [(row_id, email) for row_id, email, _ in temporary]
            more_sent, temporary, more_permanent = send_all(settings, info, again, build,
                                                            progress)
            sent += more_sent
            permanent += more_permanent
    progress.flush()
    _record(settings, info, kind, ref_id, sent, temporary, permanent)


def _record(settings: Settings, info, kind, ref_id, sent, temporary, permanent) -> None:
    """Record the failures (the sent copies are ``Progress``'s) and queue the retries."""
    delays = settings.retry_delays
    later: dict[float, list[int]] = {}
    with session_scope(settings) as session:
        tries = deliveries.attempts_of(session, [row_id for row_id, _, _ in temporary])
        for row_id, email, error in temporary:
            attempt = tries.get(row_id, 0)
            if attempt < len(delays):
                deliveries.mark_failed(session, row_id, error,
                                       utcnow() + timedelta(seconds=delays[attempt]))
                later.setdefault(delays[attempt], []).append(row_id)
            else:  # still failing after every retry: give up, as an MTA would (RFC 5321 4.5.4.1)
                deliveries.mark_failed(session, row_id, error, None)
                bounces.score(session, settings, info.id, email, hard=False, reason=error)
        for row_id, email, error in permanent:
            deliveries.mark_failed(session, row_id, error, None)
            bounces.score(session, settings, info.id, email, hard=True, reason=error)
    if settings.redis_url:
        for delay, ids in later.items():
            queue.enqueue_later(settings, delay, "retry", kind, ref_id, ids)
    if temporary or permanent:
        log.info("%s %s on %s: %d sent, %d deferred, %d refused", kind, ref_id, info.address,
                 len(sent), len(temporary), len(permanent))
