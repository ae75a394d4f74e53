"""The "batched" delivery mode (issue 13): several members of one domain per transaction, a
list-wide List-Unsubscribe that one-click-unsubscribes nobody, and VERP probes.

Posts go in through the real listener (``send``); copies come out at a real aiosmtpd sink
that records each transaction (and advertises PIPELINING, as Postfix does); bounces go back
in at the list's bounce addresses through the same listener, as an MTA would send them.
"""
from __future__ import annotations

import re
from email.utils import formatdate

import pytest
from sqlalchemy import select

from backends import FIXTURES, run_jobs
from federation.lists import bounces, directory
from federation.lists.directory import find_list
from federation.storage.db import session_scope
from federation.storage.models import ListSetting, Member
from sink import Sink

pytestmark = pytest.mark.relay  # outgoing mail reaches the real SMTP sink

LIST = "semences@lists.test"
NET = [f"membre{n}@example.net" for n in range(5)]
ORG = ["alice@example.org", "bob@example.org"]


class CountingSink(Sink):
    """The test sink, recording each transaction's envelope and offering PIPELINING."""

    def __init__(self):
        super().__init__()
        self.transactions: list[tuple[str, list[str]]] = []

    async def handle_EHLO(self, server, session, envelope, hostname, responses):
        session.host_name = hostname
        return [*responses[:-1], "250-PIPELINING", responses[-1]]

    async def handle_DATA(self, server, session, envelope):
        self.transactions.append((envelope.mail_from, list(envelope.rcpt_tos)))
        return await super().handle_DATA(server, session, envelope)


@pytest.fixture
def sink():
    running = CountingSink().start()
    yield running
    running.stop()


@pytest.fixture
def batched(lists):
    with session_scope(lists) as session:
        mailing_list = find_list(session, LIST)
        for email in [*NET, *ORG]:
            session.add(Member(list_id=mailing_list.id, email=email))
        session.add(Member(list_id=mailing_list.id, email="owner@example.org", role="owner",
                           delivery="none"))
        directory.edit_list(session, mailing_list, delivery_mode="batched")
    return lists


def post(message_id="graines-1@example.org"):
    return (f"From: Alice Martin <alice@example.org>\r\nTo: {LIST}\r\n"
            f"Subject: Bourse aux graines\r\nDate: {formatdate()}\r\n"
            f"Message-ID: <{message_id}>\r\nContent-Type: text/plain; charset=utf-8\r\n"
            f"Content-Transfer-Encoding: 8bit\r\n\r\n.Samedi à la Maison des communs.\r\n"
            ).encode("utf-8")


def member(settings, email):
    with session_scope(settings) as session:
        return session.scalar(select(Member).filter_by(email=email))


def test_one_transaction_per_domain_with_the_plain_bounce_address(batched, send, sink):
    assert send(post())[0] == 250
    run_jobs(batched)
    by_domain = sorted((sorted(rcpts), sender) for sender, rcpts in sink.transactions)
    assert by_domain == [(sorted(ORG), "semences-bounces@lists.test"),
                         (sorted(NET), "semences-bounces@lists.test")]
    assert sorted(r.recipient for r in sink.received) == sorted([*NET, *ORG])
    copy = sink.to("membre0@example.net")[0].message
    # one copy for all: nothing in it names one member; the dot-stuffed line came back whole
    assert "membre0" not in sink.to("membre0@example.net")[0].raw.decode("utf-8")
    assert copy.get_content().startswith(".Samedi à la Maison des communs.")
    assert copy["List-Id"] == "Semences paysannes <semences.lists.test>"


def test_a_batched_copy_one_click_unsubscribes_nobody(batched, send, sink):
    from web import create_app
    send(post())
    run_jobs(batched)
    copy = sink.to("membre1@example.net")[0].message
    assert copy["List-Unsubscribe-Post"] is None  # RFC 8058: no one-click for a shared copy
    links = re.findall(r"<([^>]+)>", copy["List-Unsubscribe"])
    assert links == ["http://relais.test/l/semences%40lists.test",
                     "mailto:semences-leave@lists.test"]
    client = create_app(batched).test_client()
    # what a mail provider does with a one-click header, done anyway with this link
    answer = client.post(links[0].removeprefix("http://relais.test"),
                         data={"List-Unsubscribe": "One-Click"})
    assert answer.status_code >= 400
    with session_scope(batched) as session:
        left = set(session.scalars(select(Member.email).where(Member.role == "member")))
    assert left == {*NET, *ORG}


def test_a_personal_list_keeps_one_transaction_and_one_click_per_member(lists, send, sink):
    with session_scope(lists) as session:
        mailing_list = find_list(session, LIST)
        for email in NET:
            session.add(Member(list_id=mailing_list.id, email=email))
    send(post())
    run_jobs(lists)
    assert sorted(rcpts[0] for _sender, rcpts in sink.transactions) == sorted(NET)
    assert all(len(rcpts) == 1 for _sender, rcpts in sink.transactions)
    for received in sink.received:
        assert received.sender == bounces.bounce_address(lists, LIST, received.recipient)
        assert received.message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_one_refused_recipient_of_a_batch_is_retried_alone(batched, send, sink):
    sink.refuse("membre2@example.net", "451 4.3.0 Try again later")
    sink.refuse("bob@example.org", "550 5.1.1 No such user", times=5)
    send(post())
    run_jobs(batched)  # rq: the retry job
    assert [r.recipient for r in sink.received].count("membre2@example.net") == 1
    assert sorted(r.recipient for r in sink.received) == sorted(
        [*NET, "alice@example.org"])
    assert member(batched, "bob@example.org").bounce_score == 1.0  # refused in our session


def _dsn_for(recipient: str) -> bytes:
    raw = (FIXTURES / "delivery" / "dsn-hard.eml").read_bytes()
    return raw.replace(b"bob@example.net", recipient.encode())


def test_a_plain_bounce_scores_nobody_and_probes_the_member(batched, send, sink):
    with session_scope(batched) as session:
        session.add(ListSetting(list_id=find_list(session, LIST).id, key="bounce_threshold",
                                value="1"))
    code, _ = send(_dsn_for("membre3@example.net"), to="semences-bounces@lists.test",
                   sender="")
    assert code == 250
    run_jobs(batched)
    assert member(batched, "membre3@example.net").bounce_score == 0.0
    assert not member(batched, "membre3@example.net").disabled
    [probe] = sink.to("membre3@example.net")
    signed = bounces.bounce_address(batched, LIST, "membre3@example.net")
    assert probe.sender == signed and "delivery probe" in probe.message["Subject"]
    assert probe.message["Auto-Submitted"] == "auto-generated"
    # the same forged or real report again the same day: no second probe
    send(_dsn_for("membre3@example.net").replace(b"dsn-hard-1@", b"dsn-hard-2@"),
         to="semences-bounces@lists.test", sender="")
    run_jobs(batched)
    assert len(sink.to("membre3@example.net")) == 1
    # the probe itself bounces, at its signed address: now the member is scored
    send(_dsn_for("membre3@example.net").replace(b"dsn-hard-1@", b"dsn-hard-3@"),
         to=signed, sender="")
    run_jobs(batched)
    scored = member(batched, "membre3@example.net")
    assert scored.bounce_score == 1.0 and scored.disabled
    assert all(not member(batched, email).disabled for email in NET if email != scored.email)


def test_a_plain_bounce_naming_a_stranger_probes_nobody(batched, send, sink):
    send(_dsn_for("stranger@example.com"), to="semences-bounces@lists.test", sender="")
    run_jobs(batched)
    assert sink.received == []
