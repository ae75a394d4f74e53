"""Delivery: every member gets exactly one copy, with the list headers, VERP, footer, DMARC, DKIM.

Messages go in through the real SMTP listener (``send``) and come out at a real aiosmtpd
sink (``sink``), where they are parsed back with the email package. Both backends: SQLite
with in-process jobs, PostgreSQL with a real rq worker on Redis.
"""
from __future__ import annotations

import base64
import dataclasses
import re
import subprocess
from email import message_from_bytes, policy
from email.utils import formatdate

import dkim
import pytest
from sqlalchemy import select

from backends import FIXTURES, run_jobs
from federation import queue
from federation.lists import bounces
from federation.delivery import deliveries, dmarc
from federation.ingest import filing
from federation.storage.db import session_scope
from federation.lists.directory import find_list
from federation.storage.models import ListSetting, Member, Message
from mail import delivery, outgoing, retries

DELIVERY = FIXTURES / "delivery"
MEMBERS = ["alice@example.org", "bob@example.net", "chloe@exemple.fr"]


def strict_resolver(name: str) -> list[str]:
    """A real TXT look-up function with fixed answers (no DNS in tests)."""
    if name == "_dmarc.broken.fr":
        raise TimeoutError("no answer within 2 s")
    return {"_dmarc.strict.fr": ["v=DMARC1; p=reject; rua=mailto:d@strict.fr"],
            "_dmarc.sampled.fr": ["v=DMARC1; p=quarantine; pct=0"],
            "_dmarc.relaxed.fr": ["v=DMARC1; p=none"]}.get(name, [])


# outgoing mail reaches the real SMTP sink; DMARC records come from strict_resolver
pytestmark = pytest.mark.relay(dns_resolver=strict_resolver)


@pytest.fixture(autouse=True)
def fresh_dmarc():
    """DMARC answers are cached per process: each test here asks afresh."""
    dmarc.forget()


def add_members(settings, address="semences@lists.test", emails=MEMBERS, **fields):
    with session_scope(settings) as session:
        mailing_list = find_list(session, address)
        for email in emails:
            session.add(Member(list_id=mailing_list.id, email=email, **fields))


def configure(settings, address="semences@lists.test", **columns):
    with session_scope(settings) as session:
        mailing_list = find_list(session, address)
        for key, value in columns.items():
            if hasattr(mailing_list, key):
                setattr(mailing_list, key, value)
            else:
                session.add(ListSetting(list_id=mailing_list.id, key=key, value=value))


def post(subject="Échange de graines", sender="Alice Martin <alice@example.org>",
         message_id="graines-1@example.org", body="Qui a des graines de tomates ?\n",
         extra=""):
    return (f"From: {sender}\r\nTo: semences@lists.test\r\nSubject: {subject}\r\n"
            f"Date: {formatdate()}\r\nMessage-ID: <{message_id}>\r\n"
            f"{extra}MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n"
            f"Content-Transfer-Encoding: 8bit\r\n\r\n{body}").encode("utf-8")


def fresh(name: str) -> bytes:
    """A fixture with today's Date: old dates look like an archive import, never delivered."""
    raw = (DELIVERY / name).read_bytes()
    return re.sub(rb"(?m)^Date: .*$", f"Date: {formatdate()}\r".encode(), raw, count=1)


def status_of(settings, email):
    with session_scope(settings) as session:
        return session.scalar(select(deliveries.Delivery.status).filter_by(email=email))


def test_every_member_gets_exactly_one_copy_with_list_headers(settings, lists, send, sink):
    add_members(lists)
    add_members(lists, emails=["dora@example.org"], delivery="digest")
    add_members(lists, emails=["ed@example.org"], disabled=True)
    add_members(lists, emails=["fanny@example.org"], delivery="none")
    configure(lists, subject_prefix="[Semences]", footer="Liste Semences paysannes — Lille")
    assert send(post())[0] == 250
    assert sorted(r.recipient for r in sink.received) == sorted(MEMBERS)
    copy = sink.to("bob@example.net")[0]
    assert copy.sender == bounces.bounce_address(lists, "semences@lists.test",
                                                 "bob@example.net")  # signed VERP
    mail = copy.message
    assert mail["Message-ID"] == "<graines-1@example.org>"
    assert mail["Subject"] == "[Semences] Échange de graines"
    assert mail["List-Id"] == "Semences paysannes <semences.lists.test>"
    assert mail["List-Post"] == "<mailto:semences@lists.test>"
    assert mail["List-Help"] == "<mailto:semences-request@lists.test?subject=help>"
    assert "<mailto:semences-join@lists.test>" in mail["List-Subscribe"]
    assert mail["List-Archive"].startswith("<http://relais.test/")
    assert mail["Archived-At"] == "<http://relais.test/m/graines-1@example.org>"
    assert mail["Precedence"] == "list" and mail["X-Loop"] == "semences@lists.test"
    one_click, mailto = [p.strip() for p in mail["List-Unsubscribe"].split(",")]
    assert one_click.startswith("<http://relais.test/u/") and mailto == \
        "<mailto:semences-leave@lists.test>"
    assert mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    text = mail.get_content()
    assert text.startswith("Qui a des graines de tomates ?")
    assert text.rstrip().endswith("Liste Semences paysannes — Lille")
    # a replayed job (rq retry, crash recovery) sends nothing twice
    queue.enqueue(lists, "fan_out", _pk(lists, "graines-1@example.org"))
    run_jobs(lists)
    assert len(sink.received) == 3


