"""Delivery follows the path a message took, never its dates (issue 9, item 15).

A post accepted over SMTP or LMTP, or approved by a moderator, reaches every member whatever
its ``Date:`` says (a sender's clock years off, a message an MTA queued for a week), and even
when the pipeline only gets to it days later. ``relais import`` and ``relais reindex`` never
mail anyone, however recent the dates they carry. Mail goes through the real listener and
comes out at a real SMTP sink; both backends.
"""
from __future__ import annotations

import re
import smtplib
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime

import pytest
from click.testing import CliRunner
from sqlalchemy import select, update

from backends import FIXTURES, run_jobs
from federation.lists import directory, membership
from federation.ingest import filing, jobs, moderation
from federation.storage.db import session_scope
from federation.lists.directory import find_list
from federation.storage.models import Held, Member, Message, utcnow
from feeds import mbox as mboxrd
from mail.server import Running
from relais import cli

pytestmark = pytest.mark.relay  # outgoing mail reaches the real SMTP sink

POST = "semences@lists.test"
MEMBERS = ["bob@example.net", "chloe@exemple.fr", "dora@example.org"]



@pytest.fixture
def members(lists):
    """Three members who joined a month ago (before any of the posts below)."""
    with session_scope(lists) as session:
        ml = find_list(session, POST)
        for email in MEMBERS:
            session.add(Member(list_id=ml.id, email=email,
                               created_at=utcnow() - timedelta(days=30)))
    return lists


def dated(when: datetime, message_id: str = "bourse@example.org") -> bytes:
    """The skewed-clock fixture with this Date: and Message-ID."""
    raw = (FIXTURES / "paths" / "skewed-clock.eml").read_bytes()
    raw = re.sub(rb"(?m)^Date: .*$", b"Date: " + format_datetime(when).encode() + b"\r",
                 raw, count=1)
    return raw.replace(b"<bourse@example.org>", f"<{message_id}>".encode())


def now() -> datetime:
    return datetime.now(timezone.utc)


def copies(sink, message_id: str) -> dict[str, int]:
    """Recipient → number of copies of this Message-ID the relay got."""
    found: dict[str, int] = {}
    for received in sink.received:
        if received.message["Message-ID"] == f"<{message_id}>":
            found[received.recipient] = found.get(received.recipient, 0) + 1
    return found


@pytest.mark.parametrize("offset", [timedelta(days=-730), timedelta(days=730),
                                    timedelta(days=-7)],
                         ids=["two-years-past", "two-years-future", "queued-a-week"])
def test_smtp_post_is_delivered_whatever_its_date(members, send, sink, offset):
    code, reply = send(dated(now() + offset))
    assert code == 250, reply
    assert copies(sink, "bourse@example.org") == {email: 1 for email in MEMBERS}


def test_lmtp_post_dated_two_years_ago_is_delivered(members, sink):
    running = Running(members, lmtp=True, port=0, host="127.0.0.1").start()
    try:
        with smtplib.LMTP("127.0.0.1", running.port) as client:
            refused = client.sendmail("alice@example.org", [POST],
                                      dated(now() - timedelta(days=731), "lmtp@example.org"))
        assert refused == {}
        run_jobs(members)
    finally:
        running.stop()
    assert copies(sink, "lmtp@example.org") == {email: 1 for email in MEMBERS}


def test_approved_post_dated_two_years_ago_is_delivered(members, send, sink):
    with session_scope(members) as session:
        ml = find_list(session, POST)
        directory.edit_list(session, ml, policy="moderated")
        membership.add(session, ml, "modo@example.org", role="moderator", delivery="none")
    code, reply = send(dated(now() - timedelta(days=730), "retenu@example.org"))
    assert code == 250 and "held" in reply
    assert copies(sink, "retenu@example.org") == {}
    with session_scope(members) as session:
        held_pk = session.scalar(select(Held.id).where(Held.message_id == "retenu@example.org"))
    assert moderation.approve(members, held_pk)
    run_jobs(members)
    assert copies(sink, "retenu@example.org") == {email: 1 for email in MEMBERS}


def test_post_stored_while_the_pipeline_was_down_is_delivered_days_later(members, sink):
    # The 250 was given (the message committed) and the process died before the pipeline
    # ran; it comes back ten days later.
    raw = dated(now() - timedelta(days=10), "panne@example.org")
    [outcome] = filing.file_post_soon(members, raw, [POST], "alice@example.org").result()
    assert outcome.accepted and outcome.message_pk is not None
    with session_scope(members) as session:
        session.execute(update(Message).where(Message.id == outcome.message_pk)
                        .values(received_at=utcnow() - timedelta(days=10)))
    assert copies(sink, "panne@example.org") == {}
    assert jobs.recover(members) == 1
    run_jobs(members)
    assert copies(sink, "panne@example.org") == {email: 1 for email in MEMBERS}
    assert jobs.recover(members) == 0  # processed once: nothing sent twice


def run_cli(settings, *args: str) -> str:
    """Run the ``relais`` command against the test's database, queue and relay."""
    env = {"RELAIS_DATA_DIR": str(settings.data_dir),
           "DATABASE_URL": "" if settings.is_sqlite else settings.database_url,
           "REDIS_URL": settings.redis_url, "RELAIS_QUEUE": settings.queue_name,
           "RELAIS_MAIL_DOMAIN": settings.mail_domain, "RELAIS_RELAY_URL": settings.relay_url,
           "RELAIS_SECRET_KEY": settings.secret_key, "RELAIS_BASE_URL": settings.base_url}
    result = CliRunner().invoke(cli.main, list(args), env=env, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    run_jobs(settings)
    return result.output


def test_import_of_recent_messages_delivers_nothing(members, sink, tmp_path):
    raws = [dated(now() - timedelta(minutes=5 - n), f"import-{n}@example.org")
            for n in range(3)]
    path = tmp_path / "recent.mbox"
    path.write_bytes(b"".join(mboxrd.entry(raw, "alice@example.org") for raw in raws))
    assert "3 archived" in run_cli(members, "import", POST, str(path))
    with session_scope(members) as session:  # archived and through the pipeline...
        assert session.scalars(select(Message.processed).where(
            Message.message_id.like("import-%"))).all() == [True] * 3
    assert sink.received == []  # ...but nobody was mailed


def test_reindex_delivers_nothing_again(members, send, sink):
    assert send(dated(now() - timedelta(days=730), "une@example.org"))[0] == 250
    assert send(dated(now(), "deux@example.org"))[0] == 250
    assert len(sink.received) == 2 * len(MEMBERS)
    assert "reindexed 2 messages" in run_cli(members, "reindex")
    assert jobs.recover(members) == 0
    run_jobs(members)
    assert copies(sink, "une@example.org") == {email: 1 for email in MEMBERS}
    assert copies(sink, "deux@example.org") == {email: 1 for email in MEMBERS}
