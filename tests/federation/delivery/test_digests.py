"""The cross-assembly digest: built from archived messages, read back as email (every theme
and assembly of the period, absolute links, multipart/alternative), double opt-in, RFC 8058
one-click unsubscribe, idempotent sending, and the web archive and Atom feed of issues."""
from __future__ import annotations

import email
import email.policy
import mailbox
import re
from datetime import datetime

import feedparser
import pytest
from sqlalchemy import select

from federation.delivery import digests
from federation.storage.db import session_scope
from federation.storage.models import DigestSubscriber
from federation.storage.models import Assembly, MailingList, Message, Theme, ThreadTheme
from relais import digests as sending
from backends import run_jobs
from pages import csrf_token
from messages import post

NOW = datetime(2025, 3, 12, 8, 0)          # a Wednesday: the last complete week is 3–9 March
IN_WEEK = datetime(2025, 3, 4, 10, 0)


@pytest.fixture
def week(lists):
    """Threads of one week on two assemblies, a reply, a private thread, an older one."""
    # mail/outgoing.py makes the outbox Maildir but not its parent (no SQLite file on PostgreSQL)
    lists.data_dir.mkdir(parents=True, exist_ok=True)
    post(lists, "semis@x", "Semis de printemps", "On sème les tomates samedi au jardin.",
         when=IN_WEEK)
    post(lists, "semis-re@x", "Re: Semis de printemps", "> On sème\nJe viens avec des graines.",
         sender="bob@example.net", name="Bob", reply_to="semis@x",
         when=datetime(2025, 3, 5, 9))
    post(lists, "nuage@x", "Hébergement libre", "Notre serveur associatif cherche du monde.",
         to="libre@lists.test", sender="carol@example.com", name="Carol",
         when=datetime(2025, 3, 6, 18))
    post(lists, "bureau@x", "Budget confidentiel", "Secret du bureau.", to="prive@lists.test",
         when=IN_WEEK)
    post(lists, "vieux@x", "Ancien fil", "Hors période.", when=datetime(2025, 2, 1))
    run_jobs(lists)
    return lists


@pytest.fixture
def client(week):
    from web import create_app
    app = create_app(week)
    app.testing = True
    return app.test_client()


def outbox(settings) -> dict[str, email.message.EmailMessage]:
    """Every message written to the Maildir outbox, parsed back, by Maildir key."""
    run_jobs(settings)
    if not settings.outbox_dir.exists():
        return {}
    box = mailbox.Maildir(settings.outbox_dir, create=False)
    return {key: email.message_from_bytes(box.get_bytes(key), policy=email.policy.default)
            for key in box.keys()}


def new_mail(settings, before: dict) -> list[email.message.EmailMessage]:
    """The messages written to the outbox since ``before`` was read."""
    return [m for k, m in outbox(settings).items() if k not in before]


def subscribe(client, settings, address, **choices) -> str:
    """Ask for the digest on the web; returns the confirmation link found in the mail."""
    before = outbox(settings)
    response = client.post("/digests/subscribe", data={
        "email": address, "csrf_token": csrf_token(client, "/digests/"), **choices})
    assert response.status_code == 200
    mails = new_mail(settings, before)
    assert [m["To"] for m in mails] == [address]
    link = re.search(r"http://relais\.test(/digests/confirm/\S+)",
                     mails[0].get_content()).group(1)
    return link


def expected_groups(settings) -> tuple[set[str], set[str]]:
    """Theme labels and assembly names of the week's public threads, read from the database."""
    with session_scope(settings) as session:
        rows = session.execute(
            select(Message.thread_id, Assembly.name)
            .join(MailingList, Message.list_id == MailingList.id)
            .join(Assembly, MailingList.assembly_id == Assembly.id)
            .where(MailingList.public.is_(True), Message.ghost.is_(False),
                   Message.date >= datetime(2025, 3, 3), Message.date < datetime(2025, 3, 10)))
        thread_ids, assemblies = set(), set()
        for thread_id, name in rows:
            thread_ids.add(thread_id)
            assemblies.add(name)
        themes = {t.label_fr for t in session.scalars(
            select(Theme).join(ThreadTheme, ThreadTheme.theme_id == Theme.id).where(ThreadTheme.thread_id.in_(thread_ids),
                                                  ThreadTheme.source != "rejected"))}
        untagged = thread_ids - set(session.scalars(select(ThreadTheme.thread_id).where(
            ThreadTheme.source != "rejected")))
    return themes | ({"Autres sujets"} if untagged else set()), assemblies