def _pk(settings, message_id):
    with session_scope(settings) as session:
        return session.scalar(select(Message.id).filter_by(message_id=message_id))


def test_reply_keeps_a_single_subject_tag(lists, send, sink):
    add_members(lists, emails=["bob@example.net"])
    configure(lists, subject_prefix="[Semences]")
    send(post(subject="Re: [Semences] Échange de graines", message_id="r@example.org"))
    assert sink.received[0].message["Subject"] == "Re: [Semences] Échange de graines"


def test_announce_list_says_list_post_no(lists, send, sink):
    add_members(lists, emails=["alice@example.org"], role="owner")
    configure(lists, policy="announce")
    send(post())
    assert sink.received[0].message["List-Post"] == "NO"


def test_temporary_failure_is_retried_and_delivered_once(lists, send, sink):
    add_members(lists)
    sink.refuse("bob@example.net", "451 4.3.0 Try again later")
    assert send(post())[0] == 250
    run_jobs(lists)  # rq: the retry job
    assert len(sink.to("bob@example.net")) == 1
    assert len(sink.received) == 3
    assert status_of(lists, "bob@example.net") == "sent"


def test_permanent_failure_counts_as_hard_bounce_and_others_still_get_it(lists, send, sink):
    add_members(lists)
    sink.refuse("bob@example.net", "550 5.1.1 No such user", times=5)
    send(post())
    assert sorted(r.recipient for r in sink.received) == ["alice@example.org",
                                                           "chloe@exemple.fr"]
    assert status_of(lists, "bob@example.net") == "failed"
    with session_scope(lists) as session:
        bob = session.scalar(select(Member).filter_by(email="bob@example.net"))
        assert bob.bounce_score == 1.0 and bob.last_bounce_at is not None


def test_multipart_mixed_gets_a_footer_part_and_keeps_the_attachment(lists, send, sink):
    add_members(lists, emails=["bob@example.net"])
    configure(lists, footer="Pied de liste")
    send(fresh("mixed-attachment.eml"))
    mail = sink.received[0].message
    parts = list(mail.iter_parts())
    assert mail.get_content_type() == "multipart/mixed"
    assert parts[1].get_filename() == "semis.csv"
    assert parts[1].get_payload(decode=True) == b"tomate;mars\ncourge;avril\n"
    assert parts[-1].get_content_type() == "text/plain" and "Pied de liste" in \
        parts[-1].get_content()


def test_alternative_is_wrapped_and_base64_text_is_reencoded(lists, send, sink):
    add_members(lists, emails=["bob@example.net"])
    configure(lists, footer="Pied de liste")
    send(fresh("alternative.eml"))
    send(fresh("base64-plain.eml"))
    wrapped, plain = (r.message for r in sink.received)
    inner, footer = wrapped.iter_parts()
    assert wrapped.get_content_type() == "multipart/mixed"
    assert inner.get_content_type() == "multipart/alternative"
    assert len(list(inner.iter_parts())) == 2 and "Pied de liste" in footer.get_content()
    assert plain["Content-Transfer-Encoding"] == "base64"
    assert plain.get_content().startswith("Bonjour à toutes et à tous")
    assert plain.get_content().rstrip().endswith("Pied de liste")


def test_dmarc_reject_domain_is_munged_as_sympa_does(lists, send, sink):
    add_members(lists, emails=["bob@example.net"])
    send(post(sender="Zoé Durand <zoe@strict.fr>", message_id="z@strict.fr"))
    mail = sink.received[0].message
    assert mail["From"] == "Zoé Durand via Semences paysannes <semences@lists.test>"
    assert mail["Reply-To"] == "Zoé Durand <zoe@strict.fr>"
    assert mail["X-Original-From"] == "Zoé Durand <zoe@strict.fr>"


