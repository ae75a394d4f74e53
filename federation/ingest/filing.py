"""Mail in: check the recipient, parse, apply the rules, store and thread, commit, then queue.

The SMTP/LMTP adapter calls ``accepts`` at RCPT and ``receive`` at DATA; ``relais import``
calls ``receive_batch``. All take the same path, so an imported message and a posted one
are archived alike. A 250 is only ever sent after ``receive`` has committed.
"""
from __future__ import annotations

import functools
import logging
import time
import re
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Iterable

from sqlalchemy import bindparam, select

from federation import queue
from federation.ingest import commands, jobs, moderation, rules
from federation.archive import search
from federation.storage import writer
from federation.archive.store import Entry, store
from federation.storage.db import session_scope
from federation.lists import bounces
from federation.lists.directory import find_list
from federation.errors import Hold, Rejected, UnknownList
from federation.archive.message import Parsed, parse
from federation.storage.models import MailingList
from federation.ingest.pipeline import archive_steps
from federation.settings import Settings
from federation.archive.threads import Filed

log = logging.getLogger(__name__)
# The addresses every list also answers (Mailman's): commands, owners and VERP bounces.
_ROLE_ADDRESS = re.compile(r"^(?P<base>.+)-(?P<role>join|leave|request|owner|bounces)"
                           r"(?:\+[^@]*)?@(?P<domain>[^@]+)$")
HELD_REPLY = "250 2.0.0 Retenu pour modération / held for moderation"


@dataclass(frozen=True)
class Outcome:
    """What became of one message for one recipient list: the SMTP reply line and the row."""

    address: str
    reply: str
    message_pk: int | None = None
    duplicate: bool = False
    held_pk: int | None = None

    @property
    def accepted(self) -> bool:
        return self.reply.startswith("250")


def destination(session, address: str) -> tuple[str, MailingList] | None:
    """The list an address belongs to, and its role: post, join, leave, request, owner, bounces.

    A list whose own name ends in "-owner" (say) is a list first; only ``-bounces`` takes a
    ``+tag`` (VERP, the recipient encoded after the plus).
    """
    mailing_list = find_list(session, address)
    if mailing_list is not None:
        return "post", mailing_list
    match = _ROLE_ADDRESS.match(address.strip().strip("<>").lower())
    if match is None or ("+" in address and match["role"] != "bounces"):
        return None
    mailing_list = find_list(session, f"{match['base']}@{match['domain']}")
    return (match["role"], mailing_list) if mailing_list is not None else None


# address → (role, list address, list row id, expiry): RCPT and DATA look the same address
# up for every message; lists change rarely, and a stale entry only lives a few seconds.
_ROUTES: dict[tuple[str, str], tuple[str, str, int, float]] = {}
ROUTE_TTL = 5.0


def _lookup(settings: Settings, address: str) -> tuple[str, str, int] | None:
    """(role, list address, list id) for an address, from a short-lived cache or the database."""
    cached = _cached_route(settings, address)
    if cached is not None:
        return cached
    key = (settings.database_url, address.strip().strip("<>").lower())
    with session_scope(settings, write=False) as session:
        found = destination(session, address)
        if found is None:
            _ROUTES.pop(key, None)
            return None
        route = (found[0], found[1].address, found[1].id)
    if len(_ROUTES) > 10_000:
        _ROUTES.clear()
    _ROUTES[key] = (*route, time.monotonic() + ROUTE_TTL)
    return route


def _cached_route(settings: Settings, address: str) -> tuple[str, str, int] | None:
    """(role, list address, list id) if the route cache knows the address now (no query)."""
    cached = _ROUTES.get((settings.database_url, address.strip().strip("<>").lower()))
    return cached[:3] if cached is not None and cached[3] > time.monotonic() else None


def known_address(settings: Settings, address: str) -> bool:
    """True when the route cache already knows ``address`` as one of ours (no query), so
    RCPT can accept it without leaving the event loop."""
    return _cached_route(settings, address) is not None


def accepts(settings: Settings, address: str) -> None:
    """Raise ``UnknownList`` unless ``address`` is one of our lists' addresses (at RCPT)."""
    if _lookup(settings, address) is None:
        raise UnknownList(address)


def _route(settings: Settings, raw: bytes, address: str, sender: str) -> str | None:
    """Mail for a list's command, owner or bounce address: hand it over, return the reply.

    None means the address is a posting address (or unknown): the caller archives it.
    """
    found = _lookup(settings, address)
    role, list_address = (found[0], found[1]) if found else ("post", "")
    if role in ("join", "leave", "request"):
        return commands.handle(settings, raw, address, sender)
    if role == "owner":
        return moderation.forward_to_owners(settings, raw, list_address)
    if role == "bounces":  # it may run on a worker
        queue.enqueue(settings, bounces.handle, raw, address)
        return "250 2.0.0 Rapport reçu / report received"
    return None


