"""Moderators' decisions on held messages, and mail to a list's owners.

Approval files the message downstream of the rules that held it, as Mailman's moderator
does (its approved message goes to the pipeline, past the rule chain): the rules before the
holds (loops, automatic mail, size, recipients, bans) passed when it arrived, and it is not
checked again. It then goes through ``filing.file_post`` like any other post.
"""
from __future__ import annotations

import logging

from federation import queue
from federation.ingest import filing
from federation.ingest.holding import one_line, poster_language
from federation.ingest.outcome import FORWARDED, LOOP, Outcome
from federation.ingest.posting import APPROVAL
from federation.lists import membership, notices
from federation.storage.db import session_scope
from federation.lists.directory import find_list
from federation.errors import Rejected
from federation.archive.message import header_value
from federation.storage.models import Held, utcnow
from federation.settings import Settings

log = logging.getLogger(__name__)


def approve(settings: Settings, held_pk: int) -> bool:
    """Archive and deliver a held message; False when it was already decided or not filed."""
    with session_scope(settings) as session:
        held = session.get(Held, held_pk)
        if held is None or held.status != "held":
            return False
        raw, address, sender = held.raw, held.mailing_list.address, held.sender
    outcome = filing.file_post(settings, raw, [address], sender, via=APPROVAL)[0]
    if not outcome.accepted:
        log.warning("approved message %s could not be archived: %s %s", held_pk,
                    outcome.status, outcome.reason)
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
        if notices.may_answer(held.raw, held.sender, held.mailing_list):
            language = poster_language(session, held)
            notice = notices.build(settings, "rejected", language, held.sender,
                                   held.mailing_list, in_reply_to=held.message_id,
                                   subject=one_line(held.subject))
    if notice is not None:
        notices.answer(settings, notice, held.sender)
    return True


def forward_to_owners(settings: Settings, raw: bytes, address: str,
                      list_address: str) -> Outcome:
    """Pass mail for ``<list>-owner`` to the owners (moderators if none)."""
    with session_scope(settings) as session:
        ml = find_list(session, list_address)
        people = membership.owners(session, ml) or membership.moderators(session, ml)
        recipients = [person.email for person in people]
        owner, bounces = ml.role_address("owner"), ml.role_address("bounces")
    if owner in header_value(raw, "X-Loop").lower():  # our own forward came back
        return Outcome(address, LOOP)
    if not recipients:
        raise Rejected("Cette liste n'a pas de propriétaire / this list has no owner",
                       "550 5.1.1")
    newline = b"\r\n" if b"\r\n" in raw[:2000] else b"\n"
    forwarded = b"X-Loop: " + owner.encode("ascii") + newline + raw
    queue.enqueue(settings, notices.SEND_JOB, bounces, recipients, forwarded)
    return Outcome(address, FORWARDED)
