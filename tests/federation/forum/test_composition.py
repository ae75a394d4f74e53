"""A web post as mail: the typed fields checked, and the message read back by our own parser
and by the standard library as a mail client would read it."""
from __future__ import annotations

import email
import email.policy

import pytest

from federation.archive.message import parse
from federation.errors import Invalid
from federation.forum.composition import MAX_BODY, compose, draft, quoted, reply_subject
from federation.storage.models import MailingList, Message

LIST = MailingList(name="Semences paysannes", address="semences@lists.test")
PARENT = Message(message_id="reply-1@example.org",
                 references="root-jardin@example.org reply-0@example.org")


def built(name="Amélie", address="amelie@example.org", subject="Re: semis", body="Bonjour",
          parent=PARENT):
    written = draft(LIST.address, name, address, subject, body,
                    parent.message_id if parent else "")
    raw, message_id = compose("lists.test", LIST, written, parent)
    return raw, message_id, parse(raw)


def test_a_reply_carries_the_parents_chain_and_a_message_id_of_ours():
    raw, message_id, parsed = built()
    assert message_id.endswith("@lists.test") and parsed.message_id == message_id
    mail = email.message_from_bytes(raw, policy=email.policy.default)
    assert mail["In-Reply-To"] == "<reply-1@example.org>"
    assert mail["References"] == \
        "<root-jardin@example.org> <reply-0@example.org> <reply-1@example.org>"
    assert mail["X-Relais-Via"] == "web" and mail["Date"].datetime.tzinfo is not None
    assert mail.get_content_type() == "text/plain" and mail.get_content_charset() == "utf-8"
    assert str(mail["From"]) == "Amélie <amelie@example.org>"
    assert b"\r\n" in raw and all(len(line) <= 78 for line in raw.split(b"\r\n"))


def test_what_was_typed_reads_back_as_typed_and_never_as_a_new_header():
    name = 'Zoé "la" <script>\r\nBcc: victim@example.net'
    subject = "Re: =?utf-8?b?PHNjcmlwdD4=?= café\nX-Injected: oui"
    raw, _mid, parsed = built(name=name, subject=subject, body="x" * 5000 + "\n> é")
    headers = email.message_from_bytes(raw, policy=email.policy.default)
    assert headers["Bcc"] is None and headers["X-Injected"] is None
    assert parsed.from_name == 'Zoé "la" <script> Bcc: victim@example.net'
    assert parsed.subject == "Re: =?utf-8?b?PHNjcmlwdD4=?= café X-Injected: oui"
    assert parsed.body_text.replace("\r\n", "\n").rstrip("\n") == "x" * 5000 + "\n> é"


def test_an_idn_domain_goes_out_in_punycode():
    _raw, _mid, parsed = built(address="Zoe@Exämple.org", parent=None)
    assert parsed.from_addr == "zoe@xn--exmple-cua.org" and parsed.in_reply_to == ""


@pytest.mark.parametrize("fields", [
    dict(address="not an address"), dict(address="a@b@c.org"), dict(address="a\r\n@b.org"),
    dict(address=".a@b.org"), dict(subject=" \r\n "), dict(body="\n \n"),
    dict(body="x" * (MAX_BODY + 1)), dict(name="n" * 101), dict(subject="s" * 201)])
def test_fields_that_will_not_do_are_refused(fields):
    with pytest.raises(Invalid):
        built(**fields)


def test_the_subject_and_quote_a_reply_offers():
    assert reply_subject("Jardin") == "Re: Jardin"
    assert reply_subject("RE : Jardin") == "RE : Jardin"
    assert reply_subject("Re: Jardin\r\nBcc: x") == "Re: Jardin Bcc: x"
    assert quoted("a\n> b\n\nc", "Alice a écrit :") == "Alice a écrit :\n> a\n>> b\n>\n> c\n\n"
