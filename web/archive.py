"""The public archive: home, assembly, list, thread and message pages, raw and mbox downloads.

Every URL is keyed by a Message-ID, list address or assembly slug (never a row id), and a
private list answers 404 everywhere, as if it did not exist.
"""
from __future__ import annotations

import functools
import hashlib
from datetime import datetime, timezone
from typing import Callable
from urllib.parse import quote

from babel import dates
from flask import Blueprint, Response, abort, redirect, render_template, request
from flask_babel import get_locale, get_timezone, ngettext
from markupsafe import Markup

from federation.reading import queries
from federation.reading.addresses import display_name, obfuscate
from federation.storage.db import session_scope
from federation.archive.message import attachment_bytes
from feeds import content, links, mbox

from web import language, pagecache
from web.feeds import cached, lookup
from web.session import db, settings

bp = Blueprint("archive", __name__)
PAGE = 30
HOME_THREADS = 20
# RFC 4155: the mbox media type; public-inbox and HyperKitty serve mboxrd with it.
MBOX_TYPE = "application/mbox"


def _page(rows: list, limit: int) -> tuple[list, str]:
    """Split a limit+1 keyset fetch into the rows to show and the next page's cursor."""
    if len(rows) <= limit:
        return rows, ""
    rows = rows[:limit]
    return rows, links.cursor(rows[-1].last_activity, rows[-1].root_message_id)


@bp.get("/")
def home():
    """Assemblies and the latest threads across all public lists."""
    threads = queries.latest_threads(db(), limit=HOME_THREADS)
    return render_template("home.html", assemblies=queries.assemblies(db()), threads=threads)


@bp.get("/a/<slug>/")
def assembly(slug: str):
    """An assembly: its public lists and their latest threads."""
    found = queries.assembly(db(), slug) or abort(404)
    group, lists = found
    threads = queries.latest_threads(db(), tuple(ml.id for ml in lists), limit=PAGE) if lists else []
    return render_template("assembly.html", assembly=group, lists=lists, threads=threads)


@bp.get("/l/<address>/")
def mailing_list(address: str):
    """A list's threads by latest activity, keyset paged with ?before=.

    The rendered page is cached under the list's freshness stamp, as its feed is: a hot list
    page costs two index probes, and answers 304 to a conditional GET.
    """
    ml = queries.public_list(db(), address) or abort(404)
    before = links.parse_cursor(request.args.get("before"))

    def render() -> tuple[bytes, datetime]:
        rows = queries.latest_threads(db(), (ml.id,), before=before, limit=PAGE + 1)
        threads, next_cursor = _page(rows, PAGE)
        html = render_template("list.html", ml=ml, threads=threads, next_cursor=next_cursor,
                               paged=before is not None)
        return html.encode("utf-8"), datetime.now(timezone.utc).replace(tzinfo=None)

    key = (settings().database_url, "page:l:" + ml.address, request.args.get("before", ""),
           language.choose())
    body, etag, _modified = cached(key, queries.freshness(db(), queries.list_scope(ml)), render)
    response = Response(body, mimetype="text/html")
    response.set_etag(etag)
    return response.make_conditional(request)


@bp.get("/t/<path:message_id>/")
def thread(message_id: str):
    """A thread in JWZ order, whichever of its Message-IDs is asked for.

    The rendered page is cached under the thread's stamp (``queries.thread_stamp``): a new
    or deleted message, a theme given or taken away, a renamed list all change it."""
    found = lookup(queries.thread, message_id)

    def render() -> str:
        messages = queries.thread_messages(db(), found)
        return render_template("thread.html", thread=found, ml=found.mailing_list,
                               messages=messages, asked=links.unquote_id(message_id),
                               medium_date=_medium_dates(), quoted_summary=_quoted_summaries())

    key = (settings().database_url, f"page:t:{found.id}", language.choose())
    return pagecache.respond(key, lambda: queries.thread_stamp(db(), found), render)


