"""Attacker-sized input does no super-linear work and breaks nothing (correctness only here;
the timings are in bench/hostile.py).

Each hostile message goes through the real listener to lists with members, a subject tag and
a footer; copies, notices and digests come out at the real sink. The inputs are generated
here at a moderate size: 1,000,000 whitespace characters around a token-like word, 10,000
References, 5 MB of nested HTML, 2,000 levels of MIME nesting.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET
from email import policy
from email.parser import BytesHeaderParser
from datetime import timedelta
from email.utils import formatdate

import pytest
from sqlalchemy import func, select

from backends import run_jobs
from federation.lists import tokens
from federation.storage.db import session_scope
from federation.lists.directory import find_list
from federation.storage.models import Member, Message, utcnow
from mail import digest_mail
from web import create_app

pytestmark = pytest.mark.relay  # outgoing mail reaches the real SMTP sink

MEMBERS = ["bob@example.net", "chloe@exemple.fr"]
# A million whitespace characters (lines < 998): the quadratic search took about 100 s for a
# tenth of this, so before the fix these tests never finish; after it they take milliseconds
WHITESPACE = (" \t" * 400 + "\r\n") * 1250



@pytest.fixture
def lists(lists):
    """semences: two members, a tag and a footer; libre: moderated, with a moderator."""
    with session_scope(lists) as session:
        semences = find_list(session, "semences@lists.test")
        semences.subject_prefix, semences.footer = "[Semences]", "Pied de liste"
        for address in MEMBERS:
            session.add(Member(list_id=semences.id, email=address))
        session.add(Member(list_id=semences.id, email="dora@example.org", delivery="digest"))
        libre = find_list(session, "libre@lists.test")
        libre.policy = "moderated"
        session.add(Member(list_id=libre.id, email="modo@example.org", role="moderator"))
    return lists


def mail(message_id: str, body: bytes, subject: str = "Un message", extra: str = "",
         content_type: str = "text/plain; charset=utf-8", to: str = "semences@lists.test") -> bytes:
    head = (f"From: Alice <alice@example.org>\r\nTo: {to}\r\nSubject: {subject}\r\n"
            f"Date: {formatdate()}\r\nMessage-ID: <{message_id}>\r\n{extra}"
            f"MIME-Version: 1.0\r\nContent-Type: {content_type}\r\n\r\n")
    return head.encode("utf-8") + body


def deep_multipart(depth: int) -> tuple[str, bytes]:
    """(Content-Type, body) of ``depth`` nested multipart/mixed, a text part at the bottom."""
    opening = b"".join(b"--b%d\r\n" % i + (b'Content-Type: multipart/mixed; boundary="b%d"'
                                             b"\r\n\r\n" % (i + 1) if i + 1 < depth else b"")
                       for i in range(depth))
    closing = b"".join(b"\r\n--b%d--\r\n" % i for i in reversed(range(depth)))
    return ('multipart/mixed; boundary="b0"',
            opening + b"Content-Type: text/plain\r\n\r\nAu fond du puits.\r\n" + closing)


def deep_rfc822(depth: int) -> tuple[str, bytes]:
    """(Content-Type, body) of ``depth`` messages forwarded inside each other (message/rfc822)."""
    inner = b"".join(b"Subject: transfert %d\r\nContent-Type: message/rfc822\r\n\r\n" % i
                     for i in range(depth - 1))
    return "message/rfc822", inner + b"Subject: fond\r\n\r\nAu fond du puits.\r\n"


def accepted(send, raw: bytes, **kwargs) -> None:
    code, reply = send(raw, **kwargs)
    assert code == 250, reply


def headers_of(raw: bytes):
    """The header block alone: a test must not walk a hostile MIME tree either."""
    return BytesHeaderParser(policy=policy.default).parsebytes(raw)


def copies_of(sink, message_id: str) -> list:
    return [r for r in sink.received if headers_of(r.raw)["Message-ID"] == f"<{message_id}>"]


def page_of(settings, message_id: str) -> str:
    client = create_app(settings).test_client()
    response = client.get(f"/t/{message_id}/")
    assert response.status_code == 200
    for url in ("/feeds/all.atom", "/l/semences@lists.test/atom", f"/t/{message_id}/atom"):
        feed = client.get(url)
        assert feed.status_code == 200, url
        ET.fromstring(feed.get_data())
    return response.get_data(as_text=True)


def raw_of(settings, message_id: str) -> bytes:
    response = create_app(settings).test_client().get(f"/m/{message_id}/raw")
    assert response.status_code == 200
    return response.get_data()


# --- (a) the confirmation-token search is linear over whitespace ---

def test_token_search_survives_a_sea_of_whitespace():
    secret = "A" * 16 + "b" * 16
    assert tokens.find_secret("confirm" + WHITESPACE + "x" * 33) == ""
    assert tokens.find_secret(WHITESPACE + "confirm" + WHITESPACE + secret) == secret
    assert tokens.find_secret("confirm :" + WHITESPACE + secret) == secret
    assert tokens.find_secret("confirm" * 20_000 + " " + secret) == secret
    assert tokens.find_secret("Re: confirm " + secret + "x") == ""  # 33 characters: no


def test_request_with_whitespace_before_a_token_like_word_is_answered(send, sink):
    body = ("confirm" + WHITESPACE + "x" * 33 + "\r\n").encode()
    accepted(send, mail("ws@example.org", body, subject="aide"),
             to="semences-request@lists.test")
    [answer] = sink.to("alice@example.org")
    assert "Aide" in answer.message["Subject"] or "Help" in answer.message["Subject"]


# --- (b) References: the last 100, deduplicated ---

def test_ten_thousand_references_keep_the_last_hundred(lists, send, sink):
    accepted(send, mail("racine@example.org", "Le début du fil.\r\n".encode()))
    refs = [f"<ancetre-{n}@example.org>" for n in range(10_000)]
    refs += refs[-50:] + ["<racine@example.org>"]          # repeats, then the parent
    folded = "References: " + "\r\n ".join(refs) + "\r\n"
    raw = mail("reponse@example.org", "Ma réponse.\r\n".encode(), subject="Re: Un message",
               extra=folded + "In-Reply-To: <racine@example.org>\r\n")
    accepted(send, raw)
    assert raw_of(lists, "reponse@example.org") == raw
    page = page_of(lists, "reponse@example.org")
    assert "Le début du fil." in page and "Ma réponse." in page
    assert len(copies_of(sink, "reponse@example.org")) == len(MEMBERS)
    with session_scope(lists) as session:
        stored = session.scalar(select(Message.references).filter_by(
            message_id="reponse@example.org"))
        ghosts = session.scalar(select(func.count()).select_from(Message).where(
            Message.ghost.is_(True)))
    kept = stored.split()
    assert len(kept) <= 100 and len(set(kept)) == len(kept)
    assert kept[-1] == "racine@example.org" and "ancetre-9999@example.org" in kept
    assert ghosts <= 100


# --- (c) HTML: size and nesting capped before nh3 ---

def test_five_megabytes_of_nested_html_falls_back_to_text(lists, send, sink):
    depth = 450_000                                      # 11 bytes a level: about 5 MB
    html = ("<div>" * depth + "Graines au fond" + "</div>" * depth)
    lines = "\r\n".join(html[i:i + 900] for i in range(0, len(html), 900))
    accepted(send, mail("html@example.org", lines.encode(), content_type="text/html"))
    page = page_of(lists, "html@example.org")
    assert "Graines au fond" in page and "<div><div>" not in page
    assert len(copies_of(sink, "html@example.org")) == len(MEMBERS)


def test_html_with_a_text_part_too_large_shows_the_text(lists, send, sink):
    html = "<p>" + "tomate " * 400_000 + "</p>"           # 2.8 MB of flat HTML
    body = ("--alt\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nLa version texte.\r\n"
            "--alt\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
            + "\r\n".join(html[i:i + 900] for i in range(0, len(html), 900))
            + "\r\n--alt--\r\n").encode()
    accepted(send, mail("alt@example.org", body,
                        content_type='multipart/alternative; boundary="alt"'))
    page = page_of(lists, "alt@example.org")
    assert "La version texte." in page and "tomate tomate" not in page
    assert len(copies_of(sink, "alt@example.org")) == len(MEMBERS)


def test_small_html_is_still_sanitised(lists, send):
    body = b"<p>Bonjour <b>jardin</b><script>alert(1)</script></p>"
    accepted(send, mail("petit@example.org", body, content_type="text/html"))
    page = page_of(lists, "petit@example.org")
    assert "<b>jardin</b>" in page and "alert(1)" not in page


# --- (d) deep MIME: headers only, archived, delivered, attached, digested ---

@pytest.mark.parametrize("build", [deep_multipart, deep_rfc822])
def test_two_thousand_levels_of_mime_are_archived_and_delivered(lists, send, sink, build):
    kind, body = build(2000)
    raw = mail("profond@example.org", body, subject="Très profond", content_type=kind)
    accepted(send, raw)
    assert raw_of(lists, "profond@example.org") == raw
    page = page_of(lists, "profond@example.org")
    assert "Très profond" in page
    client = create_app(lists).test_client()
    assert client.get("/m/profond@example.org/attachments/0").status_code == 404
    assert client.get("/l/semences@lists.test/mbox").status_code == 200
    copies = copies_of(sink, "profond@example.org")
    assert sorted(c.recipient for c in copies) == MEMBERS
    for copy in copies:
        assert headers_of(copy.raw)["Subject"] == "[Semences] Très profond"
    # the digest of the day bundles the message as it was archived
    assert digest_mail.send_due(lists, now=utcnow() + timedelta(days=1)) == 1
    run_jobs(lists)
    [digest] = sink.to("dora@example.org")
    assert raw.replace(b"\r\n", b"\n") in digest.raw.replace(b"\r\n", b"\n")


@pytest.mark.parametrize("build", [deep_multipart, deep_rfc822])
def test_deep_mime_held_for_moderation_reaches_the_moderator(lists, send, sink, build):
    kind, body = build(2000)
    raw = mail("retenu@example.org", body, subject="Profond et retenu",
               content_type=kind, to="libre@lists.test")
    code, reply = send(raw, to="libre@lists.test")
    assert code == 250, reply
    run_jobs(lists)
    [notice] = sink.to("modo@example.org")
    assert "Profond et retenu" in headers_of(notice.raw)["Subject"]
    assert raw.replace(b"\r\n", b"\n") in notice.raw.replace(b"\r\n", b"\n")


def test_moderately_nested_mime_is_still_read(lists, send, sink):
    kind, body = deep_multipart(20)
    raw = mail("moyen@example.org", body, subject="Vingt niveaux", content_type=kind)
    accepted(send, raw)
    assert "Au fond du puits." in page_of(lists, "moyen@example.org")


# --- (e) RFC 2047: malformed or countless encoded-words decode in linear time ---

@pytest.mark.parametrize("word", ["=?u?q?a", "=?utf-8?q?caf=C3=A9?="])
def test_a_subject_of_countless_encoded_words_is_archived_and_delivered(lists, send, sink, word):
    """The stdlib decoder is quadratic on these (65 s for 320 KB of unclosed words, 4 s for
    880 KB of good ones); 1.6 to 4.4 MB here, folded on lines of forty words."""
    words = [word] * 200_000
    folded = "\r\n ".join(" ".join(words[i:i + 40]) for i in range(0, len(words), 40))
    raw = mail("mots@example.org", "Un sujet bavard.\r\n".encode(), subject=folded)
    accepted(send, raw)
    assert "Un sujet bavard." in page_of(lists, "mots@example.org")
    copies = copies_of(sink, "mots@example.org")
    assert sorted(c.recipient for c in copies) == MEMBERS
    for copy in copies:
        subject = headers_of(copy.raw)["Subject"]
        assert subject.startswith("[Semences] " + ("café" if "caf" in word else "=?u?q?a"))
