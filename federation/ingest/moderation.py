"""Held messages: keeping them, telling moderators, approving and rejecting; mail to owners.

A held message is not a refusal: the sender's MTA got a 250 and the raw bytes wait in
``Held``. Moderators get a notice whose subject carries a token; replying approves, replying
"reject" rejects (``federation.ingest.commands``). Approval goes back through ``ingest.receive``
with ``approved=True``, so the message is archived and delivered like any other.
"""
from __future__ import annotations

import logging
import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from federation import queue
from federation.lists import membership, notices, tokens
from federation.storage.db import session_scope
from federation.lists.directory import find_list
from federation.errors import Rejected
from federation.archive.message import Parsed, header_value
from federation.storage.models import Held, ListSetting, MailingList, utcnow
from federation.settings import Settings

log = logging.getLogger(__name__)
EMERGENCY = "emergency_moderation"
# RFC 3834 §2 and long practice: never answer bulk, junk or other lists' traffic.
_NO_ANSWER = re.compile(r"^\s*(bulk|junk|list)\b", re.IGNORECASE)


def under_emergency(session: Session, mailing_list: MailingList) -> bool:
    """Whether every post to the list is held (ListSetting, default off)."""
    return is_on(session.scalar(select(ListSetting.value).where(
        ListSetting.list_id == mailing_list.id, ListSetting.key == EMERGENCY)))


def is_on(value: str | None) -> bool:
    """A list setting's boolean value ("1", "true", "yes", "on")."""
    return (value or "").strip().lower() in ("1", "true", "yes", "on")


def set_emergency(session: Session, mailing_list: MailingList, on: bool) -> None:
    """Turn emergency moderation on or off for a list."""
    row = session.scalar(select(ListSetting).where(
        ListSetting.list_id == mailing_list.id, ListSetting.key == EMERGENCY))
    if row is None:
        row = ListSetting(list_id=mailing_list.id, key=EMERGENCY)
        session.add(row)
    row.value = "true" if on else "false"
    session.flush()


def hold(session: Session, mailing_list: MailingList, raw: bytes, parsed: Parsed,
         sender: str, reason: str) -> tuple[int, bool]:
    """Keep a message in the caller's transaction; returns (held id, newly held).

    A redelivery of the same Message-ID while it waits is not held (nor announced) twice.
    """
    if parsed.message_id:
        existing = session.scalar(select(Held).where(
            Held.list_id == mailing_list.id, Held.message_id == parsed.message_id,
            Held.status == "held"))
        if existing is not None:
            return existing.id, False
    held = Held(list_id=mailing_list.id, raw=raw, message_id=parsed.message_id,
                # the envelope sender (RFC 3834 §4: notices go there), never the From
                sender=(sender or "").strip().strip("<>").lower()[:254],
                subject=parsed.subject, reason=reason, status="held", created_at=utcnow())
    session.add(held)
    session.flush()
    return held.id, True


def pending(session: Session, mailing_list: MailingList) -> list[Held]:
    """The messages of a list waiting for a decision, oldest first."""
    return list(session.scalars(select(Held).where(
        Held.list_id == mailing_list.id, Held.status == "held").order_by(Held.created_at)))


def _one_line(text: str) -> str:
    return " ".join((text or "").split())[:200]


def _poster_language(session: Session, held: Held) -> str:
    member = membership.find(session, held.mailing_list, held.sender)
    if member is not None:
        return member.language
    declared = header_value(held.raw, "Content-Language").lower()
    return "en" if declared.startswith("en") else "fr"


def _answerable(raw: bytes, sender: str) -> bool:
    """RFC 3834 §2: no answer to a null sender, automatic mail, bulk or list traffic."""
    if not sender:
        return False
    submitted = header_value(raw, "Auto-Submitted").split(";")[0].strip().lower()
    return submitted in ("", "no") and not _NO_ANSWER.match(header_value(raw, "Precedence"))


