"""Moderators' decisions on held messages, and mail to a list's owners.

One set of actions for every channel: a reply to the moderation notice (``commands``) and the
console call ``decide`` alike, so approving by mail and in the browser are the same thing
and both are in the audit log (Sympa logs no rejection made by email, sympa#548).

Each decision first *claims* the message with a conditional UPDATE (``… WHERE status =
'held'``): of two moderators acting at once, one changes the row and the other finds it
decided, is told so, and sends nothing (Sympa mails the poster twice, sympa#1818).

Approval files the message downstream of the rules that held it, as Mailman's moderator
does (its approved message goes to the pipeline, past the rule chain): the rules before the
holds (loops, automatic mail, size, recipients, bans) passed when it arrived, and it is not
checked again. It then goes through ``filing.file_post`` like any other post. "Approve and
trust" also makes the author a posting-only member (delivery ``none``, Mailman's "nomail"):
the list's members policy then lets their next posts through, and nobody is sent mail they
did not ask for (Postorius does not trust on approval, postorius#127).

A message that came from the forum's form keeps a ``WebPost`` row, "held" while it waits;
each decision carries over to it (accepted, rejected, discarded), so the web post says what
the moderators did rather than waiting forever.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import timedelta
from email.utils import parseaddr

from sqlalchemy import select, update

from federation import queue
from federation.ingest import filing
from federation.ingest.holding import one_line, poster_language
from federation.ingest.outcome import ACCEPTED, FORWARDED, HELD, LOOP, Outcome
from federation.ingest.posting import APPROVAL
from federation.lists import audit, membership, notices
from federation.storage.db import session_scope
from federation.lists.directory import find_list
from federation.errors import Invalid, Rejected
from federation.archive.message import header_value
from federation.storage.models import AuditEntry, Ban, CannedReply, Held, WebPost, utcnow
from federation.settings import Settings

log = logging.getLogger(__name__)

ACTIONS = ("approve", "trust", "reject", "discard", "ban")
APPROVING = "approving"  # claimed by an approval whose filing is under way
# what a decision leaves in Held.status, and the audit action it records
STATUS = {"approve": "approved", "trust": "approved", "reject": "rejected",
          "discard": "discarded", "ban": "discarded"}
AUDIT = {"approve": "held.approve", "trust": "held.approve", "reject": "held.reject",
         "discard": "held.discard", "ban": "held.discard"}
WHY = {"fr": "\n\nMotif donné par la modération :\n\n{text}\n",
       "en": "\n\nThe moderators' reason:\n\n{text}\n"}


@dataclass(frozen=True)
class Decision:
    """What became of one decision: ``done`` False when someone else had already decided
    (``status`` and ``by`` then say what and who) or when filing failed (``problem``)."""

    held_id: int
    action: str
    done: bool
    status: str = ""
    by: str = ""
    problem: str = ""


def author(raw: bytes, sender: str) -> str:
    """The address a held message's author writes from: its From, else the envelope sender."""
    address = parseaddr(header_value(raw, "From"))[1].strip().lower()
    return address if "@" in address else (sender or "").strip().lower()


def _claim(session, held_pk: int, status: str) -> bool:
    """Mark a waiting message decided; False when it was not (or no longer) waiting.

    The WHERE re-checks the status at write time: PostgreSQL re-reads a row a concurrent
    transaction changed (READ COMMITTED), SQLite serialises writers; one of two wins."""
    done = session.execute(update(Held).where(Held.id == held_pk, Held.status == "held")
                           .values(status=status, decided_at=utcnow())
                           .execution_options(synchronize_session=False))
    return done.rowcount == 1


def _web_post_decided(session, list_id: int, message_ids, status: str) -> None:
    """The web posts these held messages came from (if any) take the moderators' decision."""
    session.execute(update(WebPost).where(
        WebPost.list_id == list_id, WebPost.status == HELD, WebPost.message_id.in_(message_ids))
        .values(status=status).execution_options(synchronize_session=False))


