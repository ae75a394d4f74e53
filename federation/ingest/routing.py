"""Mail in, by recipient: which list an address belongs to, and in which role.

The SMTP/LMTP adapter calls ``accepts`` at RCPT and ``receive`` at DATA. A posting address's
mail is filed (``filing.file_post``); a list's -join, -leave and -request go to
``commands``, -owner to ``moderation.forward_to_owners``, -bounces to ``lists.bounces``.
"""
from __future__ import annotations

import logging
import re
import time
from concurrent.futures import Future
from typing import Iterable

from federation import queue
from federation.ingest import commands, filing, moderation
from federation.lists import bounces
from federation.ingest.outcome import FAILED, REPORT, Outcome
from federation.ingest.posting import SMTP
from federation.storage.db import session_scope
from federation.lists.directory import find_list
from federation.errors import Rejected, UnknownList
from federation.storage.models import ROLES, MailingList
from federation.settings import Settings

log = logging.getLogger(__name__)
# The addresses every list also answers (Mailman's): commands, owners and VERP bounces.
_ROLE_ADDRESS = re.compile(r"^(?P<base>.+)-(?P<role>" + "|".join(ROLES) + r")"
                           r"(?:\+[^@]*)?@(?P<domain>[^@]+)$")


def destination(session, address: str) -> tuple[str, MailingList] | None:
    """The list an address belongs to, and its role: post, join, leave, request, owner, bounces.

    A list whose own name ends in "-owner" (say) is a list first; only ``-bounces`` takes a
    ``+tag`` (VERP, the recipient encoded after the plus).
    """
    mailing_list = find_list(session, address)
    if mailing_list is not None:
        # a peer's list mirrored here is read-only: its mail goes to its origin (issue 11)
        return ("post", mailing_list) if mailing_list.origin_peer_id is None else None
    match = _ROLE_ADDRESS.match(address.strip().strip("<>").lower())
    if match is None or ("+" in address and match["role"] != "bounces"):
        return None
    mailing_list = find_list(session, f"{match['base']}@{match['domain']}")
    if mailing_list is None or mailing_list.origin_peer_id is not None:
        return None
    return match["role"], mailing_list


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


def _answer(settings: Settings, raw: bytes, address: str, sender: str) -> Outcome | None:
    """Mail for a list's command, owner or bounce address: hand it over, return the Outcome.

    None means the address is a posting address (or unknown): the caller files it.
    """
    found = _lookup(settings, address)
    role, list_address = (found[0], found[1]) if found else ("post", "")
    if role in ("join", "leave", "request"):
        return commands.handle(settings, raw, address, sender)
    if role == "owner":
        return moderation.forward_to_owners(settings, raw, address, list_address)
    if role == "bounces":  # it may run on a worker
        queue.enqueue(settings, bounces.handle, raw, address)
        return Outcome(address, REPORT)
    return None


def receive_soon(settings: Settings, raw: bytes, recipients: Iterable[str], sender: str = "",
                 via: str = SMTP) -> Future | None:
    """``receive`` without waiting, for an event loop: a Future of the Outcomes (settle them
    afterwards, ``filing.settle``). Only for mail whose every recipient is a posting
    address the route cache knows (the common case, which needs no thread of its own);
    None otherwise: use ``receive``."""
    recipients = tuple(recipients)
    routes = [_cached_route(settings, address) for address in recipients]
    if not recipients or any(route is None or route[0] != "post" for route in routes):
        return None
    return filing.file_post_soon(settings, raw, recipients, sender, via)


def receive(settings: Settings, raw: bytes, recipients: Iterable[str], sender: str = "",
            via: str = SMTP) -> list[Outcome]:
    """Take one message for each recipient address; one ``Outcome`` per recipient.

    Never raises for bad input: a refusal is a REFUSED outcome; an unexpected failure
    FAILED (try again later), so the sending MTA keeps the message and nothing is lost.
    """
    recipients = tuple(recipients)
    outcomes: list[Outcome | None] = [None] * len(recipients)
    posts: list[int] = []
    for index, address in enumerate(recipients):
        try:
            outcomes[index] = _answer(settings, raw, address, sender)
        except Rejected as refusal:
            outcomes[index] = Outcome.refused(address, refusal)
            continue
        except Exception:
            log.exception("could not route a message for %s", address)
            outcomes[index] = Outcome(address, FAILED)
            continue
        if outcomes[index] is None:
            posts.append(index)
    if posts:
        filed = filing.file_post(settings, raw, [recipients[i] for i in posts], sender, via)
        for index, outcome in zip(posts, filed):
            outcomes[index] = outcome
    return outcomes
