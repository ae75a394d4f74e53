"""The fan-out job: one copy of a list message to every member with delivery "each".

Each recipient has its own VERP envelope sender (so a bounce names the member), hence one
SMTP transaction per recipient; a few connections, each reused for many transactions, run
in parallel. ``Delivery`` rows make the job idempotent: a replay sends nothing twice.
Temporary failures (4xx, relay unreachable) are retried with backoff: as delayed rq jobs
when Redis is there, otherwise a few quick tries in the job, then ``relais cron``.
Permanent failures (5xx) count against the member as a hard bounce.
"""
from __future__ import annotations

import logging
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from typing import Callable

from federation import bounces, deliveries, dmarc, queue
from federation.db import session_scope
from federation.models import Message, utcnow
from federation.settings import Settings

from . import copies, outgoing

log = logging.getLogger(__name__)
CONNECTIONS = 8
PER_CONNECTION = 200  # recipients below which one more connection is not worth opening
IN_JOB_BACKOFF = (0.2, 1.0, 3.0)  # seconds; settings.extra["delivery_backoff"] overrides
# Later attempts, in seconds (about two days in all, like an MTA's queue lifetime);
# settings.extra["retry_delays"] overrides.
RETRY_DELAYS = (60, 300, 1800, 7200, 21600, 43200, 86400)
Builder = Callable[[str], bytes]


def _message_builder(settings: Settings, message_pk: int):
    """(list info, builder of one recipient's bytes) for an archived message, or None."""
    with session_scope(settings) as session:
        message = session.get(Message, message_pk)
        if message is None or message.ghost or message.deleted:
            return None
        mailing_list = message.mailing_list
        info = copies.ListInfo.of(mailing_list)
        mode = bounces.option(session, mailing_list.id, "dmarc_mode", "policy")
        raw, message_id, author = message.raw, message.message_id, message.from_addr
    munge = dmarc.must_munge(mode, author, message_id, settings.extra.get("dns_resolver"))
    prepared = copies.prepare(settings, info, raw, message_id, munge)
    return info, lambda email: copies.copy_for(settings, info, prepared, mailing_list, email)


def fan_out(settings: Settings, message_pk: int) -> None:
    """Send one archived message to each member of its list, exactly once each."""
    with session_scope(settings) as session:
        message = session.get(Message, message_pk)
        if message is None or message.deleted or not deliveries.current(message):
            return
        emails = deliveries.recipients(session, message.mailing_list, "each",
                                       joined_before=message.received_at)
        deliveries.plan(session, message.list_id, "message", message.id, emails)
    with session_scope(settings) as session:
        claimed = deliveries.claim(session, "message", message_pk)
    if claimed:
        info, build = _message_builder(settings, message_pk)
        deliver(settings, info, "message", message_pk, claimed, build)


def retry(settings: Settings, kind: str, ref_id: int, ids: list[int]) -> None:
    """Try the deferred recipients ``ids`` of one message or digest again."""
    with session_scope(settings) as session:
        claimed = deliveries.claim(session, kind, ref_id, ids=ids)
    if not claimed:
        return
    if kind == "digest":
        from . import digest_mail  # digest_mail uses deliver(); import here, not at the top
        built = digest_mail.builder(settings, ref_id)
    else:
        built = _message_builder(settings, ref_id)
    if built is None:
        return
    deliver(settings, built[0], kind, ref_id, claimed, built[1])


def retry_due(settings: Settings) -> int:
    """Retry every deferred delivery whose time has come (a ``relais cron`` task)."""
    with session_scope(settings) as session:
        groups = deliveries.due(session)
    for kind, ref_id, ids in groups:
        retry(settings, kind, ref_id, ids)
    return sum(len(ids) for _, _, ids in groups)


def _send_chunk(settings: Settings, info, chunk, build: Builder):
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
    return sent, temporary, permanent


def send_all(settings: Settings, info, claimed: list[tuple[int, str]], build: Builder):
    """Send every claimed copy over a few reused connections: (sent, temporary, permanent)."""
    workers = max(1, min(CONNECTIONS, len(claimed) // PER_CONNECTION + 1))
    chunks = [claimed[start::workers] for start in range(workers)]
    sent, temporary, permanent = [], [], []
    with ThreadPoolExecutor(workers, thread_name_prefix="relais-out") as pool:
        for s, t, p in pool.map(lambda chunk: _send_chunk(settings, info, chunk, build), chunks):
            sent += s
            temporary += t
            permanent += p
    return sent, temporary, permanent


def deliver(settings: Settings, info, kind: str, ref_id: int,
            claimed: list[tuple[int, str]], build: Builder) -> None:
    """Send claimed copies, retry 4xx with backoff, record everything; never raises."""
    sent, temporary, permanent = send_all(settings, info, claimed, build)
    if not settings.redis_url:
        for pause in settings.extra.get("delivery_backoff", IN_JOB_BACKOFF):
            if not temporary:
                break
            time.sleep(pause)
            again = [(row_id, email) for row_id, email, _ in temporary]
            more_sent, temporary, more_permanent = send_all(settings, info, again, build)
            sent += more_sent
            permanent += more_permanent
    _record(settings, info, kind, ref_id, sent, temporary, permanent)


def _record(settings: Settings, info, kind, ref_id, sent, temporary, permanent) -> None:
    delays = tuple(settings.extra.get("retry_delays", RETRY_DELAYS))
    later: dict[float, list[int]] = {}
    with session_scope(settings) as session:
        deliveries.mark_sent(session, sent)
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
            queue.enqueue_later(settings, delay, "mail.delivery.retry", kind, ref_id, ids)
    if temporary or permanent:
        log.info("%s %s on %s: %d sent, %d deferred, %d refused", kind, ref_id, info.address,
                 len(sent), len(temporary), len(permanent))