def _already(session, held_pk: int, action: str) -> Decision:
    """The answer to a moderator who came second: what was decided, and by whom."""
    held = session.get(Held, held_pk)
    if held is None:
        return Decision(held_pk, action, False, "missing")
    by = session.scalar(select(AuditEntry.actor).where(
        AuditEntry.list_id == held.list_id, AuditEntry.action.like("held.%"),
        AuditEntry.target == f"held:{held_pk}").order_by(AuditEntry.id.desc()).limit(1))
    return Decision(held_pk, action, False, held.status, by or "")


def _record(session, held: Held, action: str, actor: str, channel: str, **detail) -> None:
    audit.record(session, AUDIT[action], mailing_list=held.mailing_list, actor=actor,
                 channel=channel, target=f"held:{held.id}", message_id=held.message_id,
                 sender=held.sender, subject=one_line(held.subject), decision=action, **detail)


def decide(settings: Settings, held_pk: int, action: str, *, actor: str = "",
           channel: str = "console", note: str = "") -> Decision:
    """Approve, approve and trust, reject (``note`` is told to the poster), discard, or ban
    the sender of one held message; a second decision on it changes nothing and mails no one."""
    if action not in ACTIONS:
        raise Invalid(f"unknown moderation action {action!r}")
    if action in ("approve", "trust"):
        return _approve(settings, held_pk, action, actor, channel)
    notice = None
    with session_scope(settings) as session:
        if not _claim(session, held_pk, STATUS[action]):
            return _already(session, held_pk, action)
        held = session.get(Held, held_pk)
        detail = {"note": note} if note else {}
        if action == "ban":
            detail["banned"], detail["also_discarded"] = _ban(session, held, actor, channel)
        _record(session, held, action, actor, channel, **detail)
        _web_post_decided(session, held.list_id, [held.message_id], STATUS[action])
        if action == "reject" and notices.may_answer(held.raw, held.sender, held.mailing_list):
            language = poster_language(session, held)
            why = WHY[language].format(text=note.strip()) if note.strip() else ""
            notice = notices.build(settings, "rejected", language, held.sender,
                                   held.mailing_list, in_reply_to=held.message_id,
                                   subject=one_line(held.subject), why=why)
        sender = held.sender
    if notice is not None:
        notices.answer(settings, notice, sender)
    return Decision(held_pk, action, True, STATUS[action], actor)


def _approve(settings: Settings, held_pk: int, action: str, actor: str,
             channel: str) -> Decision:
    """Claim, file past the rules, then mark approved; a failed filing puts it back."""
    with session_scope(settings) as session:
        if not _claim(session, held_pk, APPROVING):
            return _already(session, held_pk, action)
        held = session.get(Held, held_pk)
        raw, address, sender = held.raw, held.mailing_list.address, held.sender
    outcome = filing.file_post(settings, raw, [address], sender, via=APPROVAL)[0]
    with session_scope(settings) as session:
        held = session.get(Held, held_pk)
        if not outcome.accepted:
            log.warning("approved message %s could not be archived: %s %s", held_pk,
                        outcome.status, outcome.reason)
            held.status, held.decided_at = "held", None
            return Decision(held_pk, action, False, "held", problem=str(outcome.reason))
        held.status = "approved"
        _web_post_decided(session, held.list_id, [held.message_id], ACCEPTED)
        detail = {}
        if action == "trust":
            detail["trusted"] = _trust(session, held, actor, channel)
        _record(session, held, action, actor, channel, **detail)
    return Decision(held_pk, action, True, "approved", actor)


def _trust(session, held: Held, actor: str, channel: str) -> str:
    """Make the author a posting-only member (receives nothing); an existing member stays as is."""
    ml, email = held.mailing_list, author(held.raw, held.sender)
    if membership.find(session, ml, email) is None:
        when = utcnow().strftime("%Y-%m-%d")
        membership.add(session, ml, email, delivery="none",
                       consent=f"trusted as a poster by {actor or 'a moderator'} on {when} "
                               "(approved a held message; receives no mail)")
        audit.record(session, "sender.trust", mailing_list=ml, actor=actor, channel=channel,
                     target=email, held=held.id)
    return email


