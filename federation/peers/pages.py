"""Reading one page of a peer's federation feed: the only module importing defusedxml.

The page is untrusted. It is parsed with DTDs and entity expansion refused (a "billion
laughs" or an external entity never expands); a document that is not XML, not Atom or not
a federation feed is a ``PageError``; an entry that lacks what a mirror needs is dropped
with its reason in ``Page.rejected`` while the rest of the page is taken. The names of the
format (namespaces, link relations) are defined here and rendered by ``feeds/federation.py``.
"""
from __future__ import annotations

import base64
import binascii
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from xml.etree.ElementTree import ParseError

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

ATOM = "http://www.w3.org/2005/Atom"
AT = "http://purl.org/atompub/tombstones/1.0"
RELAIS = "https://relais.invalid/ns/federation/1"
FEDERATION_REL = "https://relais.invalid/ns/federation"
FOLLOW_REL = "https://relais.invalid/ns/federation/follow"
ACK_REL = "https://relais.invalid/ns/federation/ack"
THEMES = "https://relais.invalid/ns/themes"
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_ADDRESS = re.compile(r"^[a-z0-9][a-z0-9._+-]{0,63}@[a-z0-9][a-z0-9.-]{0,189}$")
_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}$")
ACTIONS = ("", "redact", "delete")
REASONS = ("author", "legal", "spam")  # erasure.REASONS, as they travel


class PageError(Exception):
    """A page that cannot be read at all; str(self) is the logged reason."""


@dataclass(frozen=True)
class Item:
    """One change of a peer: a message (``raw`` inline or at ``raw_url``) or a tombstone."""

    message_id: str
    changed: datetime
    list_address: str
    list_id: str
    list_name: str
    assembly_slug: str
    assembly_name: str
    erased: str = ""          # "", "redact", "delete"
    reason: str = ""
    sha256: str = ""
    raw: bytes | None = None
    raw_url: str = ""
    themes: tuple[str, ...] = ()

    @property
    def key(self) -> tuple[datetime, str]:
        """Its place in the feed's order (newest first): (last change, Message-ID)."""
        return self.changed, self.message_id


@dataclass(frozen=True)
class Withdrawal:
    """A list-level tombstone: the origin withdrew a list from federation (made it private,
    or its owner took back their consent); ``feed_url`` is that list's federation feed."""

    list_address: str
    list_id: str
    list_name: str
    changed: datetime
    feed_url: str


@dataclass
class Page:
    """What one document says: its items in order, its links, and what was dropped."""

    items: list[Item] = field(default_factory=list)
    withdrawals: list[Withdrawal] = field(default_factory=list)
    rejected: list[str] = field(default_factory=list)
    links: dict[str, str] = field(default_factory=dict)  # rel → href
    title: str = ""

    @property
    def next_url(self) -> str:
        return self.links.get("next", "")


def when(text: str | None) -> datetime:
    """An RFC 3339 date as naive UTC (how every date is stored here)."""
    value = datetime.fromisoformat((text or "").strip().replace("Z", "+00:00"))
    if value.tzinfo is None:
        raise ValueError("a date without an offset")
    return value.astimezone(timezone.utc).replace(tzinfo=None)


def _text(node, tag: str) -> str:
    found = node.find(tag)
    return (found.text or "").strip() if found is not None else ""


def _identity(node) -> dict:
    listed = node.find(f"{{{RELAIS}}}list")
    assembly = node.find(f"{{{RELAIS}}}assembly")
    erased = node.find(f"{{{RELAIS}}}erased")
    message_id = _text(node, f"{{{RELAIS}}}message-id")
    if not message_id or len(message_id) > 995 or any(c in message_id for c in "<> \r\n"):
        raise ValueError(f"bad Message-ID {message_id[:80]!r}")
    if listed is None or assembly is None:
        raise ValueError("no relais:list or relais:assembly")
    address = listed.get("address", "").strip().lower()
    if not _ADDRESS.match(address):
        raise ValueError(f"bad list address {address[:80]!r}")
    slug = assembly.get("slug", "").strip().lower()
    if not _SLUG.match(slug):
        raise ValueError(f"bad assembly slug {slug[:80]!r}")
    action = erased.get("action", "") if erased is not None else ""
    reason = erased.get("reason", "") if erased is not None else ""
    if action not in ACTIONS or (action and reason not in REASONS):
        raise ValueError(f"bad erasure {action!r} {reason!r}")
    return dict(message_id=message_id, list_address=address,
                list_id=listed.get("list-id", "")[:255], list_name=listed.get("name", "")[:200],
                assembly_slug=slug, assembly_name=assembly.get("name", "")[:200],
                erased=action, reason=reason)


