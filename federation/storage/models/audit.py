"""The audit log: an append-only record of who did what to an assembly's lists, by any channel."""
from __future__ import annotations

import json
from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Index, String, Text, event
from sqlalchemy.orm import Mapped, Session, mapped_column

from federation.storage.models.base import Base, utcnow


class AuditEntry(Base):
    """One action: when, by whom (an address, or "" for Relais itself), through which channel
    (console, mail, cli, web, peer, system), what, on what, and its details as JSON."""

    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    assembly_id: Mapped[int | None] = mapped_column(ForeignKey("assemblies.id"), nullable=True)
    list_id: Mapped[int | None] = mapped_column(ForeignKey("lists.id"), nullable=True)
    actor: Mapped[str] = mapped_column(String(254), default="")
    channel: Mapped[str] = mapped_column(String(16), default="system")
    action: Mapped[str] = mapped_column(String(48))
    target: Mapped[str] = mapped_column(Text, default="")
    detail: Mapped[str] = mapped_column(Text, default="{}")  # JSON object

    __table_args__ = (Index("ix_audit_assembly_at", "assembly_id", "at"),
                      Index("ix_audit_list_at", "list_id", "at"))

    @property
    def details(self) -> dict:
        return json.loads(self.detail or "{}")


@event.listens_for(Session, "before_flush")
def _append_only(session: Session, _context, _instances) -> None:
    """An audit entry, once written, is never changed nor removed (whoever asks)."""
    for row in list(session.dirty) + list(session.deleted):
        if isinstance(row, AuditEntry) and (row in session.deleted
                                            or session.is_modified(row)):
            raise ValueError("the audit log is append-only")
