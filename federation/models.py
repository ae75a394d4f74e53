"""The archive's tables: assemblies, lists, threads, messages and their attachments.

Raw bytes (``Message.raw``) are the truth; parsed fields, threads and indexes are derived
from them and can be rebuilt (public-inbox's stance). Public identities are Message-IDs,
never row ids.
"""
from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import (Boolean, DateTime, ForeignKey, Integer, LargeBinary, String, Text,
                        UniqueConstraint, Index)
from sqlalchemy.orm import DeclarativeBase, Mapped, deferred, mapped_column, relationship


def utcnow() -> datetime:
    """Naive UTC now: every stored datetime is naive UTC, on SQLite and PostgreSQL alike."""
    return datetime.now(timezone.utc).replace(tzinfo=None)


class Base(DeclarativeBase):
    pass


class Assembly(Base):
    """A local assembly of the commons (Lille, Grenoble...), owner of lists."""

    __tablename__ = "assemblies"
    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    lists: Mapped[list["MailingList"]] = relationship(back_populates="assembly",
                                                       order_by="MailingList.address")


class MailingList(Base):
    """A mailing list of one assembly: its posting address, List-Id and policy."""

    __tablename__ = "lists"
    id: Mapped[int] = mapped_column(primary_key=True)
    assembly_id: Mapped[int] = mapped_column(ForeignKey("assemblies.id"))
    address: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    policy: Mapped[str] = mapped_column(String(16), default="open")
    public: Mapped[bool] = mapped_column(Boolean, default=True)
    subject_prefix: Mapped[str] = mapped_column(String(64), default="")
    footer: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    assembly: Mapped[Assembly] = relationship(back_populates="lists")

    @property
    def local_part(self) -> str:
        return self.address.split("@", 1)[0]

    @property
    def domain(self) -> str:
        return self.address.split("@", 1)[1]

    @property
    def list_id(self) -> str:
        """The RFC 2919 List-Id: stable, globally unique, the key for loops and federation."""
        return f"{self.local_part}.{self.domain}"


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
    body_text: Mapped[str] = deferred(mapped_column(Text, default=""))
    body_html: Mapped[str] = deferred(mapped_column(Text, default=""))
    parse_defect: Mapped[str] = mapped_column(Text, default="")
    generated_id: Mapped[bool] = mapped_column(Boolean, default=False)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    received_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    mailing_list: Mapped[MailingList] = relationship()
    thread: Mapped[Thread | None] = relationship(foreign_keys=[thread_id])
    attachments: Mapped[list["Attachment"]] = relationship(
        order_by="Attachment.position", cascade="all, delete-orphan")

    __table_args__ = (UniqueConstraint("list_id", "message_id", name="uq_messages_list_mid"),
                      Index("ix_messages_mid", "message_id"),
                      Index("ix_messages_list_date", "list_id", "date"))

    @property
    def reference_ids(self) -> list[str]:
        """References then In-Reply-To, in order, without duplicates."""
        ids: list[str] = []
        for mid in (self.references or "").split() + (self.in_reply_to or "").split():
            if mid not in ids and mid != self.message_id:
                ids.append(mid)
        return ids


class Attachment(Base):
    """A non-body MIME part of a message; its bytes are extracted from the raw message on demand."""

    __tablename__ = "attachments"
    id: Mapped[int] = mapped_column(primary_key=True)
    message_pk: Mapped[int] = mapped_column(ForeignKey("messages.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    filename: Mapped[str] = mapped_column(Text, default="")
    content_type: Mapped[str] = mapped_column(String(255), default="application/octet-stream")
    size: Mapped[int] = mapped_column(Integer, default=0)
