"""Federation between instances: the peers we follow, the instances that follow us, and the
erasure acknowledgements that travel between them (issue 11)."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Index, Integer, String, Text, UniqueConstraint, func
from sqlalchemy.orm import Mapped, mapped_column

from federation.storage.models.base import Base, utcnow


class Peer(Base):
    """Another Relais whose federated lists we mirror; only its ``origin`` is ever fetched."""

    __tablename__ = "peers"
    id: Mapped[int] = mapped_column(primary_key=True)
    url: Mapped[str] = mapped_column(String(500), unique=True)  # its home page, as given
    origin: Mapped[str] = mapped_column(String(300))  # scheme://host[:port], the only one fetched
    feed_url: Mapped[str] = mapped_column(String(1000))
    ack_url: Mapped[str] = mapped_column(String(1000), default="")
    follow_url: Mapped[str] = mapped_column(String(1000), default="")
    title: Mapped[str] = mapped_column(Text, default="")
    # our shared secret with it: signs our acknowledgements and our follow-check answers
    secret: Mapped[str] = mapped_column(String(128))
    registered_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    added_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    # ``relais peer remove``: no longer polled; its mirrored copies stay, marked with it
    removed_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    # conditional GET of the first page (RFC 9110 §13.1)
    etag: Mapped[str] = mapped_column(Text, default="")
    last_modified: Mapped[str] = mapped_column(Text, default="")
    # the newest change we hold all of: (its updated stamp, its Message-ID)
    cursor_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    cursor_ref: Mapped[str] = mapped_column(Text, default="")
    newest_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    last_attempt_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    last_success_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    next_attempt_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    errors: Mapped[int] = mapped_column(Integer, default=0)  # consecutive
    last_error: Mapped[str] = mapped_column(Text, default="")
    # WebSub (W3C Recommendation 2018): the lease of our subscription to its hub, when any
    lease_expires_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class Follower(Base):
    """An instance that follows us, verified by a signed challenge; its secret signs its acks."""

    __tablename__ = "followers"
    id: Mapped[int] = mapped_column(primary_key=True)
    url: Mapped[str] = mapped_column(String(500), unique=True)  # its base URL
    secret: Mapped[str] = mapped_column(String(128))
    registered_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    left_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)  # it unfollowed


class PeerAck(Base):
    """A follower's acknowledgement that it erased (or never had) its copy of a message."""

    __tablename__ = "peer_acks"
    id: Mapped[int] = mapped_column(primary_key=True)
    follower_id: Mapped[int] = mapped_column(ForeignKey("followers.id"), index=True)
    message_id: Mapped[str] = mapped_column(String(995), index=True)
    action: Mapped[str] = mapped_column(String(16))  # delete|redact|absent
    acked_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    __table_args__ = (UniqueConstraint("follower_id", "message_id", name="uq_peer_acks"),)


class OutgoingAck(Base):
    """An acknowledgement we owe a peer for one of its tombstones, kept until it is taken."""

    __tablename__ = "outgoing_acks"
    id: Mapped[int] = mapped_column(primary_key=True)
    peer_id: Mapped[int] = mapped_column(ForeignKey("peers.id"), index=True)
    message_id: Mapped[str] = mapped_column(String(995))
    action: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)

    __table_args__ = (UniqueConstraint("peer_id", "message_id", "action", name="uq_outgoing_acks"),)


from federation.storage.models.archive import Message  # noqa: E402  (the index below names it)

# The federation feed's order: a message's last change (its arrival, or its erasure, which
# must reach peers that already walked past it), then its Message-ID (0012_peers).
CHANGED = func.coalesce(Message.__table__.c.erased_at, Message.__table__.c.received_at)
Index("ix_messages_changed", CHANGED, Message.__table__.c.message_id)
