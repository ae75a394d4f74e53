"""Admission rules: each a small function that raises ``Rejected`` (or returns quietly).

The order is the literal tuple ``RULES`` (Mailman 3's rule chain, without its machinery).
Rules see the posting before anything is stored, so a refusal costs nothing. A message a
moderator approves is filed past them all (``moderation.approve``).
"""
from __future__ import annotations

import logging
import re

from sqlalchemy import bindparam, literal, or_, select
from sqlalchemy.orm import Session

from federation.ingest import authentication, holding
from federation.ingest.posting import WEB, Posting
from federation.lists import directory, membership
from federation.errors import Hold, Rejected
from federation.storage.models import Ban, ListSetting, MailingList, Message

log = logging.getLogger(__name__)
# The ban patterns and the emergency flag of a list, in one statement built once.
_STATE = (select(literal("ban"), Ban.pattern).where(
    or_(Ban.list_id == bindparam("list"), Ban.list_id.is_(None)))
    .union_all(select(literal("setting"), ListSetting.value).where(
        ListSetting.list_id == bindparam("list"), ListSetting.key == holding.EMERGENCY)))


def _header(posting: Posting, name: str) -> str:
    for key, value in posting.parsed.headers.items():
        if key.lower() == name.lower():
            return value
    return ""


def archived(session: Session, posting: Posting, mailing_list: MailingList) -> None:
    """Refuse posts to an archived list: its archive stays, it takes no more mail
    (RFC 3463 5.2.1, mailbox disabled, not accepting messages)."""
    if mailing_list.archived_at is not None:
        raise Rejected("Cette liste est archivée et ne reçoit plus de messages / this list "
                       "is archived and takes no more posts", "550 5.2.1")


def size(session: Session, posting: Posting, mailing_list: MailingList) -> None:
    """Refuse what exceeds the size limit (RFC 1870 SIZE; 552 5.3.4)."""
    limit = posting.settings.max_message_size
    if len(posting.raw) > limit:
        raise Rejected(f"Message trop volumineux / message too large (max {limit} octets)",
                       "552 5.3.4")


def loop(session: Session, posting: Posting, mailing_list: MailingList) -> None:
    """Refuse our own list traffic coming back: our List-Id or X-Loop (RFC 2919; Sympa)."""
    ml = mailing_list
    list_id = _header(posting, "List-Id")
    if list_id and f"<{ml.list_id}>" in list_id:
        raise Rejected("Boucle détectée / mail loop detected (List-Id)", "550 5.4.6")
    if ml.address in _header(posting, "X-Loop").lower():
        raise Rejected("Boucle détectée / mail loop detected (X-Loop)", "550 5.4.6")


def too_many_recipients(session: Session, posting: Posting, mailing_list: MailingList) -> None:
    """Refuse mail addressed to a crowd, a sign of spam (Mailman's max_num_recipients)."""
    to_cc = _header(posting, "To") + "," + _header(posting, "Cc")
    count = len([part for part in to_cc.split(",") if "@" in part])
    if count > posting.settings.max_recipients:
        raise Rejected("Trop de destinataires / too many recipients", "550 5.7.1")


def auto_submitted(session: Session, posting: Posting, mailing_list: MailingList) -> None:
    """Never post automatic mail: Auto-Submitted other than "no" (RFC 3834 §2, §5)."""
    value = _header(posting, "Auto-Submitted").split(";")[0].strip().lower()
    if value and value != "no":
        raise Rejected("Message automatique non diffusé / automatic message not posted "
                       "(RFC 3834)", "550 5.7.1")


def _matches(pattern: str, addresses: set[str]) -> bool:
    """Exact address, or a regular expression when the pattern starts with ^ (Mailman's bans)."""
    if not pattern.startswith("^"):
        return pattern.strip().lower() in addresses
    try:
        compiled = re.compile(pattern, re.IGNORECASE)
    except re.error:
        log.warning("ignoring invalid ban pattern %r", pattern)
        return False
    return any(compiled.search(address) for address in addresses)