def test_issue_groups_the_week_by_theme_then_assembly(week):
    with session_scope(week) as session:
        issue = digests.publish(session, "week", NOW)
        content = issue.data
        assert issue.slug == "2025-W10" and content["threads"] == 2 and content["messages"] == 3
        again = digests.publish(session, "week", NOW)
        assert again.id == issue.id                           # built once per period
    subjects = {item["subject"] for group in content["themes"] for place in group["assemblies"]
                for kind in ("new", "active") for item in place[kind]}
    assert subjects == {"Semis de printemps", "Hébergement libre"}   # no private, no old
    item = next(i for g in content["themes"] for p in g["assemblies"] for i in p["new"]
                if i["root"] == "semis@x")
    assert (item["messages"], item["participants"], item["latest"]) == (2, 2, "semis-re@x")
    assert item["excerpt"] == "On sème les tomates samedi au jardin."


def test_no_activity_no_issue(lists):
    with session_scope(lists) as session:
        assert digests.publish(session, "week", NOW) is None


def test_digest_read_back_as_email(client, week):
    link = subscribe(client, week, "reader@example.org")
    assert client.get(link).status_code == 200                # GET only shows a button
    with session_scope(week) as session:
        assert session.scalar(select(DigestSubscriber)) is None
    assert client.post(link, data={"csrf_token": csrf_token(client, link)}).status_code == 200
    subscribe(client, week, "lazy@example.org")               # never confirms
    before = outbox(week)
    slug, sent = sending.send(week, "week", NOW)
    assert (slug, sent) == ("2025-W10", 1)
    [mail] = new_mail(week, before)
    assert mail["To"] == "reader@example.org"
    assert mail.get_content_type() == "multipart/alternative"
    text = mail.get_body(("plain",)).get_content()
    page = mail.get_body(("html",)).get_content()
    themes, assemblies = expected_groups(week)
    assert assemblies == {"Assemblée des communs de Lille", "Assemblée des communs de Grenoble"}
    for label in themes | assemblies:
        assert label in text and label in page, label
    assert "Budget confidentiel" not in text and "Ancien fil" not in text
    hrefs = re.findall(r'href="([^"]+)"', page)
    assert hrefs and all(h.startswith(("http://relais.test/", "mailto:")) for h in hrefs)
    assert "http://relais.test/t/semis@x/" in text
    assert "mailto:semences@lists.test?subject=Re%3A%20Semis%20de%20printemps" \
           "&amp;In-Reply-To=%3Csemis-re%40x%3E" in page
    assert mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe = re.fullmatch(r"<http://relais\.test(/digests/u/\S+)>",
                               mail["List-Unsubscribe"]).group(1)
    assert sending.send(week, "week", NOW) == ("2025-W10", 0)   # never twice
    assert len(new_mail(week, before)) == 1

    forged = unsubscribe[:-3] + ("xyz" if not unsubscribe.endswith("xyz") else "abc")
    assert client.post(forged, data="List-Unsubscribe=One-Click").status_code == 400
    assert "reader@example.org" not in unsubscribe                 # opaque
    response = client.post(unsubscribe, data="List-Unsubscribe=One-Click",
                           content_type="application/x-www-form-urlencoded")
    assert response.status_code == 200 and "set-cookie" not in response.headers
    with session_scope(week) as session:
        assert session.scalar(select(DigestSubscriber)) is None
    assert client.post(unsubscribe, data="List-Unsubscribe=One-Click").status_code == 200


def test_readers_get_only_what_they_chose(client, week):
    token = csrf_token(client, "/digests/")
    client.post(subscribe(client, week, "gre@example.org", assembly="grenoble"),
                data={"csrf_token": token})
    client.post(subscribe(client, week, "daily@example.org", period="day"),
                data={"csrf_token": token})
    before = outbox(week)
    assert sending.send(week, "week", NOW)[1] == 1
    [mail] = new_mail(week, before)
    text = mail.get_body(("plain",)).get_content()
    assert "Hébergement libre" in text and "Semis de printemps" not in text
    assert "Assemblée des communs de Lille" not in text
    assert sending.send(week, "day", datetime(2025, 3, 7, 1)) == ("2025-03-06", 1)


def test_forged_or_expired_confirmation_is_refused(client, week):
    link = subscribe(client, week, "x@example.org")
    token = csrf_token(client, "/digests/")
    assert client.post(link[:-4] + "AAAA", data={"csrf_token": token}).status_code == 400
    assert client.post("/digests/subscribe", data={"email": "not an address",
                                                   "csrf_token": token}).status_code == 400


def test_web_archive_permalink_and_feed(client, week):
    sending.send(week, "week", NOW)
    archive = client.get("/digests/").get_data(as_text=True)
    assert 'href="/digests/2025-W10/"' in archive and 'href="/digests/atom"' in archive
    page = client.get("/digests/2025-W10/").get_data(as_text=True)
    assert "Semis de printemps" in page and "Budget confidentiel" not in page
    assert "semaine du 3 mars 2025 au 9 mars 2025" in page
    assert client.get("/digests/2031-W01/").status_code == 404
    feed = feedparser.parse(client.get("/digests/atom").data)
    assert not feed.bozo, feed.bozo_exception
    assert [e.link for e in feed.entries] == ["http://relais.test/digests/2025-W10/"]
    assert "Semis de printemps" in feed.entries[0].content[0].value
