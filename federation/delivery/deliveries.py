"""Who gets which copy: one ``Delivery`` row per recipient per message (or digest issue).

The rows make a fan-out idempotent: a replayed job finds the recipients already served and
sends nothing twice. A row moves pending → sending (claimed by one job) → sent, or
deferred (a 4xx, retried later with backoff) or failed (a 5xx, scored as a bounce).
A message's rows are planned in the pipeline's transaction (``plan_message``), so they are
as durable as the archive: rows left pending or sending by a crash are sent at start-up
and by the scheduler (``release``, ``due``).
"""
from __future__ import annotations

import uuid
from datetime import datetime, timedelta

from sqlalchemy import (or_, select, update)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from federation.storage.models import Delivery, MailingList, Member, Message, utcnow

# A claimed row whose job died is handed out again after this long (at-least-once beats
# never; the window keeps duplicates rare).
STALE_CLAIM = timedelta(hours=1)
_CHUNK = 500


def recipients(session: Session, mailing_list: MailingList, mode: str,
               joined_before: datetime | None = None, period: str | None = None) -> list[str]:
    """Addresses of enabled members with this delivery mode (joined before the message came)."""
    query = select(Member.email).where(Member.list_id == mailing_list.id,
                                       Member.delivery == mode, Member.disabled.is_(False))
    if joined_before is not None:
        query = query.where(Member.created_at <= joined_before)
    if period is not None:
        query = query.where(Member.digest_period == period)
    return list(session.scalars(query.order_by(Member.id)))


def plan(session: Session, list_id: int, kind: str, ref_id: int, emails: list[str]) -> None:
    """Insert a pending row for every recipient not yet planned (concurrent jobs are harmless)."""
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    now = utcnow()
    known = set(session.scalars(select(Delivery.email).where(Delivery.kind == kind,
                                                             Delivery.ref_id == ref_id)))
    rows = [dict(list_id=list_id, kind=kind, ref_id=ref_id, email=email, status="pending",
                 attempts=0, claim="", error="", updated_at=now)
            for email in dict.fromkeys(emails) if email not in known]
    for start in range(0, len(rows), _CHUNK):
        session.execute(insert(Delivery).on_conflict_do_nothing(), rows[start:start + _CHUNK])


def plan_message(session: Session, message: Message) -> bool:
    """Plan one copy of a post per member with delivery "each" (who joined before it came).

    Only posts (``Message.posted``: SMTP, LMTP, a moderator's approval) are delivered, never
    an import or a replay, whatever their dates say (Mailman delivers at posting time only).
    Returns whether the message is one to deliver.
    """
    if message.ghost or message.deleted or not message.posted:
        return False
    emails = recipients(session, message.mailing_list, "each", joined_before=message.received_at)
    plan(session, message.list_id, "message", message.id, emails)
    return True


def cancel(session: Session, ids: list[int]) -> None:
    """Never send these rows (their message was erased while they waited)."""
    for start in range(0, len(ids), _CHUNK):
        session.execute(update(Delivery).where(Delivery.id.in_(ids[start:start + _CHUNK]))
                        .values(status="cancelled", updated_at=utcnow())
                        .execution_options(synchronize_session=False))


def release(session: Session, claimed_before: datetime) -> int:
    """Hand back the claims taken before ``claimed_before`` (their job died): pending again,
    and ``updated_at`` kept (the claim's time), so ``due`` sees they have long waited."""
    result = session.execute(update(Delivery).where(
        Delivery.status == "sending", Delivery.claimed_at < claimed_before).values(
        status="pending", claim="").execution_options(synchronize_session=False))
    return result.rowcount or 0


def touch(session: Session, ids: list[int]) -> None:
    """Renew the claim on rows still being sent: a long fan-out is not a dead one."""
    now = utcnow()
    for start in range(0, len(ids), _CHUNK):
        session.execute(update(Delivery).where(Delivery.id.in_(ids[start:start + _CHUNK]),
                                               Delivery.status == "sending")
                        .values(claimed_at=now).execution_options(synchronize_session=False))


