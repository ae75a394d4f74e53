"""/feeds.opml: every public feed in one OPML file, for feed readers.

Each blueprint with feeds gives its ``outlines()``; add yours to OUTLINES. Apart from
``web/feeds.py`` because the theme feeds reuse that module's ``respond``.
"""
from __future__ import annotations

from flask import Blueprint, Response

from feeds.opml import render_opml

from web import feeds, themes

bp = Blueprint("opml", __name__)
OUTLINES = (feeds.outlines, themes.outlines)


@bp.get("/feeds.opml")
def opml():
    """Every public feed in one OPML file, for feed readers."""
    items = [item for outlines in OUTLINES for item in outlines()]
    body = render_opml("Relais", items)
    return Response(body, headers={"Content-Type": "text/x-opml; charset=utf-8"})
