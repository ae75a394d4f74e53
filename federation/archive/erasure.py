"""Erasing a message (GDPR art. 17) or redacting it (a privacy request that keeps the thread).

**Delete**: the raw bytes go (NULL), with the parsed body, author, subject and attachment
rows; a tombstone stays (the Message-ID, the thread place, ``erased_at`` and the reason),
which pages show as "deleted" and feeds as an RFC 6721 ``at:deleted-entry``.
**Redact**: the subject, date and thread place (Message-ID, In-Reply-To, References) stay;
the author and body become a French/English "message masqué" notice, and the raw bytes a
minimal message rebuilt from what stays, so /raw, mbox and digests stay well-formed.

Either way the derived copies follow at once: the search document, the published
cross-assembly digest issues that mentioned it (rebuilt from the archive as it now is),
and copies still waiting to be sent (cancelled). Page and feed caches see ``erased_at``
in their freshness stamp. Quotations of the text inside other people's replies are theirs
and stay: an admin redacts those replies too if needed.
"""
from __future__ import annotations

import json
from datetime import timezone
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime

from sqlalchemy import delete as sql_delete, or_, select, update
from sqlalchemy.orm import Session

from federation.delivery import digests
from federation.archive import search
from federation.storage.models import Delivery
from federation.lists import audit
from federation.lists.directory import find_list
from federation.errors import Invalid
from federation.storage.models import Attachment, Held, Message, Thread, utcnow

HIDDEN_AUTHOR = "Message masqué / hidden message"
HIDDEN_BODY = ("Ce message a été masqué à la demande de son auteur ou d'un administrateur "
               "de la liste (vie privée).\n\n"
               "This message was hidden at the request of its author or of a list "
               "administrator (privacy).\n")
DELETED_SUBJECT = "(message supprimé / deleted message)"
# The reason class kept on the tombstone; it travels to peers with it (issue 11), so it is a
# class, never free text: the author's request (GDPR art. 17), a legal demand, or spam.
# A free-text note goes to the audit log only, which stays on this instance.
REASONS = ("author", "legal", "spam")


def reason_class(reason: str) -> str:
    """The reason class of a stored tombstone (rows erased before classes existed: author)."""
    return reason if reason in REASONS else "author"


def _checked(reason: str) -> str:
    if reason not in REASONS:
        raise Invalid(f"raison inconnue {reason!r} / unknown reason {reason!r}; "
                      f"choose one of {', '.join(REASONS)}")
    return reason


def _found(session: Session, message_id: str, list_address: str | None) -> list[Message]:
    """Every real row carrying this Message-ID (one per list for a cross-post), or one list's."""
    message_id = message_id.strip().strip("<>").strip()
    query = select(Message).where(Message.message_id == message_id, Message.ghost.is_(False))
    if list_address:
        mailing_list = find_list(session, list_address)
        if mailing_list is None:
            raise Invalid(f"aucune liste {list_address!r} / no list {list_address!r}")
        query = query.where(Message.list_id == mailing_list.id)
    rows = list(session.scalars(query.order_by(Message.id)))
    if not rows:
        raise Invalid(f"aucun message <{message_id}> / no message <{message_id}>")
    if all(row.deleted for row in rows):
        raise Invalid(f"<{message_id}> est déjà supprimé / is already deleted")
    return [row for row in rows if not row.deleted]


def _cancel_pending(session: Session, pks: list[int]) -> None:
    """Copies not yet handed to the relay are never sent (a claimed one may still go out)."""
    session.execute(update(Delivery).where(
        Delivery.kind == "message", Delivery.ref_id.in_(pks),
        Delivery.status.in_(("pending", "deferred")))
        .values(status="cancelled", updated_at=utcnow())
        .execution_options(synchronize_session=False))


def revise_digests(session: Session, rows: list[Message]) -> None:
    """Rebuild the published cross-assembly issues that name these messages or cover their
    date: their web page, Atom entry and later mailings then no longer show them."""
    issue = digests.DigestIssue
    wanted = []
    for row in rows:
        named = json.dumps(row.message_id, ensure_ascii=False)  # as build() stored it
        wanted.append(issue.content.contains(named, autoescape=True))
        if row.date is not None:
            wanted.append((issue.starts_at <= row.date) & (issue.ends_at > row.date))
    for found in session.scalars(select(issue).where(or_(*wanted))):
        content = digests.build(session, found.period, found.starts_at, found.ends_at)
        found.content = json.dumps(content, ensure_ascii=False)


