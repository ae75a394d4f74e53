"""The admin console's accounts: who signs in with a password, and which assemblies they run;
and the members table's indexes that the console's roster pages walk (keyset paging)."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from federation.storage.models.base import Base, utcnow
from federation.storage.models.lists import Member


class AdminAccount(Base):
    """An address that may sign in with a password (argon2 hash; empty: by link only).

    Site and assembly admins have one; a list's owners and moderators get one the first time
    they set a password through a reset link. Rights come from ``site_admin``, the
    AdminAssembly rows and the address's member roles (``lists.permissions``).
    """

    __tablename__ = "admin_accounts"
    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    password_hash: Mapped[str] = mapped_column(String(200), default="")
    site_admin: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    last_sign_in_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    # set when the password changes: sessions signed in before it are signed out
    password_changed_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class AdminAssembly(Base):
    """One assembly an account administers (every list of it, nothing else)."""

    __tablename__ = "admin_assemblies"
    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("admin_accounts.id"))
    assembly_id: Mapped[int] = mapped_column(ForeignKey("assemblies.id"), index=True)

    __table_args__ = (UniqueConstraint("account_id", "assembly_id", name="uq_admin_assembly"),)


# The roster is sorted by name, joined date or bounce score and paged by (key, id): one index
# each, so a page of a 100,000-member list reads a page of rows (the address order uses the
# unique (list_id, email) index). Roles are looked up by address across lists at sign-in.
Index("ix_members_list_name", Member.list_id, Member.name, Member.id)
Index("ix_members_list_joined", Member.list_id, Member.created_at, Member.id)
Index("ix_members_list_bounce", Member.list_id, Member.bounce_score, Member.id)
Index("ix_members_email_role", Member.email, Member.role)
