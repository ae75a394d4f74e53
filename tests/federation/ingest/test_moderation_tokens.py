"""Item 9.8: a token planted by a poster cannot derail a moderator's reply.

A poster who knows the token of another held message (it is the moderator notice's, mailed
to moderators only, but assume it leaked) writes it into their own subject and body. The
moderator answers the notice of *that* post: only that post is approved (or rejected). A
held message is decided only by its own token, and only by mail from a moderator.
"""
from __future__ import annotations

import pytest
from sqlalchemy import func, select

from federation.lists import directory, membership
from federation.storage.db import session_scope
from federation.lists.directory import find_list
from federation.storage.models import Message
from outbox import held_rows, mails_to, reply_to, secret_of, trust_fixture

POST = "semences@lists.test"
MODO = "modo@example.org"


@pytest.fixture
def lists(lists):
    """semences is members-only, with a moderator; libre has one too (the data dir present)."""
    lists.data_dir.mkdir(parents=True, exist_ok=True)
    with session_scope(lists) as session:
        for address in (POST, "libre@lists.test"):
            ml = find_list(session, address)
            directory.edit_list(session, ml, policy="members")
            membership.add(session, find_list(session, address), MODO, role="moderator")
    return lists


def archived(settings, message_id: str) -> bool:
    with session_scope(settings) as session:
        return session.scalar(select(func.count()).select_from(Message).where(
            Message.message_id == message_id, Message.ghost.is_(False))) == 1


def status(settings) -> dict[str, str]:
    return {row.message_id: row.status for row in held_rows(settings)}


def notice_for(settings, words: str, to: str = MODO):
    (found,) = [m for m in mails_to(settings, to) if words in str(m["Subject"])]
    return found


def plant(send, settings, to: str = POST) -> str:
    """Hold a first post, then a second one carrying the first one's token; the token."""
    send(trust_fixture("held-first.eml"), sender="bob@example.net", to=to)
    planted = secret_of(notice_for(settings, "Graines de tomates"))
    code, _ = send(trust_fixture("planted-token.eml", TOKEN=planted), sender="bob@example.net",
                   to=to)
    assert code == 250
    return planted


def test_moderator_reply_approves_the_message_it_answers_only(send, lists):
    planted = plant(send, lists)
    notice = [m for m in mails_to(lists, MODO) if "Graines" not in str(m["Subject"])][0]
    assert secret_of(notice) != planted  # our token comes first in the notice's subject
    code, reply = send(reply_to(notice, MODO, "OK"), to="semences-request@lists.test",
                       sender=MODO)
    assert code == 250 and "approved" in reply
    assert status(lists) == {"first-held@example.net": "held",
                             "planted-1@example.net": "approved"}
    assert archived(lists, "planted-1@example.net")
    assert not archived(lists, "first-held@example.net")


def test_moderator_reject_reply_rejects_the_message_it_answers_only(send, lists):
    plant(send, lists)
    notice = [m for m in mails_to(lists, MODO) if "Graines" not in str(m["Subject"])][0]
    code, reply = send(reply_to(notice, MODO, "Rejeter\n\n> confirm xx"),
                       to="semences-request@lists.test", sender=MODO)
    assert code == 250 and "rejected" in reply
    assert status(lists) == {"first-held@example.net": "held",
                             "planted-1@example.net": "rejected"}


def test_a_token_of_another_list_decides_nothing_here(send, lists):
    """libre's held message's token, planted in a semences post, approves nothing."""
    send(trust_fixture("held-first.eml"), sender="bob@example.net", to="libre@lists.test")
    planted = secret_of(notice_for(lists, "Graines de tomates"))
    send(trust_fixture("planted-token.eml", TOKEN=planted), sender="bob@example.net")
    notice = [m for m in mails_to(lists, MODO) if "Graines" not in str(m["Subject"])][0]
    send(reply_to(notice, MODO, "OK"), to="semences-request@lists.test", sender=MODO)
    assert status(lists) == {"first-held@example.net": "held",
                             "planted-1@example.net": "approved"}


def test_the_poster_cannot_redeem_a_moderation_token_themself(send, lists):
    """A moderation token is spent only by mail from a moderator of the list."""
    planted = plant(send, lists)
    first = notice_for(lists, "Graines de tomates")
    code, reply = send(reply_to(first, "bob@example.net", "OK"),
                       to="semences-request@lists.test", sender="bob@example.net")
    assert code == 250 and "approved" not in reply
    assert status(lists)["first-held@example.net"] == "held"
    assert not archived(lists, "first-held@example.net")
    # the moderator still decides with the same token afterwards
    send(reply_to(first, MODO, "OK"), to="semences-request@lists.test", sender=MODO)
    assert status(lists)["first-held@example.net"] == "approved"
    assert planted == secret_of(first)


def test_a_reply_that_lost_our_token_does_not_fall_back_on_a_quoted_one(send, lists):
    """The moderator retitled the reply and their client quoted the attached post: the
    reply's In-Reply-To names our notice, so the quoted planted token decides nothing."""
    planted = plant(send, lists)
    notice = [m for m in mails_to(lists, MODO) if "Graines" not in str(m["Subject"])][0]
    ours = secret_of(notice)
    raw = reply_to(notice, MODO, f"OK\r\n\r\n> Subject: confirm {planted}\r\n> confirm {planted}")
    raw = raw.replace(f"Subject: Re: {notice['Subject']}".encode(), b"Subject: Re: vu")
    assert ours.encode() not in raw
    code, _ = send(raw, to="semences-request@lists.test", sender=MODO)
    assert code == 250
    assert status(lists) == {"first-held@example.net": "held", "planted-1@example.net": "held"}
