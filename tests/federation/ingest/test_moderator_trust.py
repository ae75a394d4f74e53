"""Item 9.6: a From naming a moderator is not a moderator's post.

On a moderated (or announce) list a post bypasses moderation only when its From is a
moderator or owner and either the envelope sender is that same address, or the MTA whose
authserv-id we trust (``RELAIS_AUTHSERV_ID``) recorded ``dmarc=pass`` for the From domain in
the topmost ``Authentication-Results`` (RFC 8601). Anything else is held like a stranger's.
"""
from __future__ import annotations

import dataclasses
from email.utils import formatdate

import pytest

from federation.lists import directory, membership
from federation.storage.db import session_scope
from federation.lists.directory import find_list
from mail.server import Running
from outbox import held_rows, mails_to, trust_fixture

POST = "semences@lists.test"
MX = "mx.lists.test"


@pytest.fixture
def lists(lists):
    """semences is moderated, modo moderates it, alice gets every copy (the data dir present)."""
    lists.data_dir.mkdir(parents=True, exist_ok=True)
    with session_scope(lists) as session:
        ml = find_list(session, POST)
        directory.edit_list(session, ml, policy="moderated")
        membership.add(session, find_list(session, POST), "modo@example.org", role="moderator")
        membership.add(session, find_list(session, POST), "alice@example.org")
    return lists


@pytest.fixture
def trusting(lists):
    """A second real listener over the same database, trusting our MTA's authserv-id."""
    running = Running(dataclasses.replace(lists, authserv_id=MX), port=0,
                      host="127.0.0.1").start()
    yield running
    running.stop()


def post(ident: str, *fields: str) -> bytes:
    # dated now: delivery skips what looks like an old archive being imported
    return trust_fixture("forged-moderator.eml", ID=ident, DATE=formatdate(),
                         HEADERS="".join(field + "\n" for field in fields))


def delivered(settings, ident: str) -> bool:
    """Whether alice (a plain member) got the post, i.e. it went out unmoderated."""
    return any(m["Message-ID"] == f"<{ident}@example.org>"
               for m in mails_to(settings, "alice@example.org"))


def held(settings) -> list[str]:
    return [row.message_id for row in held_rows(settings)]


def smtp_to(running, raw: bytes, sender: str):
    import smtplib
    from backends import run_jobs
    with smtplib.SMTP("127.0.0.1", running.port) as client:
        client.sendmail(sender, [POST], raw)
    run_jobs(running._settings)


PASS = f"Authentication-Results: {MX}; spf=fail smtp.mailfrom=evil.example;\n" \
       f" dkim=pass header.d=example.org; dmarc=pass (p=reject) header.from=example.org"


def test_a_moderator_from_with_a_stranger_envelope_is_held(send, lists):
    assert "held" in send(post("forged-1"), sender="stranger@evil.example")[1]
    # without RELAIS_AUTHSERV_ID nobody's Authentication-Results is believed, even "ours"
    assert "held" in send(post("forged-2", PASS), sender="stranger@evil.example")[1]
    assert held(lists) == ["forged-1@example.org", "forged-2@example.org"]
    assert not delivered(lists, "forged-1") and not delivered(lists, "forged-2")
    assert [m for m in mails_to(lists, "modo@example.org") if "modérer" in str(m["Subject"])]


def test_the_moderator_with_their_own_envelope_posts_unmoderated(send, lists):
    assert "archived" in send(post("own-1"), sender="modo@example.org")[1]
    assert delivered(lists, "own-1") and held(lists) == []


def test_forged_authentication_results_are_not_believed(lists, trusting):
    forgeries = {
        "other-id": (f"Authentication-Results: {MX}.evil.example; dmarc=pass "
                     f"header.from=example.org",),
        "other-domain": (f"Authentication-Results: {MX}; dmarc=pass header.from=evil.example",),
        "fail-on-top": (f"Authentication-Results: {MX}; dmarc=fail header.from=example.org",
                        "Received: from evil.example by mx.lists.test; Fri, 28 Nov 2025",
                        PASS),  # the sender's copy of our id, below our MTA's own field
        "comment-only": (f"Authentication-Results: {MX}; dmarc=fail "
                         f"(dmarc=pass header.from=example.org) header.from=example.org",),
    }
    for ident, fields in forgeries.items():
        smtp_to(trusting, post(ident, *fields), "stranger@evil.example")
    assert held(lists) == [f"{ident}@example.org" for ident in forgeries]
    assert not any(delivered(lists, ident) for ident in forgeries)


def test_a_dmarc_pass_recorded_by_our_mta_is_the_moderator(lists, trusting):
    """A forwarder (SRS) changed the envelope; our MTA checked DMARC: it is the moderator."""
    smtp_to(trusting, post("dmarc-1", PASS), "SRS0=ab12=XY=example.org=modo@forwarder.example")
    assert delivered(lists, "dmarc-1") and held(lists) == []
