"""The fan-out job: one copy of a list message to every member with delivery "each".

Personal delivery (the default): each recipient has its own VERP envelope sender (so a
bounce names the member) and one-click link, hence one SMTP transaction per recipient.
Batched delivery (a list's choice, Mailman's way): up to MAX_RECIPIENTS members of one
domain per transaction, the plain bounces address as envelope sender (bounces are then
checked by VERP probes, ``bounces.handle``) and a list-wide List-Unsubscribe.

Copies go out on a small pool of sender threads per process, each keeping its own SMTP
connection open across posts (RSET after a failed transaction, PIPELINING when the relay
offers it): several posts' fan-outs are in flight at once and the relay's round trips
overlap. A fan-out claims its rows chunk by chunk (``deliveries.claim``), so that several
jobs (rq workers, or helpers a big fan-out queues) share one message without a copy going
twice. In the background jobs of ``relais serve``/``smtp`` the job only hands its chunks to
the pool, so the pipeline's thread goes on with the next post while copies go out.
``Delivery`` rows make the job idempotent: a replay sends nothing twice.
Temporary failures (4xx, relay unreachable) are retried with backoff: as delayed rq jobs
when Redis is there, otherwise a few quick tries in the job, then ``relais cron``.
Permanent failures (5xx) count against the member as a hard bounce.
The pipeline plans the rows (``deliveries.plan_message``); copies are recorded as sent while
the fan-out goes, so a crash re-sends only the few in flight, and ``retries.retry_due``
(start-up, scheduler) sends whatever a crash left pending or claimed.
"""
from __future__ import annotations

import logging
import os
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from datetime import timedelta
from typing import Callable

from federation import queue
from federation.lists import bounces, directory
from federation.delivery import deliveries, dmarc
from federation.storage.db import session_scope
from federation.storage.models import Message, role_address, utcnow
from federation.settings import Settings

from mail import copies, outgoing

log = logging.getLogger(__name__)
CONNECTIONS = 16  # sender threads (and so SMTP connections) per process, opened as needed:
# a relay answers each command after a round trip, so it is kept busy by many connections
# (Postfix takes 50 at once from one client by default: smtpd_client_connection_count_limit)
PER_CONNECTION = 40  # transactions of one message below which one more connection is not worth it
CLAIM = 500  # rows a fan-out claims at a time
HELPERS = 3  # more fan-out jobs a big message queues on rq, so that other workers share it
# RFC 5321 4.5.3.1.8: a relay takes at least 100 recipients per transaction
MAX_RECIPIENTS = 100
IDLE_SECONDS = 60.0  # a connection unused this long is closed before the next use
# Sent copies are recorded at least every PROGRESS_TRANSACTIONS transactions (a personal
# copy each, or a batched copy's recipients) and PROGRESS_SECONDS: what a crash re-sends is
# what the relay took since (RFC 5321 6.1: its 250 made it responsible).
PROGRESS_TRANSACTIONS = 20
PROGRESS_SECONDS = 0.5
# A fan-out renews its claim this often, so the scheduler never takes a live one for dead.
HEARTBEAT_SECONDS = deliveries.STALE_CLAIM.total_seconds() / 4
Builder = Callable[[str], "bytes | outgoing.Wire"]


@dataclass(frozen=True)
class Built:
    """What sending a message's copies needs: the list, a builder per recipient, the mode."""

    info: copies.ListInfo
    build: Builder
    batched: bool = False


def message_builder(settings: Settings, message_pk: int) -> Built | None:
    """The list, the builder of a recipient's copy and the delivery mode, or None (erased)."""
    with session_scope(settings, write=False) as session:
        message = session.get(Message, message_pk)
        if message is None or message.ghost or message.deleted:
            return None
        mailing_list = message.mailing_list
        info = copies.ListInfo.of(mailing_list)
        options = directory.list_options(session, mailing_list)
        raw, message_id, author = message.raw, message.message_id, message.from_addr
    munge = dmarc.must_munge(options["dmarc"], author, message_id)
    prepared = copies.prepare(settings, info, raw, message_id, munge)
    if options["delivery_mode"] == "batched":
        shared = copies.batched_copy(settings, info, prepared)  # one copy, signed once
        return Built(info, lambda _email: shared, batched=True)
    return Built(info, lambda email: copies.copy_for(settings, info, prepared, mailing_list,
                                                     email))


