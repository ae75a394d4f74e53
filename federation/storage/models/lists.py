"""Assemblies, lists and what hangs on a list: members, held messages, tokens, bans, options."""
from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime

from sqlalchemy import (Boolean, Date, DateTime, Float, ForeignKey, Index, Integer, LargeBinary,
                        String, Text, UniqueConstraint, delete, event, inspect, insert)
from sqlalchemy.orm import Mapped, deferred, mapped_column, relationship

from federation.storage.models.base import Base, utcnow


class Assembly(Base):
    """A local assembly of the commons (Lille, Grenoble...), owner of lists."""

    __tablename__ = "assemblies"
    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    city: Mapped[str] = mapped_column(String(200), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    # an assembly of a peer's instance, known here through its mirrored lists (issue 11)
    origin_peer_id: Mapped[int | None] = mapped_column(ForeignKey("peers.id"), nullable=True)
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
    # the owner's consent to federate the list with peers (issue 11); a private list is never
    # federated, whatever this says (federation reads ``public`` too)
    federated: Mapped[bool] = mapped_column(Boolean, default=False)
    # set when an admin archived the list: it takes no more posts, its messages all stay
    archived_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    # a peer's list mirrored here (issue 11): read-only, never posted to nor delivered
    origin_peer_id: Mapped[int | None] = mapped_column(ForeignKey("peers.id"), nullable=True)
    origin_peer: Mapped["Peer | None"] = relationship()  # noqa: F821 (models.peers)
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


def search_key(text: str) -> str:
    """Text as the roster search compares it: case and accents folded ("Élodie" → "elodie"),
    in Python, because SQLite's lower() folds ASCII only."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _name_key(context) -> str:
    return search_key(context.get_current_parameters().get("name") or "")


def _domain(context) -> str:
    return (context.get_current_parameters().get("email") or "").rpartition("@")[2].lower()


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
    # the roster search's keys, set from name and email (bulk inserts too, by these defaults)
    name_key: Mapped[str] = mapped_column(Text, default=_name_key, server_default="")
    domain: Mapped[str] = mapped_column(String(254), default=_domain, server_default="")
    mailing_list: Mapped[MailingList] = relationship()

    # The search looks up a prefix of the address, of the name or of the domain in an index
    # each (a substring scan reads every row). PostgreSQL's text_pattern_ops lets LIKE 'q%'
    # use an index whatever the database's collation; SQLite's range query needs none. The
    # address in the name and domain indexes: a page in address order sorts index entries.
    __table_args__ = (
        UniqueConstraint("list_id", "email", name="uq_members_list_email"),
        Index("ix_members_list_email_prefix", "list_id", "email",
              postgresql_ops={"email": "text_pattern_ops"}),
        Index("ix_members_list_name_key", "list_id", "name_key", "email",
              postgresql_ops={"name_key": "text_pattern_ops"}),
        Index("ix_members_list_domain", "list_id", "domain", "email",
              postgresql_ops={"domain": "text_pattern_ops"}))


# a name's words are split at spaces, hyphens and apostrophes ("Jean-Élodie d'Arc"); an address's
# local part at the separators people put in it ("marie.dupont+listes")
_NAME_SEPARATORS = re.compile(r"[\s\-'’.,()]+")
_LOCAL_SEPARATORS = re.compile(r"[._\-+]+")


def later_words(name: str, email: str) -> set[str]:
    """The words of a name and of an address's local part after their first, folded as
    ``search_key`` folds: the first is the start of ``name_key`` or of the address already."""
    words = set(_NAME_SEPARATORS.split(search_key(name))[1:])
    words.update(_LOCAL_SEPARATORS.split(search_key((email or "").rpartition("@")[0]))[1:])
    return {word[:200] for word in words if word}


def word_rows(member_id: int, list_id: int, name: str, email: str) -> list[dict]:
    """The ``member_words`` rows of one member."""
    return [{"member_id": member_id, "list_id": list_id, "word": word, "email": email}
            for word in sorted(later_words(name, email))]


class MemberWord(Base):
    """A word of a member's name or address other than its first, so that the roster search
    finds a surname ("dupont" → "Marie Dupont") through an index, as Postorius does."""

    __tablename__ = "member_words"
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"),
                                           primary_key=True)
    word: Mapped[str] = mapped_column(String(200), primary_key=True)
    list_id: Mapped[int] = mapped_column(Integer)
    # the member's address again: a page in address order sorts index entries, reads no row
    email: Mapped[str] = mapped_column(String(254))

    __table_args__ = (Index("ix_member_words_list_word", "list_id", "word", "email",
                            "member_id", postgresql_ops={"word": "text_pattern_ops"}),)


@event.listens_for(Member, "after_insert")
def _words_inserted(_mapper, connection, member: Member) -> None:
    rows = word_rows(member.id, member.list_id, member.name, member.email)
    if rows:
        connection.execute(insert(MemberWord), rows)


@event.listens_for(Member, "after_update")
def _words_updated(_mapper, connection, member: Member) -> None:
    state = inspect(member)
    if state.attrs.name.history.has_changes() or state.attrs.email.history.has_changes():
        connection.execute(delete(MemberWord).where(MemberWord.member_id == member.id))
        _words_inserted(_mapper, connection, member)


@event.listens_for(Member.name, "set")
def _name_changed(member: Member, value: str, _old, _initiator) -> None:
    member.name_key = search_key(value)


@event.listens_for(Member.email, "set")
def _email_changed(member: Member, value: str, _old, _initiator) -> None:
    member.domain = (value or "").rpartition("@")[2].lower()


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