@dataclass(frozen=True)
class Offer:
    """One message offered to one posting address, waiting for the committer."""

    settings: Settings
    raw: bytes
    parsed: Parsed
    address: str
    sender: str = ""
    recipients: tuple[str, ...] = ()
    approved: bool = False
    document: dict | None = None


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


def _admit(session, offer: Offer) -> tuple[MailingList, Entry] | Outcome:
    """Apply the rules: the list and entry to store, or the Outcome of a held message.

    Raises ``Rejected`` (nothing written) for a refusal.
    """
    mailing_list = _list_in(session, offer.address)
    if mailing_list is None:
        raise UnknownList(offer.address)
    try:
        rules.check(session, rules.Submission(
            raw=offer.raw, parsed=offer.parsed, mailing_list=mailing_list, sender=offer.sender,
            recipients=offer.recipients, settings=offer.settings, approved=offer.approved))
    except Hold as held:  # not a refusal: kept in this same transaction, then 250
        pk, created = moderation.hold(session, mailing_list, offer.raw, offer.parsed,
                                      offer.sender, held.reason)
        return Outcome(offer.address, HELD_REPLY, held_pk=pk, duplicate=not created)
    # a post, delivered to the members whatever its Date: says (an import is not an Offer)
    return mailing_list, Entry.of(offer.raw, offer.parsed, offer.settings.mail_domain,
                                  offer.document, posted=True)


def file_offers(session, offers: list[Offer]) -> list[Outcome | Exception]:
    """Rules, storage and threading for a group of offers, inside the caller's transaction.

    One result per offer: its Outcome, or the ``Rejected`` it met (nothing written for it).
    """
    results: list[Outcome | Exception | None] = [None] * len(offers)
    admitted: dict[int, list[tuple[int, Entry]]] = {}
    for index, offer in enumerate(offers):
        try:
            found = _admit(session, offer)
        except Rejected as refusal:
            results[index] = refusal
            continue
        if isinstance(found, Outcome):
            results[index] = found
        else:
            admitted.setdefault(found[0].id, []).append((index, found[1]))
    filed = []
    for list_id, pairs in admitted.items():
        for (index, _entry), stored in zip(pairs, store(session, list_id,
                                                         [e for _i, e in pairs])):
            reply = ("250 2.0.0 Message archivé / archived" if stored.created
                     else "250 2.0.0 Déjà reçu / already archived")
            results[index] = Outcome(offers[index].address, reply, stored.pk,
                                     duplicate=not stored.created)
            if stored.filed is not None:
                filed.append(stored.filed)
    if offers:
        archive_steps(session, offers[0].settings, filed)  # one committer per database
    return results


TEMPORARY = "451 4.3.0 Erreur temporaire / temporary failure"


def _refused(address: str, refusal: Rejected) -> Outcome:
    """The Outcome of a refusal: its code and sender-facing text."""
    return Outcome(address, f"{refusal.code} {refusal}")


@dataclass
class Posting:
    """One message for one or more posting addresses, waiting for the committer; ``parsed``
    (and ``document``) keep what ``prepare`` worked out, for the group and for a retry."""

    settings: Settings
    raw: bytes
    addresses: tuple[str, ...]
    sender: str = ""
    recipients: tuple[str, ...] = ()
    approved: bool = False
    parsed: Parsed | None = None
    document: dict | None = None

    def prepare(self) -> None:
        """The CPU work that needs no database: parsing, and on PostgreSQL the search
        analysis too. It runs before the write turn, in the listener process when there is
        a writer process. Where the analysis goes was measured: on SQLite the listener is
        the busier process and the writer does it; on PostgreSQL, whose statements are
        round trips to another process, the writer is, and the listener does it."""
        if self.parsed is None:
            self.parsed = parse(self.raw)
            if self.settings.is_sqlite:
                return
            parsed = self.parsed
            self.document = search.document(Filed(
                id=0, list_id=0, message_id=parsed.message_id, subject=parsed.subject,
                body_text=parsed.body_text, from_name=parsed.from_name,
                from_addr=parsed.from_addr))


