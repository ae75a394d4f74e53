"""Admission rules: each a small function that raises ``Rejected`` (or returns quietly).

The order is the literal tuple ``RULES`` (Mailman 3's rule chain, without its machinery).
Rules see the submission before anything is stored, so a refusal costs nothing.
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from .errors import Rejected
from .message import Parsed, message_ids
from .models import MailingList
from .settings import Settings


@dataclass(frozen=True)
class Submission:
    """One message offered to one list, with its SMTP envelope."""

    raw: bytes
    parsed: Parsed
    mailing_list: MailingList
    sender: str
    recipients: tuple[str, ...]
    settings: Settings


def _header(submission: Submission, name: str) -> str:
    for key, value in submission.parsed.headers.items():
        if key.lower() == name.lower():
            return value
    return ""


def size(session: Session, submission: Submission) -> None:
    """Refuse what exceeds the size limit (RFC 1870 SIZE; 552 5.3.4)."""
    limit = submission.settings.max_message_size
    if len(submission.raw) > limit:
        raise Rejected(f"Message trop volumineux / message too large (max {limit} octets)",
                       "552 5.3.4")


def loop(session: Session, submission: Submission) -> None:
    """Refuse our own list traffic coming back: our List-Id or X-Loop (RFC 2919; Sympa)."""
    ml = submission.mailing_list
    list_id = _header(submission, "List-Id")
    if list_id and f"<{ml.list_id}>" in list_id:
        raise Rejected("Boucle détectée / mail loop detected (List-Id)", "550 5.4.6")
    if ml.address in _header(submission, "X-Loop").lower():
        raise Rejected("Boucle détectée / mail loop detected (X-Loop)", "550 5.4.6")


def too_many_recipients(session: Session, submission: Submission) -> None:
    """Refuse mail addressed to a crowd, a sign of spam (Mailman's max_num_recipients)."""
    to_cc = _header(submission, "To") + "," + _header(submission, "Cc")
    count = len([part for part in to_cc.split(",") if "@" in part])
    if count > submission.settings.max_recipients:
        raise Rejected("Trop de destinataires / too many recipients", "550 5.7.1")


RULES = (size, loop, too_many_recipients)


def check(session: Session, submission: Submission) -> None:
    """Apply every rule in order; the first refusal wins."""
    for rule in RULES:
        rule(session, submission)


__all__ = ["Submission", "RULES", "check", "message_ids"]
