"""Atom feeds parsed back: RFC 4287 elements, RFC 4685 replies, RFC 5005 paging, RFC 6721."""
from __future__ import annotations

import xml.etree.ElementTree as ET

from sqlalchemy import update

from federation.ingest import filing
from federation.storage.db import session_scope
from federation.storage.models import Message
from backends import FIXTURES
from messages import deliver, root
from pages import A, FEEDS, assert_inert, fetch

THR = "{http://purl.org/syndication/thread/1.0}"
AT = "{http://purl.org/atompub/tombstones/1.0}"
WEB = FIXTURES / "web"


def assert_rfc4287(feed: ET.Element) -> None:
    """The elements RFC 4287 §4.1 requires of a feed and of each entry."""
    for name in ("id", "title", "updated"):
        assert feed.find(A + name) is not None and feed.find(A + name).text, name
    assert [link for link in feed.findall(A + "link") if link.get("rel") == "self"]
    for entry in feed.findall(A + "entry"):
        for name in ("id", "title", "updated"):
            assert entry.find(A + name) is not None and entry.find(A + name).text, name
        assert entry.find(f"{A}author/{A}name").text
        assert [link for link in entry.findall(A + "link") if link.get("rel", "alternate") == "alternate"]


def test_every_feed_is_valid_atom_with_stable_ids(thread, client):
    for url in FEEDS:
        feed, body = fetch(client, url)
        assert_rfc4287(feed)
        ids = [e.find(A + "id").text for e in feed.findall(A + "entry")]
        assert ids == ["mid:reply-1@example.org", "mid:root-jardin@example.org"], url
        again, _ = fetch(client, url)
        assert [e.find(A + "id").text for e in again.findall(A + "entry")] == ids
        assert "Jardin partagé" in body.decode()  # 8bit UTF-8 kept
        assert b"amelie@example.org" not in body and b"benoit@example.org" not in body


def test_reply_carries_thr_in_reply_to(thread, client):
    feed, _ = fetch(client, "/l/semences@lists.test/atom")
    entries = {e.find(A + "id").text: e for e in feed.findall(A + "entry")}
    reply = entries["mid:reply-1@example.org"].find(THR + "in-reply-to")
    assert reply is not None and reply.get("ref") == "mid:root-jardin@example.org"
    assert reply.get("href") == "http://relais.test/m/root-jardin@example.org"
    assert entries["mid:root-jardin@example.org"].find(THR + "in-reply-to") is None


def _walk(client, url: str) -> list[str]:
    seen = []
    while url:
        feed, _ = fetch(client, url.replace("http://relais.test", ""))
        seen += [e.find(A + "id").text for e in feed.findall(A + "entry")]
        seen += [s.get("ref") for s in feed.findall(AT + "deleted-entry")]
        nexts = [link.get("href") for link in feed.findall(A + "link") if link.get("rel") == "next"]
        url = nexts[0] if nexts else ""
    return seen


def test_paging_walk_visits_every_message_once(lists, client):
    raws = [root(n, day=1 + n % 7) for n in range(120)]
    assert filing.receive_batch(lists, "semences@lists.test", raws)[0] == 120
    deliver(lists, "root.eml", to="libre@lists.test")
    for url, expected in (("/l/semences@lists.test/atom", 120), ("/feeds/all.atom", 121)):
        seen = _walk(client, url)
        assert len(seen) == expected and len(set(seen)) == expected, url
    first, _ = fetch(client, "/l/semences@lists.test/atom")
    older = [link.get("href") for link in first.findall(A + "link") if link.get("rel") == "next"][0]
    second, _ = fetch(client, older.replace("http://relais.test", ""))
    rels = {link.get("rel"): link.get("href") for link in second.findall(A + "link")}
    assert rels["first"] == "http://relais.test/l/semences@lists.test/atom"
    assert rels["previous"] == "http://relais.test/l/semences@lists.test/atom"


def test_conditional_get_answers_304_until_a_message_arrives(thread, client):
    url = "/l/semences@lists.test/atom"
    first = client.get(url)
    etag, modified = first.headers["ETag"], first.headers["Last-Modified"]
    assert client.get(url, headers={"If-None-Match": etag}).status_code == 304
    assert client.get(url, headers={"If-Modified-Since": modified}).status_code == 304
    deliver(thread, (WEB / "from-line.eml").read_bytes())
    fresh = client.get(url, headers={"If-None-Match": etag})
    assert fresh.status_code == 200 and fresh.headers["ETag"] != etag
    assert b"mid:from-line@example.org" in fresh.get_data()


def test_deleted_message_becomes_a_tombstone(thread, client):
    fetch(client, "/l/semences@lists.test/atom")  # warm the cache first
    with session_scope(thread) as session:
        session.execute(update(Message).where(Message.message_id == "reply-1@example.org")
                        .values(deleted=True))
    feed, _ = fetch(client, "/l/semences@lists.test/atom")
    ids = [e.find(A + "id").text for e in feed.findall(A + "entry")]
    assert ids == ["mid:root-jardin@example.org"]
    stones = feed.findall(AT + "deleted-entry")
    assert [s.get("ref") for s in stones] == ["mid:reply-1@example.org"]
    assert stones[0].get("when")
    assert client.get("/m/reply-1@example.org/raw").status_code == 410
    page = client.get("/t/root-jardin@example.org/").get_data(as_text=True)
    assert "Ce message a été supprimé." in page and "Aguadulce" not in page


def test_private_list_has_no_feed(lists, client):
    deliver(lists, "root.eml", to="prive@lists.test")
    assert client.get("/l/prive@lists.test/atom").status_code == 404
    assert client.get("/t/root-jardin@example.org/atom").status_code == 404
    _, body = fetch(client, "/feeds/all.atom")
    _, lille = fetch(client, "/a/lille/atom")
    assert b"root-jardin" not in body and b"root-jardin" not in lille


def test_feed_content_is_sanitized(lists, client):
    deliver(lists, (WEB / "xss.eml").read_bytes())
    feed, body = fetch(client, "/l/semences@lists.test/atom")
    content = feed.find(f"{A}entry/{A}content")
    assert content.get("type") == "html"
    assert_inert(content.text)
    assert "Bonjour" in content.text and b"mallory@example.org" not in body


def test_pages_announce_their_feeds(thread, client):
    for page, feed in (("/", "/feeds/all.atom"), ("/a/lille/", "/a/lille/atom"),
                       ("/l/semences@lists.test/", "/l/semences@lists.test/atom"),
                       ("/t/reply-1@example.org/", "/t/root-jardin@example.org/atom")):
        html = client.get(page).get_data(as_text=True)
        assert f'<link rel="alternate" type="application/atom+xml" href="{feed}"' in html, page
        fetch(client, feed)


def test_opml_lists_every_public_feed(thread, client):
    response = client.get("/feeds.opml")
    assert response.status_code == 200
    outlines = ET.fromstring(response.get_data()).findall("./body//outline")
    urls = {o.get("xmlUrl") for o in outlines}
    assert {"http://relais.test/feeds/all.atom", "http://relais.test/a/lille/atom",
            "http://relais.test/a/grenoble/atom", "http://relais.test/l/semences@lists.test/atom",
            "http://relais.test/l/libre@lists.test/atom"} <= urls
    assert not [u for u in urls if "prive" in u]
    for url in urls:
        if url.startswith("http://relais.test/"):
            assert client.get(url.replace("http://relais.test", "")).status_code == 200, url
