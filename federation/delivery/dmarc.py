"""DMARC (RFC 7489): should the list rewrite From before relaying a member's message?

When the author's domain publishes ``p=reject`` or ``p=quarantine``, a list that adds a
subject tag or a footer breaks the author's DKIM signature, and receivers would refuse the
copies. The list then sends From "Name via List" <list address> (Sympa's and Mailman's
``munge_from``). TXT look-ups go through the resolver the composition root gives
(``use_system_resolver``: dnspython in ``mail/resolver.py``, with a short timeout), behind an
in-memory cache (positive and negative); a failed look-up means "no policy" and never blocks
delivery.
The organisational domain comes from the Public Suffix List bundled with tldextract:
nothing is downloaded at run time.
"""
from __future__ import annotations

import functools

import hashlib
import logging
import threading
import time
from dataclasses import dataclass
from typing import Callable


log = logging.getLogger(__name__)
TIMEOUT = 2.0
TTL = 3600.0
NEGATIVE_TTL = 600.0
FAILURE_TTL = 120.0
MODES = ("policy", "always", "never")
Resolver = Callable[[str], list[str]]

_CACHE: dict[str, tuple[float, "Policy | None"]] = {}
_LOCK = threading.Lock()
_RESOLVER: list[Resolver] = []  # the look-up ``use_resolver`` set; empty: the system's DNS
_SYSTEM: list[Resolver] = []  # the system's DNS, given by the composition root


class LookupFailed(Exception):
    """A TXT look-up that got no answer (time-out, server failure): treated as no policy."""


@dataclass(frozen=True)
class Policy:
    """The parts of a DMARC record a list cares about."""

    p: str
    sp: str
    pct: int


@functools.lru_cache(maxsize=1)
def _extractor():
    """tldextract and its bundled list, loaded at the first look-up: with requests it weighs
    18 MB, which the web server's processes need only when a forum post is filed."""
    import tldextract
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


def organisational_domain(domain: str) -> str:
    """The registrable domain under the public suffix (RFC 7489 3.2), e.g. mail.x.co.uk → x.co.uk."""
    domain = domain.strip().rstrip(".").lower()
    found = _extractor()(domain)
    if found.domain and found.suffix:
        return f"{found.domain}.{found.suffix}"
    return domain


def parse_record(text: str) -> Policy | None:
    """Read ``v=DMARC1; p=…; sp=…; pct=…``; anything else is not a DMARC record."""
    tags = {}
    for part in text.split(";"):
        key, _, value = part.strip().partition("=")
        tags[key.strip().lower()] = value.strip().lower()
    if tags.get("v") != "dmarc1" or "p" not in tags:
        return None
    try:
        pct = max(0, min(100, int(tags.get("pct", "100"))))
    except ValueError:
        pct = 100
    return Policy(p=tags["p"], sp=tags.get("sp", tags["p"]), pct=pct)


def _record_at(domain: str, resolver: Resolver) -> Policy | None:
    """The DMARC record published at ``_dmarc.<domain>``, if exactly one parses."""
    found = [policy for policy in map(parse_record, resolver(f"_dmarc.{domain}")) if policy]
    return found[0] if len(found) == 1 else None  # RFC 7489 6.6.3: several → none


def _cached(domain: str, resolver: Resolver) -> Policy | None:
    now = time.monotonic()
    key = f"{id(resolver)}:{domain}"
    with _LOCK:
        hit = _CACHE.get(key)
    if hit and hit[0] > now:
        return hit[1]
    try:
        policy = _record_at(domain, resolver)
        ttl = TTL if policy else NEGATIVE_TTL
    except (LookupFailed, OSError, TimeoutError, ValueError) as error:
        log.warning("DMARC look-up for %s failed (%s): treated as no policy", domain, error)
        policy, ttl = None, FAILURE_TTL
    with _LOCK:
        _CACHE[key] = (now + ttl, policy)
    return policy


def lookup(domain: str, resolver: Resolver | None = None) -> Policy | None:
    """The policy that applies to mail From ``domain`` (the organisational record's sp= for subdomains)."""
    resolver = resolver or (_RESOLVER or _SYSTEM or [None])[0]
    if resolver is None:  # no DNS given (a bare test): no policy known
        return None
    domain = domain.strip().rstrip(".").lower()
    policy = _cached(domain, resolver)
    if policy is not None:
        return policy
    organisation = organisational_domain(domain)
    if organisation == domain:
        return None
    policy = _cached(organisation, resolver)
    return Policy(p=policy.sp, sp=policy.sp, pct=policy.pct) if policy else None


def forget() -> None:
    """Empty the cache (tests; a changed record)."""
    with _LOCK:
        _CACHE.clear()


def use_system_resolver(resolver: Resolver) -> None:
    """The look-up to use when no test has set one (the composition root gives DNS)."""
    _SYSTEM[:] = [resolver]


def use_resolver(resolver: Resolver | None) -> None:
    """Answer TXT look-ups with ``resolver`` (a test's fixed records), or, given None, with
    the system's DNS again; the cache starts empty either way."""
    _RESOLVER[:] = [resolver] if resolver else []
    forget()


def strict(policy: Policy | None, message_id: str) -> bool:
    """True when the policy asks receivers to refuse or quarantine this message.

    ``pct`` samples messages (RFC 7489 6.6.4); the sample is decided by the Message-ID, so
    every copy of one message gets the same treatment (Mailman ignored pct, #1004).
    """
    if policy is None or policy.p not in ("reject", "quarantine"):
        return False
    if policy.pct >= 100:
        return True
    bucket = int(hashlib.sha256(message_id.encode("utf-8")).hexdigest()[:8], 16) % 100
    return bucket < policy.pct


def must_munge(mode: str, from_addr: str, message_id: str,
               resolver: Resolver | None = None) -> bool:
    """Whether the list rewrites From: per-list mode always / never / policy (the default)."""
    if mode == "always":
        return True
    if mode == "never" or "@" not in from_addr:
        return False
    try:
        return strict(lookup(from_addr.rsplit("@", 1)[1], resolver), message_id)
    except Exception:  # a look-up failure never blocks delivery
        log.exception("DMARC check failed for %s", from_addr)
        return False
