"""Storing messages: raw bytes once per (list, Message-ID), parsed fields beside them."""
from __future__ import annotations

import hashlib

from sqlalchemy import select
from sqlalchemy.orm import Session

from .message import Parsed
from .models import Attachment, MailingList, Message, utcnow

# session.info key: ids of the message rows inserted (not ghosts filled) in this session
FRESH = "relais.fresh_messages"


def generated_message_id(raw: bytes, domain: str) -> str:
    """A Message-ID for a message that has none: derived from its bytes, so a redelivery of
    the same bytes is still recognised as a duplicate (HyperKitty generates one on import)."""
    return f"relais.{hashlib.sha256(raw).hexdigest()[:32]}@{domain}"


def store(session: Session, mailing_list: MailingList, raw: bytes, parsed: Parsed,
          message_id: str) -> tuple[Message, bool]:
    """Archive raw bytes once per (list, Message-ID); a redelivery returns the first copy.

    A ghost container of the same Message-ID (created when a reply arrived first) is filled
    in place, which re-links the replies that were waiting for it.
    """
    existing = session.scalar(select(Message).where(Message.list_id == mailing_list.id,
                                                    Message.message_id == message_id))
    if existing is not None and not existing.ghost:
        return existing, False
    message = existing or Message(list_id=mailing_list.id, message_id=message_id)
    message.ghost = False
    message.raw = raw
    message.size = len(raw)
    message.from_name = parsed.from_name
    message.from_addr = parsed.from_addr
    message.subject = parsed.subject
    message.date = parsed.date
    message.in_reply_to = parsed.in_reply_to
    message.references = parsed.references
    message.body_text = parsed.body_text
    message.body_html = parsed.body_html
    message.parse_defect = parsed.defect
    message.generated_id = message_id != parsed.message_id
    message.received_at = utcnow()
    if message.date is None:
        message.date = message.received_at
    for position, part in enumerate(parsed.attachments):
        message.attachments.append(Attachment(position=position, filename=part.filename,
                                              content_type=part.content_type, size=part.size))
    if existing is None:
        session.add(message)
    session.flush()
    fresh = session.info.setdefault(FRESH, set())
    if existing is None:  # threading skips the loop check for a row nothing can point to yet
        fresh.add(message.id)
    else:  # a ghost filled in place may already have replies below it
        fresh.discard(message.id)
    return message, True
