"""Header injection: CR LF decoded from RFC 2047 words never becomes a header line of ours.

A subject, a display name and a file name each carry ``=?utf-8?b?…?=`` text that decodes to
``\\r\\nReply-To: evil@x\\r\\nList-Unsubscribe: <http://evil.x/u>``. The post goes through the
real listener to a list with a subject tag and members; what reaches the real sink (member
copies, notices, digests) is parsed back line by line and with the email package.
"""
from __future__ import annotations

import base64
import email
import email.policy
import re
from datetime import timedelta
from email.utils import formatdate, getaddresses

import pytest

from backends import FIXTURES, run_jobs
from federation.delivery import dmarc
from federation.storage.db import session_scope
from federation.lists.directory import find_list
from federation.storage.models import ListSetting, Member, utcnow
from mail import digest_mail

pytestmark = pytest.mark.relay  # outgoing mail reaches the real SMTP sink


@pytest.fixture(autouse=True)
def fresh_dmarc():
    """DMARC answers are cached per process: each test here asks afresh."""
    dmarc.forget()


HOSTILE = FIXTURES / "hostile"
MEMBERS = ["alice@example.org", "bob@example.net", "chloe@exemple.fr"]
EVIL = "\r\nReply-To: evil@x\r\nList-Unsubscribe: <http://evil.x/u>"


def configure(settings, members=MEMBERS, role="member", delivery="each", **values):
    """Members, list columns (subject_prefix, policy…) and list settings (dmarc_mode…)."""
    with session_scope(settings) as session:
        mailing_list = find_list(session, "semences@lists.test")
        for address in members:
            session.add(Member(list_id=mailing_list.id, email=address, role=role,
                               delivery=delivery))
        for key, value in values.items():
            if hasattr(mailing_list, key):
                setattr(mailing_list, key, value)
            else:
                session.add(ListSetting(list_id=mailing_list.id, key=key, value=value))


def hostile() -> bytes:
    """The fixture dated now (delivery skips what looks like an import of old archives)."""
    raw = (HOSTILE / "crlf-injection.eml").read_bytes()
    return re.sub(rb"(?m)^Date: .*$", f"Date: {formatdate()}\r".encode(), raw, count=1)


def field_names(raw: bytes) -> list[str]:
    """The names of the header fields of a message, read line by line as an MTA does."""
    head = re.split(rb"\r?\n\r?\n", raw, maxsplit=1)[0]
    return [line.split(b":", 1)[0].strip().decode("ascii", "replace").lower()
            for line in re.split(rb"\r?\n", head) if line and line[:1] not in (b" ", b"\t")]


def assert_one_field_each(raw: bytes, *names: str) -> None:
    found = field_names(raw)
    for name in names:
        assert found.count(name) == 1, (name, found)


def test_member_copies_keep_our_headers_and_one_subject(settings, lists, send, sink):
    configure(lists, subject_prefix="[Semences]", footer="Pied de liste")
    code, reply = send(hostile())
    assert code == 250, reply
    assert sorted(r.recipient for r in sink.received) == sorted(MEMBERS)
    for copy in sink.received:
        assert_one_field_each(copy.raw, "subject", "list-unsubscribe", "list-id", "from")
        assert "reply-to" not in field_names(copy.raw)
        mail = copy.message
        assert mail["Subject"] == ("[Semences] Graines de tomates Reply-To: evil@x "
                                   "List-Unsubscribe: <http://evil.x/u>")
        one_click, mailto = [p.strip() for p in mail["List-Unsubscribe"].split(",")]
        assert one_click.startswith("<http://relais.test/u/")
        assert mailto == "<mailto:semences-leave@lists.test>"
        assert "evil" not in mail["List-Unsubscribe"]
        assert [p.get_filename() for p in mail.iter_attachments()][0].startswith("plan.pdf")


def test_dmarc_munged_copies_keep_one_reply_to_the_author(settings, lists, send, sink):
    configure(lists, subject_prefix="[Semences]", dmarc_mode="always")
    assert send(hostile())[0] == 250
    assert len(sink.received) == len(MEMBERS)
    for copy in sink.received:
        assert_one_field_each(copy.raw, "subject", "reply-to", "from", "list-unsubscribe",
                              "x-original-from")
        mail = copy.message
        assert [a for _, a in getaddresses([str(mail["Reply-To"])])] == ["alice@example.org"]
        assert [a for _, a in getaddresses([str(mail["From"])])] == ["semences@lists.test"]
        assert "evil" not in mail["List-Unsubscribe"]


