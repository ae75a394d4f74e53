"""The federation feed: Atom (RFC 4287) for peers, paged (RFC 5005), with tombstones
(RFC 6721) and a few ``relais:`` elements that carry what a mirror needs.

It is written with the standard library's ElementTree rather than feedgen: it is a machine
document, its entries and tombstones are interleaved in change order (feedgen puts extension
elements before entries), and it carries media content. Each entry has:

- ``atom:id`` ``mid:<Message-ID>`` (RFC 2392, as every Relais feed), ``atom:updated`` its last
  change (arrival or erasure), ``atom:published`` its Date;
- ``atom:link rel="enclosure" type="message/rfc822"`` to the raw bytes, and ``relais:sha256``;
- ``atom:content type="message/rfc822"``: the raw bytes themselves, base64 (RFC 4287
  §4.1.3.3), for messages up to ``exposure.INLINE_BYTES``;
- ``relais:message-id``, ``relais:in-reply-to``, ``relais:references`` (the headers as stored),
  ``relais:list`` (address, List-Id, name), ``relais:assembly`` (slug, name), one
  ``atom:category`` per theme slug (scheme ``THEMES``), RFC 4685 ``thr:in-reply-to``;
- for a redacted message ``relais:erased action="redact" reason="…"``.

A deleted message is an ``at:deleted-entry`` with the same ``relais:`` identity elements and
``relais:erased action="delete" reason="author|legal|spam"``.

A list withdrawn from federation (its owner made it private or took back their consent) is
a list-level ``at:deleted-entry`` whose ``ref`` is the list's federation feed (that feed's
``atom:id``), with ``relais:list``, ``relais:assembly`` and an empty ``relais:withdrawn``: it
heads the first page of the instance feed, and is all the list's own feed says, with 410 Gone.
"""
from __future__ import annotations

import base64
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Sequence
from urllib.parse import quote

from federation.peers.exposure import INLINE_BYTES, Exposed, Withdrawn
from federation.peers.pages import (ACK_REL, AT, ATOM, FEDERATION_REL, FOLLOW_REL,  # noqa: F401
                                    RELAIS, THEMES)

from feeds import links
from feeds.characters import xml_safe

THR = "http://purl.org/syndication/thread/1.0"
# The names of the format (namespaces; link relations, RFC 8288 §2.1.2 extension types, for
# the feed on a home page and where a follower registers and acknowledges) are the reader's.
for _prefix, _uri in (("", ATOM), ("at", AT), ("thr", THR), ("relais", RELAIS)):
    ET.register_namespace(_prefix, _uri)


@dataclass(frozen=True)
class FeedPage:
    """One page of a federation feed: its identity, links and date."""

    id: str
    title: str
    self_url: str
    alternate_url: str
    first_url: str
    updated: datetime
    next_url: str = ""
    follow_url: str = ""
    ack_url: str = ""
    hub_url: str = ""  # WebSub (fedpush fills it)


def _when(value: datetime) -> str:
    value = value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value
    return value.isoformat(timespec="microseconds")


def _sub(parent, tag: str, text: str = "", **attrs) -> ET.Element:
    node = ET.SubElement(parent, tag, {k.replace("_", "-"): xml_safe(str(v))
                                       for k, v in attrs.items() if v != ""})
    if text:
        node.text = xml_safe(text)
    return node


def _identity(node, item: Exposed) -> None:
    _sub(node, f"{{{RELAIS}}}message-id", item.message_id)
    _sub(node, f"{{{RELAIS}}}list", address=item.list_address, list_id=item.list_id,
         name=item.list_name)
    _sub(node, f"{{{RELAIS}}}assembly", slug=item.assembly_slug, name=item.assembly_name)
    if item.erased:
        _sub(node, f"{{{RELAIS}}}erased", action=item.erased, reason=item.reason)


