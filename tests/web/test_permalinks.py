"""Permalinks are unambiguous: a Message-ID ending in /raw, /atom, /mbox or /attachments/N
has its own permalink, its own raw bytes, and the Archived-At of every member's copy names it.

Messages go through the real listener and out to a real SMTP sink; the links are read back
from the copies' Archived-At headers and followed with the Flask client.
"""
from __future__ import annotations

import re
from email.utils import formatdate

import feedparser
import pytest
from sqlalchemy import select

from backends import FIXTURES
from federation.storage.db import session_scope
from federation.lists.directory import find_list
from federation.storage.models import Member
from feeds import links
from web import create_app

pytestmark = pytest.mark.relay  # outgoing mail reaches the real SMTP sink

WEB = FIXTURES / "web"
# fixture file → the Message-ID it carries (one ordinary, the rest ending like our routes)
MESSAGES = {
    "mid-slash.eml": "piege@example.org",
    "mid-slash-raw.eml": "piege@example.org/raw",
    "mid-slash-atom.eml": "piege@example.org/atom",
    "mid-slash-mbox.eml": "piege@example.org/mbox",
    "mid-slash-attachments-0.eml": "piege@example.org/attachments/0",
    "mid-slash-2Fraw.eml": "piege@example.org%2Fraw",
}
BASE = "http://relais.test"



@pytest.fixture
def client(lists):
    return create_app(lists).test_client()


def marker(name: str) -> str:
    """The unique word each fixture's body carries."""
    return "unique-" + name[len("mid-"):-len(".eml")] + "."


def fresh(name: str) -> bytes:
    """A fixture with today's Date (old dates look like an import and are not delivered)."""
    raw = (WEB / name).read_bytes()
    return re.sub(rb"(?m)^Date: .*$", f"Date: {formatdate()}".encode(), raw, count=1)


@pytest.fixture
def archived(lists, send, sink):
    """Every fixture sent through the listener to a list with one member: {name: copy}."""
    with session_scope(lists) as session:
        session.add(Member(list_id=find_list(session, "semences@lists.test").id,
                           email="bob@example.net"))
    for name in MESSAGES:
        assert send(fresh(name))[0] == 250, name
    copies = {m.message["Message-ID"].strip("<>"): m.message for m in sink.to("bob@example.net")}
    assert sorted(copies) == sorted(MESSAGES.values())
    return {name: copies[mid] for name, mid in MESSAGES.items()}


def test_archived_at_of_each_copy_leads_to_that_message(archived, client):
    for name, mid in MESSAGES.items():
        archived_at = archived[name]["Archived-At"].strip("<>")
        assert archived_at.startswith(BASE + "/m/"), archived_at
        path = archived_at[len(BASE):]
        answer = client.get(path)
        assert answer.status_code == 302, (mid, path)
        page = client.get(answer.headers["Location"].split("#")[0])
        assert page.status_code == 200, (mid, answer.headers["Location"])
        html = page.get_data(as_text=True)
        assert marker(name) in html, mid
        others = [marker(n) for n in MESSAGES if n != name]
        assert not [m for m in others if m in html], mid
        assert f'id="{links.anchor(mid)}"' in html


def test_raw_link_of_each_message_serves_its_own_bytes(archived, client):
    for name, mid in MESSAGES.items():
        path = archived[name]["Archived-At"].strip("<>")[len(BASE):]
        raw = client.get(path + "/raw")
        assert raw.status_code == 200, mid
        assert f"Message-ID: <{mid}>".encode() in raw.data
        assert marker(name).encode() in raw.data


def test_thread_feed_and_mbox_of_each_message_are_its_own(archived, client):
    for name, mid in MESSAGES.items():
        feed = feedparser.parse(client.get(links.thread_path(mid) + "atom").data)
        assert [e.id for e in feed.entries] == [links.entry_id(mid)], mid
        mbox = client.get(links.thread_path(mid) + "mbox")
        assert mbox.status_code == 200 and f"<{mid}>".encode() in mbox.data, mid
        assert marker(name).encode() in mbox.data


def test_old_links_of_ordinary_message_ids_still_work(archived, client):
    answer = client.get("/m/piege@example.org")
    assert answer.status_code == 302
    assert answer.headers["Location"].startswith("/t/piege@example.org/")
    raw = client.get("/m/piege@example.org/raw")
    assert raw.status_code == 200 and b"unique-slash." in raw.data
    assert client.get("/m/%3Cpiege@example.org%3E").status_code == 302


def test_quoting_round_trips():
    for mid in [*MESSAGES.values(), "a%25b/c%2F@x", "é/é@x"]:
        segment = links.quote_id(mid)
        assert "/" not in segment
        from urllib.parse import unquote
        assert links.unquote_id(unquote(segment)) == mid
