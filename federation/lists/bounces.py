"""Bounces and complaints at ``<list>-bounces+<member>=<domain>=<sig>@…`` (VERP), scored Mailman-style.

The tag is signed (an HMAC of list and recipient, ``tokens.bounce_tag``): a report counts
against the member the signature names and no one else, so a stranger's forged DSN or ARF
report cannot disable, score or unsubscribe anyone.

DSNs (RFC 3464 ``multipart/report; report-type=delivery-status``) are read field by field:
``Status: 5.x.x`` is a hard bounce (1.0), ``4.x.x`` or ``Action: delayed`` a soft one (0.5,
RFC 3463). Other bounce formats go to Mailman's maintained detectors (flufl.bounce). ARF
complaints (RFC 5965 ``report-type=feedback-report``) disable the member (or unsubscribe,
per the list's "complaint_action"), as Sympa and Groups.io do. At most one bounce a day
counts; a score older than a week starts again; at the threshold delivery stops and the
owners are told.
"""
from __future__ import annotations

import email
import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from email.message import EmailMessage, Message as MimeMessage
from email.policy import SMTP
from email.utils import make_msgid, parseaddr

from flufl.bounce import all_failures
from sqlalchemy import event, func, select
from sqlalchemy.orm import Session

from federation import queue
from federation.lists import audit, tokens
from federation.storage.db import session_scope
from federation.lists.directory import find_list
from federation.archive.message import too_nested
from federation.storage.models import ListSetting, MailingList, Member, utcnow
from federation.settings import Settings

log = logging.getLogger(__name__)
HARD, SOFT = 1.0, 0.5
THRESHOLD = 5.0  # ListSetting "bounce_threshold" overrides
ONCE_PER = timedelta(days=1)
STALE = timedelta(days=7)  # Mailman's bounce_info_stale_after


@dataclass
class Report:
    """What one message at the bounce address was, and whom it concerned."""

    kind: str  # dsn | arf | other | unrecognised | unknown-list
    hard: list[str] = field(default_factory=list)
    soft: list[str] = field(default_factory=list)
    disabled: list[str] = field(default_factory=list)


def option(session: Session, list_id: int, key: str, default: str) -> str:
    """A per-list option from ListSetting, or its default (Miniflux-style)."""
    value = session.scalar(select(ListSetting.value).filter_by(list_id=list_id, key=key))
    return value or default


def parse_verp(address: str) -> tuple[str, str]:
    """(list address, VERP tag or "") from semences-bounces+alice=example.org=<sig>@lists.test."""
    local, _, domain = address.strip().strip("<>").rpartition("@")
    base, _plus, tag = local.partition("+")
    list_local = base[:-len("-bounces")] if base.lower().endswith("-bounces") else base
    return f"{list_local}@{domain}".lower(), tag.lower()


def bounce_address(settings: Settings, list_address: str, email: str) -> str:
    """The signed VERP envelope sender of one member's copy (what a bounce comes back to)."""
    local, _, domain = list_address.rpartition("@")
    return f"{local}-bounces+{tokens.bounce_tag(settings, list_address, email)}@{domain}"


def verified_recipient(settings: Settings, address: str) -> tuple[str, str]:
    """(list address, the member a bounce address names, or "" when unsigned or forged).

    Only our signature says whom a report is about: anyone can write a DSN naming a member
    (RFC 3464 Final-Recipient, RFC 5965 Original-Rcpt-To) and mail it to the bounce address.
    """
    list_address, tag = parse_verp(address)
    return list_address, tokens.read_bounce_tag(settings, list_address, tag) if tag else ""


def _enclosed_recipient(settings: Settings, message: MimeMessage, list_address: str) -> str:
    """The signed recipient of the copy a report encloses (its Return-Path), or ""."""
    for part in message.walk():
        kind = part.get_content_type()
        if kind not in ("message/rfc822", "text/rfc822-headers", "message/feedback-report"):
            continue
        payload = part.get_payload()
        inner = payload[0] if isinstance(payload, list) and payload else \
            email.message_from_string(payload if isinstance(payload, str) else "")
        # RFC 5965 §3.2 Original-Mail-From, or the enclosed copy's Return-Path: our VERP
        sender = inner.get("Original-Mail-From") or inner.get("Return-Path") or ""
        found_list, member = verified_recipient(settings, parseaddr(sender)[1])
        if member and found_list == list_address:
            return member
    return ""


def _dsn(message: MimeMessage) -> dict[str, bool] | None:
    """Recipient → hard? from the message/delivery-status part; None when there is none."""
    found = None
    for part in message.walk():
        if part.get_content_type() != "message/delivery-status":
            continue
        found = {} if found is None else found
        for block in part.get_payload()[1:] if part.is_multipart() else []:
            action = (block.get("Action") or "").strip().lower()
            status = (block.get("Status") or "").strip()
            recipient = block.get("Final-Recipient") or block.get("Original-Recipient") or ""
            address = parseaddr(recipient.split(";", 1)[-1].strip())[1].lower()
            if not address or action in ("delivered", "relayed", "expanded"):
                continue
            hard = status.startswith("5") or (action.startswith("fail") and not status.startswith("4"))
            found[address] = found.get(address, False) or hard
    return found


def _complained(message: MimeMessage) -> tuple[bool, str]:
    """(is an ARF report, the complaining recipient if the report names one)."""
    if message.get_content_type() != "multipart/report" or \
            (message.get_param("report-type") or "").lower() != "feedback-report":
        return False, ""
    for part in message.walk():
        if part.get_content_type() == "message/feedback-report":
            payload = part.get_payload()
            block = payload[0] if isinstance(payload, list) and payload else part
            return True, parseaddr(block.get("Original-Rcpt-To") or "")[1].lower()
    return True, ""