def claim(session: Session, kind: str, ref_id: int | None = None,
          ids: list[int] | None = None, now: datetime | None = None,
          limit: int | None = None) -> list[tuple[int, str]]:
    """Take the rows due for sending for this job alone; returns (id, email) pairs.

    ``limit`` takes at most that many (the oldest), so that several jobs share one big
    fan-out: on PostgreSQL rows another job is claiming are skipped (SKIP LOCKED), not
    waited for; SQLite has one writer at a time anyway.
    """
    now = now or utcnow()
    token = uuid.uuid4().hex
    due = or_(Delivery.status == "pending",
              (Delivery.status == "deferred") & (Delivery.next_attempt_at <= now),
              (Delivery.status == "sending") & (Delivery.claimed_at < now - STALE_CLAIM))
    where = [Delivery.kind == kind, due]
    if ref_id is not None:
        where.append(Delivery.ref_id == ref_id)
    chunks = [None] if ids is None else [ids[i:i + _CHUNK] for i in range(0, len(ids), _CHUNK)]
    for chunk in chunks:
        clause = where if chunk is None else [*where, Delivery.id.in_(chunk)]
        if limit is not None:  # picked first, then updated: as a subquery of the UPDATE,
            # PostgreSQL may rescan the LIMIT per row (a semi join) and take every row
            clause = [Delivery.id.in_(list(session.scalars(
                select(Delivery.id).where(*clause).order_by(Delivery.id).limit(limit)
                .with_for_update(skip_locked=True))))]
        session.execute(update(Delivery).where(*clause).values(
            status="sending", claim=token, claimed_at=now, updated_at=now)
            .execution_options(synchronize_session=False))
    return [tuple(row) for row in session.execute(
        select(Delivery.id, Delivery.email).where(Delivery.claim == token).order_by(Delivery.id))]


def due(session: Session, now: datetime | None = None,
        pending_before: datetime | None = None) -> list[tuple[str, int, list[int]]]:
    """Deferred rows whose next attempt is due, and rows pending since before
    ``pending_before`` (nobody sent them), grouped as (kind, ref_id, ids)."""
    now = now or utcnow()
    wanted = (Delivery.status == "deferred") & (Delivery.next_attempt_at <= now)
    if pending_before is not None:
        wanted = wanted | ((Delivery.status == "pending") & (Delivery.updated_at <= pending_before))
    groups: dict[tuple[str, int], list[int]] = {}
    for row_id, kind, ref_id in session.execute(
            select(Delivery.id, Delivery.kind, Delivery.ref_id).where(wanted)
            .order_by(Delivery.id)):
        groups.setdefault((kind, ref_id), []).append(row_id)
    return [(kind, ref_id, ids) for (kind, ref_id), ids in groups.items()]


def mark_sent(session: Session, ids: list[int]) -> None:
    """Record successful hand-offs to the relay (or the outbox)."""
    now = utcnow()
    for start in range(0, len(ids), _CHUNK):
        session.execute(update(Delivery).where(Delivery.id.in_(ids[start:start + _CHUNK]))
                        .values(status="sent", updated_at=now, error="",
                                attempts=Delivery.attempts + 1)
                        .execution_options(synchronize_session=False))


def mark_failed(session: Session, row_id: int, error: str, retry_at: datetime | None) -> int:
    """Record a failed attempt: deferred until ``retry_at``, or failed for good when None."""
    row = session.get(Delivery, row_id)
    row.attempts += 1
    row.error = error[:1000]
    row.status = "deferred" if retry_at is not None else "failed"
    row.next_attempt_at = retry_at
    row.updated_at = utcnow()
    return row.attempts


def attempts_of(session: Session, ids: list[int]) -> dict[int, int]:
    """How many attempts each row has had so far."""
    if not ids:
        return {}
    return {row_id: attempts for row_id, attempts in session.execute(
        select(Delivery.id, Delivery.attempts).where(Delivery.id.in_(ids)))}


def counts(session: Session, kind: str, ref_id: int) -> dict[str, int]:
    """Rows per status for one message or digest (the console and tests read this)."""
    result: dict[str, int] = {}
    for status in session.scalars(select(Delivery.status).where(Delivery.kind == kind,
                                                                Delivery.ref_id == ref_id)):
        result[status] = result.get(status, 0) + 1
    return result
