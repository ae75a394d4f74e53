"""Bounces and complaints at ``<list>-bounces+<member>=<domain>@…`` (VERP), scored Mailman-style.

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

from . import queue
from .db import session_scope
from .directory import find_list
from .message import too_nested
from .models import ListSetting, MailingList, Member, utcnow
from .settings import Settings

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
    """(list address, member address or "") from semences-bounces+alice=example.org@lists.test."""
    local, _, domain = address.strip().strip("<>").rpartition("@")
    base, plus, encoded = local.partition("+")
    list_local = base[:-len("-bounces")] if base.lower().endswith("-bounces") else base
    member = ""
    if plus and "=" in encoded:
        member_local, _, member_domain = encoded.rpartition("=")
        member = f"{member_local}@{member_domain}"
    return f"{list_local}@{domain}".lower(), member.lower()


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
    local, _, domain = mailing_list.address.partition("@")
    notice = EmailMessage()
    notice["From"] = f"{local}-request@{domain}"
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
        settings, "mail.outgoing.send", "", owners, raw), once=True)


def _complaint(session: Session, settings: Settings, list_id: int, address: str) -> bool:
    """An ARF complaint: stop mailing this member (disable, or unsubscribe if so set)."""
    member = _member(session, list_id, address)
    if member is None:
        return False
    if option(session, list_id, "complaint_action", "disable") == "unsubscribe":
        session.delete(member)
        return True
    if not member.disabled:
        member.disabled = True
        member.disabled_reason = "complaint (RFC 5965 feedback report)"
        _tell_owners(session, settings, member, "complaint")
    return True


def handle(settings: Settings, raw: bytes, address: str,
           now: datetime | None = None) -> Report:
    """Process one message received at a list's bounce address; never raises for bad input."""
    list_address, verp = parse_verp(address)
    try:
        kind, failures = classify(raw)
    except Exception:
        log.exception("unreadable bounce for %s", address)
        kind, failures = "unrecognised", {}
    with session_scope(settings) as session:
        mailing_list = find_list(session, list_address)
        if mailing_list is None:
            return Report("unknown-list")
        report = Report(kind)
        if kind == "arf":
            for target in [verp] if verp else list(failures):
                if target and _complaint(session, settings, mailing_list.id, target):
                    report.disabled.append(target)
            return report
        if verp and failures:  # VERP names the member, whatever address the DSN shows
            failures = {verp: any(failures.values())}
        for target, hard in failures.items():
            (report.hard if hard else report.soft).append(target)
            if score(session, settings, mailing_list.id, target, hard, f"{kind} bounce", now):
                report.disabled.append(target)
        return report
