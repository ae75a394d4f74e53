"""The console's moderation queue, erasure, themes and activity pages (issue 14 items 4, 5, 7,
8): every permission boundary (another assembly's objects are 404, an action one may not take
is 403), CSRF, the decisions through the same actions as mail. Flask client, both backends."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest
from sqlalchemy import select, update

from backends import run_jobs
from console import make_admin, sign_in
from federation.ingest import filing
from federation.lists import audit, directory, membership
from federation.lists.directory import find_list
from federation.storage.db import session_scope
from federation.storage.models import Held, Message, Thread, ThreadTheme, Theme, utcnow
from federation.themes import tagging
from messages import mail, post
from outbox import mails_to
from pages import assert_inert, csrf_token

PASSWORD = "correct horse battery"
SEMENCES, LIBRE = "semences@lists.test", "libre@lists.test"


@pytest.fixture
def held(lists):
    """Both lists on the members policy, one non-member's post held on each; their Held ids."""
    lists.data_dir.mkdir(parents=True, exist_ok=True)
    ids = {}
    for address in (SEMENCES, LIBRE):
        with session_scope(lists) as session:
            ml = find_list(session, address)
            directory.edit_list(session, ml, policy="members")
            membership.add(session, ml, "lea@example.org")
            membership.add(session, ml, "alice@example.org", delivery="none")  # posts pass
        raw = mail(f"held-{address[:5]}@x.net", "Tomates", "Des graines à échanger ?",
                   to=address, sender="Bob <bob@x.net>")
        (outcome,) = filing.file_post(lists, raw, [address], "bob@x.net")
        assert outcome.status == "held"
        ids[address] = outcome.held_pk
    run_jobs(lists)
    make_admin(lists, "ada@example.org", PASSWORD, assemblies=["lille"])  # semences, not libre
    return ids


def signed(client, email="ada@example.org"):
    assert sign_in(client, email, PASSWORD).status_code == 302
    return client


def decide(client, pks, action, **form):
    token = csrf_token(client, "/admin/moderation")
    return client.post("/admin/moderation/decide",
                       data={"csrf_token": token, "held": [str(pk) for pk in pks],
                             "action": action, **form})


def status(settings, pk) -> str:
    with session_scope(settings) as session:
        return session.get(Held, pk).status


def test_queue_shows_ones_own_lists_only_and_others_are_404(client, lists, held):
    signed(client)
    page = client.get("/admin/moderation").get_data(as_text=True)
    assert f"/admin/held/{held[SEMENCES]}" in page and f"/admin/held/{held[LIBRE]}" not in page
    assert "badge late" not in page
    assert "File de modération" in page and "l&#39;expéditeur n&#39;est pas abonné" in page  # French first
    english = client.get("/admin/moderation?lang=en").get_data(as_text=True)
    assert "Moderation queue" in english and "not a member" in english
    for url in (f"/admin/held/{held[LIBRE]}", f"/admin/held/{held[LIBRE]}/raw",
                f"/admin/l/{LIBRE}/moderation", f"/admin/l/{LIBRE}/replies",
                f"/admin/l/{LIBRE}/erase", "/admin/held/999999"):
        assert client.get(url).status_code == 404, url
    # a forged form naming the other assembly's message: 404, nothing decided
    assert decide(client, [held[SEMENCES], held[LIBRE]], "approve").status_code == 404
    assert status(lists, held[LIBRE]) == status(lists, held[SEMENCES]) == "held"


def test_nobody_signed_in_is_sent_to_sign_in(client, lists, held):
    for url in ("/admin/moderation", f"/admin/held/{held[SEMENCES]}", "/admin/themes",
                "/admin/activity", "/admin/activity/list.svg"):
        assert client.get(url).status_code == 302, url


def test_a_decision_needs_the_csrf_token(client, lists, held):
    signed(client)
    answer = client.post("/admin/moderation/decide",
                         data={"held": str(held[SEMENCES]), "action": "approve"})
    assert answer.status_code == 400 and status(lists, held[SEMENCES]) == "held"


def test_approve_in_the_console_then_a_second_time(client, lists, held):
    signed(client)
    page = decide(client, [held[SEMENCES]], "approve").get_data(as_text=True)
    run_jobs(lists)
    assert status(lists, held[SEMENCES]) == "approved"
    copies = [m for m in mails_to(lists, "lea@example.org")
              if m["Message-ID"] == "<held-semen@x.net>"]
    assert len(copies) == 1
    with session_scope(lists) as session:
        (entry,) = audit.entries(session, action="held.approve")
        assert (entry.actor, entry.channel) == ("ada@example.org", "console")
    again = decide(client, [held[SEMENCES]], "reject", note="non").get_data(as_text=True)
    run_jobs(lists)
    assert "ada@example.org" in again and status(lists, held[SEMENCES]) == "approved"
    assert not [m for m in mails_to(lists, "bob@x.net") if "refusé" in m["Subject"]]
    assert page != again