def _list_state(session: Session, mailing_list: MailingList) -> tuple[list[str], bool]:
    """The ban patterns that apply to a list and whether it is under emergency moderation,
    read once per transaction: a group commit checks many messages for the same list."""
    known = session.info.setdefault("relais.rules", {})
    state = known.get(mailing_list.id)
    if state is None:  # one statement for both: this runs for every group commit
        rows = session.connection().execute(_STATE, {"list": mailing_list.id}).all()
        patterns = [value for kind, value in rows if kind == "ban"]
        emergency_on = any(holding.is_on(value) for kind, value in rows if kind == "setting")
        state = known[mailing_list.id] = (patterns, emergency_on)
    return state


def banned(session: Session, posting: Posting, mailing_list: MailingList) -> None:
    """Refuse banned senders, on this list or on every list (From and envelope sender)."""
    addresses = {a.strip().lower() for a in (posting.parsed.from_addr, posting.sender) if a}
    patterns, _emergency = _list_state(session, mailing_list)
    if any(_matches(pattern, addresses) for pattern in patterns):
        raise Rejected("Adresse bannie de cette liste / address banned from this list",
                       "550 5.7.1")


def emergency(session: Session, posting: Posting, mailing_list: MailingList) -> None:
    """Hold everything while the list is under emergency moderation (Mailman 3)."""
    if _list_state(session, mailing_list)[1]:
        raise Hold("emergency")


def _by_moderator(session: Session, posting: Posting, mailing_list: MailingList) -> bool:
    """Whether a post is a moderator's or owner's: its From holds the role, and the envelope
    sender is that same address or our MTA recorded a DMARC pass for the From domain
    (RFC 8601, ``authentication``); a From alone is anyone's to write (RFC 5322 §3.6.2)."""
    author = (posting.parsed.from_addr or "").strip().lower()
    if membership.role_of(session, mailing_list, author) not in ("moderator", "owner"):
        return False
    if posting.sender.strip().strip("<>").lower() == author:
        return True
    return authentication.dmarc_pass(posting.raw, posting.settings.authserv_id,
                                     author.rpartition("@")[2])


def first_web_post(session: Session, posting: Posting, mailing_list: MailingList) -> None:
    """Hold a web post from an address the list has never seen (no member, no archived
    message from it) while the list's ``web_first_post_moderation`` is on (the default)."""
    if posting.via != WEB:
        return
    author = (posting.parsed.from_addr or "").strip().lower()
    if membership.role_of(session, mailing_list, author, posting.sender) is not None:
        return
    if session.scalar(select(Message.id).where(
            Message.list_id == mailing_list.id, Message.from_addr == author,
            Message.ghost.is_(False)).limit(1)) is not None:
        return
    if directory.option_on(session, mailing_list, "web_first_post_moderation"):
        raise Hold("first-web-post")


def posting_policy(session: Session, posting: Posting, mailing_list: MailingList) -> None:
    """Open lists take all; members lists hold non-members; moderated and announce lists hold
    everyone but their moderators and owners (who would approve their own posts anyway)."""
    ml = mailing_list
    if ml.policy == "open":
        return
    if ml.policy == "members" and membership.role_of(
            session, ml, posting.parsed.from_addr, posting.sender) is None:
        raise Hold("non-member")
    if ml.policy in ("moderated", "announce") and not _by_moderator(session, posting, ml):
        raise Hold(ml.policy)


# Loops first (cheap, and never answered), then what is never posted, then the holds.
RULES = (archived, loop, auto_submitted, size, too_many_recipients, banned, emergency,
         first_web_post,
         posting_policy)


def check(session: Session, posting: Posting, mailing_list: MailingList) -> None:
    """Apply every rule in order; the first refusal wins."""
    for rule in RULES:
        rule(session, posting, mailing_list)

