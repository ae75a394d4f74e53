"""Forum mode: a reply or a new thread written on the web, confirmed by a link mailed to a
real SMTP sink, then filed as mail is (rules, bans, moderation, threading, delivery)."""
from __future__ import annotations

import html
import re
from datetime import timedelta

import pytest
from sqlalchemy import func, select, update

from backends import run_jobs
from messages import deliver, mail
from pages import assert_inert, csrf_token
from federation.lists import directory, membership
from federation.storage.db import session_scope
from federation.storage.models import Ban, Held, Member, Message, Token, WebPost, utcnow
from web import create_app

pytestmark = pytest.mark.relay
THREAD = "/t/root-jardin@example.org/"
SEND = "/forum/semences@lists.test/send"
LINK = re.compile(r"http://relais\.test(/forum/publish/[A-Za-z0-9_-]+)")


@pytest.fixture
def members(thread):
    """The thread fixture's list with a member who gets every copy, and a moderator."""
    with session_scope(thread) as session:
        ml = directory.find_list(session, "semences@lists.test")
        membership.add(session, ml, "bob@example.org")
        membership.add(session, ml, "modo@example.org", role="moderator")
    return thread


def write(client, **fields):
    """Send the reply form under the thread's root, as a browser would."""
    data = dict(csrf_token=csrf_token(client, THREAD), name="Amélie Lefèvre",
                email="amelie@example.org", subject="Re: Jardin partagé : on relance les semis ?",
                body="J'apporte des plants de tomates.", parent="root-jardin@example.org")
    data.update(fields)
    return client.post(SEND, data=data)


def link_for(settings, sink, email: str) -> str:
    """The path of the last publish link mailed to an address (read back from the sink)."""
    run_jobs(settings)
    [*_, last] = [r for r in sink.to(email) if LINK.search(r.message.get_body().get_content())]
    return LINK.search(last.message.get_body().get_content()).group(1)


def publish(client, path: str, **fields):
    """Press the button of the publish page."""
    return client.post(path, data=dict(csrf_token=csrf_token(client, THREAD), **fields))


def archived(settings, **where) -> list[Message]:
    with session_scope(settings) as session:
        return list(session.scalars(select(Message).filter_by(ghost=False, **where)))


def test_a_reply_from_the_web_is_confirmed_by_mail_then_archived_and_delivered(
        members, client, sink):
    sent = write(client, quote="1")
    page = sent.get_data(as_text=True)
    assert sent.status_code == 200 and "Consultez votre messagerie" in page
    assert "amelie@example.org" in page
    run_jobs(members)
    assert len(archived(members)) == 2 and not sink.to("bob@example.org")
    [confirmation] = [r for r in sink.to("amelie@example.org")]
    assert confirmation.sender in ("", "<>")  # a notice: null reverse-path (RFC 3834 §3.3)
    notice = confirmation.message
    assert notice["Auto-Submitted"] == "auto-generated"
    assert "tomates" not in confirmation.raw.decode()  # never the typed text to an inbox
    path = link_for(members, sink, "amelie@example.org")
    shown = client.get(path)  # what a mail scanner's GET does: nothing
    assert shown.status_code == 200 and "Publier" in shown.get_data(as_text=True)
    assert len(archived(members)) == 2
    done = publish(client, path)
    assert done.status_code == 303 and done.headers["Location"].startswith("/m/")
    run_jobs(members)
    [web] = archived(members, in_reply_to="root-jardin@example.org",
                     from_addr="amelie@example.org")
    assert web.message_id.endswith("@lists.test")  # minted on our mail domain
    assert web.thread_id == archived(members, message_id="root-jardin@example.org")[0].thread_id
    thread_page = html.unescape(client.get(THREAD).get_data(as_text=True))
    assert "J'apporte des plants de tomates." in thread_page
    assert "envoyé depuis le web" in thread_page and thread_page.count("envoyé depuis le web") == 1
    assert "> Bonjour à toutes et tous," in thread_page  # the parent's text, quoted
    [copy] = sink.to("bob@example.org")
    delivered = copy.message
    assert delivered["In-Reply-To"] == "<root-jardin@example.org>"
    assert "<root-jardin@example.org>" in delivered["References"]
    assert delivered["Message-ID"] == f"<{web.message_id}>"
    assert delivered["X-Relais-Via"] == "web" and "Amélie Lefèvre" in str(delivered["From"])
    assert "tomates" in delivered.get_body().get_content()
    with session_scope(members) as session:  # nobody subscribed by posting
        assert membership.find(session, directory.find_list(session, "semences@lists.test"),
                               "amelie@example.org") is None
    # a member's answer by mail threads under the web post
    deliver(members, mail("bob-answer@example.org", "Re: tomates", "Merci !",
                          refs=f"root-jardin@example.org {web.message_id}"))
    [answer] = archived(members, message_id="bob-answer@example.org")
    assert answer.thread_id == web.thread_id and answer.parent_id == web.id


