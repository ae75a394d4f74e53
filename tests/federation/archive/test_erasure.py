"""``relais message delete`` (erasure: a tombstone stays) and ``relais message redact`` (the
thread stays readable): no page, feed, mbox, digest or search result shows the text again,
and copies not yet sent are never sent. Both backends."""
from __future__ import annotations

import email
import email.policy
import mailbox
import re
import xml.etree.ElementTree as ET
from datetime import datetime, timedelta, timezone
from email.message import EmailMessage
from email.utils import format_datetime

import pytest
from sqlalchemy import select

from backends import run_jobs
from federation.delivery import deliveries, digests
from federation.lists import directory, membership
from federation.ingest import filing, moderation
from federation.archive import search
from federation.storage.db import session_scope
from federation.lists.directory import find_list
from federation.storage.models import Attachment, Held, Message, utcnow
from mail import delivery, digest_mail, retries
from command_line import relais

A = "{http://www.w3.org/2005/Atom}"
AT = "{http://purl.org/atompub/tombstones/1.0}"
POST = "semences@lists.test"
NOW = datetime(2025, 3, 12, 8, 0)          # a Wednesday: the last complete week is 3–9 March
SECRET = "Secretnom"                       # what the person asked to be erased


def post(settings, mid, subject, body, sender="alice@example.org", name="Alice Martin",
         when=datetime(2025, 3, 4, 10, 0), reply_to="", attachment=b""):
    """Archive one message through the real ingest path."""
    mail = EmailMessage()
    mail["From"] = f"{name} <{sender}>"
    mail["To"] = POST
    mail["Subject"] = subject
    mail["Message-ID"] = f"<{mid}>"
    mail["Date"] = format_datetime(when.replace(tzinfo=timezone.utc))
    if reply_to:
        mail["In-Reply-To"] = mail["References"] = f"<{reply_to}>"
    mail.set_content(body)
    if attachment:
        mail.add_attachment(attachment, maintype="text", subtype="plain", filename="numero.txt")
    [outcome] = filing.file_post(settings, mail.as_bytes(), [POST], sender)
    assert outcome.accepted, outcome


@pytest.fixture
def thread(lists):
    """A root carrying a secret (body, attachment, in a published digest), and a reply."""
    lists.data_dir.mkdir(parents=True, exist_ok=True)
    with session_scope(lists) as session:
        membership.add(session, find_list(session, POST), "dana@example.org", delivery="digest")
    post(lists, "semis@x", "Semis de printemps",
         f"On sème les tomates samedi. Appelez {SECRET} au 06 12 34 56 78.",
         attachment=f"{SECRET} 06 12 34 56 78".encode())
    post(lists, "semis-re@x", "Re: Semis de printemps", "Je viens avec des graines.",
         sender="bob@example.net", name="Bob", reply_to="semis@x",
         when=datetime(2025, 3, 5, 9))
    run_jobs(lists)
    with session_scope(lists) as session:
        issue = digests.publish(session, "week", NOW)
        assert SECRET in issue.content  # the root's excerpt, already on the web and in Atom
    return lists


@pytest.fixture
def client(thread):
    from web import create_app
    app = create_app(thread)
    app.testing = True
    return app.test_client()


