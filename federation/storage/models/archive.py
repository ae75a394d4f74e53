"""Threads, messages and their attachments: the archive itself."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import (Boolean, DateTime, ForeignKey, Integer, LargeBinary, String,
                        Text, UniqueConstraint, Index, text)
from sqlalchemy.orm import Mapped, deferred, mapped_column, relationship

from federation.storage.models.base import Base, utcnow
from federation.storage.models.lists import MailingList


class Thread(Base):
    """Messages linked by References/In-Reply-To on one list (JWZ), keyed by its root's Message-ID."""

    __tablename__ = "threads"
    id: Mapped[int] = mapped_column(primary_key=True)
    list_id: Mapped[int] = mapped_column(ForeignKey("lists.id"), index=True)
    root_message_id: Mapped[str] = mapped_column(String(995))
    subject: Mapped[str] = mapped_column(Text, default="")
    started_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    last_activity: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    message_count: Mapped[int] = mapped_column(Integer, default=0)
    mailing_list: Mapped[MailingList] = relationship()

    __table_args__ = (Index("ix_threads_list_activity", "list_id", "last_activity"),
                      Index("ix_threads_activity", "last_activity"))


class Message(Base):
    """One archived email, or a ghost: a container for a Message-ID only seen in References."""

    __tablename__ = "messages"
    id: Mapped[int] = mapped_column(primary_key=True)
    list_id: Mapped[int] = mapped_column(ForeignKey("lists.id"))
    message_id: Mapped[str] = mapped_column(String(995))
    thread_id: Mapped[int | None] = mapped_column(ForeignKey("threads.id"), index=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("messages.id"), index=True)
    ghost: Mapped[bool] = mapped_column(Boolean, default=False)
    raw: Mapped[bytes | None] = deferred(mapped_column(LargeBinary, nullable=True))
    size: Mapped[int] = mapped_column(Integer, default=0)
    from_name: Mapped[str] = mapped_column(Text, default="")
    from_addr: Mapped[str] = mapped_column(String(254), default="")
    subject: Mapped[str] = mapped_column(Text, default="")
    date: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    in_reply_to: Mapped[str] = mapped_column(Text, default="")
    references: Mapped[str] = mapped_column(Text, default="")
    body_text: Mapped[str] = deferred(mapped_column(Text, nullable=False, default=""))
    body_html: Mapped[str] = deferred(mapped_column(Text, nullable=False, default=""))
    parse_defect: Mapped[str] = mapped_column(Text, default="")
    generated_id: Mapped[bool] = mapped_column(Boolean, default=False)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    # set when an admin deleted or redacted it (federation/archive/erasure.py); the tombstone's "when"
    erased_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    erasure_reason: Mapped[str] = mapped_column(Text, default="")
    # set once the after-commit pipeline has run; a restart re-queues the rest (never lost)
    processed: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    # a post (SMTP, LMTP, a moderator's approval) for the pipeline to deliver to the members;
    # never set by an import or a replay, whatever the message's dates say
    posted: Mapped[bool] = mapped_column(Boolean, default=False)
    received_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    # a mirrored copy (issue 11): the peer it came from, read-only here, and the sha256 of
    # its raw bytes as the origin published it
    origin_peer_id: Mapped[int | None] = mapped_column(ForeignKey("peers.id"), nullable=True)
    sha256: Mapped[str] = mapped_column(String(64), default="")
    mailing_list: Mapped[MailingList] = relationship()
    thread: Mapped[Thread | None] = relationship(foreign_keys=[thread_id])
    attachments: Mapped[list["Attachment"]] = relationship(
        order_by="Attachment.position", cascade="all, delete-orphan")

    __table_args__ = (UniqueConstraint("list_id", "message_id", name="uq_messages_list_mid"),
                      Index("ix_messages_mid", "message_id"),
                      Index("ix_messages_list_date", "list_id", "date"),
                      Index("ix_messages_erased", "erased_at"),
                      Index("ix_messages_date", "date"),
                      Index("ix_messages_received", "received_at"),
                      Index("ix_messages_list_received", "list_id", "received_at"),
                      # deleted messages are few: a partial index holds only them (0004_reading)
                      Index("ix_messages_deleted_list", "list_id",
                            sqlite_where=text("deleted IS 1"),
                            postgresql_where=text("deleted IS TRUE")))


class Attachment(Base):
    """A non-body MIME part of a message; its bytes are extracted from the raw message on demand."""

    __tablename__ = "attachments"
    id: Mapped[int] = mapped_column(primary_key=True)
    message_pk: Mapped[int] = mapped_column(ForeignKey("messages.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    filename: Mapped[str] = mapped_column(Text, default="")
    content_type: Mapped[str] = mapped_column(String(255), default="application/octet-stream")
    size: Mapped[int] = mapped_column(Integer, default=0)