def _runs_in_background(settings: Settings) -> bool:
    """Whether the job runs on the background thread of ``relais serve``/``smtp``, which
    hands chunks to the pool and goes on (elsewhere a job ends when its copies are out)."""
    return settings.background_jobs and not settings.redis_url


def fan_out(settings: Settings, message_pk: int, helper: bool = False) -> None:
    """Send the copies the pipeline planned for one archived message, exactly once each.

    ``helper``: a job a big fan-out queued so that another rq worker shares it."""
    built, progress, futures = None, None, []
    while True:
        # not durable: a claim lost in a power cut leaves its rows pending, and the marks
        # of copies sent after it, written later, are lost with it: nothing goes twice
        with session_scope(settings, durable=False) as session:
            claimed = deliveries.claim(session, "message", message_pk, limit=CLAIM)
        if not claimed:
            break
        if built is None:
            built = message_builder(settings, message_pk)
        if built is None:  # erased since it was planned
            with session_scope(settings) as session:
                deliveries.cancel(session, [row_id for row_id, _email in claimed])
            continue
        if progress is None:
            progress = Progress(settings, [])
            if settings.redis_url and not helper and len(claimed) == CLAIM:
                for _ in range(HELPERS):
                    queue.enqueue(settings, "fan_out", message_pk, True)
        progress.claimed += [row_id for row_id, _email in claimed]
        futures += dispatch(settings, built, "message", message_pk, claimed, progress)
        if len(claimed) < CLAIM:
            break  # nothing was left pending: no second transaction to find that out
    if not _runs_in_background(settings):
        wait(futures)


class Progress:
    """Copies the relay took, recorded as the fan-out goes (every PROGRESS_TRANSACTIONS
    transactions or PROGRESS_SECONDS), so that a crash re-sends only the copies in flight; the claim on the
    ``claimed`` rows is renewed every HEARTBEAT_SECONDS."""

    def __init__(self, settings: Settings, claimed: list[int]):
        self.settings = settings
        self.claimed = claimed
        self.waiting: list[int] = []
        self.transactions = 0
        self.since = self.touched = time.monotonic()
        self.lock = threading.Lock()

    def sent(self, row_ids: list[int]) -> None:
        """One more transaction's copies taken by the relay; record them when it is due."""
        with self.lock:
            self.waiting += row_ids
            self.transactions += 1
            if self.transactions < PROGRESS_TRANSACTIONS and \
                    time.monotonic() - self.since < PROGRESS_SECONDS:
                return
            ids, self.waiting, self.since = self.waiting, [], time.monotonic()
            self.transactions = 0
            touch = self.since - self.touched >= HEARTBEAT_SECONDS
            if touch:
                self.touched = self.since
        self._record(ids, touch)

    def flush(self) -> None:
        """Record what is left (end of the fan-out)."""
        with self.lock:
            ids, self.waiting, self.transactions = self.waiting, [], 0
        self._record(ids)

    def _record(self, ids: list[int], touch: bool = False) -> None:
        # not durable: a record lost in a power cut only means those copies go out again
        if ids or touch:
            with session_scope(self.settings, durable=False) as session:
                deliveries.mark_sent(session, ids)
                if touch:
                    deliveries.touch(session, self.claimed)


_POOL: tuple[int, ThreadPoolExecutor] | None = None
_POOL_LOCK = threading.Lock()
_LOCAL = threading.local()


def _pool() -> ThreadPoolExecutor:
    """This process's sender threads (a forked child makes its own: threads do not fork)."""
    global _POOL
    with _POOL_LOCK:
        if _POOL is None or _POOL[0] != os.getpid():
            _POOL = (os.getpid(), ThreadPoolExecutor(CONNECTIONS, thread_name_prefix="relais-out"))
        return _POOL[1]


def _connection(settings: Settings) -> outgoing.Connection:
    """The calling sender thread's own connection, kept open across posts."""
    key = (settings.relay_url, str(settings.outbox_dir))
    held = getattr(_LOCAL, "held", None)
    now = time.monotonic()
    if held is not None and (held[0] != key or now - held[2] > IDLE_SECONDS):
        # another relay (tests), or idle long enough for the relay to have dropped it
        held[1].close(patience=0.2)
        held = None
    connection = held[1] if held is not None else outgoing.Connection(settings)
    _LOCAL.held = (key, connection, now)
    return connection