def test_expired_used_and_forged_links_are_refused(members, client, sink):
    write(client)
    path = link_for(members, sink, "amelie@example.org")
    assert publish(client, path).status_code == 303
    again = publish(client, path)
    assert again.status_code == 410 and "déjà servi" in again.get_data(as_text=True)
    assert client.get(path).status_code == 410
    forged = publish(client, "/forum/publish/" + "x" * 32)
    assert forged.status_code == 404 and "pas valable" in forged.get_data(as_text=True)
    write(client, body="Une deuxième fois.")
    late = link_for(members, sink, "amelie@example.org")
    with session_scope(members) as session:
        session.execute(update(Token).where(Token.purpose == "web-post", Token.used_at.is_(None))
                        .values(expires_at=utcnow() - timedelta(days=3)))
    expired = publish(client, late)
    assert expired.status_code == 410 and "expiré" in expired.get_data(as_text=True)
    with session_scope(members) as session:  # kept while its link lives, then let go
        session.execute(update(WebPost).where(WebPost.status == "pending")
                        .values(created_at=utcnow() - timedelta(days=3)))
    write(client, body="Une troisième fois.")
    with session_scope(members) as session:
        assert session.scalar(select(func.count(WebPost.id)).where(
            WebPost.status == "pending")) == 1
    # a token of another purpose publishes nothing
    client.post("/l/semences@lists.test/subscription",
                data={"email": "zoe@example.org", "csrf_token": csrf_token(client, THREAD)})
    run_jobs(members)
    subscribe = re.search(r"http://relais\.test/confirm/(\S+)",
                          sink.to("zoe@example.org")[0].message.get_body().get_content())
    assert publish(client, "/forum/publish/" + subscribe.group(1)).status_code == 404
    assert len(archived(members, from_addr="amelie@example.org")) == 2  # root + one web post


def test_the_first_web_post_from_an_unseen_address_waits_for_a_moderator(
        members, client, sink):
    write(client, email="newcomer@example.org", name="Nouvelle")
    held = publish(client, link_for(members, sink, "newcomer@example.org"))
    page = held.get_data(as_text=True)
    assert held.status_code == 202 and "En attente de modération" in page
    assert "premier message de votre adresse" in page
    run_jobs(members)
    with session_scope(members) as session:
        [waiting] = session.scalars(select(Held)).all()
        assert waiting.reason == "first-web-post" and waiting.sender == "newcomer@example.org"
    assert not archived(members, from_addr="newcomer@example.org")
    assert any("premier message de cette adresse" in r.message.get_body().get_content()
               for r in sink.to("modo@example.org"))
    assert not sink.to("bob@example.org")
    # a member is no stranger, and a list may turn the first-post hold off
    write(client, email="bob@example.org", name="Bob")
    assert publish(client, link_for(members, sink, "bob@example.org")).status_code == 303
    with session_scope(members) as session:
        directory.edit_list(session, directory.find_list(session, "semences@lists.test"),
                            web_first_post_moderation=False)
    write(client, email="other@example.org", name="Autre")
    assert publish(client, link_for(members, sink, "other@example.org")).status_code == 303


def test_bans_apply_to_web_posts(members, client, sink):
    with session_scope(members) as session:
        session.add(Ban(list_id=None, pattern="^.*@spam\\.example$"))
    write(client, email="x@spam.example")
    refused = publish(client, link_for(members, sink, "x@spam.example"))
    assert refused.status_code == 403 and "bannie" in refused.get_data(as_text=True)
    assert not archived(members, from_addr="x@spam.example")
    with session_scope(members) as session:
        assert session.scalar(select(WebPost.status)) == "refused"


def test_announce_private_and_closed_lists_show_no_forms(members, client):
    # pages are cached for a minute by their content's stamp: each list is edited before
    # its first page here (the forms' own endpoints refuse at once, whatever a page shows)
    with session_scope(members) as session:
        directory.edit_list(session, directory.find_list(session, "libre@lists.test"),
                            policy="announce")
    assert client.get("/forum/prive@lists.test/new").status_code == 404
    page = client.get("/l/libre@lists.test/").get_data(as_text=True)
    assert "Nouveau fil" not in page and "/forum/" not in page
    assert client.get("/forum/libre@lists.test/new").status_code == 404
    assert "Nouveau fil" in client.get("/l/semences@lists.test/").get_data(as_text=True)
    assert "Répondre" in client.get(THREAD).get_data(as_text=True)
    with session_scope(members) as session:
        directory.edit_list(session, directory.find_list(session, "semences@lists.test"),
                            web_posting=False)
    assert client.get("/forum/semences@lists.test/new").status_code == 404
    assert write(client).status_code == 404
    deliver(members, mail("later@example.org", "Plus tard", "Un nouveau fil."))
    assert "Nouveau fil" not in client.get("/l/semences@lists.test/").get_data(as_text=True)