def retitle(session: Session, row: Message, old_subject: str) -> None:
    """A thread titled by a deleted message takes the subject of its first remaining one."""
    thread = session.get(Thread, row.thread_id) if row.thread_id else None
    if thread is None or thread.subject != old_subject:
        return
    remaining = session.scalars(select(Message.subject).where(
        Message.thread_id == thread.id, Message.ghost.is_(False), Message.deleted.is_(False),
        Message.id != row.id).order_by(Message.date, Message.id).limit(1)).first()
    thread.subject = remaining or DELETED_SUBJECT


def _scrub_held(session: Session, rows: list[Message], deleting: bool) -> None:
    """The moderation queue kept the bytes as they came: they go too (a pending copy of a
    deleted message is discarded; a redacted one keeps only the rebuilt message)."""
    for row in rows:
        for held in session.scalars(select(Held).where(Held.list_id == row.list_id,
                                                       Held.message_id == row.message_id)):
            held.raw = b"" if deleting else row.raw
            held.subject = "" if deleting else row.subject
            held.sender = ""
            if deleting and held.status == "held":
                held.status, held.decided_at = "discarded", utcnow()


def _finish(session: Session, rows: list[Message], deleting: bool) -> None:
    _scrub_held(session, rows, deleting)
    pks = [row.id for row in rows]
    session.execute(sql_delete(Attachment).where(Attachment.message_pk.in_(pks)))
    for row in rows:  # keep the loaded objects in step with the rows just deleted
        session.expire(row, ["attachments"])
    _cancel_pending(session, pks)
    session.flush()
    revise_digests(session, rows)
    session.flush()


def _audit(session: Session, action: str, rows: list[Message], reason: str, note: str,
           actor: str, channel: str) -> None:
    for row in rows:
        audit.record(session, action, mailing_list=row.mailing_list, actor=actor,
                     channel=channel, target=f"<{row.message_id}>", reason=reason, note=note)


def delete(session: Session, message_id: str, list_address: str | None = None,
           reason: str = "author", *, note: str = "", actor: str = "",
           channel: str = "cli") -> list[Message]:
    """Erase a message (on every list that has it, or one): its tombstone stays."""
    reason = _checked(reason)
    rows = _found(session, message_id, list_address)
    now = utcnow()
    for row in rows:
        old_subject = row.subject
        row.raw, row.body_text, row.body_html, row.size = None, "", "", 0
        row.from_name, row.from_addr, row.subject, row.parse_defect = "", "", "", ""
        row.deleted, row.erased_at, row.erasure_reason = True, now, reason
        session.flush()
        retitle(session, row, old_subject)
    search.forget(session, [row.id for row in rows])
    _finish(session, rows, deleting=True)
    _audit(session, "message.delete", rows, reason, note, actor, channel)
    return rows


def _rebuilt(row: Message, author: str) -> bytes:
    """The minimal message that stands for a redacted one: what stays, and the notice."""
    mail = EmailMessage(policy=SMTP)
    mail["From"] = f'"{HIDDEN_AUTHOR}" <{author}>'
    mail["Subject"] = row.subject or ""
    mail["Message-ID"] = f"<{row.message_id}>"
    if row.date is not None:
        mail["Date"] = format_datetime(row.date.replace(tzinfo=timezone.utc))
    if row.in_reply_to:
        mail["In-Reply-To"] = row.in_reply_to
    if row.references:
        mail["References"] = row.references
    mail.set_content(HIDDEN_BODY, cte="8bit")
    return mail.as_bytes()


def redact(session: Session, message_id: str, list_address: str | None = None,
           reason: str = "author", *, note: str = "", actor: str = "",
           channel: str = "cli") -> list[Message]:
    """Hide a message's author and body, keeping its subject and its place in the thread."""
    reason = _checked(reason)
    rows = _found(session, message_id, list_address)
    now = utcnow()
    for row in rows:
        author = row.mailing_list.role_address("owner")  # whom a reader can ask about it (RFC 2142 spirit)
        row.raw = _rebuilt(row, author)
        row.size = len(row.raw)
        row.body_text, row.body_html, row.parse_defect = HIDDEN_BODY, "", ""
        row.from_name, row.from_addr = HIDDEN_AUTHOR, author
        row.erased_at, row.erasure_reason = now, reason
    session.flush()
    for row in rows:
        search.index(session, None, row)
    _finish(session, rows, deleting=False)
    _audit(session, "message.redact", rows, reason, note, actor, channel)
    return rows