def test_old_message_gets_the_badge_and_groups_decide_together(client, lists, held):
    raw = mail("held-2@x.net", "Re: Tomates", "Encore moi", sender="Bob <bob@x.net>")
    (second,) = filing.file_post(lists, raw, [SEMENCES], "bob@x.net")
    with session_scope(lists) as session:
        session.execute(update(Held).where(Held.id == held[SEMENCES])
                        .values(created_at=utcnow() - timedelta(days=2)))
    signed(client)
    page = client.get(f"/admin/l/{SEMENCES}/moderation").get_data(as_text=True)
    assert page.count("badge late") == 1
    group = re.search(r'name="group" value="([\d ]+)"', page).group(1)
    assert sorted(group.split()) == sorted([str(held[SEMENCES]), str(second.held_pk)])
    token = csrf_token(client, f"/admin/l/{SEMENCES}/moderation")
    client.post("/admin/moderation/decide", data={"csrf_token": token, "group": group,
                                                  "action": "discard"})
    assert status(lists, held[SEMENCES]) == status(lists, second.held_pk) == "discarded"


def test_preview_is_sanitised_and_raw_is_plain_text(client, lists, held):
    html = (b"From: Eve <eve@x.net>\r\nTo: semences@lists.test\r\nSubject: Pub\r\n"
            b"Message-ID: <html@x.net>\r\nMIME-Version: 1.0\r\nContent-Type: text/html\r\n\r\n"
            b"<p onclick=\"x()\">Bonjour<script>alert(1)</script></p>\r\n")
    (outcome,) = filing.file_post(lists, html, [SEMENCES], "eve@x.net")
    signed(client)
    page = client.get(f"/admin/held/{outcome.held_pk}").get_data(as_text=True)
    assert "Bonjour" in page
    assert_inert(page.split('class="panel preview"')[1].split("</section>")[0])
    raw = client.get(f"/admin/held/{outcome.held_pk}/raw")
    assert raw.mimetype == "text/plain" and raw.get_data() == html
    assert "sandbox" in raw.headers["Content-Security-Policy"]


def test_canned_reply_is_the_owners_and_reaches_the_poster(client, lists, held):
    signed(client)
    token = csrf_token(client, f"/admin/l/{SEMENCES}/replies")
    client.post(f"/admin/l/{SEMENCES}/replies", data={
        "csrf_token": token, "title": "Hors sujet", "body": "Ce message sort du sujet de la liste."})
    page = client.get(f"/admin/l/{SEMENCES}/moderation").get_data(as_text=True)
    reply_id = re.search(r'<option value="(\d+)">Hors sujet</option>', page).group(1)
    decide(client, [held[SEMENCES]], "reject", reply=reply_id, note="Merci.")
    run_jobs(lists)
    refusal = [m for m in mails_to(lists, "bob@x.net") if "refusé" in m["Subject"]][-1]
    assert "Ce message sort du sujet de la liste." in refusal.get_content()
    assert "Merci." in refusal.get_content()


def test_a_moderator_may_decide_but_not_edit_canned_replies_nor_erase(client, lists, held):
    with session_scope(lists) as session:
        membership.add(session, find_list(session, LIBRE), "mo@example.org", role="moderator")
    make_admin(lists, "mo@example.org", PASSWORD)  # a password, no assembly: the role counts
    signed(client, "mo@example.org")
    assert client.get(f"/admin/l/{LIBRE}/moderation").status_code == 200
    assert client.get(f"/admin/l/{SEMENCES}/moderation").status_code == 404
    assert client.get(f"/admin/l/{LIBRE}/replies").status_code == 403
    assert client.get(f"/admin/l/{LIBRE}/erase").status_code == 403
    assert decide(client, [held[LIBRE]], "discard").status_code == 200
    assert status(lists, held[LIBRE]) == "discarded"


