"""Bounces: DSNs and ARF reports at the VERP address, Mailman-style scoring, owners told.

DSNs are sent to the real listener at the signed ``semences-bounces+bob=example.net=<sig>@…`` with a
null reverse-path, as an MTA would; the owner's notice arrives at the real sink.
"""
from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from backends import FIXTURES, run_jobs
from federation.lists import bounces
from federation.storage.db import session_scope
from federation.lists.directory import find_list
from federation.storage.models import ListSetting, Member, utcnow

pytestmark = pytest.mark.relay  # outgoing mail reaches the real SMTP sink

DELIVERY = FIXTURES / "delivery"
SECRET = "test-secret"  # conftest's secret key: VERP tags are signed with it


def verp(email: str, list_address: str = "semences@lists.test") -> str:
    from federation.settings import Settings
    return bounces.bounce_address(Settings(secret_key=SECRET), list_address, email)


BOB_VERP = verp("bob@example.net")



@pytest.fixture
def members(lists):
    with session_scope(lists) as session:
        mailing_list = find_list(session, "semences@lists.test")
        session.add_all([Member(list_id=mailing_list.id, email="bob@example.net"),
                         Member(list_id=mailing_list.id, email="chloe@exemple.fr"),
                         Member(list_id=mailing_list.id, email="owner@example.org",
                                role="owner")])
    return lists


def member(settings, email):
    with session_scope(settings) as session:
        return session.scalar(select(Member).filter_by(email=email))


def test_verp_address_names_the_member(members):
    assert bounces.verified_recipient(members, BOB_VERP) == ("semences@lists.test",
                                                             "bob@example.net")
    assert bounces.verified_recipient(members, verp("a.b+tag@x.org", "agora-lyon@l.test")) == (
        "agora-lyon@l.test", "a.b+tag@x.org")
    assert bounces.verified_recipient(members, "semences-bounces@lists.test") == (
        "semences@lists.test", "")


def test_a_dsn_through_the_listener_disables_at_the_threshold_and_tells_the_owner(
        members, send, sink):
    with session_scope(members) as session:
        mailing_list = find_list(session, "semences@lists.test")
        session.add(ListSetting(list_id=mailing_list.id, key="bounce_threshold", value="1"))
    code, _ = send((DELIVERY / "dsn-hard.eml").read_bytes(), to=BOB_VERP, sender="")
    assert code == 250
    run_jobs(members)
    bob = member(members, "bob@example.net")
    assert bob.disabled and bob.bounce_score == 1.0 and "bounces" in bob.disabled_reason
    assert not member(members, "chloe@exemple.fr").disabled
    notice = sink.to("owner@example.org")
    assert len(notice) == 1 and notice[0].sender == "<>"  # null reverse-path (RFC 3834)
    assert "bob@example.net" in notice[0].message["Subject"]


def test_scores_like_mailman_hard_soft_once_a_day_stale_reset(members):
    now = utcnow()
    with session_scope(members) as session:
        list_id = find_list(session, "semences@lists.test").id
    soft = (DELIVERY / "dsn-soft.eml").read_bytes()
    hard = (DELIVERY / "dsn-hard.eml").read_bytes()
    assert bounces.handle(members, soft, BOB_VERP, now=now).soft == ["bob@example.net"]
    bounces.handle(members, hard, BOB_VERP, now=now + timedelta(hours=2))  # same day: ignored
    assert member(members, "bob@example.net").bounce_score == 0.5
    for day in range(1, 5):  # 0.5 + 4 × 1.0 = 4.5: not yet
        bounces.handle(members, hard, BOB_VERP, now=now + timedelta(days=day))
    assert not member(members, "bob@example.net").disabled
    report = bounces.handle(members, hard, BOB_VERP, now=now + timedelta(days=5))
    assert report.disabled == ["bob@example.net"] and member(members, "bob@example.net").disabled
    with session_scope(members) as session:  # a week without bounces starts again
        bounces.score(session, members, list_id, "chloe@exemple.fr", True, now=now)
        bounces.score(session, members, list_id, "chloe@exemple.fr", True,
                      now=now + timedelta(days=9))
    assert member(members, "chloe@exemple.fr").bounce_score == 1.0


def test_arf_complaint_disables_or_unsubscribes(members):
    report = bounces.handle(members, (DELIVERY / "arf.eml").read_bytes(),
                            verp("chloe@exemple.fr"))
    assert report.kind == "arf" and report.disabled == ["chloe@exemple.fr"]
    assert "complaint" in member(members, "chloe@exemple.fr").disabled_reason
    with session_scope(members) as session:
        mailing_list = find_list(session, "semences@lists.test")
        session.add(ListSetting(list_id=mailing_list.id, key="complaint_action",
                                value="unsubscribe"))
    arf_for_bob = (DELIVERY / "arf.eml").read_bytes().replace(b"chloe@exemple.fr",
                                                              b"bob@example.net")
    bounces.handle(members, arf_for_bob, BOB_VERP)
    assert member(members, "bob@example.net") is None


def test_non_dsn_bounce_uses_flufl_detectors_but_only_the_signed_tag_counts(members):
    qmail = (DELIVERY / "qmail.eml").read_bytes()
    report = bounces.handle(members, qmail, "semences-bounces@lists.test")
    assert report.kind == "other" and report.hard == []  # unsigned: names nobody (item 9.5)
    assert member(members, "chloe@exemple.fr").bounce_score == 0.0
    report = bounces.handle(members, qmail, verp("chloe@exemple.fr"))
    assert report.kind == "other" and report.hard == ["chloe@exemple.fr"]
    assert member(members, "chloe@exemple.fr").bounce_score == 1.0


def test_garbage_and_unknown_lists_change_nothing(members):
    assert bounces.handle(members, b"\x00\xffnot a mail", BOB_VERP).kind == "unrecognised"
    assert bounces.handle(members, (DELIVERY / "dsn-hard.eml").read_bytes(),
                          "nolist-bounces+bob=example.net@lists.test").kind == "unknown-list"
    assert member(members, "bob@example.net").bounce_score == 0.0
