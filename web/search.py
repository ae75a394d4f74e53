"""Search: ``/search`` (the page) and ``/search.atom`` (the same results as an Atom feed).

Both take ``q`` (words, "phrases", prefix*, -exclusions) and the filters ``assembly``,
``list``, ``theme``, ``author``, ``from`` and ``to`` (YYYY-MM-DD); private lists never show.
The feed lists the newest matches first, as a feed reader expects, and answers a
conditional GET with 304 while no message has arrived (``web.feeds.respond``). The page is
cached (``web.pagecache``): rendered once per query, language and archive freshness stamp (the
newest arrival and the number of deleted messages), so a hot search costs two index probes
and a new message is found on the next request.
"""
from __future__ import annotations

from datetime import date, datetime
from urllib.parse import urlencode

from flask import Blueprint, render_template, request
from flask_babel import force_locale, gettext as _
from markupsafe import Markup

from federation.reading import queries
from federation.archive import search
from federation.themes import tagging
from federation.archive.search import Filters
from feeds import links
from feeds.atom import FeedSpec, message_entry, render_feed

from web import feeds, language, pagecache
from web.session import db, settings

bp = Blueprint("search", __name__)
FEED_PAGE = 50
ARGS = ("q", "assembly", "list", "theme", "author", "from", "to", "sort")


def _date(name: str) -> date | None:
    try:
        return date.fromisoformat(request.args.get(name, "").strip())
    except ValueError:
        return None


def _asked() -> tuple[str, Filters, int]:
    """The query, filters and page number of this request (bad values are ignored)."""
    args = request.args
    filters = Filters(assembly=args.get("assembly", "").strip(), list=args.get("list", "").strip(),
                      theme=args.get("theme", "").strip(), author=args.get("author", "").strip(),
                      since=_date("from"), until=_date("to"))
    page = request.args.get("page", "1")
    number = int(page) if page.isascii() and page.isdigit() and len(page) < 6 else 1
    return args.get("q", "").strip()[:500], filters, max(1, min(number, search.MAX_PAGE))


def _query_string(page: int = 1, **extra) -> str:
    """This search's arguments (empty ones dropped), for paging and feed links."""
    values = {k: request.args.get(k, "") for k in ARGS}
    values.update(extra)
    if page > 1:
        values["page"] = str(page)
    return urlencode([(k, v) for k, v in values.items() if v])


@bp.get("/search")
def page():
    """The search form and one page of results with highlighted snippets."""
    query, filters, number = _asked()

    def render() -> str:
        results = search.search(db(), query, filters, page=number,
                                newest=request.args.get("sort") == "date")
        snippets = {hit.message.id: (Markup(hit.subject_html), Markup(hit.snippet_html))
                    for hit in results.hits}
        return render_template(
            "search.html", query=query, filters=filters, results=results, snippets=snippets,
            asked=bool(query) or not filters.empty, assemblies=queries.assemblies(db()),
            themes=[t for t in tagging.listed(db()) if not t.retired and not t.merged_into_id],
            feed_url="/search.atom?" + _query_string(sort=""),
            previous_url="?" + _query_string(number - 1) if number > 1 else "",
            next_url="?" + _query_string(number + 1) if results.has_next else "")

    key = (settings().database_url, "page:search?" + _query_string(number), language.choose())
    return pagecache.respond(key, lambda: queries.freshness(db(), queries.all_scope()), render)


@bp.get("/search.atom")
def atom():
    """The newest messages matching the search, as Atom (RFC 4287), paged (RFC 5005)."""
    query, filters, number = _asked()
    key = "search:" + _query_string(number, sort="")

    def build() -> tuple[bytes, datetime]:
        base = settings().base_url
        results = search.search(db(), query, filters, page=number, per_page=FEED_PAGE,
                                newest=True)
        url = links.absolute(base, "/search.atom?" + _query_string(sort=""))
        with force_locale(settings().language):
            title = _("Search: %(query)s", query=query or "…")
        updated = max((h.message.date for h in results.hits), default=datetime(2000, 1, 1))
        spec = FeedSpec(
            id=url, title=title, self_url=links.absolute(base, "/search.atom?" + _query_string(
                number, sort="")), alternate_url=links.absolute(base, "/search?" + _query_string()),
            updated=updated, language=settings().language, first_url=url,
            next_url=(links.absolute(base, "/search.atom?" + _query_string(number + 1, sort=""))
                      if results.has_next else ""),
            previous_url=(links.absolute(base, "/search.atom?" + _query_string(number - 1,
                                                                               sort=""))
                          if number > 1 else ""),
            complete=number == 1 and not results.has_next)
        entries = [message_entry(base, hit.message) for hit in results.hits]
        return render_feed(spec, entries), updated
    return feeds.respond(key, queries.freshness(db(), queries.all_scope()), build)