def _entry(feed, base_url: str, item: Exposed) -> None:
    entry = _sub(feed, f"{{{ATOM}}}entry")
    _sub(entry, f"{{{ATOM}}}id", links.entry_id(item.message_id))
    _sub(entry, f"{{{ATOM}}}title", item.subject or "(sans objet)")
    _sub(entry, f"{{{ATOM}}}updated", _when(item.changed))
    if item.date is not None:
        _sub(entry, f"{{{ATOM}}}published", _when(item.date))
    author = _sub(entry, f"{{{ATOM}}}author")
    _sub(author, f"{{{ATOM}}}name", item.author or "?")
    permalink = links.permalink(base_url, item.message_id)
    _sub(entry, f"{{{ATOM}}}link", rel="alternate", type="text/html", href=permalink)
    _sub(entry, f"{{{ATOM}}}link", rel="enclosure", type="message/rfc822",
         href=permalink + "/raw", length=item.size)
    for slug in item.themes:
        _sub(entry, f"{{{ATOM}}}category", term=slug, scheme=THEMES)
    parents = item.in_reply_to.split() or item.references.split()
    if parents:
        _sub(entry, f"{{{THR}}}in-reply-to", ref=links.entry_id(parents[-1]),
             href=links.permalink(base_url, parents[-1]))
    _identity(entry, item)
    _sub(entry, f"{{{RELAIS}}}in-reply-to", item.in_reply_to)
    _sub(entry, f"{{{RELAIS}}}references", item.references)
    _sub(entry, f"{{{RELAIS}}}sha256", item.sha256)
    if item.raw is not None and len(item.raw) <= INLINE_BYTES:
        _sub(entry, f"{{{ATOM}}}content", base64.b64encode(item.raw).decode("ascii"),
             type="message/rfc822")


def _tombstone(feed, base_url: str, item: Exposed) -> None:
    stone = _sub(feed, f"{{{AT}}}deleted-entry", ref=links.entry_id(item.message_id),
                 when=_when(item.changed))
    _sub(stone, f"{{{ATOM}}}link", href=links.permalink(base_url, item.message_id))
    _identity(stone, item)


def list_feed_path(address: str) -> str:
    """The path of one list's federation feed (its ``atom:id``, with the base URL)."""
    return f"/federation/l/{quote(address, safe='@+.-_')}/feed"


def _withdrawal(feed, base_url: str, item: Withdrawn) -> None:
    stone = _sub(feed, f"{{{AT}}}deleted-entry",
                 ref=links.absolute(base_url, list_feed_path(item.list_address)),
                 when=_when(item.changed))
    _sub(stone, f"{{{ATOM}}}link", href=links.absolute(base_url, list_feed_path(item.list_address)))
    _sub(stone, f"{{{RELAIS}}}list", address=item.list_address, list_id=item.list_id,
         name=item.list_name)
    _sub(stone, f"{{{RELAIS}}}assembly", slug=item.assembly_slug, name=item.assembly_name)
    _sub(stone, f"{{{RELAIS}}}withdrawn")


def render(page: FeedPage, base_url: str, items: Sequence[Exposed],
           withdrawals: Sequence[Withdrawn] = ()) -> bytes:
    """The Atom document of one page (UTF-8 bytes): the withdrawn lists, then the items in
    the order given."""
    feed = ET.Element(f"{{{ATOM}}}feed")
    _sub(feed, f"{{{ATOM}}}id", page.id)
    _sub(feed, f"{{{ATOM}}}title", page.title)
    _sub(feed, f"{{{ATOM}}}updated", _when(page.updated))
    _sub(feed, f"{{{ATOM}}}generator", "Relais", uri="https://relais.invalid/")
    for rel, url, kind in (("self", page.self_url, "application/atom+xml"),
                           ("alternate", page.alternate_url, "text/html"),
                           ("first", page.first_url, "application/atom+xml"),
                           ("next", page.next_url, "application/atom+xml"),
                           ("hub", page.hub_url, ""),
                           (FOLLOW_REL, page.follow_url, ""),
                           (ACK_REL, page.ack_url, "")):
        if url:
            _sub(feed, f"{{{ATOM}}}link", rel=rel, href=url, type=kind)
    for withdrawn in withdrawals:
        _withdrawal(feed, base_url, withdrawn)
    for item in items:
        (_tombstone if item.erased == "delete" else _entry)(feed, base_url, item)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)
