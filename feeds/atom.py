"""Atom feeds (RFC 4287), the only module that imports feedgen.

Other modules describe a feed with plain dataclasses and call ``render_feed``::

    render_feed(FeedSpec(id=..., title=..., self_url=..., alternate_url=..., updated=...),
                [EntrySpec(id=..., title=..., updated=..., link=..., author=...)],
                [Tombstone(ref=..., when=...)]) -> bytes

``message_entry(base_url, row)`` builds the EntrySpec of an archived message (ids from the
Message-ID, ``thr:in-reply-to`` on replies, HTML sanitized and addresses obfuscated), so a
theme, search or digest feed only chooses which messages go in. Entries keep the order given
(feedgen prepends by default, hence ``order='append'``). Extensions written here: RFC 4685
``thr:in-reply-to``, RFC 6721 ``at:deleted-entry`` and RFC 5005 ``fh:complete``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Sequence

from feedgen.ext.base import BaseEntryExtension, BaseExtension
from feedgen.feed import FeedGenerator
from feedgen.util import xml_elem

from federation.reading.addresses import display_name, obfuscate

from feeds import content, links
from feeds.characters import xml_safe_fields

THR = "http://purl.org/syndication/thread/1.0"
AT = "http://purl.org/atompub/tombstones/1.0"
FH = "http://purl.org/syndication/history/1.0"


@dataclass(frozen=True)
class FeedSpec:
    """What a feed is: its id, title, links (self, alternate, RFC 5005 paging) and date."""

    id: str
    title: str
    self_url: str
    alternate_url: str
    updated: datetime
    subtitle: str = ""
    next_url: str = ""       # older entries (RFC 5005 §3)
    previous_url: str = ""   # newer entries
    first_url: str = ""      # the newest page
    complete: bool = False   # fh:complete: this one document holds every entry (RFC 5005 §2)
    language: str = "fr"


@dataclass(frozen=True)
class EntrySpec:
    """One entry: a stable id, title, date, link, author, and sanitized HTML content."""

    id: str
    title: str
    updated: datetime
    link: str
    author: str
    content_html: str = ""
    summary: str = ""
    published: datetime | None = None
    in_reply_to: str = ""        # the parent's entry id (RFC 4685 ref)
    in_reply_to_href: str = ""   # the parent's permalink
    categories: tuple[str, ...] = ()


@dataclass(frozen=True)
class Tombstone:
    """A deleted entry (RFC 6721): the id it had and when it went away."""

    ref: str
    when: datetime
    link: str = ""


def _utc(when: datetime) -> datetime:
    """Stored datetimes are naive UTC; Atom wants an explicit offset (RFC 3339)."""
    return when.replace(tzinfo=timezone.utc) if when.tzinfo is None else when


class _FeedExtension(BaseExtension):
    """Feed-level extension elements: tombstones and fh:complete."""

    def __init__(self):
        self.tombstones: Sequence[Tombstone] = ()
        self.complete = False

    def extend_ns(self):
        return {"thr": THR, "at": AT, "fh": FH}

    def extend_atom(self, feed):
        if self.complete:
            xml_elem(f"{{{FH}}}complete", feed)
        for stone in self.tombstones:
            node = xml_elem(f"{{{AT}}}deleted-entry", feed, ref=stone.ref,
                            when=_utc(stone.when).isoformat())
            if stone.link:
                xml_elem("{http://www.w3.org/2005/Atom}link", node, href=stone.link)
        return feed


class _EntryExtension(BaseEntryExtension):
    """Entry-level extension element: thr:in-reply-to (RFC 4685 §3)."""

    def __init__(self):
        self.ref = ""
        self.href = ""

    def extend_atom(self, entry):
        if self.ref:
            node = xml_elem(f"{{{THR}}}in-reply-to", entry, ref=self.ref)
            if self.href:
                node.attrib["href"] = self.href
                node.attrib["type"] = "text/html"
        return entry


def _add_entry(generator: FeedGenerator, spec: EntrySpec) -> None:
    entry = generator.add_entry(order="append")
    entry.id(spec.id)
    entry.title(spec.title or "(sans objet)")
    entry.updated(_utc(spec.updated))
    if spec.published:
        entry.published(_utc(spec.published))
    entry.link(href=spec.link, rel="alternate", type="text/html")
    entry.author(name=spec.author or "?")
    if spec.content_html:
        entry.content(spec.content_html, type="html")
    if spec.summary:
        entry.summary(spec.summary)
    for term in spec.categories:
        entry.category(term=term)
    entry.relais.ref = spec.in_reply_to
    entry.relais.href = spec.in_reply_to_href


def render_feed(feed: FeedSpec, entries: Sequence[EntrySpec],
                tombstones: Sequence[Tombstone] = ()) -> bytes:
    """Render one Atom document (UTF-8 bytes), entries in the order given.

    Every text goes through ``xml_safe`` first: a control character in one message must not
    make the whole document unparseable (XML 1.0 §2.2)."""
    feed = xml_safe_fields(feed)
    entries = [xml_safe_fields(spec) for spec in entries]
    tombstones = [xml_safe_fields(stone) for stone in tombstones]
    generator = FeedGenerator()
    generator.register_extension("relais", _FeedExtension, _EntryExtension, atom=True, rss=False)
    generator.id(feed.id)
    generator.title(feed.title)
    generator.updated(_utc(feed.updated))
    generator.language(feed.language)
    generator.generator("Relais", uri="https://relais.invalid/")
    if feed.subtitle:
        generator.subtitle(feed.subtitle)
    generator.link(href=feed.self_url, rel="self", type="application/atom+xml")
    generator.link(href=feed.alternate_url, rel="alternate", type="text/html")
    for rel, url in (("first", feed.first_url), ("next", feed.next_url),
                     ("previous", feed.previous_url)):
        if url:
            generator.link(href=url, rel=rel, type="application/atom+xml")
    generator.relais.tombstones = tombstones
    generator.relais.complete = feed.complete
    for spec in entries:
        _add_entry(generator, spec)
    return generator.atom_str(pretty=False, encoding="UTF-8")


def message_entry(base_url: str, row, categories: tuple[str, ...] = ()) -> EntrySpec:
    """The entry of an archived message; ``row`` has the Message columns (bodies undeferred)."""
    parents = (row.in_reply_to or "").split() or (row.references or "").split()
    parent = parents[-1] if parents else ""
    link = links.absolute(base_url, links.thread_path(row.message_id)) + "#" + links.anchor(row.message_id)
    return EntrySpec(
        id=links.entry_id(row.message_id), title=obfuscate(row.subject),
        updated=getattr(row, "erased_at", None) or row.date,  # a redaction updates the entry
        published=row.date, link=link, author=display_name(row.from_name, row.from_addr),
        content_html=content.entry_html(row.body_text, row.body_html),
        in_reply_to=links.entry_id(parent) if parent else "",
        in_reply_to_href=links.permalink(base_url, parent) if parent else "",
        categories=categories)


def message_tombstone(base_url: str, row) -> Tombstone:
    """The tombstone of a deleted message (RFC 6721).

    ``when`` is the erasure time; for rows deleted without one, the later of its date and its
    arrival: never before the entry's own ``updated``, and stable, so the ETag is too."""
    when = getattr(row, "erased_at", None) or max(
        d for d in (row.date, row.received_at) if d is not None)
    return Tombstone(ref=links.entry_id(row.message_id), when=when,
                     link=links.permalink(base_url, row.message_id))
