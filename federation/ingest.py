"""Mail in: check the recipient, parse, apply the rules, store and thread, commit, then queue.

The SMTP/LMTP adapter calls ``accepts`` at RCPT and ``receive`` at DATA; ``relais import``
calls ``receive_batch``. All take the same path, so an imported message and a posted one
are archived alike. A 250 is only ever sent after ``receive`` has committed.
"""
from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from typing import Iterable

from sqlalchemy.exc import IntegrityError, OperationalError

from . import jobs, queue, rules
from .archive import generated_message_id, store
from .db import session_scope
from .directory import find_list
from .errors import Rejected, UnknownList
from .message import Parsed, parse
from .pipeline import archive_steps
from .settings import Settings

log = logging.getLogger(__name__)
# SQLite has one writer at a time; serialising our own writers avoids busy retries.
_WRITE_LOCK = threading.Lock()
ATTEMPTS = 5


@dataclass(frozen=True)
class Outcome:
    """What became of one message for one recipient list: the SMTP reply line and the row."""

    address: str
    reply: str
    message_pk: int | None = None
    duplicate: bool = False

    @property
    def accepted(self) -> bool:
        return self.reply.startswith("250")


def accepts(settings: Settings, address: str) -> None:
    """Raise ``UnknownList`` unless ``address`` is one of our lists (checked at RCPT)."""
    with session_scope(settings) as session:
        if find_list(session, address) is None:
            raise UnknownList(address)


def _archive(settings: Settings, raw: bytes, parsed: Parsed, address: str, sender: str,
             recipients: tuple[str, ...]) -> Outcome:
    with session_scope(settings) as session:
        mailing_list = find_list(session, address)
        if mailing_list is None:
            raise UnknownList(address)
        rules.check(session, rules.Submission(raw=raw, parsed=parsed, mailing_list=mailing_list,
                                              sender=sender, recipients=recipients,
                                              settings=settings))
        message_id = parsed.message_id or generated_message_id(raw, settings.mail_domain)
        message, created = store(session, mailing_list, raw, parsed, message_id)
        if created:
            archive_steps(session, settings, message)
        pk = message.id
    if created:
        return Outcome(address, "250 2.0.0 Message archivé / archived", pk)
    return Outcome(address, "250 2.0.0 Déjà reçu / already archived", pk, duplicate=True)


def _with_retries(settings: Settings, work):
    """Run a write transaction, retrying races (duplicate inserts, a busy database)."""
    for attempt in range(ATTEMPTS):
        try:
            if settings.is_sqlite:
                with _WRITE_LOCK:
                    return work()
            return work()
        except (IntegrityError, OperationalError) as error:
            if attempt == ATTEMPTS - 1:
                raise
            log.info("retrying write after %s", type(error).__name__)
            time.sleep(0.05 * (attempt + 1))


def receive(settings: Settings, raw: bytes, recipients: Iterable[str],
            sender: str = "") -> list[Outcome]:
    """Archive one message for each recipient list; one ``Outcome`` per recipient.

    Never raises for bad input: a refusal becomes a 5xx outcome; an unexpected failure a
    451 (try again later), so the sending MTA keeps the message and nothing is lost.
    """
    recipients = tuple(recipients)
    parsed = parse(raw)
    outcomes = []
    for address in recipients:
        try:
            outcome = _with_retries(settings, lambda: _archive(settings, raw, parsed, address,
                                                               sender, recipients))
        except Rejected as refusal:
            outcome = Outcome(address, f"{refusal.code} {refusal}")
        except Exception:
            log.exception("could not archive a message for %s", address)
            outcome = Outcome(address, "451 4.3.0 Erreur temporaire / temporary failure")
        outcomes.append(outcome)
    for outcome in outcomes:
        if outcome.accepted and not outcome.duplicate:
            queue.enqueue(settings, jobs.process_message, outcome.message_pk)
    return outcomes


def receive_batch(settings: Settings, address: str, raws: list[bytes]) -> tuple[int, int, int]:
    """Archive many messages for one list in one transaction (bulk import).

    Returns (archived, duplicates, refused). Parsing happens before the write lock is taken.
    """
    parsed_all = [(raw, parse(raw)) for raw in raws]

    def work():
        created_pks, duplicates, refused = [], 0, 0
        with session_scope(settings) as session:
            mailing_list = find_list(session, address)
            if mailing_list is None:
                raise UnknownList(address)
            for raw, parsed in parsed_all:
                try:
                    rules.size(session, rules.Submission(raw, parsed, mailing_list, "", (), settings))
                except Rejected:
                    refused += 1
                    continue
                message_id = parsed.message_id or generated_message_id(raw, settings.mail_domain)
                message, created = store(session, mailing_list, raw, parsed, message_id)
                if created:
                    archive_steps(session, settings, message)
                    created_pks.append(message.id)
                else:
                    duplicates += 1
        return created_pks, duplicates, refused

    created_pks, duplicates, refused = _with_retries(settings, work)
    if created_pks:
        queue.enqueue(settings, jobs.process_messages, created_pks)
    return len(created_pks), duplicates, refused
