"""Deferred copies sent again: one message's or digest's (``retry``, a delayed rq job) and
every copy a crash or a 4xx left behind (``retry_due``, at start-up and from ``relais cron``).

Apart from ``delivery`` because a retry rebuilds a digest too, and ``digest_mail`` itself
sends through ``delivery.deliver``.
"""
from __future__ import annotations

import logging
from datetime import timedelta

from federation.delivery import deliveries
from federation.storage.db import session_scope
from federation.storage.models import utcnow
from federation.settings import Settings

from mail import delivery, digest_mail

log = logging.getLogger(__name__)
# Pending rows this old have no job coming for them (a crash after planning): the scheduler
# sends them; younger ones have their fan-out job queued.
PENDING_GRACE = 60.0


def retry(settings: Settings, kind: str, ref_id: int, ids: list[int]) -> None:
    """Try the deferred recipients ``ids`` of one message or digest again."""
    with session_scope(settings) as session:
        claimed = deliveries.claim(session, kind, ref_id, ids=ids)
    if not claimed:
        return
    if kind == "digest":
        found = digest_mail.builder(settings, ref_id)
        built = delivery.Built(*found) if found is not None else None
    else:
        built = delivery.message_builder(settings, ref_id)
    if built is None:  # its message or digest is gone: never send these rows
        with session_scope(settings) as session:
            deliveries.cancel(session, [row_id for row_id, _email in claimed])
        return
    delivery.deliver(settings, built.info, kind, ref_id, claimed, built.build, built.batched)


def retry_due(settings: Settings, pending_for: float = PENDING_GRACE,
              stale_after: float | None = None) -> int:
    """Send every copy left behind: deferred rows whose time has come, rows pending for
    ``pending_for`` seconds (a crash after planning), and rows claimed ``stale_after``
    seconds ago (default ``deliveries.STALE_CLAIM``: a crash in mid fan-out). A
    ``relais cron`` task, and a start-up job of ``serve``, ``smtp`` and ``worker``."""
    now = utcnow()
    stale = deliveries.STALE_CLAIM if stale_after is None else timedelta(seconds=stale_after)
    with session_scope(settings) as session:
        released = deliveries.release(session, now - stale)
    with session_scope(settings, write=False) as session:
        groups = deliveries.due(session, now, pending_before=now - timedelta(seconds=pending_for))
    if released:
        log.info("%d copies claimed by a job that died are sent again", released)
    for kind, ref_id, ids in groups:
        retry(settings, kind, ref_id, ids)
    return sum(len(ids) for _, _, ids in groups)
