"""Per-list digests for members in digest mode: which messages, which period, which issue.

A digest issue covers one complete period, a UTC day or an ISO week (Monday to Monday), of
messages received on the list. An issue row is created once per (list, period, start), so
running the task again, or on two machines, never makes a second issue; each recipient's
copy is a ``Delivery`` row of kind "digest", so nobody gets one twice.
"""
from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from federation.storage.models import ListDigest, MailingList, Member, Message, utcnow

PERIODS = ("day", "week")


def last_period(period: str, now: datetime) -> tuple[datetime, datetime]:
    """The latest complete period before ``now``: yesterday, or last ISO week."""
    today = now.replace(hour=0, minute=0, second=0, microsecond=0)
    if period == "day":
        return today - timedelta(days=1), today
    monday = today - timedelta(days=today.weekday())
    return monday - timedelta(days=7), monday


def wanted(session: Session) -> list[tuple[int, str]]:
    """(list id, period) pairs that have at least one enabled digest member."""
    return list(session.execute(
        select(Member.list_id, Member.digest_period).where(
            Member.delivery == "digest", Member.disabled.is_(False),
            Member.digest_period.in_(PERIODS)).distinct()))


def messages(session: Session, list_id: int, starts_at: datetime,
             ends_at: datetime) -> list[Message]:
    """The list's archived messages received in [starts_at, ends_at), oldest first."""
    return list(session.scalars(
        select(Message).where(Message.list_id == list_id, Message.ghost.is_(False),
                              Message.deleted.is_(False), Message.received_at >= starts_at,
                              Message.received_at < ends_at)
        .order_by(Message.received_at, Message.id)))


def issue(session: Session, list_id: int, period: str, now: datetime | None = None) -> ListDigest | None:
    """The digest issue for the last complete period, created on first call; None if empty."""
    starts_at, ends_at = last_period(period, now or utcnow())
    existing = session.scalar(select(ListDigest).filter_by(list_id=list_id, period=period,
                                                          starts_at=starts_at))
    if existing is not None:
        return existing
    count = len(messages(session, list_id, starts_at, ends_at))
    if not count:
        return None
    number = 1 + (session.scalar(select(func.count(ListDigest.id)).filter_by(
        list_id=list_id, period=period)) or 0)
    digest = ListDigest(list_id=list_id, period=period, starts_at=starts_at, ends_at=ends_at,
                        number=number, message_count=count)
    session.add(digest)
    session.flush()  # a concurrent twin fails on the unique key and is retried next tick
    return digest


def recipients(session: Session, digest: ListDigest) -> list[str]:
    """Enabled digest members of this period who had joined before the period ended."""
    return list(session.scalars(select(Member.email).where(
        Member.list_id == digest.list_id, Member.delivery == "digest",
        Member.digest_period == digest.period, Member.disabled.is_(False),
        Member.created_at < digest.ends_at).order_by(Member.id)))


def list_of(session: Session, digest: ListDigest) -> MailingList:
    """The digest's list."""
    return session.get(MailingList, digest.list_id)