def test_erasure_from_the_console_records_reason_and_note(client, lists, held):
    post(lists, "gone@x.org", "À effacer", "Mon adresse perso…")
    post(lists, "theirs@x.org", "Grenoble", "…", to=LIBRE)
    signed(client)
    page = client.get(f"/admin/l/{SEMENCES}/erase?mid=gone@x.org").get_data(as_text=True)
    assert "À effacer" in page
    token = csrf_token(client, f"/admin/l/{SEMENCES}/erase?mid=gone@x.org")
    # the other assembly's list, and a message of another list through one's own: refused
    assert client.post(f"/admin/l/{LIBRE}/erase", data={
        "csrf_token": token, "mid": "theirs@x.org", "kind": "delete",
        "reason": "legal"}).status_code == 404
    assert client.post(f"/admin/l/{SEMENCES}/erase", data={
        "csrf_token": token, "mid": "theirs@x.org", "kind": "delete",
        "reason": "legal"}).status_code == 404
    answer = client.post(f"/admin/l/{SEMENCES}/erase", data={
        "csrf_token": token, "mid": "gone@x.org", "kind": "delete", "reason": "legal",
        "note": "demande du 3 novembre"})
    assert answer.status_code == 200
    with session_scope(lists) as session:
        row = session.scalar(select(Message).where(Message.message_id == "gone@x.org"))
        assert row.deleted and row.erasure_reason == "legal"
        assert not session.scalar(select(Message.deleted).where(
            Message.message_id == "theirs@x.org"))
        (entry,) = audit.entries(session, action="message.delete")
        assert (entry.actor, entry.channel, entry.details["note"]) == (
            "ada@example.org", "console", "demande du 3 novembre")


def test_themes_taxonomy_is_site_admins_and_corrections_stay_in_ones_lists(client, lists, held):
    with session_scope(lists) as session:
        tagging.ensure_defaults(session)
    post(lists, "ours@x.org", "Troc de graines #semences", "Graines de tomates.")
    post(lists, "theirs@x.org", "Linux #libre", "…", to=LIBRE)
    run_jobs(lists)  # the pipeline tags them
    with session_scope(lists) as session:
        ours = session.scalar(select(Message.thread_id).where(Message.message_id == "ours@x.org"))
        theirs = session.scalar(select(Message.thread_id).where(
            Message.message_id == "theirs@x.org"))
    signed(client)
    page = client.get("/admin/themes").get_data(as_text=True)
    assert f"/admin/themes/thread/{ours}" in page and f"/admin/themes/thread/{theirs}" not in page
    token = csrf_token(client, "/admin/themes")
    assert client.post("/admin/themes/add", data={"csrf_token": token, "slug": "eau",
                                                 "label_fr": "Eau"}).status_code == 403
    assert client.post("/admin/themes/retrain", data={"csrf_token": token}).status_code == 403
    assert client.post(f"/admin/themes/thread/{theirs}", data={
        "csrf_token": token, "theme": "cartographie"}).status_code == 404
    assert client.post(f"/admin/themes/thread/{ours}", data={
        "csrf_token": token, "theme": ["cartographie"]}).status_code == 302
    with session_scope(lists) as session:
        rows = dict(session.execute(select(Theme.slug, ThreadTheme.source).join(Theme)
                                    .where(ThreadTheme.thread_id == ours)).all())
        assert rows["cartographie"] == "manual" and rows["agriculture-alimentation"] == "rejected"
        assert session.get(Thread, theirs) is not None


def test_site_admin_edits_the_taxonomy(client, lists, held):
    make_admin(lists, "root@example.org", PASSWORD, site_admin=True)
    signed(client, "root@example.org")
    token = csrf_token(client, "/admin/themes")
    assert client.post("/admin/themes/add", data={"csrf_token": token, "slug": "eau",
                                                 "label_fr": "Eau"}).status_code == 302
    assert client.post("/admin/themes/merge", data={
        "csrf_token": token, "slug": "eau", "into": "eau"}).status_code == 400
    page = client.get("/admin/themes").get_data(as_text=True)
    assert "<td data-label" in page and ">eau<" in page


def test_activity_page_and_charts_are_ones_own_and_inert(client, lists, held):
    post(lists, "ours@x.org", "Lille", "…", when=utcnow() - timedelta(days=1))
    post(lists, "theirs@x.org", "Grenoble", "…", to=LIBRE, when=utcnow() - timedelta(days=1))
    signed(client)
    page = client.get("/admin/activity").get_data(as_text=True)
    assert SEMENCES in page and LIBRE not in page
    assert_inert(page)
    for kind in ("assembly", "list", "theme"):
        chart = client.get(f"/admin/activity/{kind}.svg")
        assert chart.mimetype == "image/svg+xml"
        assert "script-src" not in chart.headers["Content-Security-Policy"]
        svg = chart.get_data(as_text=True)
        assert "<script" not in svg and "url(http" not in svg  # no script, no external asset
        assert not re.search(r'(?:href|src)="(?!#)', svg)
        ET.fromstring(svg)
    assert LIBRE not in client.get("/admin/activity/list.svg").get_data(as_text=True)
    assert client.get("/admin/activity/other.svg").status_code == 404