def transactions(claimed: list[tuple[int, str]], batched: bool) -> list[list[tuple[int, str]]]:
    """The SMTP transactions for these rows: one per recipient, or (batched) up to
    MAX_RECIPIENTS recipients of one domain each."""
    if not batched:
        return [[row] for row in claimed]
    domains: dict[str, list[tuple[int, str]]] = {}
    for row in claimed:
        domains.setdefault(row[1].rpartition("@")[2].lower(), []).append(row)
    return [rows[start:start + MAX_RECIPIENTS] for rows in domains.values()
            for start in range(0, len(rows), MAX_RECIPIENTS)]


def _chunks(claimed: list[tuple[int, str]], batched: bool) -> list[list[list[tuple[int, str]]]]:
    """The transactions split over as many sender threads as the work is worth (a batched
    copy's transaction costs the relay's round trips once for its many recipients)."""
    groups = transactions(claimed, batched)
    workers = max(1, min(CONNECTIONS, len(groups) // PER_CONNECTION + 1))
    return [groups[start::workers] for start in range(workers)]


def _send_chunk(settings: Settings, built: Built, chunk, progress: Progress):
    sent, temporary, permanent = [], [], []
    connection = _connection(settings)
    plain = role_address(built.info.address, "bounces")
    for position, rows in enumerate(chunk):
        emails = [email for _row_id, email in rows]
        try:
            sender = plain if built.batched else \
                bounces.bounce_address(settings, built.info.address, emails[0])
            refused = connection.deliver(sender, emails, built.build(emails[0]))
        except outgoing.PermanentFailure as error:
            permanent += [(row_id, email, str(error)) for row_id, email in rows]
            continue
        except outgoing.TemporaryFailure as error:
            temporary += [(row_id, email, str(error)) for row_id, email in rows]
            if connection.outbox is None and connection.smtp is None:
                # the relay is unreachable: do not knock again for every recipient
                temporary += [(r, e, str(error)) for later in chunk[position + 1:]
                              for r, e in later]
                break
            continue
        except Exception as error:  # never crash the fan-out over one copy
            log.exception("copy for %s failed", ", ".join(emails)[:200])
            temporary += [(row_id, email, f"internal error: {error}") for row_id, email in rows]
            continue
        # outside the try: a failure to record them must not make them failed copies
        taken = []
        for row_id, email in rows:
            failure = refused.get(email)
            if failure is None:
                taken.append(row_id)
            elif isinstance(failure, outgoing.PermanentFailure):
                permanent.append((row_id, email, str(failure)))
            else:
                temporary.append((row_id, email, str(failure)))
        if taken:
            sent += taken
            progress.sent(taken)
    return sent, temporary, permanent


def _deliver_chunk(settings: Settings, built: Built, kind: str, ref_id: int, chunk,
                   progress: Progress) -> None:
    """Send one chunk on this sender thread, retry 4xx quickly without Redis, record all."""
    try:
        sent, temporary, permanent = _send_chunk(settings, built, chunk, progress)
        if not settings.redis_url:
            for pause in settings.delivery_backoff:
                if not temporary:
                    break
                time.sleep(pause)
                again = transactions([(row_id, email) for row_id, email, _ in temporary],
                                     built.batched)
                more_sent, temporary, more_permanent = _send_chunk(settings, built, again,
                                                                   progress)
                sent += more_sent
                permanent += more_permanent
        progress.flush()
        _record(settings, built.info, kind, ref_id, sent, temporary, permanent)
    except Exception:  # logged; the rows stay claimed and the scheduler sends them again
        log.exception("%s %s: sending a chunk failed", kind, ref_id)


def dispatch(settings: Settings, built: Built, kind: str, ref_id: int,
             claimed: list[tuple[int, str]], progress: Progress) -> list[Future]:
    """Hand claimed copies to the sender threads; returns their futures."""
    return [_pool().submit(_deliver_chunk, settings, built, kind, ref_id, chunk, progress)
            for chunk in _chunks(claimed, built.batched)]


def deliver(settings: Settings, info, kind: str, ref_id: int,
            claimed: list[tuple[int, str]], build: Builder, batched: bool = False) -> None:
    """Send claimed copies, retry 4xx with backoff, record everything; never raises.
    Returns once they are all sent or recorded as failed (retries, digests)."""
    built = Built(info, build, batched)
    wait(dispatch(settings, built, kind, ref_id, claimed,
                  Progress(settings, [row_id for row_id, _ in claimed])))


def _record(settings: Settings, info, kind, ref_id, sent, temporary, permanent) -> None:
    """Record the failures (the sent copies are ``Progress``'s) and queue the retries."""
    if not temporary and not permanent:
        return
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
