"""Held messages: keeping them in the storing transaction and telling the moderators.

A held message is not a refusal: the sender's MTA got a 250 and the raw bytes wait in
``Held``. Moderators get a notice whose subject carries a token; replying approves, replying
"reject" rejects (``federation.ingest.commands``, then ``moderation``).
"""
from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from federation.lists import membership, notices, tokens
from federation.storage.db import session_scope
from federation.archive.message import Parsed, header_value
from federation.archive.threads import thread_subject
from federation.storage.models import Held, ListSetting, MailingList, utcnow
from federation.settings import Settings

log = logging.getLogger(__name__)
EMERGENCY = "emergency_moderation"


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


def waiting(session: Session, list_ids, limit: int = 500, offset: int = 0) -> list[Held]:
    """The messages waiting on these lists, oldest first (raw bytes not loaded)."""
    return list(session.scalars(select(Held).where(
        Held.list_id.in_(list_ids), Held.status == "held")
        .order_by(Held.created_at, Held.id).limit(limit).offset(offset)))


def count_waiting(session: Session, list_ids) -> int:
    """How many messages wait on these lists."""
    return session.scalar(select(func.count()).select_from(Held).where(
        Held.list_id.in_(list_ids), Held.status == "held")) or 0


# Held.reason codes (rules.py raises them) in plain words, for moderators and posters
REASONS = {
    "non-member": {"fr": "l'expéditeur n'est pas abonné", "en": "not a member"},
    "moderated": {"fr": "la liste est modérée", "en": "the list is moderated"},
    "announce": {"fr": "liste d'annonces : seuls les modérateurs y écrivent",
                 "en": "announcement list: only moderators post"},
    "emergency": {"fr": "la liste est en modération d'urgence",
                  "en": "the list is under emergency moderation"},
    "too-many-recipients": {"fr": "trop de destinataires", "en": "too many recipients"},
    "size": {"fr": "message trop gros", "en": "message too large"},
    "first-web-post": {"fr": "premier message envoyé depuis le web par cette adresse",
                       "en": "first post from the web by this address"},
}


def reason_words(code: str, language: str = "fr") -> str:
    """A hold reason in plain words; an unknown code is shown as it is."""
    language = language if language in ("fr", "en") else "fr"
    return REASONS.get(code, {}).get(language) or code


@dataclass(frozen=True)
class Group:
    """Waiting messages alike (same list, sender and subject), the oldest first."""

    list_id: int
    sender: str
    subject: str
    items: tuple[Held, ...]


def grouped(helds: list[Held]) -> list[Group]:
    """Group similar waiting messages (same list, sender and subject without Re:/[tags]), in
    the order of each group's oldest message: a flood is decided in one go."""
    groups: dict[tuple, list[Held]] = {}
    for held in helds:
        key = (held.list_id, held.sender, thread_subject(held.subject))
        groups.setdefault(key, []).append(held)
    return [Group(key[0], key[1], items[0].subject, tuple(items))
            for key, items in groups.items()]


def one_line(text: str) -> str:
    """A header value quoted in a notice: one line, at most 200 characters."""
    return " ".join((text or "").split())[:200]


def poster_language(session: Session, held: Held) -> str:
    """The language to tell a poster in: theirs as a member, else Content-Language, else fr."""
    member = membership.find(session, held.mailing_list, held.sender)
    if member is not None:
        return member.language
    declared = header_value(held.raw, "Content-Language").lower()
    return "en" if declared.startswith("en") else "fr"


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
        values = dict(subject=tokens.defang(one_line(held.subject)),
                      sender=tokens.defang(held.sender or "<>"), secret=secret,
                      author=tokens.defang(one_line(header_value(held.raw, "From"))))
        for moderator in membership.moderators(session, ml):
            notice = notices.build(settings, "moderate", moderator.language, moderator.email,
                                   ml, reason=notices.word(held.reason, moderator.language),
                                   **values)
            notices.attach_original(notice, held.raw)
            outgoing.append((notice, [moderator.email]))
        if not outgoing:
            log.warning("message held on %s but the list has no moderator", ml.address)
        told, held_sender = None, held.sender
        if notices.may_answer(held.raw, held.sender, ml):
            language = poster_language(session, held)
            told = notices.build(settings, "held", language, held.sender, ml,
                                 in_reply_to=held.message_id,
                                 reason=notices.word(held.reason, language),
                                 **{**values, "secret": ""})  # the poster never sees it
    for notice, recipients in outgoing:
        notices.send(settings, notice, recipients)
    if told is not None:
        notices.answer(settings, told, held_sender)


