"""Two instances following each other: a cross-instance reply reads as one thread on both
sides; copies show in search and theme pages with their origin named; mirrored lists are
read-only (RCPT 550)."""
from __future__ import annotations

import smtplib
from datetime import datetime
from urllib.parse import urlsplit

from sqlalchemy import select

from backends import run_jobs, seed_lists
from federation.delivery import digests
from federation.peers import following
from federation.storage.db import session_scope
from federation.storage.models import MailingList, Message, ThreadTheme
from instances import federate, poll, two_instances
from messages import deliver, mail
from pages import csrf_token
from web import create_app

ROOT = "racine-grenoble@example.org"
REPLY = "reponse-lyon@example.org"


def test_a_cross_instance_reply_threads_on_both_sides(settings, tmp_path):
    seed_lists(settings)
    federate(settings, "semences@lists.test")
    deliver(settings, mail(ROOT, "#logiciel-libre Atelier semences et logiciels",
                           "Venez au hackathon des grainothèques."))
    with two_instances(settings, tmp_path) as (origin, url, follower, furl):
        following.add(follower, url)
        following.add(origin, furl)
        poll(follower)
        deliver(follower, mail(REPLY, "Re: Atelier semences et logiciels", "Lyon en sera.",
                               refs=ROOT, to="agora@lyon.test", sender="Bob <bob@lyon.test>"),
                to="agora@lyon.test")
        poll(origin)
        on_origin = create_app(origin).test_client().get(f"/t/{ROOT}/").get_data(as_text=True)
        on_follower_client = create_app(follower).test_client()
        for path in (f"/t/{ROOT}/", f"/t/{REPLY}/"):
            page = on_follower_client.get(path).get_data(as_text=True)
            assert "hackathon" in page and "Lyon en sera." in page, path
        assert "hackathon" in on_origin and "Lyon en sera." in on_origin
        assert f"via {urlsplit(furl).netloc}" in on_origin        # the reply's origin named
        search = on_follower_client.get("/search?q=grainoth%C3%A8ques").get_data(as_text=True)
        assert ROOT in search and f"via {urlsplit(url).netloc}" in search
        theme = on_follower_client.get("/themes/logiciel-libre/").get_data(as_text=True)
        assert "Atelier semences" in theme
        with session_scope(follower, write=False) as session:
            copy = session.scalar(select(Message).join(MailingList).where(
                Message.message_id == ROOT, MailingList.origin_peer_id.is_not(None)))
            sources = set(session.scalars(select(ThreadTheme.source).where(
                ThreadTheme.thread_id == copy.thread_id)))
            assert "peer" in sources  # the origin's theme, mapped by slug
            issue = digests.build(session, "day", datetime(2026, 6, 1), datetime(2026, 6, 2))
        items = [item for theme in issue["themes"] for group in theme["assemblies"]
                 for kind in ("new", "active") for item in group[kind]]
        copy_item = next(item for item in items if item["root"] == ROOT)
        assert copy_item["origin"] == urlsplit(url).netloc  # the digest names the origin
        assert copy_item["list_name"].endswith(f"via {urlsplit(url).netloc}")


def test_the_listener_refuses_mail_for_a_mirrored_list(settings, tmp_path):
    from mail.server import Running
    seed_lists(settings)
    federate(settings, "semences@lists.test")
    deliver(settings, mail(ROOT, "Bonjour", "Texte."))
    with two_instances(settings, tmp_path) as (_origin, url, follower, _furl):
        following.add(follower, url)
        poll(follower)
        listener = Running(follower, port=0, host="127.0.0.1").start()
        try:
            with smtplib.SMTP("127.0.0.1", listener.port) as client:
                client.ehlo()
                client.docmd("MAIL FROM:<bob@lyon.test>")
                assert client.docmd("RCPT TO:<semences@lists.test>")[0] == 550
                assert client.docmd("RCPT TO:<semences-join@lists.test>")[0] == 550
                assert client.docmd("RCPT TO:<agora@lyon.test>")[0] == 250
        finally:
            listener.stop()
        run_jobs(follower)
        client = create_app(follower).test_client()
        raw = client.get(f"/m/{ROOT}/raw").get_data()
        assert b"To: semences@lists.test" in raw  # the exact bytes: a reply-all goes to the origin
        page = client.get("/l/semences@lists.test/").get_data(as_text=True)
        assert f"Cette liste vient de {urlsplit(url).netloc}" in page
        assert 'href="mailto:semences@lists.test"' in page  # writing goes to the origin
        token = csrf_token(client, "/l/agora@lyon.test/")
        assert client.post("/l/semences@lists.test/subscription", data={
            "csrf_token": token, "email": "carol@example.org"}).status_code == 404
        assert client.post("/l/agora@lyon.test/subscription", data={
            "csrf_token": token, "email": "carol@example.org"}).status_code == 200
