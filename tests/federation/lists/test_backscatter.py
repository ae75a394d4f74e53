"""Item 9.7: Relais answers the envelope sender (RFC 3834 §4), never a forged From, and
answers any one address at most a few times a day, so it cannot flood a third party.

Confirmations, help, held and rejection notices go to the SMTP MAIL FROM (the
Return-Path); a null sender gets nothing; a subscription request subscribes the envelope
sender's address. The daily quota is counted in the database: the mail listener and the
web form share it.
"""
from __future__ import annotations

import re
from dataclasses import replace

import pytest

from federation.lists import directory, membership, tokens
from federation.storage.db import session_scope
from federation.lists.directory import find_list
from outbox import held_rows, mails_to, outbox, reply_to, trust_fixture
from backends import run_jobs
from pages import csrf_token
REQUEST = "semences-request@lists.test"
VICTIM = "victim@example.org"
ATTACKER = "attacker@evil.example"


@pytest.fixture
def lists(lists):
    """semences is members-only with a moderator (the data dir present)."""
    lists.data_dir.mkdir(parents=True, exist_ok=True)
    with session_scope(lists) as session:
        ml = find_list(session, "semences@lists.test")
        directory.edit_list(session, ml, policy="members")
        membership.add(session, find_list(session, ml.address), "modo@example.org",
                       role="moderator")
    return lists


def test_confirmation_and_help_go_to_the_envelope_sender(send, lists):
    code, _ = send(trust_fixture("forged-from-subscribe.eml", ID="s1"), to=REQUEST,
                   sender=ATTACKER)
    assert code == 250
    code, _ = send(trust_fixture("forged-from-help.eml"), to=REQUEST, sender=ATTACKER)
    assert code == 250
    assert mails_to(lists, VICTIM) == []
    confirmation, help_mail = mails_to(lists, ATTACKER)
    assert "Confirmez votre abonnement" in confirmation["Subject"]
    assert ATTACKER in confirmation.get_content()  # the request is for the envelope address
    assert "Aide" in help_mail["Subject"]
    # confirming subscribes the envelope sender, never the forged From
    send(reply_to(confirmation, f"Victime <{VICTIM}>"), to=REQUEST, sender=ATTACKER)
    with session_scope(lists) as session:
        ml = find_list(session, "semences@lists.test")
        assert membership.find(session, ml, VICTIM) is None
        assert membership.find(session, ml, ATTACKER) is not None
    assert mails_to(lists, VICTIM) == []


def test_a_null_sender_gets_nothing_even_with_a_from(send, lists):
    send(trust_fixture("forged-from-subscribe.eml", ID="s1"), to=REQUEST, sender="")
    send(trust_fixture("forged-from-post.eml", ID="p1"), sender="")
    assert [row.message_id for row in held_rows(lists)] == ["p1@evil.example"]
    assert [m["Delivered-To"] for m in outbox(lists)] == ["modo@example.org"]  # to moderate


def test_held_and_rejection_notices_go_to_the_stored_envelope_sender(send, lists):
    assert "held" in send(trust_fixture("forged-from-post.eml", ID="p2"), sender=ATTACKER)[1]
    (row,) = held_rows(lists)
    assert row.sender == ATTACKER
    (told,) = mails_to(lists, ATTACKER)
    assert "retenu" in told["Subject"]
    (notice,) = mails_to(lists, "modo@example.org")
    send(reply_to(notice, "modo@example.org", "Rejeter"), to=REQUEST, sender="modo@example.org")
    assert held_rows(lists)[0].status == "rejected"
    assert "refusé" in mails_to(lists, ATTACKER)[-1]["Subject"]
    assert mails_to(lists, VICTIM) == []


def test_at_most_a_few_answers_per_address_per_day_across_mail_and_web(send, lists):
    limit = lists.max_notices_per_day
    for n in range(limit + 3):
        code, _ = send(trust_fixture("forged-from-subscribe.eml", ID=f"flood-{n}"), to=REQUEST,
                       sender=VICTIM)
        assert code == 250  # still a clean answer to the MTA: nothing bounces
    assert len(mails_to(lists, VICTIM)) == limit
    # the web form (another process in production) sees the same count
    from web import create_app
    client = create_app(lists).test_client()
    token = csrf_token(client, "/l/semences@lists.test/")
    answer = client.post("/l/semences@lists.test/subscription",
                         data={"email": VICTIM, "action": "subscribe", "csrf_token": token})
    assert answer.status_code == 200  # the same page: nothing disclosed
    run_jobs(lists)
    assert len(mails_to(lists, VICTIM)) == limit
    # another address is not affected
    client.post("/l/semences@lists.test/subscription",
                data={"email": "other@example.org", "action": "subscribe", "csrf_token": token})
    run_jobs(lists)
    (confirmation,) = mails_to(lists, "other@example.org")
    link = re.search(r"/confirm/(\S+)", confirmation.get_content()).group(1)
    assert tokens.find_secret("confirm " + link) == link


def test_the_digest_form_shares_the_daily_quota(lists):
    """The cross-assembly digest's confirmation is an answer too: the same cap applies."""
    from web import create_app
    # the form's own rate limit per address (item 14) would stop the flood first: lift it to
    # see the daily quota of answers, which also counts mail requests, at work
    client = create_app(replace(lists, form_rate_address="100/hour")).test_client()
    token = csrf_token(client, "/digests/")
    for _ in range(lists.max_notices_per_day + 2):
        assert client.post("/digests/subscribe",
                           data={"email": VICTIM, "csrf_token": token}).status_code == 200
    run_jobs(lists)
    assert len([m for m in outbox(lists) if m["To"] == VICTIM]) == lists.max_notices_per_day