def _entry(node) -> Item:
    found = _identity(node)
    if found["erased"] == "delete":
        raise ValueError("a deleted message must be an at:deleted-entry")
    sha256 = _text(node, f"{{{RELAIS}}}sha256").lower()
    if not _SHA256.match(sha256):
        raise ValueError("no sha256")
    raw, raw_url = None, ""
    content = node.find(f"{{{ATOM}}}content")
    if content is not None and content.get("type") == "message/rfc822":
        try:
            raw = base64.b64decode("".join((content.text or "").split()), validate=True)
        except (binascii.Error, ValueError) as error:
            raise ValueError("content is not base64") from error
    for link in node.findall(f"{{{ATOM}}}link"):
        if link.get("rel") == "enclosure" and link.get("type") == "message/rfc822":
            raw_url = link.get("href", "")
    if raw is None and not raw_url:
        raise ValueError("neither inline content nor a raw link")
    themes = tuple(c.get("term", "") for c in node.findall(f"{{{ATOM}}}category")
                   if c.get("scheme") == THEMES and _SLUG.match(c.get("term", "")))
    return Item(changed=when(_text(node, f"{{{ATOM}}}updated")), sha256=sha256, raw=raw,
                raw_url=raw_url, themes=themes[:10], **found)


def _tombstone(node) -> Item:
    found = _identity(node)
    if found["erased"] != "delete":
        raise ValueError("a tombstone without relais:erased action=delete")
    return Item(changed=when(node.get("when")), **found)


def _withdrawal(node) -> Withdrawal:
    listed = node.find(f"{{{RELAIS}}}list")
    address = listed.get("address", "").strip().lower() if listed is not None else ""
    if not _ADDRESS.match(address):
        raise ValueError(f"bad list address {address[:80]!r}")
    feed_url = node.get("ref", "").strip()
    if not feed_url.startswith(("http://", "https://")) or len(feed_url) > 2000:
        raise ValueError("a withdrawal names no list feed")
    return Withdrawal(list_address=address, list_id=listed.get("list-id", "")[:255],
                      list_name=listed.get("name", "")[:200], changed=when(node.get("when")),
                      feed_url=feed_url)


def parse(body: bytes) -> Page:
    """Read one page; PageError when it is not a well-formed federation feed."""
    try:
        root = SafeET.fromstring(body, forbid_dtd=True)
    except (ParseError, DefusedXmlException, ValueError) as error:
        raise PageError(f"not a well-formed feed: {error.__class__.__name__}: {error}") from error
    if root.tag != f"{{{ATOM}}}feed":
        raise PageError(f"not an Atom feed (root {root.tag[:80]!r})")
    page = Page(title=_text(root, f"{{{ATOM}}}title")[:200])
    for link in root.findall(f"{{{ATOM}}}link"):
        if link.get("rel") and link.get("href"):
            page.links.setdefault(link.get("rel"), link.get("href"))
    for node in root:
        reader = {f"{{{ATOM}}}entry": _entry, f"{{{AT}}}deleted-entry": _tombstone}.get(node.tag)
        if reader is None:
            continue
        try:
            if reader is _tombstone and node.find(f"{{{RELAIS}}}withdrawn") is not None:
                page.withdrawals.append(_withdrawal(node))
                continue
            page.items.append(reader(node))
        except ValueError as error:
            ident = _text(node, f"{{{ATOM}}}id") or node.get("ref", "")
            page.rejected.append(f"{ident[:120]}: {error}")
    return page