def file_postings(session, postings: list[Posting]) -> list[list[Outcome]]:
    """Parse, then rules, storage and threading for a group of postings, inside the caller's
    transaction; each posting's Outcomes, one per address (a refusal is a 5xx Outcome)."""
    offers, owners = [], []
    for index, posting in enumerate(postings):
        posting.prepare()
        for address in posting.addresses:
            offers.append(Offer(posting.settings, posting.raw, posting.parsed, address,
                                posting.sender, posting.recipients, posting.approved,
                                posting.document))
            owners.append(index)
    found: list[list[Outcome]] = [[] for _ in postings]
    for offer, index, result in zip(offers, owners, file_offers(session, offers)):
        found[index].append(_refused(offer.address, result)
                            if isinstance(result, Rejected) else result)
    return found


def submit(settings: Settings, raw: bytes, recipients: Iterable[str],
           sender: str = "") -> Future | None:
    """Queue mail for the next group commit without waiting: a Future of its Outcomes (one
    per recipient, in order), resolved once committed; pass them to ``settle`` afterwards.

    Only for mail whose every recipient is a known posting address (the common case, which
    needs no thread of its own); None otherwise: use ``receive``.
    """
    recipients = tuple(recipients)
    routes = [_cached_route(settings, address) for address in recipients]
    if not recipients or any(route is None or route[0] != "post" for route in routes):
        return None
    return writer.submit(settings, file_postings,
                         Posting(settings, raw, recipients, sender, recipients))


def receive(settings: Settings, raw: bytes, recipients: Iterable[str],
            sender: str = "", approved: bool = False) -> list[Outcome]:
    """Archive one message for each recipient list; one ``Outcome`` per recipient.

    Never raises for bad input: a refusal becomes a 5xx outcome; an unexpected failure a
    451 (try again later), so the sending MTA keeps the message and nothing is lost.
    ``approved`` (a moderator's decision) lets the message past the holding rules.
    """
    recipients = tuple(recipients)
    outcomes: list[Outcome | None] = [None] * len(recipients)
    posts: list[int] = []
    for index, address in enumerate(recipients):
        try:
            routed = _route(settings, raw, address, sender)
        except Rejected as refusal:
            outcomes[index] = _refused(address, refusal)
            continue
        except Exception:
            log.exception("could not route a message for %s", address)
            outcomes[index] = Outcome(address, TEMPORARY)
            continue
        if routed is not None:
            outcomes[index] = Outcome(address, routed)
        else:
            posts.append(index)
    if posts:
        addresses = tuple(recipients[i] for i in posts)
        try:
            filed = writer.batched(settings, file_postings, Posting(
                settings, raw, addresses, sender, recipients, approved))
        except Exception:
            log.exception("could not archive a message for %s", ", ".join(addresses))
            filed = [Outcome(address, TEMPORARY) for address in addresses]
        for index, outcome in zip(posts, filed):
            outcomes[index] = outcome
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
        if outcome.held_pk is not None and not outcome.duplicate:
            queue.enqueue(settings, moderation.notify, outcome.held_pk)
        elif outcome.accepted and not outcome.duplicate and outcome.message_pk is not None:
            jobs.process_soon(settings, outcome.message_pk)


def receive_batch(settings: Settings, address: str, raws: list[bytes]) -> tuple[int, int, int]:
    """Archive many messages for one list in one transaction (bulk import), then queue the
    pipeline for them. Returns (archived, duplicates, refused)."""
    created_pks, duplicates, refused = archive_batch(settings, address, raws)
    if created_pks:
        queue.enqueue(settings, jobs.process_messages, created_pks)
    return len(created_pks), duplicates, refused


def archive_batch(settings: Settings, address: str, raws: list[bytes],
                  parsed: list[Parsed] | None = None) -> tuple[list[int], int, int]:
    """Archive many messages for one list in one transaction, without queueing the pipeline.

    Returns (ids of the messages created, duplicates, refused). Parsing happens before the
    write lock is taken; a caller that parsed already (in other processes) passes ``parsed``.
    Only the size rule applies: an import is the list's own history, not new posts.
    """
    parsed_all = list(zip(raws, parsed if parsed is not None else map(parse, raws)))

    def work(session):
        mailing_list = find_list(session, address)
        if mailing_list is None:
            raise UnknownList(address)
        entries, refused = [], 0
        for raw, parsed_one in parsed_all:
            try:
                rules.size(session, rules.Submission(raw, parsed_one, mailing_list, "", (),
                                                     settings))
            except Rejected:
                refused += 1
                continue
            entries.append(Entry.of(raw, parsed_one, settings.mail_domain))
        stored = store(session, mailing_list.id, entries)
        archive_steps(session, settings, [s.filed for s in stored if s.filed is not None])
        created = [s.pk for s in stored if s.created]
        return created, len(stored) - len(created), refused

    return writer.transaction(settings, work)
