"""Mail in over real SMTP: accepted, archived byte for byte, refused with clear replies."""
from __future__ import annotations

import smtplib
from email.message import EmailMessage

from sqlalchemy import func, select

from federation.ingest import filing
from federation.storage.db import session_scope
from federation.storage.models import Attachment, Message, Thread
from backends import FIXTURES
from mail.server import reply_line
def _message(session, mid):
    return session.scalar(select(Message).where(Message.message_id == mid,
                                                Message.ghost.is_(False)))


def test_post_is_archived_byte_for_byte(send, lists):
    code, _ = send("root.eml")
    assert code == 250
    with session_scope(lists) as session:
        message = _message(session, "root-jardin@example.org")
        # smtplib normalises line endings to CRLF and the server keeps them as received
        assert message.raw == (FIXTURES / "root.eml").read_bytes()
        assert message.subject == "Jardin partagé : on relance les semis ?"
        assert message.from_name == "Amélie Lefèvre"
        assert message.from_addr == "amelie@example.org"
        # 8bit UTF-8 body survives (mail-parser #152 mis-decoded it as Latin-1)
        assert "besoin de bras — semis de fèves" in message.body_text


def test_unknown_recipient_is_refused_at_rcpt(send):
    code, reply = send("root.eml", to="nobody@lists.test")
    assert code == 550 and reply.startswith("5.1.1")


def test_never_relays_to_foreign_domains(smtp):
    with smtplib.SMTP("127.0.0.1", smtp.port) as client:
        client.ehlo()
        client.mail("spammer@example.com")
        code, _ = client.rcpt("victim@gmail.example")
        assert code == 550


def test_smtputf8_and_8bitmime_are_advertised(smtp):
    with smtplib.SMTP("127.0.0.1", smtp.port) as client:
        client.ehlo()
        assert client.has_extn("smtputf8") and client.has_extn("8bitmime")


def test_oversized_message_gets_552_534(lists):
    from dataclasses import replace
    from mail.server import Running
    small = replace(lists, max_message_size=10_000)
    running = Running(small, port=0, host="127.0.0.1").start()
    try:
        with smtplib.SMTP("127.0.0.1", running.port) as client:
            client.ehlo()
            client.mail("alice@example.org")
            client.rcpt("semences@lists.test")
            code, reply = client.data(b"Subject: big\r\n\r\n" + (b"x" * 98 + b"\r\n") * 200)
        assert code == 552 and reply.startswith(b"5.3.4")
    finally:
        running.stop()


def test_duplicate_message_id_answers_250_and_stores_once(send, lists):
    assert send("root.eml")[0] == 250
    code, reply = send("root.eml")
    assert code == 250
    with session_scope(lists) as session:
        count = session.scalar(select(func.count()).select_from(Message).where(
            Message.message_id == "root-jardin@example.org"))
        assert count == 1


def test_message_without_message_id_gets_a_stable_one(send, lists):
    assert send("no-message-id.eml")[0] == 250
    assert send("no-message-id.eml")[0] == 250  # same bytes: recognised, not stored twice
    with session_scope(lists) as session:
        rows = list(session.scalars(select(Message).where(Message.generated_id.is_(True))))
        assert len(rows) == 1
        assert rows[0].message_id.endswith("@lists.test")
        assert b"Message-ID:" not in rows[0].raw  # never added to the bytes we keep


def test_hostile_and_odd_input_is_archived_and_flagged(send, lists):
    for name in ("broken-mime.eml", "wrong-charset.eml", "missing-headers.eml",
                 "nul-bytes.eml", "rfc2047-html.eml", "reply-latin1.eml"):
        code, reply = send(name)
        assert code == 250, (name, reply)
    with session_scope(lists) as session:
        nul = _message(session, "nul-bytes@example.org")
        assert "\x00" not in nul.body_text and "Un octet nul ici" in nul.body_text
        assert b"\x00" in nul.raw  # the raw bytes are kept exactly
        broken = _message(session, "broken-mime@example.org")
        assert broken.raw == (FIXTURES / "broken-mime.eml").read_bytes()
        assert broken.parse_defect  # flagged for the archive
        html = _message(session, "rfc2047@example.org")
        assert html.subject == "Été à la ferme"
        assert "<script>" not in html.body_html and "<b>ferme</b>" in html.body_html
        assert "tracker.example" not in html.body_html
        latin = _message(session, "reply-2@example.org")
        assert latin.from_name == "Cécile Faure" and "à samedi" in latin.body_text
        count = session.scalar(select(func.count()).select_from(Message).where(
            Message.ghost.is_(False)))
        assert count == 6


def test_five_megabyte_attachment_round_trips(send, lists):
    payload = bytes(range(256)) * (5 * 1024 * 1024 // 256)
    mail = EmailMessage()
    mail["From"] = "Gaëlle <gaelle@example.org>"
    mail["To"] = "semences@lists.test"
    mail["Subject"] = "Plan du jardin"
    mail["Message-ID"] = "<big-attachment@example.org>"
    mail.set_content("Le plan en pièce jointe.")
    mail.add_attachment(payload, maintype="application", subtype="octet-stream",
                        filename="plan-jardin-été.bin")
    raw = mail.as_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    assert send(raw)[0] == 250
    with session_scope(lists) as session:
        message = _message(session, "big-attachment@example.org")
        assert message.raw == raw
        attachment = session.scalar(select(Attachment).where(Attachment.message_pk == message.id))
        assert attachment.filename == "plan-jardin-été.bin"
    from federation.archive.message import attachment_bytes
    name, _ctype, data = attachment_bytes(raw, 0)
    assert data == payload


def test_lmtp_answers_once_per_recipient(lists):
    from mail.server import Running
    running = Running(lists, lmtp=True, port=0, host="127.0.0.1").start()
    try:
        client = smtplib.LMTP("127.0.0.1", running.port)
        raw = (FIXTURES / "root.eml").read_bytes()
        refused = client.sendmail("alice@example.org",
                                  ["semences@lists.test", "libre@lists.test"], raw)
        assert refused == {}
        client.quit()
    finally:
        running.stop()
    with session_scope(lists) as session:
        assert session.scalar(select(func.count()).select_from(Message).where(
            Message.message_id == "root-jardin@example.org")) == 2


def test_loop_is_refused(send):
    raw = (b"From: a@example.org\r\nTo: semences@lists.test\r\nSubject: loop\r\n"
           b"Message-ID: <loop@example.org>\r\nList-Id: Semences <semences.lists.test>\r\n\r\nx\r\n")
    code, reply = send(raw)
    assert code == 550 and "5.4.6" in reply


def test_receive_reports_every_recipient(lists):
    raw = (FIXTURES / "root.eml").read_bytes()
    outcomes = filing.file_post(lists, raw, ["semences@lists.test", "nope@lists.test"])
    assert [reply_line(o)[:3] for o in outcomes] == ["250", "550"]


def test_concurrent_duplicates_store_one_copy(lists):
    from concurrent.futures import ThreadPoolExecutor
    raw = (FIXTURES / "root.eml").read_bytes()
    with ThreadPoolExecutor(8) as pool:
        replies = list(pool.map(lambda _: filing.file_post(lists, raw, ["semences@lists.test"])[0],
                                range(8)))
    assert all(r.accepted for r in replies)
    with session_scope(lists) as session:
        assert session.scalar(select(func.count()).select_from(Thread)) == 1
        assert session.scalar(select(func.count()).select_from(Message)) == 1
