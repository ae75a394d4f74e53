"""Reading back what Relais sent (the Maildir outbox) and writing people's replies to it.

Plain functions shared by the membership, moderation and trust tests; no fixtures live here.
"""
from __future__ import annotations

import email
import email.policy
import mailbox
import re

from sqlalchemy import select

from backends import FIXTURES
from federation.storage.db import session_scope
from federation.storage.models import Held

TRUST = FIXTURES / "trust"


def trust_fixture(name: str, **values: str) -> bytes:
    """A fixture of tests/fixtures/trust with CRLF line ends and {placeholders} filled in."""
    text = (TRUST / name).read_text(encoding="utf-8")
    for key, value in values.items():
        text = text.replace("{" + key + "}", value)
    return text.replace("\r\n", "\n").replace("\n", "\r\n").encode("utf-8")


def outbox(settings) -> list[email.message.EmailMessage]:
    """Every mail Relais sent, oldest first, parsed back."""
    mailbox.Maildir(settings.outbox_dir, create=True)
    paths = sorted((settings.outbox_dir / "new").iterdir(), key=lambda p: p.stat().st_mtime_ns)
    return [email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
            for path in paths]


def mails_to(settings, address: str) -> list[email.message.EmailMessage]:
    """What the outbox holds for one recipient."""
    return [m for m in outbox(settings) if m["Delivered-To"] == address]


def members_fixture(name: str) -> bytes:
    """A fixture of tests/fixtures/members with CRLF line ends: smtplib sends bytes as they
    are (RFC 5321 §2.3.8)."""
    return (FIXTURES / "members" / name).read_bytes().replace(b"\r\n", b"\n").replace(
        b"\n", b"\r\n")


def secret_of(mail) -> str:
    """The first "confirm <secret>" of a notice's subject."""
    return re.search(r"confirm ([A-Za-z0-9_-]{32})", str(mail["Subject"])).group(1)


def reply_to(mail, sender: str, body: str = "Oui, merci.") -> bytes:
    """A person's reply to a notice, keeping its subject (what every mail client does)."""
    return (f"From: {sender}\r\nTo: {mail['From'].addresses[0].addr_spec}\r\n"
            f"Subject: Re: {mail['Subject']}\r\nMessage-ID: <reply-{secret_of(mail)[:8]}@x.org>"
            f"\r\nIn-Reply-To: {mail['Message-ID']}\r\nDate: Fri, 28 Nov 2025 13:00:00 +0100\r\n"
            f"MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n"
            ).encode("utf-8")


def held_rows(settings) -> list[Held]:
    """Every held message, oldest first, raw bytes loaded."""
    with session_scope(settings) as session:
        rows = list(session.scalars(select(Held).order_by(Held.id)))
        for row in rows:
            _ = row.raw  # load the deferred bytes before the session closes
        return rows
