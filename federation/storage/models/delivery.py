"""Delivery rows (one per recipient's copy) and digests: cross-assembly issues, their readers, list digests."""
from __future__ import annotations

import json
from datetime import datetime

from sqlalchemy import (Boolean, DateTime, ForeignKey, Integer, String,
                        Text, UniqueConstraint, Index)
from sqlalchemy.orm import Mapped, mapped_column

from federation.storage.models.base import Base, utcnow


class Delivery(Base):
    """One recipient's copy of one message (kind "message") or digest issue (kind "digest")."""

    __tablename__ = "deliveries"
    id: Mapped[int] = mapped_column(primary_key=True)
    list_id: Mapped[int] = mapped_column(ForeignKey("lists.id"))
    kind: Mapped[str] = mapped_column(String(8))
    ref_id: Mapped[int] = mapped_column(Integer)
    email: Mapped[str] = mapped_column(String(254))
    status: Mapped[str] = mapped_column(String(12), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    claim: Mapped[str] = mapped_column(String(32), default="")
    claimed_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    error: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    __table_args__ = (UniqueConstraint("kind", "ref_id", "email", name="uq_deliveries_ref_email"),
                      Index("ix_deliveries_status_next", "status", "next_attempt_at"),
                      Index("ix_deliveries_claim", "claim"))


class DigestIssue(Base):
    """One issue: its period, its public slug ("2025-03-10" or "2025-W11") and content."""

    __tablename__ = "digest_issues"
    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(32), unique=True)
    period: Mapped[str] = mapped_column(String(8))
    starts_at: Mapped[datetime] = mapped_column(DateTime)
    ends_at: Mapped[datetime] = mapped_column(DateTime)
    content: Mapped[str] = mapped_column(Text)  # JSON, see delivery/digests.build()
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    __table_args__ = (Index("ix_digest_issues_ends", "ends_at"),)

    @property
    def data(self) -> dict:
        return json.loads(self.content)


class DigestSubscriber(Base):
    """A confirmed reader: period, themes and assemblies chosen (empty = all)."""

    __tablename__ = "digest_subscribers"
    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    period: Mapped[str] = mapped_column(String(8), default="week")
    themes: Mapped[str] = mapped_column(Text, default="")       # comma-separated slugs
    assemblies: Mapped[str] = mapped_column(Text, default="")   # comma-separated slugs
    language: Mapped[str] = mapped_column(String(8), default="fr")
    confirmed_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class DigestDelivery(Base):
    """That one issue went (or was found empty) for one subscriber: never sent twice."""

    __tablename__ = "digest_deliveries"
    id: Mapped[int] = mapped_column(primary_key=True)
    issue_id: Mapped[int] = mapped_column(ForeignKey("digest_issues.id", ondelete="CASCADE"))
    subscriber_id: Mapped[int] = mapped_column(
        ForeignKey("digest_subscribers.id", ondelete="CASCADE"))
    sent: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    __table_args__ = (UniqueConstraint("issue_id", "subscriber_id", name="uq_digest_deliveries"),)


class ListDigest(Base):
    """One issue of a list's daily or weekly digest."""

    __tablename__ = "list_digests"
    id: Mapped[int] = mapped_column(primary_key=True)
    list_id: Mapped[int] = mapped_column(ForeignKey("lists.id"))
    period: Mapped[str] = mapped_column(String(8))
    starts_at: Mapped[datetime] = mapped_column(DateTime)
    ends_at: Mapped[datetime] = mapped_column(DateTime)
    number: Mapped[int] = mapped_column(Integer)
    message_count: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    __table_args__ = (UniqueConstraint("list_id", "period", "starts_at",
                                       name="uq_list_digests_period"),)
