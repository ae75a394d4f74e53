"""Messages the tests archive: built here, filed through the real ingest path.

Plain functions shared by the web, feed, search, theme, digest, rebuild and flow tests; no fixtures live here.
"""
from __future__ import annotations

from datetime import datetime, timezone
from email.message import EmailMessage
from email.utils import format_datetime

from backends import FIXTURES, run_jobs
from federation.ingest import filing


def mail(mid: str, subject: str, body: str, refs: str = "", minute: int = 0,
         to: str = "semences@lists.test", sender: str = "Alice <alice@example.org>") -> bytes:
    """A plain French message, optionally a reply (References and In-Reply-To)."""
    headers = (f"From: {sender}\r\nTo: {to}\r\nSubject: {subject}\r\n"
               f"Message-ID: <{mid}>\r\nDate: Mon, 01 Jun 2026 10:{minute:02d}:00 +0000\r\n")
    if refs:
        headers += f"In-Reply-To: <{refs.split()[-1]}>\r\nReferences: " + \
            " ".join(f"<{r}>" for r in refs.split()) + "\r\n"
    headers += "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n"
    return (headers + "\r\n" + body + "\r\n").encode()


def deliver(settings, name_or_raw, to="semences@lists.test") -> bytes:
    """Archive a fixture (or raw bytes) through the real ingest path; returns the bytes."""
    raw = name_or_raw if isinstance(name_or_raw, bytes) else (FIXTURES / name_or_raw).read_bytes()
    outcomes = filing.file_post(settings, raw, [to], sender="alice@example.org")
    assert all(o.accepted for o in outcomes), outcomes
    run_jobs(settings)
    return raw


def root(number: int, day: int = 1) -> bytes:
    """A thread root of its own, numbered."""
    return (f"From: Alice <alice@example.org>\r\nTo: semences@lists.test\r\n"
            f"Subject: Fil numéro {number}\r\nMessage-ID: <fil-{number}@example.org>\r\n"
            f"Date: Mon, {day:02d} Jun 2026 10:{number % 60:02d}:00 +0000\r\n"
            f"Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
            f"Message {number}, café.\r\n").encode()


def post(settings, mid, subject, body, to="semences@lists.test", sender="alice@example.org",
         name="Alice Martin", when=datetime(2025, 3, 10, 9, 0), reply_to=""):
    """Archive one message through the real ingest path; returns its outcome."""
    mail = EmailMessage()
    mail["From"] = f"{name} <{sender}>"
    mail["To"] = to
    mail["Subject"] = subject
    mail["Message-ID"] = f"<{mid}>"
    mail["Date"] = format_datetime(when.replace(tzinfo=timezone.utc))
    if reply_to:
        mail["In-Reply-To"] = f"<{reply_to}>"
        mail["References"] = f"<{reply_to}>"
    mail.set_content(body)
    [outcome] = filing.file_post(settings, mail.as_bytes(), [to], sender)
    assert outcome.accepted, outcome
    return outcome
