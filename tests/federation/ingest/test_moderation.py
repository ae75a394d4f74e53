"""Admission rules and moderation: loops, automatic mail, bans, posting policies, held messages
approved or rejected by a moderator's reply. Through the real listener, on both backends."""
from __future__ import annotations

import re
from datetime import datetime, timezone
from email.utils import format_datetime

from sqlalchemy import func, select

from federation.lists import directory, membership
from federation.ingest import holding
from federation.storage.db import session_scope
from federation.lists.directory import find_list
from federation.storage.models import Ban, Held, Message

import pytest
from outbox import mails_to, members_fixture, outbox, reply_to

POST = "semences@lists.test"


@pytest.fixture
def lists(lists):
    """The conftest lists with a moderator and a member on semences (the data dir present)."""
    lists.data_dir.mkdir(parents=True, exist_ok=True)
    with session_scope(lists) as session:
        ml = find_list(session, POST)
        membership.add(session, ml, "modo@example.org", role="moderator")
        membership.add(session, ml, "alice@example.org", delivery="none")
    return lists


def set_policy(settings, policy: str, address: str = POST) -> None:
    with session_scope(settings) as session:
        directory.edit_list(session, find_list(session, address), policy=policy)


def archived(settings, message_id: str) -> bool:
    with session_scope(settings) as session:
        return session.scalar(select(func.count()).select_from(Message).where(
            Message.message_id == message_id, Message.ghost.is_(False))) == 1


def held_rows(settings) -> list[Held]:
    with session_scope(settings) as session:
        rows = list(session.scalars(select(Held).order_by(Held.id)))
        for row in rows:
            _ = row.raw  # load the deferred bytes before the session closes
        return rows


def test_non_member_post_is_held_not_lost_and_moderator_told(send, lists):
    set_policy(lists, "members")
    raw = members_fixture("non-member-post.eml")
    code, reply = send(raw, sender="bob@example.net")
    assert code == 250 and "held for moderation" in reply
    (held,) = held_rows(lists)
    assert (held.reason, held.status, held.sender) == ("non-member", "held", "bob@example.net")
    assert held.raw == raw  # the bytes, kept as received
    assert not archived(lists, "tomates-1@example.net")
    (notice,) = mails_to(lists, "modo@example.org")
    assert "À modérer" in notice["Subject"] and notice["Auto-Submitted"] == "auto-generated"
    assert notice["Return-Path"] == "<>"
    attached = [part for part in notice.iter_attachments()
                if part.get_content_type() == "message/rfc822"]
    assert attached and attached[0].get_content()["Message-ID"] == "<tomates-1@example.net>"
    (told,) = mails_to(lists, "bob@example.net")
    assert "retenu" in told["Subject"] and "pas abonné" in told.get_content()

    code, _ = send(raw, sender="bob@example.net")  # a redelivery is not held twice
    assert code == 250 and len(held_rows(lists)) == 1 and len(outbox(lists)) == 2


def fresh(raw: bytes) -> bytes:
    """The message dated now: delivery skips what looks like an import of old archives."""
    now = format_datetime(datetime.now(timezone.utc)).encode()
    return re.sub(rb"(?m)^Date: .*$", b"Date: " + now + b"\r", raw, count=1)


def test_moderator_approves_by_reply(send, lists):
    set_policy(lists, "members")
    send(fresh(members_fixture("non-member-post.eml")), sender="bob@example.net")
    (notice,) = mails_to(lists, "modo@example.org")
    code, reply = send(reply_to(notice, "modo@example.org", "OK pour moi"),
                       to="semences-request@lists.test", sender="modo@example.org")
    assert code == 250 and "approved" in reply
    assert archived(lists, "tomates-1@example.net")
    assert held_rows(lists)[0].status == "approved"
    copies = [m for m in mails_to(lists, "modo@example.org")
              if m["Message-ID"] == "<tomates-1@example.net>"]
    assert len(copies) == 1 and "semences.lists.test" in copies[0]["List-Id"]  # delivered
    (ack,) = [m for m in mails_to(lists, "modo@example.org") if "Décision" in m["Subject"]]
    assert "accepté et diffusé" in ack.get_content()
    # the same reply again: the token is used, nothing changes, a clear answer
    code, reply = send(reply_to(notice, "modo@example.org"), to="semences-request@lists.test",
                       sender="modo@example.org")
    assert code == 250 and "already used" in reply


