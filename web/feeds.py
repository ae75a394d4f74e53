"""Atom feeds (RFC 4287) for everything, each assembly, list and thread, and the OPML list.

Feeds hold the latest PAGE messages and link older pages with ``rel="next"`` (RFC 5005)
through a keyset cursor ``?before=<date>,<Message-ID>``, so walking ``next`` visits every
message exactly once. Deleted messages become tombstones (RFC 6721) in the same slot.

Other blueprints reuse ``respond(key, stamp, build)``: ``build()`` returns the Atom bytes and
their date; the result is cached in process while ``stamp`` (a cheap freshness query, see
``federation.reading.queries.freshness``) is unchanged, and served with ETag / Last-Modified, so a
conditional GET gets ``304 Not Modified``. ``outlines()`` lists these feeds for /feeds.opml
(``web/opml.py``).
"""
from __future__ import annotations

import hashlib
import threading
import time
from collections import OrderedDict
from datetime import datetime, timedelta, timezone
from typing import Callable
from urllib.parse import quote

from flask import Blueprint, Response, abort, request
from flask_babel import force_locale, gettext as _

from federation.reading import queries
from feeds import links
from feeds.atom import FeedSpec, message_entry, message_tombstone, render_feed
from feeds.opml import Outline

from web.session import db, settings

bp = Blueprint("feeds", __name__)
PAGE = 50
ATOM_TYPE = "application/atom+xml; charset=utf-8"
CACHE_SIZE = 512
# The freshness stamp catches arrivals and deletions; expiry bounds anything else (edits).
CACHE_SECONDS = 60

_cache: OrderedDict = OrderedDict()
_lock = threading.Lock()


def cached(key: tuple, stamp: tuple, build: Callable[[], tuple[bytes, datetime]]):
    """The (body, etag, modified) for key, rebuilt when its stamp changed or it expired.

    Every stamp also holds the lists' current visibility (``queries.visibility``): a list made
    private leaves every cached page and feed at once, and ``modified`` is never before the
    change, so neither an old ETag nor an old If-Modified-Since gets a 304 of it."""
    seen = queries.visibility(db())
    stamp = (stamp, seen)
    now = time.monotonic()
    with _lock:
        hit = _cache.get(key)
        if hit and hit[0] == stamp and now - hit[1] < CACHE_SECONDS:
            _cache.move_to_end(key)
            return hit[2]
    body, modified = build()
    if seen[0] is not None:
        # HTTP dates have whole seconds: round the change up, so an If-Modified-Since taken
        # in the same second as the change still sees a newer document
        changed = seen[0].replace(microsecond=0) + timedelta(seconds=1)
        modified = max(modified, changed) if modified is not None else changed
    value = (body, hashlib.sha256(body).hexdigest()[:32], modified)
    with _lock:
        _cache[key] = (stamp, now, value)
        _cache.move_to_end(key)
        while len(_cache) > CACHE_SIZE:
            _cache.popitem(last=False)
    return value


def forget() -> None:
    """Drop every cached document (the web server's master, after its warm-up renders)."""
    with _lock:
        _cache.clear()


def respond(key: str, stamp: tuple, build: Callable[[], tuple[bytes, datetime]]) -> Response:
    """Serve a cached Atom document with ETag and Last-Modified, or 304 when unchanged."""
    # the documents hold absolute links: one database served under two base URLs (tests,
    # benchmarks) must not share them
    full_key = (settings().database_url, settings().base_url, key, request.args.get("before", ""))
    body, etag, modified = cached(full_key, stamp, build)
    response = Response(body, headers={"Content-Type": ATOM_TYPE,
                                       # shared caches may keep it but must revalidate (RFC 9111
                                       # §5.2.2.4): a list made private is gone at once
                                       "Cache-Control": "public, no-cache"})
    response.set_etag(etag)
    response.last_modified = modified.replace(tzinfo=timezone.utc, microsecond=0)
    return response.make_conditional(request)


def lookup(query: Callable, segment: str):
    """The row a routed Message-ID names (``links.unquote_id``), else as written (old links)."""
    message_id = links.unquote_id(segment)
    found = query(db(), message_id)
    if found is None and message_id != segment:
        found = query(db(), segment)
    return found if found is not None else abort(404)


