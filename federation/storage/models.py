"""Every table of Relais: assemblies, lists, threads, messages, members, moderation, themes,
delivery rows, digests and trained theme models.

Raw bytes (``Message.raw``) are the truth; parsed fields, threads and indexes are derived
from them and can be rebuilt (public-inbox's stance). Public identities are Message-IDs,
never row ids.
"""
from __future__ import annotations

import json
from datetime import date, datetime, timezone

from sqlalchemy import (Boolean, Date, DateTime, Float, ForeignKey, Integer, LargeBinary, String,
                        Text, UniqueConstraint, Index, event, text)
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
    # set whenever ``public`` changes (below): caches and Last-Modified follow it
    visibility_changed_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
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

    def role_address(self, role: str) -> str:
        """One of the list's role addresses (request, join, leave, owner, bounces)."""
        return role_address(self.address, role)


ROLES = ("request", "join", "leave", "owner", "bounces")


def role_address(list_address: str, role: str) -> str:
    """The address of a list's role, Mailman's way: semences-leave@lists.test."""
    local, _, domain = list_address.partition("@")
    return f"{local}-{role}@{domain}"


@event.listens_for(MailingList.public, "set", active_history=True)
def _visibility_changed(target: MailingList, value, oldvalue, _initiator) -> None:
    """Stamp the time a stored list became public or private, whoever changed it."""
    if target.id is not None and value != oldvalue:
        target.visibility_changed_at = utcnow()


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


class Member(Base):
    """An address subscribed to a list, with its role and delivery mode."""

    __tablename__ = "members"
    id: Mapped[int] = mapped_column(primary_key=True)
    list_id: Mapped[int] = mapped_column(ForeignKey("lists.id"), index=True)
    email: Mapped[str] = mapped_column(String(254))
    name: Mapped[str] = mapped_column(Text, default="")
    role: Mapped[str] = mapped_column(String(16), default="member")  # member|moderator|owner
    delivery: Mapped[str] = mapped_column(String(16), default="each")  # each|digest|none
    digest_period: Mapped[str] = mapped_column(String(8), default="day")  # day|week
    language: Mapped[str] = mapped_column(String(8), default="fr")
    bounce_score: Mapped[float] = mapped_column(Float, default=0.0)
    last_bounce_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    disabled_reason: Mapped[str] = mapped_column(Text, default="")
    consent: Mapped[str] = mapped_column(Text, default="")  # how it got here: "added by admin"...
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    mailing_list: Mapped[MailingList] = relationship()

    __table_args__ = (UniqueConstraint("list_id", "email", name="uq_members_list_email"),)


class Held(Base):
    """A message kept for moderation, with the reason it was held; raw bytes kept verbatim."""

    __tablename__ = "held"
    id: Mapped[int] = mapped_column(primary_key=True)
    list_id: Mapped[int] = mapped_column(ForeignKey("lists.id"), index=True)
    raw: Mapped[bytes] = deferred(mapped_column(LargeBinary, nullable=False))
    message_id: Mapped[str] = mapped_column(String(995), default="")
    sender: Mapped[str] = mapped_column(String(254), default="")
    subject: Mapped[str] = mapped_column(Text, default="")
    reason: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16), default="held")  # held|approved|rejected|discarded
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    decided_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    mailing_list: Mapped[MailingList] = relationship()


class Token(Base):
    """A single-use, expiring confirmation token (subscribe, unsubscribe, moderation).

    Only a hash of the secret is stored, so a database leak does not leak live links.
    """

    __tablename__ = "tokens"
    id: Mapped[int] = mapped_column(primary_key=True)
    digest: Mapped[str] = mapped_column(String(128), unique=True)
    purpose: Mapped[str] = mapped_column(String(32))
    list_id: Mapped[int | None] = mapped_column(ForeignKey("lists.id"), nullable=True)
    email: Mapped[str] = mapped_column(String(254), default="")
    payload: Mapped[str] = mapped_column(Text, default="")  # JSON
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(DateTime)
    used_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class NoticeQuota(Base):
    """How many automatic answers one address got on one (UTC) day: the backscatter cap."""

    __tablename__ = "notice_quotas"
    email: Mapped[str] = mapped_column(String(254), primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    count: Mapped[int] = mapped_column(Integer, default=0)


class Ban(Base):
    """A banned address on one list (or every list when list_id is null): exact or ^regex."""

    __tablename__ = "bans"
    id: Mapped[int] = mapped_column(primary_key=True)
    list_id: Mapped[int | None] = mapped_column(ForeignKey("lists.id"), nullable=True)
    pattern: Mapped[str] = mapped_column(String(254))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class ListSetting(Base):
    """Per-list options beyond the core columns, Miniflux-style: one row per key, defaults in code."""

    __tablename__ = "list_settings"
    id: Mapped[int] = mapped_column(primary_key=True)
    list_id: Mapped[int] = mapped_column(ForeignKey("lists.id"))
    key: Mapped[str] = mapped_column(String(64))
    value: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (UniqueConstraint("list_id", "key", name="uq_list_settings"),)


class Theme(Base):
    """A shared topic across assemblies; the slug is a stable identifier (TAXONOMY.md)."""

    __tablename__ = "themes"
    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(64), unique=True)
    label_fr: Mapped[str] = mapped_column(String(200))
    label_en: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    synonyms: Mapped[str] = mapped_column(Text, default="")  # comma-separated, for #hashtags
    retired: Mapped[bool] = mapped_column(Boolean, default=False)
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("themes.id"), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class ThreadTheme(Base):
    """A theme given to a thread, with its score and source: explicit, auto or manual.

    ``manual`` rows are an admin's choice and are never overwritten by an automatic pass;
    ``rejected`` rows record an admin's correction (training data, and never re-added).
    """

    __tablename__ = "thread_themes"
    id: Mapped[int] = mapped_column(primary_key=True)
    thread_id: Mapped[int] = mapped_column(ForeignKey("threads.id", ondelete="CASCADE"))
    theme_id: Mapped[int] = mapped_column(ForeignKey("themes.id"))
    score: Mapped[float] = mapped_column(Float, default=0.0)
    source: Mapped[str] = mapped_column(String(16), default="auto")  # explicit|auto|manual|rejected
    reasons: Mapped[str] = mapped_column(Text, default="")  # JSON list of words/phrases
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    theme: Mapped[Theme] = relationship()

    __table_args__ = (UniqueConstraint("thread_id", "theme_id", name="uq_thread_themes"),
                      Index("ix_thread_themes_theme", "theme_id", "thread_id"))


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


class ThemeModel(Base):
    """One trained version of the theme classifier, serialised by ``Model.to_bytes``."""

    __tablename__ = "theme_models"
    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[int] = mapped_column(Integer, unique=True)
    fingerprint: Mapped[str] = mapped_column(String(64))  # of the training data
    examples: Mapped[int] = mapped_column(Integer, default=0)
    corrections: Mapped[int] = mapped_column(Integer, default=0)
    data: Mapped[bytes] = deferred(mapped_column(LargeBinary, nullable=False))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
