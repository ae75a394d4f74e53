"""Mail to ``<list>-join``, ``<list>-leave`` and ``<list>-request``, and confirmations.

Commands are read from the subject, then the first unquoted lines of the body, in French
or English (Mailman's and Sympa's keywords). Every answer goes to the envelope sender, and a
request concerns the envelope sender's address (RFC 3834 §4), within a daily quota. Every
change is confirmed by a round trip: a reply keeping "confirm <secret>" in its subject, or
the link in the confirmation mail; on a private list a moderator then approves it.
Automatic mail is never answered (RFC 3834), and loops die here: a notice of ours coming
back carries our ``X-Loop``/``List-Id`` and is dropped.
"""
from __future__ import annotations

import logging
import re
import unicodedata
from dataclasses import dataclass, replace
from email.message import EmailMessage

from federation.lists import audit, membership, notices, tokens
from federation.ingest import moderation
from federation.ingest.outcome import (BAD_TOKEN, CONFIRMATION_SENT, CONFIRMED, HELP_SENT,
                                       IGNORED, INVALID_ADDRESS, Outcome)
from federation.storage.db import session_scope
from federation.lists.directory import find_list
from federation.errors import Invalid
from federation.archive.message import Parsed, header_value, parse
from federation.storage.models import MailingList
from federation.settings import Settings
from federation.lists.tokens import BadToken

log = logging.getLogger(__name__)

# keyword (accents stripped, lowercase) → (command, language it tells us)
KEYWORDS = {
    "subscribe": ("subscribe", "en"), "join": ("subscribe", "en"),
    "subscription": ("subscribe", "en"),
    "abonner": ("subscribe", "fr"), "abonnement": ("subscribe", "fr"),
    "inscrire": ("subscribe", "fr"), "inscription": ("subscribe", "fr"),
    "unsubscribe": ("unsubscribe", "en"), "leave": ("unsubscribe", "en"),
    "signoff": ("unsubscribe", "en"), "unsubscription": ("unsubscribe", "en"),
    "desabonner": ("unsubscribe", "fr"), "desabonnement": ("unsubscribe", "fr"),
    "desinscrire": ("unsubscribe", "fr"), "desinscription": ("unsubscribe", "fr"),
    "quitter": ("unsubscribe", "fr"), "resilier": ("unsubscribe", "fr"),
    "help": ("help", "en"), "aide": ("help", "fr"),
}
REJECT_WORDS = {"reject", "discard", "refuse", "deny", "rejeter", "refuser", "rejet", "refus"}
_PREFIX = re.compile(r"^\s*((re|tr|fw|fwd|aw)\s*:\s*)+", re.IGNORECASE)
ADDRESS_COMMANDS = {"join": "subscribe", "leave": "unsubscribe"}
DECISIONS = ("moderate", "admit")  # tokens only a moderator's reply may spend


@dataclass(frozen=True)
class Confirmed:
    """What a redeemed token did: its purpose, list, address, language and outcome."""

    purpose: str
    list_address: str
    email: str
    language: str
    outcome: str  # subscribed, pending, refused, unsubscribed, approved, rejected, already-decided


def _words(text: str) -> list[str]:
    plain = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode()
    return re.findall(r"[a-z]+", plain.lower())


def _lines(parsed: Parsed, limit: int = 5) -> list[str]:
    """The subject, then the first unquoted, non-empty body lines before a signature."""
    lines = [_PREFIX.sub("", parsed.subject or "")]
    for line in (parsed.body_text or "").splitlines():
        if line.rstrip() == "--" or len(lines) > limit:
            break  # RFC 3676 §4.3 signature separator "-- "
        if line.strip() and not line.lstrip().startswith(">"):
            lines.append(line)
    return lines


def read_command(parsed: Parsed) -> tuple[str, str]:
    """The first command found and the language of its keyword, else ("", "")."""
    for line in _lines(parsed):
        for word in _words(line):
            if word in KEYWORDS:
                return KEYWORDS[word]
    return "", ""


def guess_language(parsed: Parsed, raw: bytes) -> str:
    """fr or en: Content-Language (RFC 3282) first, then the command keywords; fr by default."""
    declared = header_value(raw, "Content-Language").strip().lower()
    if declared[:2] in ("fr", "en"):
        return declared[:2]
    return read_command(parsed)[1] or "fr"


def wants_reject(parsed: Parsed) -> bool:
    """A moderator's reply says "reject" as the subject's first word or the body's first line."""
    lines = _lines(parsed, limit=1)
    return any(_words(line)[:1] and _words(line)[0] in REJECT_WORDS for line in lines)