def _url(path: str, before: str = "") -> str:
    url = links.absolute(settings().base_url, path)
    return f"{url}?before={quote(before, safe='@:,')}" if before else url


def _previous(scope: queries.Scope, rows: list, before) -> str:
    """The cursor of the newer page (RFC 5005 rel="previous"), "" for the first page."""
    newer = queries.newer_messages(db(), scope, (rows[0].date, rows[0].message_id), PAGE + 1) \
        if rows else []
    if len(newer) <= PAGE:
        return ""
    return links.cursor(newer[PAGE].date, newer[PAGE].message_id)


def _build(scope: queries.Scope, title: str, feed_path: str, page_path: str):
    """A build() for respond(): one page of a scope's messages as Atom."""
    def build() -> tuple[bytes, datetime]:
        base = settings().base_url
        before = links.parse_cursor(request.args.get("before"))
        rows = queries.feed_messages(db(), scope, before=before, limit=PAGE + 1)
        rows, older = rows[:PAGE], rows[PAGE:]
        next_cursor = links.cursor(rows[-1].date, rows[-1].message_id) if older else ""
        previous = ""
        if before is not None:
            previous = _previous(scope, rows, before) or "first"
        entries = [message_entry(base, r) for r in rows if not r.deleted]
        stones = [message_tombstone(base, r) for r in rows if r.deleted]
        updated = max((r.date for r in rows), default=datetime(2000, 1, 1))
        spec = FeedSpec(
            id=_url(feed_path), title=title, self_url=_url(feed_path, request.args.get("before", "")),
            alternate_url=_url(page_path), updated=updated, language=settings().language,
            first_url=_url(feed_path), next_url=_url(feed_path, next_cursor) if next_cursor else "",
            previous_url=("" if not previous else _url(feed_path) if previous == "first"
                          else _url(feed_path, previous)),
            complete=before is None and not next_cursor)
        stamp = queries.freshness(db(), scope)
        modified = stamp[0] or updated
        return render_feed(spec, entries, stones), modified
    return build


def _serve(scope: queries.Scope, title: str, feed_path: str, page_path: str) -> Response:
    return respond(scope.key, queries.freshness(db(), scope),
                   _build(scope, title, feed_path, page_path))


@bp.get("/feeds/all.atom")
def everything():
    """Every public list's messages."""
    with force_locale(settings().language):
        title = _("Relais: all public lists")
    return _serve(queries.all_scope(), title, "/feeds/all.atom", "/")


@bp.get("/a/<slug>/atom")
def assembly(slug: str):
    """An assembly's public lists."""
    found, lists = queries.assembly(db(), slug) or abort(404)
    path = links.assembly_path(slug)
    return _serve(queries.assembly_scope(found, lists), found.name, path + "atom", path)


@bp.get("/l/<address>/atom")
def mailing_list(address: str):
    """One public list."""
    ml = queries.public_list(db(), address) or abort(404)
    path = links.list_path(ml.address)
    return _serve(queries.list_scope(ml), f"{ml.name or ml.address} ({ml.assembly.name})",
                  path + "atom", path)


@bp.get("/t/<path:message_id>/atom")
def thread(message_id: str):
    """One thread, whichever of its Message-IDs is asked for."""
    found = lookup(queries.thread, message_id)
    path = links.thread_path(found.root_message_id)
    return _serve(queries.thread_scope(found), found.subject or found.root_message_id,
                  path + "atom", path)


def outlines() -> list[Outline]:
    """This blueprint's feeds: everything, each assembly, each public list."""
    base = settings().base_url
    with force_locale(settings().language):
        items = [Outline(_("Relais: all public lists"), base + "/feeds/all.atom", base + "/")]
    for group, lists in queries.assemblies(db()):
        path = links.assembly_path(group.slug)
        if lists:
            items.append(Outline(group.name, base + path + "atom", base + path))
        for ml in lists:
            path = links.list_path(ml.address)
            items.append(Outline(f"{ml.name or ml.address} ({group.name})",
                                 base + path + "atom", base + path))
    return items