def classify(raw: bytes) -> tuple[str, dict[str, bool]]:
    """("dsn" | "arf" | "other" | "unrecognised", recipient → hard)."""
    if too_nested(raw):  # no report nests this deep; walking it would exhaust the stack
        return "unrecognised", {}
    message = email.message_from_bytes(raw)
    is_arf, complainer = _complained(message)
    if is_arf:
        return "arf", ({complainer: True} if complainer else {})
    dsn = _dsn(message)
    if dsn:
        return "dsn", dsn
    temporary, permanent = all_failures(message)
    failures = {a.decode("ascii").lower(): False for a in temporary}
    failures.update({a.decode("ascii").lower(): True for a in permanent})
    return ("other" if failures else "unrecognised"), failures


def _member(session: Session, list_id: int, address: str) -> Member | None:
    return session.scalar(select(Member).where(Member.list_id == list_id,
                                               func.lower(Member.email) == address.lower()))


def score(session: Session, settings: Settings, list_id: int, address: str, hard: bool,
          reason: str = "", now: datetime | None = None) -> bool:
    """Count one bounce against a member; True when this disabled the member's delivery."""
    now = now or utcnow()
    member = _member(session, list_id, address)
    if member is None or member.disabled:
        return False
    last = member.last_bounce_at
    if last is not None and now - last < ONCE_PER:
        return False
    if last is None or now - last > STALE:
        member.bounce_score = 0.0
    member.bounce_score = (member.bounce_score or 0.0) + (HARD if hard else SOFT)
    member.last_bounce_at = now
    threshold = float(option(session, list_id, "bounce_threshold", str(THRESHOLD)))
    if member.bounce_score < threshold:
        return False
    member.disabled = True
    member.disabled_reason = f"bounces ({member.bounce_score:g}): {reason}"[:500]
    audit.record(session, "member.disable", mailing_list=session.get(MailingList, list_id),
                 channel="mail", target=member.email, reason=member.disabled_reason)
    _tell_owners(session, settings, member, "bounces")
    return True


def _tell_owners(session: Session, settings: Settings, member: Member, why: str) -> None:
    """Mail the list owners, after commit, with a null reverse-path (RFC 3834, RFC 5321 4.5.5)."""
    mailing_list = session.get(MailingList, member.list_id)
    owners = list(session.scalars(select(Member.email).where(
        Member.list_id == member.list_id, Member.role == "owner")))
    if not owners:
        log.warning("%s disabled on %s (%s); the list has no owner", member.email,
                    mailing_list.address, why)
        return
    domain = mailing_list.domain
    notice = EmailMessage()
    notice["From"] = mailing_list.role_address("request")
    notice["To"] = ", ".join(owners)
    notice["Subject"] = (f"[{mailing_list.name}] Distribution suspendue pour {member.email} "
                         f"/ delivery disabled")
    notice["Message-ID"] = make_msgid(domain=domain)
    notice["Auto-Submitted"] = "auto-generated"
    notice.set_content(
        f"La distribution de la liste {mailing_list.address} est suspendue pour "
        f"{member.email} ({why}).\nMotif : {member.disabled_reason}\n\n"
        f"Delivery of {mailing_list.address} to {member.email} is disabled ({why}).\n")
    raw = notice.as_bytes(policy=SMTP)
    event.listen(session, "after_commit", lambda _s: queue.enqueue(
        settings, "send", "", owners, raw), once=True)


def _complaint(session: Session, settings: Settings, list_id: int, address: str) -> bool:
    """An ARF complaint: stop mailing this member (disable, or unsubscribe if so set)."""
    member = _member(session, list_id, address)
    if member is None:
        return False
    if option(session, list_id, "complaint_action", "disable") == "unsubscribe":
        audit.record(session, "member.remove", mailing_list=session.get(MailingList, list_id),
                     channel="mail", target=member.email, reason="complaint")
        session.delete(member)
        return True
    if not member.disabled:
        member.disabled = True
        member.disabled_reason = "complaint (RFC 5965 feedback report)"
        audit.record(session, "member.disable", mailing_list=session.get(MailingList, list_id),
                     channel="mail", target=member.email, reason=member.disabled_reason)
        _tell_owners(session, settings, member, "complaint")
    return True


def handle(settings: Settings, raw: bytes, address: str,
           now: datetime | None = None) -> Report:
    """Process one message received at a list's bounce address; never raises for bad input.

    Only a recipient named by a signed VERP tag (ours, or the one in the Return-Path of the
    copy a report encloses) is scored; the addresses a report names are never trusted.
    """
    list_address, verp = verified_recipient(settings, address)
    try:
        kind, failures = classify(raw)
        if not verp:
            verp = _enclosed_recipient(settings, email.message_from_bytes(raw), list_address)
    except Exception:
        log.exception("unreadable bounce for %s", address)
        kind, failures = "unrecognised", {}
    with session_scope(settings) as session:
        mailing_list = find_list(session, list_address)
        if mailing_list is None:
            return Report("unknown-list")
        report = Report(kind)
        if not verp:
            if failures:
                log.info("%s report for %s names %s, without our signature: ignored", kind,
                         list_address, ", ".join(sorted(failures))[:200])
            return report
        if kind == "arf":
            if _complaint(session, settings, mailing_list.id, verp):
                report.disabled.append(verp)
            return report
        if failures:  # VERP names the member, whatever address the report shows
            hard = any(failures.values())
            (report.hard if hard else report.soft).append(verp)
            if score(session, settings, mailing_list.id, verp, hard, f"{kind} bounce", now):
                report.disabled.append(verp)
        return report