def test_dmarc_modes_pct_and_failures_never_block(lists, send, sink):
    add_members(lists, emails=["bob@example.net"])
    send(post(sender="<paul@sampled.fr>", message_id="p@sampled.fr"))    # pct=0
    send(post(sender="<rita@relaxed.fr>", message_id="r@relaxed.fr"))    # p=none
    send(post(sender="<bea@broken.fr>", message_id="b@broken.fr"))       # look-up fails
    assert [r.message["From"] for r in sink.received] == [
        "paul@sampled.fr", "rita@relaxed.fr", "bea@broken.fr"]
    configure(lists, dmarc_mode="always")
    send(post(sender="Rita <rita@relaxed.fr>", message_id="r2@relaxed.fr",
              extra="Reply-To: <tresorerie@relaxed.fr>\r\n"))
    mail = sink.received[-1].message
    assert mail["From"] == "Rita via Semences paysannes <semences@lists.test>"
    assert mail["Reply-To"] == "tresorerie@relaxed.fr" and mail["Cc"] == "Rita <rita@relaxed.fr>"


def test_dmarc_lookup_uses_organisational_domain_and_caches():
    calls = []

    def resolver(name):
        calls.append(name)
        return {"_dmarc.example.co.uk": ["v=DMARC1; p=none; sp=reject"]}.get(name, [])

    dmarc.forget()
    assert dmarc.organisational_domain("lists.mail.example.co.uk") == "example.co.uk"
    assert dmarc.lookup("mail.example.co.uk", resolver).p == "reject"  # sp= for subdomains
    assert dmarc.lookup("mail.example.co.uk", resolver).p == "reject"
    assert calls == ["_dmarc.mail.example.co.uk", "_dmarc.example.co.uk"]  # cached, negative too
    assert dmarc.parse_record("v=spf1 -all") is None


def _keypair(tmp_path):
    key = tmp_path / "dkim.pem"
    subprocess.run(["openssl", "genrsa", "-out", str(key), "1024"], check=True,
                   capture_output=True)
    public = subprocess.run(["openssl", "rsa", "-in", str(key), "-pubout", "-outform", "DER"],
                            check=True, capture_output=True).stdout
    return key, b"v=DKIM1; k=rsa; p=" + base64.b64encode(public)


def test_dkim_signature_covers_one_click_headers_and_verifies(lists, sink, tmp_path):
    key, record = _keypair(tmp_path)
    signing = dataclasses.replace(lists, dkim_selector="relais", dkim_key_path=str(key))
    add_members(lists, emails=["bob@example.net"])
    configure(lists, subject_prefix="[Semences]", footer="Pied")
    filing.file_post(signing, post(), ["semences@lists.test"], "alice@example.org")
    run_jobs(signing)
    raw = sink.received[0].raw
    assert raw.startswith(b"DKIM-Signature:")
    signature = message_from_bytes(raw)["DKIM-Signature"].replace("\r\n", "").replace(" ", "")
    assert "list-unsubscribe:list-unsubscribe-post" in signature.lower()
    assert "d=lists.test" in signature and "s=relais" in signature
    dns = {b"relais._domainkey.lists.test.": record}
    assert dkim.verify(raw, dnsfunc=lambda name, timeout=5: dns.get(name))


def test_relay_urls():
    assert outgoing.relay_of("smtp://mx.test:2525") == outgoing.Relay("mx.test", 2525)
    tls = outgoing.relay_of("smtps://u%40x:p%3Aw@mx.test")
    assert (tls.port, tls.implicit_tls, tls.user, tls.password) == (465, True, "u@x", "p:w")
    assert outgoing.relay_of("smtp://mx.test:587?starttls=1").starttls
    assert outgoing.relay_of("smtp+starttls://mx.test").starttls


def test_without_relay_copies_land_in_the_maildir_outbox(sqlite_settings):
    from backends import seed_lists
    import mailbox
    seed_lists(sqlite_settings)
    add_members(sqlite_settings, emails=["bob@example.net", "chloe@exemple.fr"])
    filing.file_post(sqlite_settings, post(), ["semences@lists.test"], "alice@example.org")
    box = mailbox.Maildir(sqlite_settings.outbox_dir, create=False)
    mails = sorted((message_from_bytes(box.get_bytes(k), policy=policy.default)
                    for k in box.keys()), key=lambda m: m["Delivered-To"])
    assert [m["Delivered-To"] for m in mails] == ["bob@example.net", "chloe@exemple.fr"]
    assert mails[0]["Return-Path"] == "<%s>" % bounces.bounce_address(
        sqlite_settings, "semences@lists.test", "bob@example.net")


def test_unreachable_relay_defers_then_cron_delivers(sqlite_settings, sink, tmp_path):
    from backends import seed_lists
    seed_lists(sqlite_settings)
    add_members(sqlite_settings, emails=["bob@example.net"])
    dead = dataclasses.replace(sqlite_settings, relay_url="smtp://127.0.0.1:9",
                               delivery_backoff=(), retry_delays=(0, 0))
    filing.file_post(dead, post(), ["semences@lists.test"], "alice@example.org")
    assert status_of(dead, "bob@example.net") == "deferred"
    alive = dataclasses.replace(dead, relay_url=f"smtp://127.0.0.1:{sink.port}")
    assert retries.retry_due(alive) == 1
    assert len(sink.to("bob@example.net")) == 1 and retries.retry_due(alive) == 0