def test_hostile_input_is_escaped_and_never_becomes_a_header(members, client, sink):
    hostile = dict(name="<script>alert(1)</script>\r\nBcc: victim@example.net",
                   subject="Re: =?utf-8?b?PHNjcmlwdD4=?= \r\nX-Injected: oui",
                   body="<script>alert('corps')</script>\n<img src=x onerror=alert(2)>",
                   email="amelie@example.org")
    preview = client.post("/forum/semences@lists.test/preview",
                          data=dict(csrf_token=csrf_token(client, THREAD),
                                    parent="root-jardin@example.org", **hostile))
    assert preview.status_code == 200
    assert_inert(preview.get_data(as_text=True))
    assert "&lt;script&gt;alert(&#39;corps&#39;)" in preview.get_data(as_text=True)
    write(client, **hostile)
    assert publish(client, link_for(members, sink, "amelie@example.org")).status_code == 303
    run_jobs(members)
    [web] = archived(members, in_reply_to="root-jardin@example.org",
                     from_addr="amelie@example.org")
    with session_scope(members) as session:
        raw = session.scalar(select(Message.raw).where(Message.id == web.id))
    headers = raw.split(b"\r\n\r\n", 1)[0]
    assert b"\r\nX-Injected" not in headers and b"\r\nBcc" not in headers
    assert web.subject == "Re: =?utf-8?b?PHNjcmlwdD4=?= X-Injected: oui"  # read as typed
    assert web.from_name == "<script>alert(1)</script> Bcc: victim@example.net"
    for page in (THREAD, "/l/semences@lists.test/", "/t/root-jardin@example.org/atom"):
        body = client.get(page).get_data(as_text=True)
        if page.endswith("atom"):
            assert "<script>" not in body
        else:
            assert_inert(body)
    [copy] = sink.to("bob@example.org")
    assert copy.message["X-Injected"] is None and copy.message["Bcc"] is None
    assert not sink.to("victim@example.net")


def test_the_honeypot_and_the_size_limit(members, client, sink):
    trapped = write(client, website="http://spam.example")
    assert trapped.status_code == 200 and "Consultez votre messagerie" in \
        trapped.get_data(as_text=True)
    too_long = write(client, body="é" * 50_001)
    assert too_long.status_code == 400 and "trop long" in too_long.get_data(as_text=True)
    assert write(client, body="x" * 600_000).status_code == 413
    run_jobs(members)
    assert not sink.to("amelie@example.org")
    with session_scope(members) as session:
        assert session.scalar(select(func.count(WebPost.id))) == 0


def test_a_remembered_browser_posts_at_once_until_it_is_forgotten(members, client, sink):
    write(client)
    done = publish(client, link_for(members, sink, "amelie@example.org"), remember="1")
    cookie = re.search(r"relais_forum=([^;]+)", done.headers["Set-Cookie"]).group(1)
    assert "HttpOnly" in done.headers["Set-Cookie"]
    mails = len(sink.to("amelie@example.org"))
    at_once = write(client, body="Sans détour par le courriel.")
    assert at_once.status_code == 303
    run_jobs(members)
    assert len(sink.to("amelie@example.org")) == mails  # no second link
    assert archived(members, from_addr="amelie@example.org")[-1].message_id in \
        at_once.headers["Location"].replace("%40", "@")
    # the cookie names one address: another still gets a link
    assert write(client, email="bob@example.org").status_code == 200
    compose = client.get("/forum/semences@lists.test/new").get_data(as_text=True)
    assert "Oublier ce navigateur" in compose
    client.post("/forum/forget", data={"csrf_token": csrf_token(
        client, "/forum/semences@lists.test/new")})
    stolen = create_app(members).test_client()  # a copy of the old cookie is worth nothing
    stolen.set_cookie("relais_forum", cookie, domain="localhost")
    assert write(stolen, body="Encore ?").status_code == 200
    run_jobs(members)
    assert len(sink.to("amelie@example.org")) == mails + 1


def test_a_new_thread_from_the_list_page(members, client, sink):
    token = csrf_token(client, "/l/semences@lists.test/")
    sent = client.post(SEND, data=dict(csrf_token=token, name="Benoit Durand",
                                       email="benoit@example.org", subject="Troc de graines",
                                       body="Samedi, place du marché."))
    assert sent.status_code == 200
    assert publish(client, link_for(members, sink, "benoit@example.org")).status_code == 303
    run_jobs(members)
    [started] = archived(members, subject="Troc de graines")
    assert started.parent_id is None and started.in_reply_to == ""
    assert "Troc de graines" in client.get("/l/semences@lists.test/").get_data(as_text=True)
    assert "Samedi, place du marché." in sink.to("bob@example.org")[0].message.get_body() \
        .get_content()


def test_post_confirmed_files_at_once_for_a_known_author(members):
    from federation.forum import composition, web_posts
    written = composition.draft("semences@lists.test", "Modo", "modo@example.org",
                                "Annonce", "Réunion jeudi.")
    result = web_posts.post_confirmed(members, written)
    assert result.status == "accepted"
    assert archived(members, message_id=result.message_id)[0].subject == "Annonce"
    with session_scope(members) as session:
        assert session.scalar(select(func.count(Member.id))) == 2  # nobody added