def _ban(session, held: Held, actor: str, channel: str) -> tuple[str, int]:
    """Ban the author on this list and discard their other waiting messages; (address, count)."""
    ml, email = held.mailing_list, author(held.raw, held.sender)
    if session.scalar(select(Ban.id).where(Ban.list_id == ml.id, Ban.pattern == email)) is None:
        session.add(Ban(list_id=ml.id, pattern=email))
    others = session.execute(update(Held).where(
        Held.list_id == ml.id, Held.status == "held", Held.id != held.id,
        Held.sender.in_({email, held.sender})).values(status="discarded", decided_at=utcnow())
        .returning(Held.message_id).execution_options(synchronize_session=False)).scalars().all()
    _web_post_decided(session, ml.id, others, "discarded")
    audit.record(session, "sender.ban", mailing_list=ml, actor=actor, channel=channel,
                 target=email, held=held.id, discarded=len(others))
    return email, len(others)


STALE = timedelta(minutes=10)  # an approval still filing after that was cut off by a crash


def resume(settings: Settings) -> int:
    """Scheduled task: finish approvals a crash cut off between the claim and the filing.

    Filing is idempotent per (list, Message-ID), so filing again a message that was in fact
    archived changes nothing; the message is then marked approved (and logged, by "system")."""
    with session_scope(settings) as session:
        stuck = list(session.scalars(select(Held.id).where(
            Held.status == APPROVING, Held.decided_at < utcnow() - STALE)))
    for pk in stuck:
        with session_scope(settings) as session:
            session.execute(update(Held).where(Held.id == pk, Held.status == APPROVING)
                            .values(status="held"))
        decide(settings, pk, "approve", actor="", channel="system")
    return len(stuck)


def decide_many(settings: Settings, held_pks, action: str, *, actor: str = "",
                channel: str = "console", note: str = "") -> list[Decision]:
    """The same decision on several held messages (the console's checkboxes), one by one."""
    return [decide(settings, pk, action, actor=actor, channel=channel, note=note)
            for pk in dict.fromkeys(held_pks)]


def approve(settings: Settings, held_pk: int, *, actor: str = "", channel: str = "mail") -> bool:
    """Archive and deliver a held message; False when it was already decided or not filed."""
    return decide(settings, held_pk, "approve", actor=actor, channel=channel).done


def reject(settings: Settings, held_pk: int, *, actor: str = "", channel: str = "mail",
           note: str = "") -> bool:
    """Refuse a held message and tell its poster; False when it was already decided."""
    return decide(settings, held_pk, "reject", actor=actor, channel=channel, note=note).done


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


# --------------------------------------------------------------------------- canned replies

def replies(session, ml) -> list[CannedReply]:
    """A list's canned rejection replies, in the order the owners wrote them."""
    return list(session.scalars(select(CannedReply).where(CannedReply.list_id == ml.id)
                                .order_by(CannedReply.id)))


def save_reply(session, ml, title: str, body: str, reply_id: int | None = None, *,
               actor: str = "", channel: str = "console") -> CannedReply:
    """Write or rewrite one of a list's canned replies (a title and the text the poster reads)."""
    title, body = " ".join((title or "").split())[:120], (body or "").strip()[:5000]
    if not title or not body:
        raise Invalid("a canned reply needs a title and a text")
    row = _reply(session, ml, reply_id) if reply_id else None
    if row is None:
        row = CannedReply(list_id=ml.id, title=title, body=body)
        session.add(row)
    row.title, row.body = title, body
    session.flush()
    audit.record(session, "list.edit", mailing_list=ml, actor=actor, channel=channel,
                 target=ml.address, canned_reply=title)
    return row


def delete_reply(session, ml, reply_id: int, *, actor: str = "", channel: str = "console") -> None:
    """Remove one of a list's canned replies (one of another list's is not found)."""
    row = _reply(session, ml, reply_id)
    if row is None:
        raise Invalid("no such canned reply")
    audit.record(session, "list.edit", mailing_list=ml, actor=actor, channel=channel,
                 target=ml.address, canned_reply_removed=row.title)
    session.delete(row)


def _reply(session, ml, reply_id) -> CannedReply | None:
    return session.scalar(select(CannedReply).where(CannedReply.id == reply_id,
                                                    CannedReply.list_id == ml.id))
