"""Reading by theme: every theme with its counts per assembly, each theme's threads, their feeds.

A merged theme's old address redirects to the survivor, so links and feed subscriptions
keep working; a retired theme answers 404. Private lists never appear here.
"""
from __future__ import annotations

from datetime import datetime

from flask import Blueprint, Response, abort, redirect, render_template, request, url_for
from flask_babel import force_locale, get_locale, gettext as _

from federation.reading import queries, theme_queries
from feeds import links
from feeds.atom import FeedSpec, message_entry, render_feed
from feeds.opml import Outline

from web.feeds import respond
from web.session import db, settings

bp = Blueprint("themes", __name__)
PAGE = 30
PAGE_ARGS = ("assembly", "before", "lang")  # what the theme page reads from its query
FEED_ENTRIES = 50


def _label(theme) -> str:
    """A theme's label in the interface language, for pages and feed titles."""
    return theme.label_en if str(get_locale() or "fr") == "en" else theme.label_fr


def _readable(slug: str):
    """The theme asked for (the survivor of a merge), or a 404."""
    return theme_queries.readable(db(), slug) or abort(404)


@bp.get("/themes/")
def index():
    """All themes, with the number of public threads of each assembly."""
    groups = [group for group, lists in queries.assemblies(db()) if lists]
    return render_template("themes/index.html", counts=theme_queries.counts(db()),
                           assemblies=groups, label=_label)


@bp.get("/themes/<slug>/")
def theme(slug: str):
    """The threads of one theme from every assembly, newest activity first."""
    found = _readable(slug)
    if found.slug != slug:
        # only the page's own arguments follow: "_external", "_scheme"… would make url_for
        # build an absolute URL on the request's (forgeable) Host, an open redirect
        kept = {k: request.args[k] for k in PAGE_ARGS if k in request.args}
        return redirect(url_for("themes.theme", slug=found.slug, **kept), 301)
    chosen = request.args.get("assembly", "")
    before = links.parse_cursor(request.args.get("before"))
    rows = theme_queries.threads(db(), found, chosen, before, limit=PAGE + 1)
    shown, next_cursor = rows[:PAGE], ""
    if len(rows) > PAGE:
        next_cursor = links.cursor(shown[-1].last_activity, shown[-1].root_message_id)
    groups = [group for group, lists in queries.assemblies(db()) if lists]
    return render_template("themes/theme.html", theme=found, threads=shown, label=_label,
                           assemblies=groups, chosen=chosen, next_cursor=next_cursor,
                           paged=before is not None)


def _feed(found, path: str, page_path: str, title: str) -> Response:
    """Serve the newest messages of a theme's threads (any theme's when None) as Atom."""
    def build() -> tuple[bytes, datetime]:
        base = settings().base_url
        rows = theme_queries.messages(db(), found, limit=FEED_ENTRIES)
        tags = theme_queries.slugs_of(db(), {row.thread_id for row in rows})
        entries = [message_entry(base, row, tuple(tags.get(row.thread_id, ()))) for row in rows]
        updated = max((row.date for row in rows), default=datetime(2000, 1, 1))
        spec = FeedSpec(id=base + path, title=title, self_url=base + path,
                        alternate_url=base + page_path, updated=updated,
                        language=settings().language)
        return render_feed(spec, entries), updated
    key = f"theme:{found.slug if found is not None else '*'}"
    return respond(key, theme_queries.freshness(db(), found), build)


@bp.get("/themes/atom")
def everything():
    """The newest messages of every themed thread, each with its themes as categories."""
    with force_locale(settings().language):
        title = _("Relais: threads by theme")
    return _feed(None, "/themes/atom", "/themes/", title)


@bp.get("/themes/<slug>/atom")
def theme_feed(slug: str):
    """The newest messages of one theme's threads, from every assembly."""
    found = _readable(slug)
    if found.slug != slug:
        return redirect(url_for("themes.theme_feed", slug=found.slug), 301)
    with force_locale(settings().language):
        title = _("Relais theme: %(label)s", label=_label(found))
    return _feed(found, f"/themes/{found.slug}/atom", f"/themes/{found.slug}/", title)


def outlines() -> list[Outline]:
    """The theme feeds, for /feeds.opml."""
    base = settings().base_url
    with force_locale(settings().language):
        items = [Outline(_("Relais: threads by theme"), base + "/themes/atom", base + "/themes/")]
        for found in theme_queries.active_themes(db()):
            path = f"{base}/themes/{found.slug}/"
            items.append(Outline(_("Relais theme: %(label)s", label=_label(found)),
                                 path + "atom", path))
    return items


@bp.app_context_processor
def helpers() -> dict:
    """``thread_themes(thread)`` for the thread page's themes and their explanation."""
    return {"thread_themes": lambda thread: theme_queries.shown(db(), thread.id)}
