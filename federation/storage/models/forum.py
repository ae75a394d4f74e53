"""Web posts: messages written in the forum form, waiting for their author's confirmation."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Index, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, deferred, mapped_column, relationship

from federation.storage.models.base import Base, utcnow
from federation.storage.models.lists import MailingList


class WebPost(Base):
    """A message built from the forum form at submission (its raw bytes, its Message-ID),
    filed once the address given confirmed it; the row stays, so a page can mark the
    archived message "sent from the web" (a header alone would be anyone's to write)."""

    __tablename__ = "web_posts"
    id: Mapped[int] = mapped_column(primary_key=True)
    list_id: Mapped[int] = mapped_column(ForeignKey("lists.id"))
    message_id: Mapped[str] = mapped_column(String(995))
    parent_message_id: Mapped[str] = mapped_column(String(995), default="")
    email: Mapped[str] = mapped_column(String(254))
    subject: Mapped[str] = mapped_column(Text, default="")
    raw: Mapped[bytes] = deferred(mapped_column(LargeBinary, nullable=False))
    # pending (link mailed), then the Outcome status of its filing: accepted, duplicate,
    # held, refused or failed (a link spent only once filing did not fail); a held one then
    # takes the moderators' decision: accepted, rejected or discarded (``moderation``)
    status: Mapped[str] = mapped_column(String(16), default="pending")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    confirmed_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    mailing_list: Mapped[MailingList] = relationship()

    __table_args__ = (Index("ix_web_posts_list_mid", "list_id", "message_id", unique=True),
                      Index("ix_web_posts_email", "email"))