def notify(settings: Settings, held_pk: int) -> None:
    """Job: tell the moderators (with a token to decide by reply) and the poster (held)."""
    outgoing = []
    with session_scope(settings) as session:
        held = session.get(Held, held_pk)
        if held is None or held.status != "held":
            return
        ml = held.mailing_list
        secret = tokens.create(session, "moderate", ml, payload={"held": held.id})
        # the poster's subject is quoted after our token, and any token it carries is
        # blanked: a reply finds ours first and nothing else (issue 9.8)
        values = dict(subject=tokens.defang(_one_line(held.subject)),
                      sender=tokens.defang(held.sender or "<>"), secret=secret,
                      author=tokens.defang(_one_line(header_value(held.raw, "From"))))
        for moderator in membership.moderators(session, ml):
            notice = notices.build(settings, "moderate", moderator.language, moderator.email,
                                   ml, reason=notices.word(held.reason, moderator.language),
                                   **values)
            notices.attach_original(notice, held.raw)
            outgoing.append((notice, [moderator.email]))
        if not outgoing:
            log.warning("message held on %s but the list has no moderator", ml.address)
        told, held_sender = None, held.sender
        if _answerable(held.raw, held.sender):
            language = _poster_language(session, held)
            told = notices.build(settings, "held", language, held.sender, ml,
                                 in_reply_to=held.message_id,
                                 reason=notices.word(held.reason, language),
                                 **{**values, "secret": ""})  # the poster never sees it
    for notice, recipients in outgoing:
        notices.send(settings, notice, recipients)
    if told is not None:
        notices.answer(settings, told, held_sender)


def approve(settings: Settings, held_pk: int) -> bool:
    """Archive and deliver a held message; False when it was already decided or refused."""
    from federation.ingest import filing  # ingest → rules → moderation: import at call time
    with session_scope(settings) as session:
        held = session.get(Held, held_pk)
        if held is None or held.status != "held":
            return False
        raw, address, sender = held.raw, held.mailing_list.address, held.sender
    outcome = filing.receive(settings, raw, [address], sender, approved=True)[0]
    if not outcome.accepted:
        log.warning("approved message %s could not be archived: %s", held_pk, outcome.reply)
        return False
    with session_scope(settings) as session:
        held = session.get(Held, held_pk)
        held.status, held.decided_at = "approved", utcnow()
    return True


def reject(settings: Settings, held_pk: int) -> bool:
    """Refuse a held message and tell its poster; False when it was already decided."""
    with session_scope(settings) as session:
        held = session.get(Held, held_pk)
        if held is None or held.status != "held":
            return False
        held.status, held.decided_at = "rejected", utcnow()
        notice = None
        if _answerable(held.raw, held.sender):
            language = _poster_language(session, held)
            notice = notices.build(settings, "rejected", language, held.sender,
                                   held.mailing_list, in_reply_to=held.message_id,
                                   subject=_one_line(held.subject))
    if notice is not None:
        notices.answer(settings, notice, held.sender)
    return True


def forward_to_owners(settings: Settings, raw: bytes, list_address: str) -> str:
    """Pass mail for ``<list>-owner`` to the owners (moderators if none); returns the reply."""
    with session_scope(settings) as session:
        ml = find_list(session, list_address)
        people = membership.owners(session, ml) or membership.moderators(session, ml)
        recipients = [person.email for person in people]
        owner = f"{ml.local_part}-owner@{ml.domain}"
        bounces = f"{ml.local_part}-bounces@{ml.domain}"
    if owner in header_value(raw, "X-Loop").lower():  # our own forward came back
        return "250 2.0.0 Boucle ignorée / loop dropped"
    if not recipients:
        raise Rejected("Cette liste n'a pas de propriétaire / this list has no owner",
                       "550 5.1.1")
    newline = b"\r\n" if b"\r\n" in raw[:2000] else b"\n"
    forwarded = b"X-Loop: " + owner.encode("ascii") + newline + raw
    queue.enqueue(settings, notices.SEND_JOB, bounces, recipients, forwarded)
    return "250 2.0.0 Transmis aux propriétaires / forwarded to the owners"


__all__ = ["hold", "notify", "approve", "reject", "forward_to_owners", "pending"]
