"""One message, end to end: from an SMTP client to a member's mailbox and to the Atom feed.

A walk-through of ../shared/DESIGN.md, "One message, end to end", on both backends: Bob
replies to Alice's thread on semences@, and the test checks every station on the way.

1. RCPT and DATA: ``mail/server.py`` (aiosmtpd) accepts mail only for the lists it hosts and
   hands the bytes to ``federation/ingest/filing.py``, which parses them
   (``federation/archive/message.py``) and runs the admission rules
   (``federation/ingest/rules.py``).
2. Storing: ``federation/storage/writer.py`` group-commits the post;
   ``federation/archive/store.py`` keeps the raw bytes once per (list, Message-ID), and in the
   same transaction the archive steps of ``federation/ingest/pipeline.py`` thread it
   (``federation/archive/threads.py``) and index it (``federation/archive/search.py``).
   Then, and only then, the ``250``.
3. Pipeline: a job (``federation/ingest/jobs.py``, queued by ``federation/queue.py``: in
   process on SQLite, on a real rq worker with PostgreSQL) tags the thread
   (``federation/themes/tagging.py``) and plans one copy per member
   (``federation/delivery/deliveries.py``).
4. Delivery: ``mail/delivery.py`` claims the copies and sends each one, with the list headers
   of ``mail/copies.py`` and ``mail/headers.py``, through ``mail/outgoing.py`` to the relay:
   here a real SMTP sink (``tests/sink.py``).
5. Reading: ``federation/reading/queries.py`` reads the archive for ``web/archive.py``,
   ``web/search.py`` and ``web/feeds.py``; ``feeds/atom.py`` writes the Atom feed.
"""
from __future__ import annotations

import smtplib

import pytest

from federation.lists import membership
from federation.lists.directory import find_list
from federation.storage.db import session_scope
from messages import mail
from pages import A, fetch

pytestmark = pytest.mark.relay  # outgoing mail reaches the real SMTP sink

LIST = "semences@lists.test"
ROOT = mail("semis@x.org", "Semis de tomates #semences",
            "Qui a des graines de tomates anciennes pour la grainothèque ?", minute=1)
REPLY = mail("semis-re@x.org", "Re: Semis de tomates",
             "J'en apporte samedi : des Cœur de bœuf et des Noires de Crimée.",
             refs="semis@x.org", minute=2, sender="Bob <bob@example.org>")


def test_one_message_from_smtp_to_a_mailbox_and_the_feed(lists, smtp, send, sink, client):
    with session_scope(lists) as session:
        semences = find_list(session, LIST)
        membership.add(session, semences, "chloe@exemple.fr")  # the member who reads by mail
        membership.add(session, semences, "bob@example.org", delivery="none")
    assert send(ROOT)[0] == 250

    # 1. RCPT: an address the listener does not host is refused there (never an open relay)
    with smtplib.SMTP("127.0.0.1", smtp.port) as smtp_client:
        smtp_client.ehlo()
        smtp_client.docmd("MAIL FROM:<bob@example.org>")
        code, reply = smtp_client.docmd("RCPT TO:<personne@lists.test>")
        assert code == 550 and reply.startswith(b"5.1.1"), reply

    # 1-2. DATA: parsed, admitted, stored and committed before the 250
    code, reply = send(REPLY, sender="bob@example.org")
    assert code == 250, reply

    # 2. archived with the exact bytes that came over SMTP
    raw = client.get("/m/semis-re@x.org/raw")
    assert raw.status_code == 200 and raw.get_data() == REPLY

    # 2. threaded: the reply sits under its root, one level down
    page = client.get("/t/semis@x.org/").get_data(as_text=True)
    assert page.index("Qui a des graines") < page.index("Cœur de bœuf")
    assert 'class="message depth-0"' in page and 'class="message depth-1"' in page

    # 2. indexed: a word of the reply finds it at once
    found, _ = fetch(client, "/search.atom?q=crim%C3%A9e")
    assert [e.find(A + "id").text for e in found.findall(A + "entry")] == ["mid:semis-re@x.org"]

    # 3. themed: the #hashtag gave the thread its theme, and the theme page lists it
    theme = client.get("/themes/agriculture-alimentation/").get_data(as_text=True)
    assert "Semis de tomates #semences" in theme

    # 4. delivered to the member, once, with the list headers and Archived-At (RFC 2369,
    #    RFC 2919, RFC 5064); never to Bob (no mail) nor back to Alice (not a member)
    copies = [r for r in sink.received if r.message["Message-ID"] == "<semis-re@x.org>"]
    assert [r.recipient for r in copies] == ["chloe@exemple.fr"]
    copy = copies[0].message
    assert copy["List-Id"] == "Semences paysannes <semences.lists.test>"
    assert copy["List-Post"] == "<mailto:semences@lists.test>"
    assert copy["List-Archive"].startswith("<http://relais.test/")
    assert "List-Unsubscribe=One-Click" == copy["List-Unsubscribe-Post"]
    assert copy["Archived-At"] == "<http://relais.test/m/semis-re@x.org>"
    assert "Noires de Crimée" in copy.get_body(("plain",)).get_content()

    # 5. in the list's Atom feed, newest first, ids from Message-IDs (never row ids)
    feed, _ = fetch(client, f"/l/{LIST}/atom")
    assert [e.find(A + "id").text for e in feed.findall(A + "entry")] == [
        "mid:semis-re@x.org", "mid:semis@x.org"]
