"""Item 9.1: a private list's subscriptions wait for a moderator (confirm, then moderate).

Mailman's ``subscription_policy = confirm_then_moderate``: the subscriber confirms (by reply
or by the web link), then the request waits for a moderator or owner, who approves by
replying to a notice (or refuses with "rejeter"). Only approval makes a member. Public lists
keep confirm-only.
"""
from __future__ import annotations

import re
from email.utils import formatdate

import pytest

from federation.lists import membership
from federation.storage.db import session_scope
from federation.lists.directory import find_list
from outbox import mails_to, reply_to, secret_of, trust_fixture
from backends import run_jobs
from pages import csrf_token
PRIVE = "prive@lists.test"
REQUEST = "prive-request@lists.test"
CAMILLE = "camille@example.org"
MODO = "modo@example.org"


@pytest.fixture
def lists(lists):
    """prive (public=False) has a moderator and a member (the data dir present)."""
    lists.data_dir.mkdir(parents=True, exist_ok=True)
    with session_scope(lists) as session:
        ml = find_list(session, PRIVE)
        membership.add(session, ml, MODO, role="moderator")
        membership.add(session, ml, "membre@example.org")
    return lists


def is_member(settings, email: str, address: str = PRIVE) -> bool:
    with session_scope(settings) as session:
        return membership.find(session, find_list(session, address), email) is not None


def confirmed_by_reply(send, settings):
    """Camille asks by mail and confirms by reply; the reply's SMTP answer."""
    code, _ = send(trust_fixture("join-private.eml"), to="prive-join@lists.test", sender=CAMILLE)
    assert code == 250
    (confirmation,) = mails_to(settings, CAMILLE)
    return send(reply_to(confirmation, CAMILLE), to=REQUEST, sender=CAMILLE)


def request_for_moderators(settings):
    (notice,) = [m for m in mails_to(settings, MODO) if CAMILLE in str(m["Subject"])]
    return notice


def private_post_reaches(send, settings, email: str) -> bool:
    local = f"{email.split('@')[0]}-{len(mails_to(settings, email))}"
    raw = (f"From: membre@example.org\r\nTo: {PRIVE}\r\nSubject: Ordre du jour\r\n"
           f"Date: {formatdate()}\r\nMessage-ID: <odj-{local}@example.org>\r\n"
           f"Content-Type: text/plain; charset=utf-8\r\n\r\nConfidentiel.\r\n").encode()
    send(raw, to=PRIVE, sender="membre@example.org")
    return any(m["Message-ID"] == f"<odj-{local}@example.org>" for m in mails_to(settings, email))


def test_confirming_by_reply_makes_a_request_not_a_member(send, lists):
    code, reply = confirmed_by_reply(send, lists)
    assert code == 250 and "pending" in reply
    assert not is_member(lists, CAMILLE)
    pending = mails_to(lists, CAMILLE)[-1]
    assert "attente" in pending["Subject"] and "modérat" in pending.get_content()
    notice = request_for_moderators(lists)
    assert "confirm" in notice["Subject"] and "rejeter" in notice.get_content()
    assert not private_post_reaches(send, lists, CAMILLE)


def test_a_moderator_reply_approves_and_welcomes(send, lists):
    confirmed_by_reply(send, lists)
    notice = request_for_moderators(lists)
    code, reply = send(reply_to(notice, MODO, "OK"), to=REQUEST, sender=MODO)
    assert code == 250 and "subscribed" in reply
    assert is_member(lists, CAMILLE)
    assert "Bienvenue" in mails_to(lists, CAMILLE)[-1]["Subject"]
    assert private_post_reaches(send, lists, CAMILLE)


def test_a_moderator_can_refuse(send, lists):
    confirmed_by_reply(send, lists)
    notice = request_for_moderators(lists)
    code, reply = send(reply_to(notice, MODO, "Rejeter, désolé"), to=REQUEST, sender=MODO)
    assert code == 250 and "refused" in reply
    assert not is_member(lists, CAMILLE)
    assert "refusée" in mails_to(lists, CAMILLE)[-1]["Subject"]


def test_the_requester_cannot_approve_themself(send, lists):
    confirmed_by_reply(send, lists)
    notice = request_for_moderators(lists)  # suppose it leaked to camille
    send(reply_to(notice, CAMILLE, "OK"), to=REQUEST, sender=CAMILLE)
    assert not is_member(lists, CAMILLE)


def test_the_web_confirmation_link_also_waits_for_a_moderator(send, lists):
    from web import create_app
    client = create_app(lists).test_client()
    send(trust_fixture("join-private.eml"), to="prive-join@lists.test", sender=CAMILLE)
    (confirmation,) = mails_to(lists, CAMILLE)
    link = re.search(r"http://relais\.test(/confirm/\S+)", confirmation.get_content()).group(1)
    token = csrf_token(client, link)
    page = client.post(link, data={"csrf_token": token})
    run_jobs(lists)
    assert page.status_code == 200 and "modérat" in page.get_data(as_text=True)
    assert not is_member(lists, CAMILLE)
    admit = secret_of(request_for_moderators(lists))
    assert client.post(f"/confirm/{admit}",
                       data={"csrf_token": token}).status_code == 404  # decided by mail only
    assert not is_member(lists, CAMILLE)


def test_public_lists_keep_confirm_only(send, lists):
    send(trust_fixture("join-private.eml").replace(b"prive-join", b"semences-join"),
         to="semences-join@lists.test", sender=CAMILLE)
    (confirmation,) = mails_to(lists, CAMILLE)
    code, reply = send(reply_to(confirmation, CAMILLE), to="semences-request@lists.test",
                       sender=CAMILLE)
    assert "subscribed" in reply and is_member(lists, CAMILLE, "semences@lists.test")
    assert mails_to(lists, MODO) == []