def _medium_dates() -> Callable[[datetime], str]:
    """``format_datetime(when, 'medium')`` for one page, the same text, with the locale and
    the time zone looked up once instead of once per message."""
    locale, zone = get_locale(), get_timezone()
    return lambda when: dates.format_datetime(when, "medium", tzinfo=zone, locale=locale)


def _quoted_summaries() -> Callable[[int], Markup]:
    """The summary of a folded quote by its number of lines, for one page: translated once
    per number, as Jinja's ``ngettext`` would give it (the number is the only variable)."""
    @functools.lru_cache(maxsize=None)
    def summary(count: int) -> Markup:
        return Markup(ngettext("%(num)d quoted line", "%(num)d quoted lines", count))
    return summary


@bp.get("/m/<path:message_id>")
def permalink(message_id: str):
    """The permalink of a message (Archived-At, RFC 5064): its place in its thread."""
    found = lookup(queries.message, message_id)
    return redirect(links.thread_path(found.message_id) + "#" + links.anchor(found.message_id))


@bp.get("/m/<path:message_id>/raw")
def raw(message_id: str):
    """The exact bytes received, unchanged (public-inbox's /raw)."""
    found = lookup(queries.message, message_id)
    if found.deleted:
        abort(410)
    data = queries.raw_bytes(db(), found)
    response = Response(data, mimetype="text/plain", headers={
        "Content-Type": "text/plain; charset=utf-8",
        "Content-Disposition": "inline",
        # public lists only reach here; shared caches keep the bytes but revalidate each time
        # (RFC 9111 §5.2.2.4), so a list made private is gone from them at once
        "Cache-Control": "public, no-cache"})
    response.set_etag(hashlib.sha256(data).hexdigest()[:32])
    return response.make_conditional(request)


def _disposition(filename: str) -> str:
    """RFC 6266 attachment disposition with an RFC 5987 UTF-8 filename."""
    ascii_name = filename.encode("ascii", "replace").decode().replace('"', "").replace("?", "_")
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename, safe='')}"


@bp.get("/m/<path:message_id>/attachments/<int:position>")
def attachment(message_id: str, position: int):
    """One attachment's bytes, always as a download (never rendered in our origin)."""
    found = lookup(queries.message, message_id)
    if found.deleted:
        abort(410)
    part = attachment_bytes(queries.raw_bytes(db(), found), position) or abort(404)
    filename, content_type, data = part
    if not content_type.isascii() or "/" not in content_type:
        content_type = "application/octet-stream"
    return Response(data, headers={
        "Content-Type": content_type, "Content-Disposition": _disposition(filename),
        "Content-Security-Policy": "sandbox; default-src 'none'"})


def _mbox_response(filename: str, **scope) -> Response:
    """Stream an mboxrd file (RFC 4155) in batches, from a session of its own."""
    current = settings()

    def generate():
        # a reader's transaction: a slow download must never hold SQLite's write lock
        with session_scope(current, write=False) as session:
            yield from mbox.render(queries.mbox_rows(session, **scope))
    return Response(generate(), headers={
        "Content-Type": MBOX_TYPE, "Content-Disposition": f'attachment; filename="{filename}"'})


@bp.get("/t/<path:message_id>/mbox")
def thread_mbox(message_id: str):
    """Every message of a thread as mboxrd."""
    found = lookup(queries.thread, message_id)
    return _mbox_response("thread.mbox", thread_id=found.id)


@bp.get("/l/<address>/mbox")
def list_mbox(address: str):
    """Every message of a list as mboxrd, oldest first."""
    ml = queries.public_list(db(), address) or abort(404)
    return _mbox_response(f"{ml.local_part}.mbox", list_id=ml.id)


@bp.app_template_global("author")
def author(message) -> str:
    """A sender's name as shown publicly (addresses obfuscated)."""
    return display_name(message.from_name, message.from_addr)


@bp.app_context_processor
def helpers() -> dict:
    """Link builders and text helpers every archive template uses."""
    return {"links": links, "obfuscate": obfuscate, "segments": content.segments,
            "safe_html": content.safe_html, "quoted_lines": content.quoted_lines}
