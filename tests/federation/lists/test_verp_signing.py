"""Item 9.5: a bounce or complaint counts only against the member our signed VERP tag names.

A stranger who mails a DSN or an ARF report naming a member to ``semences-bounces@`` (or to
a VERP address with a forged or missing signature) must not disable, score or unsubscribe
anyone. A genuine bounce, sent back to the signed envelope sender of the member's own copy,
still counts. Everything goes through the real listener, and copies go to a real SMTP sink.
"""
from __future__ import annotations

from email.utils import formatdate

import pytest
from sqlalchemy import select

from backends import FIXTURES, run_jobs
from federation.storage.db import session_scope
from federation.lists.directory import find_list
from federation.storage.models import ListSetting, Member

pytestmark = pytest.mark.relay  # outgoing mail reaches the real SMTP sink

TRUST = FIXTURES / "trust"
DELIVERY = FIXTURES / "delivery"



@pytest.fixture
def members(lists):
    """bob, chloe and an owner on semences; one bounce disables, a complaint unsubscribes."""
    with session_scope(lists) as session:
        ml = find_list(session, "semences@lists.test")
        session.add_all([Member(list_id=ml.id, email="bob@example.net"),
                         Member(list_id=ml.id, email="chloe@exemple.fr"),
                         Member(list_id=ml.id, email="owner@example.org", role="owner"),
                         ListSetting(list_id=ml.id, key="bounce_threshold", value="1"),
                         ListSetting(list_id=ml.id, key="complaint_action",
                                     value="unsubscribe")])
    return lists


def member(settings, email):
    with session_scope(settings) as session:
        return session.scalar(select(Member).filter_by(email=email))


def untouched(settings, email) -> bool:
    found = member(settings, email)
    return (found is not None and not found.disabled and not found.bounce_score
            and found.last_bounce_at is None)


def post() -> bytes:
    return (f"From: Alice Martin <alice@example.org>\r\nTo: semences@lists.test\r\n"
            f"Subject: Graines\r\nDate: {formatdate()}\r\nMessage-ID: <verp-1@example.org>\r\n"
            f"MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
            f"Qui a des graines ?\r\n").encode()


def test_copies_carry_a_signed_verp_tag_per_member(members, send, sink):
    assert send(post())[0] == 250
    bob, chloe = sink.to("bob@example.net")[0].sender, sink.to("chloe@exemple.fr")[0].sender
    assert bob.startswith("semences-bounces+bob=example.net=") and bob.endswith("@lists.test")
    assert chloe.startswith("semences-bounces+chloe=exemple.fr=")
    signature = bob.split("=")[-1].split("@")[0]
    assert len(signature) >= 16 and signature == signature.lower()  # survives case folding
    assert signature not in chloe


def test_forged_reports_change_nobody(members, send, sink):
    forged_tags = ["semences-bounces@lists.test",  # no tag: the report's addresses only
                   "semences-bounces+bob=example.net@lists.test",  # the old unsigned form
                   "semences-bounces+bob=example.net=aaaaaaaaaaaaaaaa@lists.test"]
    for address in forged_tags:
        for name in ("forged-dsn.eml", "forged-arf.eml"):
            code, _ = send((TRUST / name).read_bytes(), to=address, sender="")
            assert code == 250  # accepted (an MTA must not retry), then ignored
    # a stranger's flufl-style bounce (qmail format) naming chloe, and a tag signed for chloe
    # reused to name bob: neither counts against bob or chloe
    code, _ = send((DELIVERY / "qmail.eml").read_bytes(), to="semences-bounces@lists.test",
                   sender="")
    assert code == 250
    run_jobs(members)
    assert untouched(members, "bob@example.net") and untouched(members, "chloe@exemple.fr")
    assert sink.to("owner@example.org") == []  # and the owners are not bothered


def test_a_tag_signed_for_another_member_or_list_does_not_transfer(members, send, sink):
    assert send(post())[0] == 250
    chloe_tag = sink.to("chloe@exemple.fr")[0].sender.split("+", 1)[1].split("@")[0]
    signature = chloe_tag.rsplit("=", 1)[1]
    for address in (f"semences-bounces+bob=example.net={signature}@lists.test",
                    f"libre-bounces+{chloe_tag}@lists.test"):
        send((TRUST / "forged-dsn.eml").read_bytes(), to=address, sender="")
    run_jobs(members)
    assert untouched(members, "bob@example.net") and untouched(members, "chloe@exemple.fr")


def test_a_genuine_bounce_to_the_signed_tag_still_counts(members, send, sink):
    assert send(post())[0] == 250
    bob_verp = sink.to("bob@example.net")[0].sender
    code, _ = send((DELIVERY / "dsn-hard.eml").read_bytes(), to=bob_verp, sender="")
    assert code == 250
    run_jobs(members)
    bob = member(members, "bob@example.net")
    assert bob.disabled and bob.bounce_score == 1.0
    assert untouched(members, "chloe@exemple.fr")
    # a feedback loop report sent to the plain bounce address counts when the copy it
    # encloses names a signed recipient (RFC 5965 Original-Mail-From)
    chloe_verp = sink.to("chloe@exemple.fr")[0].sender
    arf = (DELIVERY / "arf.eml").read_bytes().replace(
        b"<semences-bounces+chloe=exemple.fr@lists.test>", f"<{chloe_verp}>".encode())
    send(arf, to="semences-bounces@lists.test", sender="")
    run_jobs(members)
    assert member(members, "chloe@exemple.fr") is None  # complaint_action=unsubscribe