def rejection_note(parsed: Parsed) -> str:
    """What a moderator wrote after "reject" on that line ("Rejeter : hors sujet"), for the poster."""
    for line in _lines(parsed, limit=1):
        words = _words(line)
        if words[:1] and words[0] in REJECT_WORDS:
            found = re.search(r"[^\W\d_]+", line)
            rest = line[found.end():] if found else ""
            return tokens.defang(rest.strip(" \t:-—").strip())[:500]
    return ""


def request(settings: Settings, list_address: str, email: str, purpose: str,
            language: str = "fr", name: str = "", in_reply_to: str = "") -> None:
    """Start a subscribe/unsubscribe round trip: store a token, mail the confirmation.

    The same answer whether or not the address is already a member: nothing is disclosed.
    """
    email = membership.normalize_email(email)
    with session_scope(settings) as session:
        ml = find_list(session, list_address)
        secret = tokens.create(session, purpose, ml, email, {"language": language, "name": name})
        notice = notices.build(settings, f"confirm_{purpose}", language, email, ml,
                               in_reply_to=in_reply_to, secret=secret,
                               link=f"{settings.base_url}/confirm/{secret}")
    notices.answer(settings, notice, email)


def leave(settings: Settings, list_address: str, email: str) -> bool:
    """Unsubscribe at once (RFC 8058 one-click: the signed link is the proof); say goodbye.

    Returns False when the address was not (or no longer) a member: a repeated POST is fine.
    """
    with session_scope(settings) as session:
        ml = find_list(session, list_address)
        member = membership.find(session, ml, email) if ml is not None else None
        if member is None:
            return False
        notice = notices.build(settings, "goodbye", member.language, member.email, ml)
        membership.remove(session, ml, email)
        audit.record(session, "member.leave", mailing_list=ml, actor=member.email,
                     channel="mail", target=member.email, how="one-click")
    notices.send(settings, notice, [email])
    return True


def confirm(settings: Settings, secret: str,
            purposes: tuple[str, ...] = ("subscribe", "unsubscribe", "moderate", "admit"),
            list_address: str = "", reject: bool = False, by: str | None = None,
            note: str = "") -> Confirmed:
    """Redeem a token and do what it stands for; raises ``BadToken`` (nothing changed).

    ``by`` is the envelope sender of a reply by mail: a moderation token is spent only by
    one of the list's moderators or owners, so a token that leaked (or that a poster planted
    in a message) decides nothing in anyone else's hands. ``note`` is a rejection's reason.
    """
    with session_scope(settings) as session:
        token = tokens.find(session, secret)
        ml = session.get(MailingList, token.list_id) if token.list_id else None
        if (token.purpose not in purposes or ml is None
                or (list_address and ml.address != list_address.lower())):
            raise BadToken("forged")
        if token.purpose in DECISIONS and by is not None and \
                membership.role_of(session, ml, by) not in ("moderator", "owner"):
            raise BadToken("forged")
        tokens.redeem(session, token.purpose, secret)
        data = tokens.payload(token)
        language = data.get("language") or "fr"
        outgoing: list[tuple[EmailMessage, str]] = []
        outcome = ""
        if token.purpose in ("subscribe", "admit"):
            outcome = _subscribe(settings, session, ml, token, data, reject, outgoing, by)
        elif token.purpose == "unsubscribe":
            member = membership.find(session, ml, token.email)
            language = member.language if member is not None else language
            if membership.remove(session, ml, token.email):
                audit.record(session, "member.leave", mailing_list=ml, actor=token.email,
                             channel="mail", target=token.email, how="confirmed")
            outgoing.append((notices.build(settings, "goodbye", language, token.email, ml),
                             token.email))
            outcome = "unsubscribed"
        result = Confirmed(token.purpose, ml.address, token.email, language, outcome)
    for notice, to in outgoing:
        notices.send(settings, notice, [to])
    if result.purpose != "moderate":
        return result
    # the same action as the console's, in the audit log under the replying moderator's name
    channel, actor = ("mail", by) if by is not None else ("web", "")
    decided = moderation.decide(settings, data["held"], "reject" if reject else "approve",
                                actor=actor or "", channel=channel, note=note).done
    outcome = ("rejected" if reject else "approved") if decided else "already-decided"
    return replace(result, outcome=outcome)


