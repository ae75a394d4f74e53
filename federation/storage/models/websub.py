"""WebSub (W3C Recommendation, 2018) on both sides: the subscribers of this hub's topics, and
this instance's own subscriptions to its peers' hubs."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from federation.storage.models.base import Base, utcnow


class WebSubSubscriber(Base):
    """Someone subscribed to one of our federation feeds (we are the hub).

    Active once intent is verified (``verified_at``) and until ``expires_at``; a request not
    verified yet waits in the ``pending_*`` columns without touching the active state (WebSub
    §5.1: a re-request overrides the previous state only once verified).
    """

    __tablename__ = "websub_subscribers"
    id: Mapped[int] = mapped_column(primary_key=True)
    topic: Mapped[str] = mapped_column(Text)
    # the list whose feed the topic is; None: the instance-wide federation feed
    list_id: Mapped[int | None] = mapped_column(ForeignKey("lists.id", ondelete="CASCADE"),
                                                nullable=True)
    callback: Mapped[str] = mapped_column(Text)
    secret: Mapped[str] = mapped_column(String(200), default="")
    lease_seconds: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    verified_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    expires_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    pending_mode: Mapped[str] = mapped_column(String(16), default="")
    pending_secret: Mapped[str] = mapped_column(String(200), default="")
    pending_lease_seconds: Mapped[int] = mapped_column(Integer, default=0)
    delivered: Mapped[int] = mapped_column(Integer, default=0)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    last_delivery_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)

    __table_args__ = (UniqueConstraint("topic", "callback", name="uq_websub_topic_callback"),)


class WebSubSubscription(Base):
    """Our subscription to a peer's hub for one of its feeds (we are the subscriber).

    The callback URL carries ``token`` (opaque, one per subscription), so a verification or a
    push names the subscription it claims to be for; ``secret`` keys the HMAC of pushes.
    ``state``: requested (asked, not verified yet), active, unsubscribing, denied.
    """

    __tablename__ = "websub_subscriptions"
    id: Mapped[int] = mapped_column(primary_key=True)
    peer_id: Mapped[int] = mapped_column(Integer, index=True)
    hub: Mapped[str] = mapped_column(Text)
    topic: Mapped[str] = mapped_column(Text)
    token: Mapped[str] = mapped_column(String(64), unique=True)
    secret: Mapped[str] = mapped_column(String(200))
    state: Mapped[str] = mapped_column(String(16), default="requested")
    lease_seconds: Mapped[int] = mapped_column(Integer, default=0)
    requested_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    verified_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    expires_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    error: Mapped[str] = mapped_column(Text, default="")
    pushes: Mapped[int] = mapped_column(Integer, default=0)
    refused_pushes: Mapped[int] = mapped_column(Integer, default=0)
    last_push_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)

    __table_args__ = (UniqueConstraint("peer_id", "topic", name="uq_websub_peer_topic"),)
