"""Writing and reading the audit log: every channel (console, mail, command line, web, peers)
records what it did to an assembly's lists here, in one vocabulary (ACTIONS).

Sympa does not log rejections made by email (sympa#548); here the mail channel and the
console call the same ``record``. Entries are append-only (see ``models.audit``).
"""
from __future__ import annotations

import json
from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from federation.storage.models import Assembly, AuditEntry, MailingList, utcnow

CHANNELS = ("console", "mail", "cli", "web", "peer", "system")
# One word per action; add to this tuple rather than inventing a spelling at the call site.
ACTIONS = (
    "assembly.create", "assembly.edit",
    "list.create", "list.edit", "list.archive", "list.unarchive",
    "member.join", "member.leave", "member.add", "member.remove", "member.edit",
    "member.disable", "member.enable", "member.export",
    "held.approve", "held.reject", "held.discard", "sender.ban", "sender.trust",
    "message.delete", "message.redact",
    "theme.create", "theme.rename", "theme.merge", "theme.retire", "thread.themes",
    "admin.create", "admin.sign_in",
    "peer.add", "peer.remove", "peer.erase", "peer.withdraw", "peer.restore",
)


def record(session: Session, action: str, *, mailing_list: MailingList | None = None,
           assembly: Assembly | None = None, actor: str = "", channel: str = "system",
           target: str = "", at: datetime | None = None, **detail) -> AuditEntry:
    """Append one entry; the assembly is the list's when a list is given."""
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    if channel not in CHANNELS:
        raise ValueError(f"unknown audit channel {channel!r}")
    assembly_id = assembly.id if assembly is not None else (
        mailing_list.assembly_id if mailing_list is not None else None)
    entry = AuditEntry(at=at or utcnow(), assembly_id=assembly_id,
                       list_id=mailing_list.id if mailing_list is not None else None,
                       actor=(actor or "")[:254], channel=channel, action=action,
                       target=target or "", detail=json.dumps(detail, ensure_ascii=False,
                                                              default=str))
    session.add(entry)
    return entry


def entries(session: Session, *, assembly_ids: list[int] | None = None,
            list_id: int | None = None, action: str | None = None, actor: str | None = None,
            before_id: int | None = None, limit: int = 100, lists_also: list[int] = (),
            since: datetime | None = None, until: datetime | None = None) -> list[AuditEntry]:
    """The newest entries first, filtered, keyset-paged by id (``before_id``); with
    ``lists_also``, the entries of those lists count as in ``assembly_ids`` (a list owner
    reads their list's log, not their assembly's). ``until`` is exclusive."""
    query = select(AuditEntry)
    if assembly_ids is not None:
        query = query.where(or_(AuditEntry.assembly_id.in_(assembly_ids),
                                AuditEntry.list_id.in_(list(lists_also)))
                            if lists_also else AuditEntry.assembly_id.in_(assembly_ids))
    if since is not None:
        query = query.where(AuditEntry.at >= since)
    if until is not None:
        query = query.where(AuditEntry.at < until)
    if list_id is not None:
        query = query.where(AuditEntry.list_id == list_id)
    if action:
        query = query.where(AuditEntry.action == action)
    if actor:
        query = query.where(AuditEntry.actor == actor)
    if before_id is not None:
        query = query.where(AuditEntry.id < before_id)
    return list(session.scalars(query.order_by(AuditEntry.id.desc()).limit(limit)))
