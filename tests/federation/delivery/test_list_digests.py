"""Per-list digests: every message of the period, Message-IDs kept, sent once, both flavours.

Messages go in through the real listener; digests come out at the real sink and are parsed
back with the email package.
"""
from __future__ import annotations

from datetime import timedelta
from email.utils import formatdate

import pytest

from backends import run_jobs
from federation.lists import bounces
from federation.storage.db import session_scope
from federation.lists.directory import find_list
from federation.storage.models import ListSetting, Member, utcnow
from mail import digest_mail
from relais import schedule

pytestmark = pytest.mark.relay  # outgoing mail reaches the real SMTP sink



@pytest.fixture
def posted(lists, send):
    """Three messages (a thread of two and another) on semences; carol daily, dan weekly."""
    with session_scope(lists) as session:
        list_id = find_list(session, "semences@lists.test").id
        session.add_all([
            Member(list_id=list_id, email="carol@example.org", delivery="digest"),
            Member(list_id=list_id, email="dan@example.org", delivery="digest",
                   digest_period="week"),
            Member(list_id=list_id, email="eve@example.org", delivery="digest", disabled=True)])
    for n, (subject, reply_to) in enumerate([("Graines de tomates", ""),
                                             ("Re: Graines de tomates", "d1@example.org"),
                                             ("Bourse d'échange", "")], 1):
        extra = f"In-Reply-To: <{reply_to}>\r\n" if reply_to else ""
        raw = (f"From: Alice <alice@example.org>\r\nTo: semences@lists.test\r\n"
               f"Subject: {subject}\r\nDate: {formatdate()}\r\nMessage-ID: <d{n}@example.org>\r\n"
               f"{extra}Content-Type: text/plain; charset=utf-8\r\n\r\nMessage numéro {n}\r\n"
               ).encode("utf-8")
        assert send(raw)[0] == 250
    return lists


def test_daily_mime_digest_has_every_message_once(posted, sink):
    tomorrow = utcnow() + timedelta(days=1)
    assert digest_mail.send_due(posted, now=tomorrow) == 1
    run_jobs(posted)
    assert [r.recipient for r in sink.received] == ["carol@example.org"]
    copy = sink.received[0]
    assert copy.sender == bounces.bounce_address(posted, "semences@lists.test",
                                                 "carol@example.org")  # signed VERP
    mail = copy.message
    assert mail["List-Id"] == "Semences paysannes <semences.lists.test>"
    assert "n° 1" in mail["Subject"]
    toc, bundle = mail.iter_parts()
    assert "Graines de tomates" in toc.get_content()
    assert bundle.get_content_type() == "multipart/digest"
    inner = [part.get_content() for part in bundle.iter_parts()]
    assert [m["Message-ID"] for m in inner] == ["<d1@example.org>", "<d2@example.org>",
                                                 "<d3@example.org>"]
    assert inner[1]["In-Reply-To"] == "<d1@example.org>"  # replies thread
    assert "Message numéro 3" in inner[2].get_content()
    # the task runs again (cron restart, two machines): nothing is sent twice
    assert digest_mail.send_due(posted, now=tomorrow) == 0
    assert len(sink.received) == 1


def test_weekly_plain_rfc1153_digest(posted, sink):
    with session_scope(posted) as session:
        session.add(ListSetting(list_id=find_list(session, "semences@lists.test").id,
                                key="digest_format", value="plain"))
    next_week = utcnow() + timedelta(days=7)
    digest_mail.send_due(posted, now=next_week)
    assert [r.recipient for r in sink.received] == ["dan@example.org"]
    mail = sink.received[0].message
    assert mail.get_content_type() == "text/plain"
    text = mail.get_content()
    assert "-" * 70 in text and text.count("\n" + "-" * 30 + "\n") == 3
    for n in (1, 2, 3):
        assert f"Message-ID: <d{n}@example.org>" in text and f"Message numéro {n}" in text


def test_digests_are_a_scheduled_task():
    assert digest_mail.send_due in [task for _, _, task in schedule.TASKS]
