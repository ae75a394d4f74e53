"""A list made private disappears at once from every page, feed, search, theme page and digest
issue (those published before the change included), whatever the caches held: no 304 of the
old content, no public caching of its raw messages."""
from __future__ import annotations

from datetime import datetime

import feedparser
import pytest

from federation.delivery import digests
from federation.lists import directory
from federation.themes import tagging
from federation.storage.db import session_scope
from federation.reading.theme_queries import active_themes
from web import create_app

SECRET = "Glinglin"
NOW = datetime(2026, 6, 10, 8, 0)       # the last complete week is 1–7 June 2026
ROOT = "glinglin-1@example.org"
REPLY = "glinglin-2@example.org"


@pytest.fixture
def archive(lists, send):
    """A public thread on semences (themed, in a published digest issue) and one on libre."""
    for name, to in (("visibility-root.eml", "semences@lists.test"),
                     ("visibility-reply.eml", "semences@lists.test"),
                     ("visibility-other.eml", "libre@lists.test")):
        assert send("web/" + name, to=to)[0] == 250, name
    with session_scope(lists) as session:
        slug = active_themes(session)[0].slug
        for mid in (ROOT, "nuage-1@example.com"):
            tagging.set_manual(session, tagging.thread_of(session, mid), [slug])
        issue = digests.publish(session, "week", NOW)
        assert issue is not None
        issue_slug = issue.slug
    return lists, slug, issue_slug


@pytest.fixture
def client(archive):
    return create_app(archive[0]).test_client()


def urls(slug: str, issue: str) -> tuple[list[str], list[str]]:
    """(pages of the list itself, pages that also show other lists), each showing SECRET."""
    own = ["/l/semences@lists.test/", "/l/semences@lists.test/atom",
           "/l/semences@lists.test/mbox", f"/t/{ROOT}/", f"/t/{REPLY}/", f"/t/{ROOT}/atom",
           f"/t/{ROOT}/mbox", f"/m/{REPLY}/raw"]
    shared = ["/", "/a/lille/", "/a/lille/atom", "/feeds/all.atom",
              "/search?q=tomates", "/search.atom?q=tomates", "/search?q=graines",
              f"/themes/{slug}/", f"/themes/{slug}/atom", "/themes/atom",
              f"/digests/{issue}/", "/digests/atom"]
    return own, shared


def make_private(settings) -> None:
    with session_scope(settings) as session:
        directory.change_visibility(session, "semences@lists.test", public=False)


def test_list_made_private_vanishes_everywhere_at_once(archive, client):
    settings, slug, issue = archive
    own, shared = urls(slug, issue)
    validators = {}
    for url in own + shared:
        answer = client.get(url)
        assert answer.status_code == 200, url
        assert SECRET in answer.get_data(as_text=True), url
        again = client.get(url)  # served from the caches this time
        assert SECRET in again.get_data(as_text=True), url
        validators[url] = (answer.headers.get("ETag"), answer.headers.get("Last-Modified"))
    assert "Semences paysannes" in client.get("/feeds.opml").get_data(as_text=True)

    make_private(settings)

    for url in own:
        assert client.get(url).status_code == 404, url
    assert client.get(f"/m/{ROOT}").status_code == 404
    for url in shared:
        answer = client.get(url)
        assert answer.status_code == 200, url
        assert SECRET not in answer.get_data(as_text=True), url
        if not url.startswith("/themes/"):  # a theme's description names seeds too
            assert "Semences paysannes" not in answer.get_data(as_text=True), url
    assert "Semences paysannes" not in client.get("/feeds.opml").get_data(as_text=True)
    # the other list's thread stays in the issue and the feeds
    assert "Hébergement associatif" in client.get(f"/digests/{issue}/").get_data(as_text=True)
    assert "Hébergement associatif" in client.get("/feeds/all.atom").get_data(as_text=True)


def test_conditional_get_with_old_validators_gets_the_new_content(archive, client):
    settings, slug, issue = archive
    own, shared = urls(slug, issue)
    validators = {}
    for url in own + shared:
        answer = client.get(url)
        validators[url] = (answer.headers.get("ETag"), answer.headers.get("Last-Modified"))
        assert validators[url][0] or validators[url][1] or url.endswith(("mbox", "/", "raw")), url

    make_private(settings)

    for url in own + shared:
        etag, modified = validators[url]
        for headers in ({"If-None-Match": etag} if etag else None,
                        {"If-Modified-Since": modified} if modified else None):
            if headers is None:
                continue
            answer = client.get(url, headers=headers)
            assert answer.status_code != 304, (url, headers)
            assert SECRET not in answer.get_data(as_text=True), url


def test_digest_issue_feed_entries_drop_the_private_list(archive, client):
    settings, _slug, issue = archive
    before = feedparser.parse(client.get("/digests/atom").data)
    assert SECRET in before.entries[0].content[0].value
    make_private(settings)
    after = feedparser.parse(client.get("/digests/atom").data)
    assert [e.link for e in after.entries] == [e.link for e in before.entries]
    assert SECRET not in after.entries[0].content[0].value
    assert "Hébergement associatif" in after.entries[0].content[0].value


def test_an_issue_with_nothing_public_left_disappears(lists, send):
    assert send("web/visibility-root.eml")[0] == 250
    with session_scope(lists) as session:
        issue = digests.publish(session, "week", NOW).slug
    client = create_app(lists).test_client()
    assert client.get(f"/digests/{issue}/").status_code == 200
    make_private(lists)
    assert client.get(f"/digests/{issue}/").status_code == 404
    assert issue not in client.get("/digests/").get_data(as_text=True)
    assert feedparser.parse(client.get("/digests/atom").data).entries == []


def test_raw_messages_cache_publicly_only_while_the_list_is_public(archive, client):
    settings = archive[0]
    public = client.get(f"/m/{ROOT}/raw")
    assert public.status_code == 200 and "public" in public.headers["Cache-Control"]
    assert public.headers.get("ETag")
    make_private(settings)
    gone = client.get(f"/m/{ROOT}/raw", headers={"If-None-Match": public.headers["ETag"]})
    assert gone.status_code == 404
    assert "public" not in gone.headers.get("Cache-Control", "")
    with session_scope(settings) as session:
        directory.change_visibility(session, "semences@lists.test", public=True)
    assert SECRET in client.get(f"/l/semences@lists.test/").get_data(as_text=True)


def test_digest_mailed_after_the_change_leaves_the_private_list_out(archive):
    import email
    import email.policy
    import mailbox

    from federation.storage.models import DigestSubscriber
    from federation.storage.models import utcnow
    from relais import digests as sending
    from backends import run_jobs
    settings = archive[0]
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    with session_scope(settings) as session:
        session.add(DigestSubscriber(email="reader@example.org", period="week",
                                     confirmed_at=utcnow()))
    make_private(settings)
    assert sending.send(settings, "week", NOW)[1] == 1
    run_jobs(settings)
    box = mailbox.Maildir(settings.outbox_dir, create=False)
    [mail] = [email.message_from_bytes(box.get_bytes(k), policy=email.policy.default)
              for k in box.keys() if b"reader@example.org" in box.get_bytes(k)]
    text = "".join(part.get_content() for part in mail.walk()
                   if part.get_content_maintype() == "text")
    assert "Hébergement associatif" in text and SECRET not in text
