"""Characters XML 1.0 forbids (C0 controls but tab/LF/CR, U+FFFE/U+FFFF) never reach a feed.

One form feed in one message used to turn every feed holding it into a 500, for good. The
hostile messages go through the real listener; every feed that holds them is parsed back
with an XML parser (and feedparser), and the raw bytes stay exactly as received.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import datetime

import feedparser
import pytest

from backends import FIXTURES
from federation.delivery import digests
from federation.lists import directory
from federation.storage.db import session_scope
from web import create_app

HOSTILE = FIXTURES / "hostile"
A = "{http://www.w3.org/2005/Atom}"
NOW = datetime(2025, 3, 12, 8, 0)  # the fixtures are dated in the week of 3–9 March 2025
# XML 1.0 §2.2 Char, negated: what must never appear in a document we serve
FORBIDDEN = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
FEEDS = ("/feeds/all.atom", "/a/lille/atom", "/l/semences@lists.test/atom",
         "/t/controle-c0@example.org/atom", "/t/controle-html@example.org/atom",
         "/themes/atom", "/themes/agriculture-alimentation/atom",
         "/search.atom?q=graines", "/search.atom?q=graines%0C%01", "/digests/atom")


def wire(raw: bytes) -> bytes:
    """The bytes as SMTP carries them (the ``send`` fixture normalises to CRLF too)."""
    return raw.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")


def parsed_back(client, url: str) -> tuple[ET.Element, str]:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    body = response.get_data()
    root = ET.fromstring(body)  # a strict XML 1.0 parser: raises on a forbidden character
    feed = feedparser.parse(body)
    assert not feed.bozo, (url, feed.get("bozo_exception"))
    text = body.decode("utf-8")
    assert not FORBIDDEN.search(text), url
    return root, text


@pytest.fixture
def hostile(send, lists):
    """The two hostile messages archived through the listener, and a digest issue."""
    for name in ("c0-controls.eml", "c0-html.eml"):
        code, reply = send(f"hostile/{name}", sender="amelie@example.org")
        assert code == 250, reply
    with session_scope(lists) as session:
        assert digests.publish(session, "week", NOW) is not None
    return lists


def test_every_feed_holding_control_characters_parses(hostile):
    client = create_app(hostile).test_client()
    for url in FEEDS:
        root, text = parsed_back(client, url)
        if url != "/digests/atom":
            ids = [e.find(A + "id").text for e in root.findall(A + "entry")]
            assert "mid:controle-c0@example.org" in ids or \
                "mid:controle-html@example.org" in ids, url
        assert "graines" in text, url   # the text is still there, only the controls went
    thread, text = parsed_back(client, "/t/controle-c0@example.org/atom")
    entry = thread.find(A + "entry")
    assert entry.find(A + "title").text.startswith("Troc #semences")
    assert "voici la liste" in entry.find(A + "content").text
    assert entry.find(f"{A}author/{A}name").text.startswith("Amélie")


def test_raw_bytes_and_pages_keep_what_was_sent(hostile):
    client = create_app(hostile).test_client()
    for name, mid in (("c0-controls.eml", "controle-c0@example.org"),
                      ("c0-html.eml", "controle-html@example.org")):
        raw = client.get(f"/m/{mid}/raw")
        assert raw.status_code == 200
        assert raw.get_data() == wire((HOSTILE / name).read_bytes())
        assert b"\x0c" in raw.get_data()
        page = client.get(f"/t/{mid}/")
        assert page.status_code == 200 and "graines" in page.get_data(as_text=True)
    download = client.get("/m/controle-c0@example.org/attachments/0")
    assert download.status_code == 200 and download.get_data().startswith(b"%PDF")
    assert not FORBIDDEN.search(download.headers["Content-Disposition"])


def test_opml_cleans_names_too(lists):
    with session_scope(lists) as session:
        directory.add_list(session, "bizarre", "lille", lists.mail_domain,
                           name="Liste\x0c bizarre\x01")
    response = create_app(lists).test_client().get("/feeds.opml")
    assert response.status_code == 200
    root = ET.fromstring(response.get_data())
    titles = [o.get("title") for o in root.iter("outline")]
    assert any(t and t.startswith("Liste") and "bizarre" in t for t in titles), titles
