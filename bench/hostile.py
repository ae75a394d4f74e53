"""Hostile-input benchmark (issue 9, item 11): time per kilobyte at 1×, 10× and 100× size.

    .venv/bin/python bench/hostile.py [--repeat 3]

Each hostile message goes through ``federation.ingest.filing.file_post`` on a fresh embedded SQLite
database with in-process jobs, so the figure is the whole path a message takes after the
SMTP hop: parsing, admission rules, storage, JWZ threading, themes, the search index and the
fan-out to three members (into the Maildir outbox), or the answer to a command or the
moderator notice. The column ``step`` times, alone, the function that used to be
super-linear on that input. Inputs, at 1× (100× is the size the tests use):

  whitespace  "confirm", 10,000 whitespace characters, a 33-character token-like word, in
              the body of a mail to LIST-request (the confirmation-token search)
  references  100 References ids (+ In-Reply-To), a reply on the list (parsing, threading)
  html        5,000 nested <div> around a word, HTML-only (sanitising: size/depth caps)
  mime        200 nested multipart/mixed, posted to the list (headers-only past 100 parts)
  held-mime   the same, to a moderated list (the moderator notice attaches the original)
  words       a Subject of 2,000 unclosed RFC 2047 words "=?u?q?a", folded (decoding)

For each input and scale: the best of --repeat runs (each with its own Message-ID), in ms
and in ms per KB of message. Linear work keeps ms/KB flat (or falling, while fixed costs
such as a commit still dominate a small message); super-linear work makes it grow with
the size.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from email.utils import formatdate
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from federation.lists import directory, tokens  # noqa: E402
from federation.ingest import filing  # noqa: E402
from federation.archive import message  # noqa: E402
from federation.storage import schema  # noqa: E402
from federation.storage.db import dispose, session_scope  # noqa: E402
from federation.lists.directory import find_list  # noqa: E402
from federation.storage.models import Member  # noqa: E402
from federation.settings import Settings  # noqa: E402
from relais.jobs import register as register_jobs  # noqa: E402

register_jobs()  # as the relais command does: the job roles get mail's functions

SCALES = (1, 10, 100)
DOMAIN = "lists.bench"


def _mail(mid: str, body: bytes, to: str, content_type: str = "text/plain; charset=utf-8",
          extra: str = "", subject: str = "Un message") -> bytes:
    head = (f"From: Alice <alice@example.org>\r\nTo: {to}\r\nSubject: {subject}\r\n"
            f"Date: {formatdate()}\r\nMessage-ID: <{mid}>\r\n{extra}MIME-Version: 1.0\r\n"
            f"Content-Type: {content_type}\r\n\r\n")
    return head.encode("utf-8") + body


def _whitespace(n: int) -> str:
    line = " \t" * 400 + "\r\n"   # lines under 998 octets (RFC 5322 §2.1.1)
    return line * (n // len(line)) + " " * (n % len(line))


def whitespace(scale: int, mid: str):
    body = ("confirm" + _whitespace(10_000 * scale) + "x" * 33 + "\r\n").encode()
    raw = _mail(mid, body, f"semences-request@{DOMAIN}", subject="aide")
    text = message.parse(raw)
    return raw, f"semences-request@{DOMAIN}", lambda: tokens.find_secret(
        text.subject + "\n" + text.body_text)


def references(scale: int, mid: str):
    ids = [f"<ancetre-{n}-{mid}>" for n in range(100 * scale)] + ["<racine@bench>"]
    extra = "References: " + "\r\n ".join(ids) + "\r\nIn-Reply-To: <racine@bench>\r\n"
    raw = _mail(mid, b"Ma reponse.\r\n", f"semences@{DOMAIN}", extra=extra,
                subject="Re: Un message")
    return raw, f"semences@{DOMAIN}", lambda: message.parse(raw)


def html(scale: int, mid: str):
    depth = 5_000 * scale
    text = "<div>" * depth + "Graines" + "</div>" * depth
    body = "\r\n".join(text[i:i + 900] for i in range(0, len(text), 900)).encode()
    raw = _mail(mid, body, f"semences@{DOMAIN}", content_type="text/html; charset=utf-8")
    return raw, f"semences@{DOMAIN}", lambda: message.parse(raw)


def _deep(depth: int) -> tuple[str, bytes]:
    opening = b"".join(b"--b%d\r\n" % i + (b'Content-Type: multipart/mixed; boundary="b%d"'
                                           b"\r\n\r\n" % (i + 1) if i + 1 < depth else b"")
                       for i in range(depth))
    closing = b"".join(b"\r\n--b%d--\r\n" % i for i in reversed(range(depth)))
    return ('multipart/mixed; boundary="b0"',
            opening + b"Content-Type: text/plain\r\n\r\nAu fond.\r\n" + closing)


def mime(scale: int, mid: str, to: str = f"semences@{DOMAIN}"):
    kind, body = _deep(200 * scale)
    raw = _mail(mid, body, to, content_type=kind)
    return raw, to, lambda: message.parse(raw)


def held_mime(scale: int, mid: str):
    return mime(scale, mid, f"libre@{DOMAIN}")


def words(scale: int, mid: str):
    unclosed = ["=?u?q?a"] * (2_000 * scale)
    subject = "\r\n ".join(" ".join(unclosed[i:i + 40]) for i in range(0, len(unclosed), 40))
    raw = _mail(mid, b"Un sujet bavard.\r\n", f"semences@{DOMAIN}", subject=subject)
    return raw, f"semences@{DOMAIN}", lambda: message.parse(raw)


INPUTS = {"whitespace": whitespace, "references": references, "html": html, "mime": mime,
          "held-mime": held_mime, "words": words}


def _settings(data_dir: Path) -> Settings:
    settings = Settings(data_dir=data_dir, secret_key="bench", mail_domain=DOMAIN,
                        base_url="http://relais.bench")
    data_dir.mkdir(parents=True, exist_ok=True)
    schema.upgrade(settings)
    with session_scope(settings) as session:
        directory.add_assembly(session, "lille", "Lille")
        directory.add_list(session, "semences", "lille", DOMAIN, name="Semences")
        directory.add_list(session, "libre", "lille", DOMAIN, name="Libre")
    with session_scope(settings) as session:
        semences = find_list(session, f"semences@{DOMAIN}")
        semences.subject_prefix, semences.footer = "[Semences]", "Pied de liste"
        for address in ("bob@example.net", "chloe@example.fr", "dan@example.com"):
            session.add(Member(list_id=semences.id, email=address))
        libre = find_list(session, f"libre@{DOMAIN}")
        libre.policy = "moderated"
        session.add(Member(list_id=libre.id, email="modo@example.org", role="moderator"))
    root = _mail("racine@bench", b"Le debut.\r\n", f"semences@{DOMAIN}")
    assert filing.file_post(settings, root, [f"semences@{DOMAIN}"], "alice@example.org")[0].accepted
    return settings


def _best(runs: list[float]) -> float:
    return min(runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(f"{'input':<11} {'scale':>5} {'size KB':>9} {'receive ms':>11} {'ms/KB':>8} "
          f"{'step ms':>9} {'ms/KB':>8}")
    with tempfile.TemporaryDirectory(prefix="relais-hostile-") as tmp:
        settings = _settings(Path(tmp) / "var")
        for name, build in INPUTS.items():
            for scale in SCALES:
                whole, step, size = [], [], 0
                for attempt in range(args.repeat):
                    raw, to, hot = build(scale, f"{name}-{scale}-{attempt}@bench")
                    size = len(raw) / 1024
                    started = time.perf_counter()
                    [outcome] = filing.file_post(settings, raw, [to], "alice@example.org")
                    whole.append(time.perf_counter() - started)
                    assert outcome.accepted, outcome
                    started = time.perf_counter()
                    hot()
                    step.append(time.perf_counter() - started)
                total, alone = _best(whole) * 1000, _best(step) * 1000
                print(f"{name:<11} {scale:>4}× {size:>9,.0f} {total:>11,.1f} {total / size:>8.3f} "
                      f"{alone:>9,.1f} {alone / size:>8.3f}", flush=True)
        dispose(settings)


if __name__ == "__main__":
    main()
