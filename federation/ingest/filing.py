"""Filing posts: the rules, holding or storing and threading, commit, then queue.

``file_post`` is the one way in for a post, whoever brings it: SMTP and LMTP
(``routing.receive``), a moderator's approval (``moderation.approve``), the web. It hands a
``Posting`` to the writer's group commit (``writer.submit``, in this process or in the
writer process of ``relais smtp``), where ``file_postings`` runs; ``relais import`` calls
``archive_batch``. A 250 is only ever sent after the commit.
"""
from __future__ import annotations

import functools
import logging
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Iterable

from sqlalchemy import bindparam, select

from federation import queue
from federation.ingest import holding, jobs, rules
from federation.ingest.outcome import ACCEPTED, DUPLICATE, FAILED, HELD, Outcome
from federation.ingest.posting import APPROVAL, IMPORT, SMTP, Posting
from federation.storage import writer
from federation.archive.store import store
from federation.lists.directory import find_list
from federation.errors import Hold, Rejected, UnknownList
from federation.archive.message import Parsed, parse
from federation.storage.models import MailingList
from federation.ingest.pipeline import archive_steps
from federation.settings import Settings

log = logging.getLogger(__name__)

_LIST = select(*MailingList.__table__.c).where(
    MailingList.__table__.c.address == bindparam("address"))


def _list_in(session, address: str) -> MailingList | None:
    """The list of an address, read once per transaction (a group commit stores many) with
    one Core statement, as a detached row object: rules and holding read its columns only."""
    known = session.info.setdefault("relais.lists", {})
    if address not in known:
        row = session.connection().execute(
            _LIST, {"address": address.strip().strip("<>").lower()}).first()
        known[address] = _list_of(tuple(row)) if row is not None else None
    return known[address]


@functools.lru_cache(maxsize=256)
def _list_of(row: tuple) -> MailingList:
    """A detached list object for a row, made once per distinct row: a changed list is a
    different row, so an edit shows in the very next transaction."""
    return MailingList(**dict(zip(_LIST.selected_columns.keys(), row)))


def _admit(session, posting: Posting, address: str) -> MailingList | Outcome:
    """Apply the rules: the list to store the posting in, or the Outcome of a held message.

    Raises ``Rejected`` (nothing written) for a refusal. An approved message was held by
    these rules and is filed past them, as Mailman's moderator does.
    """
    mailing_list = _list_in(session, address)
    if mailing_list is None:
        raise UnknownList(address)
    if posting.via == APPROVAL:
        return mailing_list
    try:
        rules.check(session, posting, mailing_list)
    except Hold as held:  # not a refusal: kept in this same transaction, then 250
        pk, created = holding.hold(session, mailing_list, posting.raw, posting.parsed,
                                   posting.sender, held.reason)
        return Outcome(address, HELD, held_pk=pk, duplicate=not created)
    return mailing_list


def file_postings(session, postings: list[Posting]) -> list[list[Outcome]]:
    """The writer's work for a group: parse, then rules, storage and threading, inside the
    caller's transaction; each posting's Outcomes, one per address (a refusal included)."""
    found: list[list[Outcome | None]] = []
    admitted: dict[int, list[tuple[int, int, Posting]]] = {}
    for index, posting in enumerate(postings):
        posting.prepare()
        found.append([None] * len(posting.recipients))
        for place, address in enumerate(posting.recipients):
            try:
                result = _admit(session, posting, address)
            except Rejected as refusal:
                found[index][place] = Outcome.refused(address, refusal)
                continue
            if isinstance(result, Outcome):
                found[index][place] = result
            else:
                admitted.setdefault(result.id, []).append((index, place, posting))
    filed = []
    for list_id, waiting in admitted.items():
        for (index, place, posting), stored in zip(
                waiting, store(session, list_id, [p for _i, _j, p in waiting])):
            found[index][place] = Outcome(posting.recipients[place],
                                          ACCEPTED if stored.created else DUPLICATE,
                                          stored.pk, duplicate=not stored.created)
            if stored.filed is not None:
                filed.append(stored.filed)
    if postings:
        archive_steps(session, postings[0].settings, filed)  # one committer per database
    return found