def test_moderator_rejects_by_reply(send, lists):
    set_policy(lists, "members")
    send(members_fixture("non-member-post.eml"), sender="bob@example.net")
    (notice,) = mails_to(lists, "modo@example.org")
    code, reply = send(reply_to(notice, "modo@example.org", "Rejeter : hors sujet\n\n> cité"),
                       to="semences-request@lists.test", sender="modo@example.org")
    assert code == 250 and "rejected" in reply
    assert held_rows(lists)[0].status == "rejected"
    assert not archived(lists, "tomates-1@example.net")
    refused = mails_to(lists, "bob@example.net")[-1]
    assert "refusé" in refused["Subject"] and refused["In-Reply-To"] == "<tomates-1@example.net>"


def test_moderated_and_announce_lists(send, lists):
    with session_scope(lists) as session:
        membership.add(session, find_list(session, POST), "owner@example.org", role="owner")
    set_policy(lists, "moderated")
    member_post = members_fixture("non-member-post.eml").replace(b"bob@example.net", b"alice@example.org")
    assert "held" in send(member_post)[1]
    owner_post = member_post.replace(b"alice@example.org", b"owner@example.org").replace(
        b"tomates-1", b"tomates-2")
    assert "archived" in send(owner_post, sender="owner@example.org")[1]
    set_policy(lists, "announce")
    other = member_post.replace(b"tomates-1", b"tomates-3")
    assert "held" in send(other)[1]
    by_moderator = other.replace(b"alice@example.org", b"modo@example.org").replace(
        b"tomates-3", b"tomates-4")
    assert "archived" in send(by_moderator, sender="modo@example.org")[1]
    assert [row.reason for row in held_rows(lists)] == ["moderated", "announce"]


def test_emergency_moderation_holds_even_on_an_open_list(send, lists):
    with session_scope(lists) as session:
        holding.set_emergency(session, find_list(session, POST), True)
    assert "held" in send(members_fixture("non-member-post.eml"), sender="bob@example.net")[1]
    assert held_rows(lists)[0].reason == "emergency"
    with session_scope(lists) as session:
        holding.set_emergency(session, find_list(session, POST), False)
    raw = members_fixture("non-member-post.eml").replace(b"tomates-1", b"tomates-9")
    assert "archived" in send(raw, sender="bob@example.net")[1]


def test_loop_and_automatic_mail_are_refused_and_never_answered(send, lists):
    code, reply = send(members_fixture("loop.eml"))
    assert code == 550 and "loop" in reply
    x_loop = members_fixture("non-member-post.eml").replace(
        b"MIME-Version", b"X-Loop: semences@lists.test\r\nMIME-Version")
    assert send(x_loop)[0] == 550
    code, reply = send(members_fixture("auto-post.eml"))
    assert code == 550 and "RFC 3834" in reply
    assert held_rows(lists) == [] and outbox(lists) == []
    assert not archived(lists, "loop-1@example.org")


def test_banned_addresses_exact_and_pattern(send, lists):
    with session_scope(lists) as session:
        session.add(Ban(list_id=find_list(session, POST).id, pattern="bob@example.net"))
        session.add(Ban(list_id=None, pattern=r"^.*@spam\.example$"))
        session.add(Ban(list_id=None, pattern="^(broken"))  # an invalid pattern bans nobody
    code, reply = send(members_fixture("non-member-post.eml"), sender="bob@example.net")
    assert code == 550 and "banned" in reply
    spam = members_fixture("non-member-post.eml").replace(b"bob@example.net", b"x@spam.example")
    assert send(spam, sender="x@spam.example")[0] == 550
    assert send(spam, to="libre@lists.test", sender="x@spam.example")[0] == 550
    ok = members_fixture("non-member-post.eml").replace(b"bob@example.net", b"carol@example.net")
    assert send(ok, sender="carol@example.net")[0] == 250


def test_too_many_recipients(send, lists):
    crowd = ",\r\n ".join(f"p{i}@example.org" for i in range(60))  # folded (RFC 5322 §2.2.3)
    raw = members_fixture("non-member-post.eml").replace(b"To: semences@lists.test",
                                                 f"To: semences@lists.test, {crowd}".encode())
    code, reply = send(raw, sender="bob@example.net")
    assert code == 550 and "too many recipients" in reply, reply
