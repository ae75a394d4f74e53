"""Reading pages and feeds as a browser and a feed reader would: forms' CSRF tokens, the
elements a page builds, Atom parsed back.

Plain functions shared by the web, feed, form and reindex tests; no fixtures live here.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import feedparser

A = "{http://www.w3.org/2005/Atom}"
# the feeds that show the ``thread`` fixture (tests/conftest.py)
FEEDS = ("/feeds/all.atom", "/a/lille/atom", "/l/semences@lists.test/atom",
         "/t/reply-1@example.org/atom")


def fetch(client, url: str) -> tuple[ET.Element, bytes]:
    """An Atom feed fetched, checked by a real feed parser, and parsed as XML."""
    response = client.get(url)
    assert response.status_code == 200, url
    assert response.mimetype == "application/atom+xml"
    body = response.get_data()
    parsed = feedparser.parse(body)
    assert not parsed.bozo, parsed.get("bozo_exception")
    return ET.fromstring(body), body


def csrf_token(client, path: str) -> str:
    """The CSRF token of the first form on a page (Flask-WTF), for tests that POST forms."""
    page = client.get(path).get_data(as_text=True)
    return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)


class Tags(HTMLParser):
    """Every element and attribute a browser would build from a page."""

    def __init__(self, html: str):
        super().__init__()
        self.found: list[tuple[str, dict]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))


def assert_inert(html: str) -> None:
    """No script, frame or style element, no event handler, no javascript: URL."""
    for tag, attrs in Tags(html).found:
        assert tag not in ("script", "iframe", "style", "object", "embed"), tag
        assert not [a for a in attrs if a.startswith("on")], (tag, attrs)
        for name in ("href", "src", "action"):
            assert not (attrs.get(name) or "").strip().lower().startswith("javascript:"), attrs