def test_held_and_moderator_notices_stay_one_header_each(settings, lists, send, sink):
    configure(lists, members=["modo@example.org"], role="moderator", policy="moderated")
    raw = hostile()
    code, reply = send(raw)
    assert code == 250, reply
    run_jobs(lists)
    [told] = sink.to("alice@example.org")      # "held": the poster's subject is in ours
    [moderator] = sink.to("modo@example.org")  # the original is attached for the moderator
    for notice in (told, moderator):
        assert_one_field_each(notice.raw, "subject", "from", "to")
        assert "reply-to" not in field_names(notice.raw)
        assert "list-unsubscribe" not in field_names(notice.raw)
        assert "Graines de tomates Reply-To: evil@x" in notice.message["Subject"]
    attached = [part for part in moderator.message.iter_attachments()
                if part.get_content_type() == "message/rfc822"]
    assert len(attached) == 1
    assert raw.replace(b"\r\n", b"\n") in moderator.raw.replace(b"\r\n", b"\n")  # byte-exact


def _digest(lists, sink, flavour: str):
    configure(lists, members=["dora@example.org"], delivery="digest",
              subject_prefix="[Semences]", digest_format=flavour)
    assert digest_mail.send_due(lists, now=utcnow() + timedelta(days=1)) == 1
    run_jobs(lists)
    [copy] = sink.to("dora@example.org")
    assert_one_field_each(copy.raw, "subject", "list-unsubscribe", "list-id")
    assert "reply-to" not in field_names(copy.raw)
    return copy


def test_plain_digest_keeps_one_subject_line_per_message(settings, lists, send, sink):
    assert send(hostile())[0] == 250
    copy = _digest(lists, sink, "plain")
    text = copy.message.get_content()
    entry = text[text.index("Message-ID: <injection-1@example.org>") - 400:]
    entry = entry[:entry.index("\n\n", entry.index("Message-ID:"))]
    lines = entry.split("\n")
    assert [l for l in lines if l.startswith("Subject: ")] == [
        "Subject: Graines de tomates Reply-To: evil@x List-Unsubscribe: <http://evil.x/u>"]
    assert not any(l.startswith(("Reply-To:", "List-Unsubscribe:")) for l in lines)
    assert [l for l in lines if l.startswith("From: ")][0].endswith("<alice@example.org>")


def test_mime_digest_carries_the_original_untouched(settings, lists, send, sink):
    raw = hostile()
    assert send(raw)[0] == 250
    copy = _digest(lists, sink, "mime")
    _toc, bundle = copy.message.iter_parts()
    [inner] = [part.get_content() for part in bundle.iter_parts()]
    assert inner["Message-ID"] == "<injection-1@example.org>"
    assert inner.get_all("Reply-To") is None and inner.get_all("List-Unsubscribe") is None
    assert raw.replace(b"\r\n", b"\n") in copy.raw.replace(b"\r\n", b"\n")  # byte-exact


def test_encoded_words_in_the_fixture_really_carry_crlf():
    """The fixture is what it claims: each encoded word decodes to a CR LF injection."""
    raw = (HOSTILE / "crlf-injection.eml").read_bytes().decode()
    words = re.findall(r"=\?utf-8\?b\?([A-Za-z0-9+/=]+)\?=", raw)
    assert len(words) == 3
    assert all(base64.b64decode(w).decode().endswith(EVIL) for w in words)
    assert email.message_from_string(raw, policy=email.policy.default)["Message-ID"]


def test_bare_cr_in_a_header_cannot_smuggle_our_list_headers(settings, lists, send, sink):
    """A lone CR ends a line for many parsers (Python's email package among them): the list
    headers hidden behind one in the poster's Subject are removed like any other copy (no
    subject tag here: with one, the Subject is rewritten on one line anyway)."""
    configure(lists)
    raw = (HOSTILE / "bare-cr.eml").read_bytes()
    raw = re.sub(rb"(?m)^Date: .*$", f"Date: {formatdate()}\r".encode(), raw, count=1)
    assert send(raw)[0] == 250
    assert len(sink.received) == len(MEMBERS)
    for copy in sink.received:
        mail = email.message_from_bytes(copy.raw, policy=email.policy.default)
        assert len(mail.get_all("List-Unsubscribe")) == 1
        assert "evil" not in mail["List-Unsubscribe"]
        assert_one_field_each(copy.raw, "subject", "list-unsubscribe", "list-id")
        assert mail["Subject"].startswith("Graines")