def _subscribe(settings: Settings, session, ml: MailingList, token, data: dict, reject: bool,
               outgoing: list, by: str | None = None) -> str:
    """A confirmed subscription, or a moderator's decision on one: the outcome.

    A private list's confirmed request waits for a moderator (Mailman's
    ``confirm_then_moderate``): they get an "admit" token, the subscriber a word that it
    is pending; only the moderator's approval makes a member.
    """
    language, name = data.get("language") or "fr", data.get("name", "")
    if token.purpose == "subscribe" and not ml.public and \
            membership.find(session, ml, token.email) is None:
        secret = tokens.create(session, "admit", ml, token.email, data)
        for moderator in membership.moderators(session, ml):
            outgoing.append((notices.build(settings, "admit", moderator.language,
                                           moderator.email, ml, secret=secret,
                                           subscriber=tokens.defang(token.email)),
                             moderator.email))
        outgoing.append((notices.build(settings, "pending", language, token.email, ml),
                         token.email))
        return "pending"
    if token.purpose == "admit" and reject:
        outgoing.append((notices.build(settings, "refused", language, token.email, ml),
                         token.email))
        return "refused"
    consent = ("confirmed by mail, approved by a moderator" if token.purpose == "admit"
               else "confirmed by mail")
    existed = membership.find(session, ml, token.email) is not None
    member = membership.add(session, ml, token.email, language=language, name=name,
                            consent=consent)
    if not existed:
        audit.record(session, "member.join", mailing_list=ml, channel="mail",
                     actor=by if token.purpose == "admit" and by else token.email,
                     target=token.email, consent=consent)
    outgoing.append((notices.build(settings, "welcome", member.language, member.email, ml),
                     member.email))
    return "subscribed"


def _answer_confirmation(settings: Settings, address: str, list_address: str, secret: str,
                         parsed: Parsed, raw: bytes, person: str, sender: str) -> Outcome:
    """Confirm by reply; a bad token gets an explanation and changes nothing."""
    try:
        done = confirm(settings, secret, list_address=list_address, reject=wants_reject(parsed),
                       by=sender, note=rejection_note(parsed))
    except BadToken as bad:
        language = guess_language(parsed, raw)
        with session_scope(settings) as session:
            notice = notices.build(settings, "bad_token", language, person,
                                   find_list(session, list_address), in_reply_to=parsed.message_id,
                                   problem=notices.word(bad.kind, language))
        notices.answer(settings, notice, person)
        return Outcome(address, BAD_TOKEN, reason=str(bad))
    if done.purpose in DECISIONS:
        _acknowledge_decision(settings, list_address, done, person, parsed)
    return Outcome(address, CONFIRMED, reason=done.outcome)


def _acknowledge_decision(settings: Settings, list_address: str, done: Confirmed, person: str,
                          parsed: Parsed) -> None:
    with session_scope(settings) as session:
        ml = find_list(session, list_address)
        member = membership.find(session, ml, person)
        language = member.language if member is not None else "fr"
        decision = notices.word(done.outcome, language) if done.outcome != "already-decided" \
            else {"fr": "déjà décidé", "en": "already decided"}[language]
        notice = notices.build(settings, "moderated" if done.purpose == "moderate" else
                               "admitted", language, person, ml,
                               in_reply_to=parsed.message_id, subject=parsed.subject[:200],
                               sender=person, decision=decision, subscriber=done.email)
    notices.send(settings, notice, [person])  # a moderator, proven by the token they spent


def handle(settings: Settings, raw: bytes, address: str, sender: str = "") -> Outcome:
    """Answer one mail to a -join/-leave/-request address."""
    local, _, domain = address.strip("<>").lower().rpartition("@")
    base, _, suffix = local.rpartition("-")
    list_address = f"{base}@{domain}"
    parsed = parse(raw)
    with session_scope(settings) as session:
        ml = find_list(session, list_address)
        if ml is None or not notices.may_answer(raw, sender, ml):
            return Outcome(address, IGNORED)
    # RFC 3834 §4: answer the envelope sender (the Return-Path), never the From, which
    # anyone may write; a request likewise concerns the envelope sender's own address
    person = sender.strip().strip("<>").lower()
    name = parsed.from_name if (parsed.from_addr or "").lower() == person else ""
    secret = tokens.find_secret(parsed.subject + "\n" + parsed.body_text,
                                answering=f"{parsed.in_reply_to} {parsed.references}")
    if secret:
        return _answer_confirmation(settings, address, list_address, secret, parsed, raw, person,
                                    sender.strip("<>").lower())
    command, _ = read_command(parsed)
    command = ADDRESS_COMMANDS.get(suffix, command)
    language = guess_language(parsed, raw) if command else "fr+en"
    try:
        if command in ("subscribe", "unsubscribe"):
            request(settings, list_address, person, command, language, name,
                    in_reply_to=parsed.message_id)
            return Outcome(address, CONFIRMATION_SENT)
    except Invalid:
        return Outcome(address, INVALID_ADDRESS)
    with session_scope(settings) as session:
        notice = notices.build(settings, "help", language, person, find_list(session, list_address),
                               in_reply_to=parsed.message_id)
    notices.answer(settings, notice, person)
    return Outcome(address, HELP_SENT)
