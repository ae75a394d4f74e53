"""The activity page: messages per week per assembly, list and theme (SVG charts), the themes
rising across assemblies, the busiest threads, and what waits (held messages, bounces).

The figures are computed once a minute per set of visible lists (``CACHE``): the page is a
dashboard, and under load every moderator of the same lists reads the same figures.
"""
from __future__ import annotations

import threading
import time

from flask import Response, abort, render_template, request
from flask_babel import get_locale
from flask_babel import gettext as _

from federation.lists import permissions
from federation.reading import activity
from federation.storage.models import utcnow

from web.console import access, charts
from web.console.blueprint import bp
from web.session import db, settings

TTL = 60.0  # seconds a computed summary is shown before it is computed again
CACHE: dict[tuple, tuple[float, activity.Activity]] = {}
SVGS: dict[tuple, tuple[activity.Activity, bytes]] = {}  # each chart drawn once per summary
_LOCK = threading.Lock()
KINDS = ("assembly", "list", "theme")


def figures() -> activity.Activity:
    """The summary for the lists the principal may see, from the cache when fresh."""
    ids = tuple(sorted(found.id for found in db().scalars(
        permissions.visible_lists(db(), access.principal(), "moderate"))))
    key = (settings().database_url, ids)
    now = time.monotonic()
    cached = CACHE.get(key)
    if cached is not None and now - cached[0] < TTL:
        return cached[1]
    computed = activity.summary(db(), list(ids), utcnow())
    with _LOCK:
        if len(CACHE) > 256:
            CACHE.clear()
        CACHE[key] = (now, computed)
    return computed


@bp.get("/activity")
@access.signed_in
def activity_page():
    """Activity at a glance."""
    return render_template("console/activity.html", figures=figures(), kinds=KINDS,
                           stamp=int(time.time() // TTL))


@bp.get("/activity/<kind>.svg")
@access.signed_in
def activity_chart(kind: str):
    """One weekly chart as an SVG image (no script in it, only its own style)."""
    if kind not in KINDS:
        abort(404)
    found = figures()
    key = (id(found), kind, str(get_locale()))
    cached = SVGS.get(key)
    if cached is None or cached[0] is not found:  # drawn once per summary and language
        series = {"assembly": found.by_assembly, "list": found.by_list,
                  "theme": found.by_theme}
        titles = {"assembly": _("Messages per week, by assembly"),
                  "list": _("Messages per week, by list"),
                  "theme": _("Messages per week, by theme")}
        cached = (found, charts.weekly(titles[kind], found.weeks, series[kind],
                                       others=_("others")))
        with _LOCK:
            if len(SVGS) > 256:
                SVGS.clear()
            SVGS[key] = cached
    return Response(cached[1], mimetype="image/svg+xml", headers={
        "Content-Security-Policy": charts.CSP, "Cache-Control": "private, max-age=60",
        "Vary": "Cookie", "Content-Language": request.accept_languages.best or "fr"})