def text(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.get_data(as_text=True)


def unsigned(page: str) -> str:
    """A page without its CSRF token values (signed with a timestamp, so they differ by the
    second between two renderings of the same page)."""
    return re.sub(r'name="csrf_token" value="[^"]*"', 'name="csrf_token"', page)


def outbox(settings) -> list[email.message.EmailMessage]:
    run_jobs(settings)
    box = mailbox.Maildir(settings.outbox_dir, create=True)
    return [email.message_from_bytes(box.get_bytes(k), policy=email.policy.default)
            for k in box.keys()]


FEEDS = ("/feeds/all.atom", "/a/lille/atom", f"/l/{POST}/atom", "/t/semis-re@x/atom",
         "/themes/atom")
PAGES = ("/", "/a/lille/", f"/l/{POST}/", "/t/semis-re@x/", f"/search?q={SECRET}",
         "/search?q=tomates", "/digests/", "/digests/2025-W10/")


def seen_everywhere(client) -> None:
    """Warm every cache with the secret in it, so a stale cache would show."""
    for url in PAGES + FEEDS + ("/digests/atom",):
        client.get(url)
    assert SECRET in text(client, "/t/semis-re@x/")
    assert SECRET in text(client, f"/l/{POST}/atom")
    assert SECRET in text(client, "/digests/atom")
    assert SECRET in text(client, "/themes/atom")  # the thread is tagged (tomates, semis)
    assert "semis@x" in text(client, f"/search?q={SECRET}")  # a hit (the query is echoed)
    assert "semis@x" in text(client, "/search?q=tomates")


def nowhere(client, settings) -> None:
    """The secret is on no page, feed, mbox, digest, search result or attachment."""
    for url in PAGES + FEEDS + ("/digests/atom", f"/l/{POST}/mbox", "/t/semis-re@x/mbox"):
        shown = text(client, url)
        if url.startswith("/search"):  # the page repeats the query, so look for the hit
            shown = shown.replace(SECRET, "")
            assert "semis@x" not in shown and "Appelez" not in shown, url
        assert SECRET not in shown and "06 12 34 56 78" not in shown, url
    with session_scope(settings) as session:
        assert search.search(session, SECRET).hits == []
        assert search.search(session, "tomates").hits == []
    assert client.get("/m/semis@x/attachments/1").status_code in (404, 410)


def test_delete_leaves_a_tombstone_and_nothing_else(client, thread):
    seen_everywhere(client)
    result = relais(thread, "message", "delete", "<semis@x>", "--reason", "author",
                    "--note", "privacy request")
    assert result.exit_code == 0, result.output
    assert "semis@x" in result.output
    nowhere(client, thread)
    assert client.get("/m/semis@x/raw").status_code == 410
    page = text(client, "/t/semis-re@x/")
    assert "Je viens avec des graines." in page  # the reply stays, in its thread
    for url in FEEDS[:3]:  # the feeds that carry tombstones (RFC 6721)
        feed = ET.fromstring(client.get(url).get_data())
        assert [s.get("ref") for s in feed.findall(AT + "deleted-entry")] == ["mid:semis@x"]
        assert "mid:semis@x" not in [e.find(A + "id").text for e in feed.findall(A + "entry")]
    with session_scope(thread) as session:
        row = session.scalar(select(Message).where(Message.message_id == "semis@x"))
        assert (row.raw, row.deleted, row.erasure_reason) == (None, True, "author")
        assert row.erased_at is not None and SECRET not in (row.body_text or "")
        assert session.scalar(select(Attachment).where(Attachment.message_pk == row.id)) is None
    assert relais(thread, "reindex").exit_code == 0  # raw bytes are the truth: none left
    search.rebuild(thread)
    nowhere(client, thread)
    again = relais(thread, "message", "delete", "semis@x")
    assert again.exit_code != 0 and "already" in again.output
    missing = relais(thread, "message", "delete", "nothing@x")
    assert missing.exit_code != 0 and "nothing@x" in missing.output


def test_deleted_message_is_left_out_of_the_list_digest(thread):
    assert relais(thread, "message", "delete", "semis@x").exit_code == 0
    digest_mail.send_due(thread, now=utcnow() + timedelta(days=1))
    copies = [m for m in outbox(thread) if m["Delivered-To"] == "dana@example.org"]
    assert copies and all(SECRET not in m.as_string() for m in copies)
    assert any("Je viens avec des graines." in m.as_string() for m in copies)


def test_pending_copies_of_a_deleted_message_are_never_sent(lists):
    """A fan-out planned but not done (a crash, a deferred retry) does not send it later."""
    lists.data_dir.mkdir(parents=True, exist_ok=True)
    post(lists, "frais@x", "Réunion", f"{SECRET} vient jeudi.", when=datetime.now(timezone.utc)
         .replace(tzinfo=None))
    run_jobs(lists)
    with session_scope(lists) as session:
        row = session.scalar(select(Message).where(Message.message_id == "frais@x"))
        deliveries.plan(session, row.list_id, "message", row.id, ["erin@example.org"])
        pk = row.id
    assert relais(lists, "message", "delete", "frais@x", "--list", POST).exit_code == 0
    delivery.fan_out(lists, pk)
    retries.retry_due(lists)
    assert [m for m in outbox(lists) if m["Delivered-To"] == "erin@example.org"] == []


def test_redact_keeps_the_thread_readable(client, thread):
    seen_everywhere(client)
    result = relais(thread, "message", "redact", "semis@x", "--note", "demande RGPD")
    assert result.exit_code == 0, result.output
    nowhere(client, thread)
    page = text(client, "/t/semis-re@x/")
    assert "Semis de printemps" in page and "Je viens avec des graines." in page
    assert "Message masqué" in page and "Alice Martin" not in page
    raw = client.get("/m/semis@x/raw")
    assert raw.status_code == 200
    rebuilt = email.message_from_bytes(raw.get_data(), policy=email.policy.default)
    assert rebuilt["Message-ID"] == "<semis@x>" and rebuilt["Subject"] == "Semis de printemps"
    assert "masqué" in rebuilt.get_content() and SECRET not in raw.get_data(as_text=True)
    assert "alice@example.org" not in raw.get_data(as_text=True)
    feed = ET.fromstring(client.get(f"/l/{POST}/atom").get_data())
    entries = {e.find(A + "id").text: e for e in feed.findall(A + "entry")}
    assert "mid:semis@x" in entries  # still an entry (the thread stays), its content replaced
    assert "Alice" not in ET.tostring(entries["mid:semis@x"], encoding="unicode")
    mbox = text(client, "/t/semis-re@x/mbox")
    assert "Message-ID: <semis@x>" in mbox and "masqué" in mbox
    # the reply is still threaded under the redacted root
    # (the same page whichever message names it, but for the forms' CSRF tokens, which carry
    # the second they were made)
    assert unsigned(text(client, "/t/semis@x/")) == unsigned(page)


@pytest.mark.parametrize("command", ["delete", "redact"])
def test_the_moderation_queue_forgets_the_bytes_too(lists, command):
    lists.data_dir.mkdir(parents=True, exist_ok=True)
    with session_scope(lists) as session:
        directory.edit_list(session, find_list(session, POST), policy="moderated")
    post(lists, "tenu@x", "Question", f"Je suis {SECRET}, joignable au 06 12 34 56 78.")
    with session_scope(lists) as session:
        held_pk = session.scalar(select(Held.id).where(Held.message_id == "tenu@x"))
    assert moderation.approve(lists, held_pk)
    run_jobs(lists)
    assert relais(lists, "message", command, "tenu@x").exit_code == 0
    with session_scope(lists) as session:
        held = session.get(Held, held_pk)
        assert SECRET.encode() not in held.raw and "alice" not in held.sender
