"""The mail channel writes the same audit log as the console: joins and leaves confirmed by
mail, members disabled by bounces or complaints; an archived list refuses posts with a 5xx
and keeps its archive."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from backends import FIXTURES
from federation.lists import bounces, directory, membership
from federation.lists.directory import find_list
from federation.settings import Settings
from federation.storage.db import session_scope
from federation.storage.models import AuditEntry, ListSetting, Message
from outbox import mails_to, members_fixture, reply_to


@pytest.fixture
def lists(lists):
    lists.data_dir.mkdir(parents=True, exist_ok=True)  # the outbox's home, as after init
    return lists


def _log(settings) -> list[tuple[str, str, str, str]]:
    with session_scope(settings) as session:
        return [(e.action, e.channel, e.actor, e.target)
                for e in session.scalars(select(AuditEntry).order_by(AuditEntry.id))]


def test_joining_and_leaving_by_mail_are_in_the_audit_log(send, lists):
    send(members_fixture("subscribe-fr.eml"), to="semences-join@lists.test",
         sender="camille@example.org")
    (confirmation,) = mails_to(lists, "camille@example.org")
    send(reply_to(confirmation, "camille@example.org"), to="semences-request@lists.test",
         sender="camille@example.org")
    assert _log(lists) == [("member.join", "mail", "camille@example.org",
                            "camille@example.org")]
    send(members_fixture("leave-fr.eml"), to="semences-leave@lists.test",
         sender="camille@example.org")
    leave = [m for m in mails_to(lists, "camille@example.org") if "désabonnement" in m["Subject"]]
    send(reply_to(leave[0], "camille@example.org"), to="semences-request@lists.test",
         sender="camille@example.org")
    assert _log(lists)[-1] == ("member.leave", "mail", "camille@example.org",
                               "camille@example.org")
    with session_scope(lists) as session:
        assert session.scalar(select(AuditEntry).where(
            AuditEntry.action == "member.leave")).assembly_id is not None  # per assembly


def test_a_member_disabled_by_bounces_or_a_complaint_is_in_the_audit_log(lists):
    with session_scope(lists) as session:
        ml = find_list(session, "semences@lists.test")
        membership.add(session, ml, "bob@example.net")
        membership.add(session, ml, "chloe@exemple.fr")
        session.add(ListSetting(list_id=ml.id, key="bounce_threshold", value="1"))
    signing = Settings(secret_key="test-secret")
    hard = (FIXTURES / "delivery" / "dsn-hard.eml").read_bytes()
    bounces.handle(lists, hard, bounces.bounce_address(signing, "semences@lists.test",
                                                       "bob@example.net"))
    arf = (FIXTURES / "delivery" / "arf.eml").read_bytes()
    bounces.handle(lists, arf, bounces.bounce_address(signing, "semences@lists.test",
                                                      "chloe@exemple.fr"))
    assert [(a, c, t) for a, c, _actor, t in _log(lists)] == [
        ("member.disable", "mail", "bob@example.net"),
        ("member.disable", "mail", "chloe@exemple.fr")]


def test_an_archived_list_refuses_posts_and_keeps_its_messages(send, lists):
    assert send("root.eml")[0] == 250
    with session_scope(lists) as session:
        assert directory.archive_list(session, find_list(session, "semences@lists.test"), True)
    code, reply = send("reply-8bit-fr.eml")
    assert code == 550 and "5.2.1" in reply and "archivée" in reply
    with session_scope(lists) as session:
        assert session.scalar(select(Message.message_id)) == "root-jardin@example.org"
        assert directory.archive_list(session, find_list(session, "semences@lists.test"),
                                      False)
    assert send("reply-8bit-fr.eml")[0] == 250