def file_post_soon(settings: Settings, raw: bytes, recipients: Iterable[str], sender: str = "",
                   via: str = SMTP) -> Future:
    """``file_post`` without waiting (for an event loop): a Future of the Outcomes, resolved
    once committed; pass them to ``settle`` afterwards. The recipients are posting
    addresses."""
    return writer.submit(settings, file_postings,
                         Posting(settings, raw, tuple(recipients), sender, via))


def file_post(settings: Settings, raw: bytes, recipients: Iterable[str], sender: str = "",
              via: str = SMTP) -> list[Outcome]:
    """File a post for each of its posting addresses and queue what follows; one ``Outcome``
    per address. ``via`` says how it came (``posting.SMTP``, ``LMTP``, ``APPROVAL``,
    ``WEB``): an approved message is filed past the rules that held it.

    Never raises for bad input: a refusal is a REFUSED outcome; an unexpected failure is
    FAILED (try again later), so the sending MTA keeps the message and nothing is lost.
    """
    recipients = tuple(recipients)
    try:
        outcomes = file_post_soon(settings, raw, recipients, sender, via).result()
    except Exception:
        log.exception("could not archive a message for %s", ", ".join(recipients))
        outcomes = [Outcome(address, FAILED) for address in recipients]
    settle(settings, outcomes)
    return outcomes


def settles_at_once(settings: Settings) -> bool:
    """Whether ``settle`` only touches memory (the background pipeline of ``relais serve``
    and ``relais smtp``), so an event loop may call it directly."""
    return settings.background_jobs and not settings.redis_url


def settle(settings: Settings, outcomes: list[Outcome]) -> None:
    """After commit: queue the pipeline for what was archived and tell moderators what is held.

    Losing this (a crash right after the 250) loses nothing: ``jobs.recover`` re-queues
    every archived message whose pipeline never ran.
    """
    for outcome in outcomes:
        if outcome.status == HELD and not outcome.duplicate:
            queue.enqueue(settings, holding.notify, outcome.held_pk)
        elif outcome.status == ACCEPTED and outcome.message_pk is not None:
            jobs.process_soon(settings, outcome.message_pk)


def receive_batch(settings: Settings, address: str, raws: list[bytes]) -> tuple[int, int, int]:
    """Archive many messages for one list in one transaction (bulk import), then queue the
    pipeline for them. Returns (archived, duplicates, refused)."""
    done = archive_batch(settings, address, raws)
    if done.created:
        queue.enqueue(settings, jobs.process_messages, done.created)
    return len(done.created), done.duplicates, done.refused


@dataclass(frozen=True)
class Archived:
    """What ``archive_batch`` did: the messages it created, the threads they are in now."""

    created: list[int]
    duplicates: int
    refused: int
    thread_ids: list[int]


def archive_batch(settings: Settings, address: str, raws: list[bytes],
                  parsed: list[Parsed] | None = None,
                  documents: list[dict | None] | None = None) -> Archived:
    """Archive many messages for one list in one transaction, without queueing the pipeline.

    Parsing happens before the write lock is taken; a caller that parsed already (in other
    processes) passes ``parsed``, and their search ``documents`` if it analysed them too.
    Only the size rule applies: an import is the list's own history, not new posts.
    """
    parsed = parsed if parsed is not None else [parse(raw) for raw in raws]
    documents = documents if documents is not None else [None] * len(raws)
    postings = [Posting(settings, raw, (address,), via=IMPORT, parsed=one, document=document)
                for raw, one, document in zip(raws, parsed, documents)]

    def work(session):
        mailing_list = find_list(session, address)
        if mailing_list is None:
            raise UnknownList(address)
        kept, refused = [], 0
        for posting in postings:
            try:
                rules.size(session, posting, mailing_list)
            except Rejected:
                refused += 1
                continue
            kept.append(posting)
        stored = store(session, mailing_list.id, kept)
        filed = [s.filed for s in stored if s.filed is not None]
        archive_steps(session, settings, filed)
        created = [s.pk for s in stored if s.created]
        return Archived(created, len(stored) - len(created), refused,
                        sorted({f.thread_id for f in filed if f.thread_id is not None}))

    return writer.transaction(settings, work)
