"""``relais smtp`` as it runs in production: listener processes and one writer process."""
from __future__ import annotations

import email.message
import os
import signal
import smtplib
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from sqlalchemy import func, select

from federation.archive import search
from federation.archive.message import attachment_bytes
from federation.storage.db import session_scope
from federation.storage.models import Ban, MailingList, Message, Thread

ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _start(settings, processes: int) -> tuple[subprocess.Popen, int]:
    port = _free_port()
    env = dict(os.environ, RELAIS_DATA_DIR=str(settings.data_dir),
               DATABASE_URL=settings.database_url, RELAIS_SMTP_PORT=str(port),
               RELAIS_MAIL_DOMAIN=settings.mail_domain, RELAIS_SECRET_KEY="test-secret",
               PYTHONPATH=str(ROOT))
    env.pop("REDIS_URL", None)  # the pipeline in-process: this test is about the listener
    server = subprocess.Popen([sys.executable, "-m", "relais.cli", "smtp", "--processes",
                               str(processes)], env=env, cwd=ROOT,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    deadline = time.time() + 30
    while time.time() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return server, port
        except OSError:
            assert server.poll() is None, server.stdout.read().decode()
            time.sleep(0.1)
    server.kill()
    pytest.fail("relais smtp did not start")


def _mail(mid: str, subject: str, parent: str = "") -> bytes:
    head = (f"From: Léa <lea@example.org>\r\nTo: semences@lists.test\r\n"
            f"Subject: {subject}\r\nMessage-ID: <{mid}>\r\n")
    if parent:
        head += f"In-Reply-To: <{parent}>\r\nReferences: <{parent}>\r\n"
    return (head + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n"
            "Content-Transfer-Encoding: 8bit\r\n\r\n"
            f"Graines de tomates anciennes, message {mid}.\r\n").encode()


def _send_all(port: int, raws: list[bytes], connections: int = 4) -> list[int]:
    def client(chunk: list[bytes]) -> list[int]:
        codes = []
        with smtplib.SMTP("127.0.0.1", port, timeout=60) as smtp:
            for raw in chunk:
                try:
                    smtp.sendmail("lea@example.org", ["semences@lists.test"], raw,
                                  mail_options=["SMTPUTF8", "BODY=8BITMIME"])
                    codes.append(250)
                except smtplib.SMTPResponseException as error:
                    codes.append(error.smtp_code)
                    smtp.rset()
        return codes
    with ThreadPoolExecutor(connections) as pool:
        chunks = [raws[i::connections] for i in range(connections)]
        return [code for codes in pool.map(client, chunks) for code in codes]


def _stop(server: subprocess.Popen) -> str:
    server.send_signal(signal.SIGTERM)
    output, _ = server.communicate(timeout=30)
    return output.decode()


def test_listeners_and_writer_archive_everything_once(lists):
    server, port = _start(lists, processes=2)
    try:
        raws = []
        for t in range(10):
            raws.append(_mail(f"root{t}@x", f"Semis {t}"))
            raws += [_mail(f"reply{t}-{r}@x", f"Re: Semis {t}", f"root{t}@x") for r in range(3)]
        raws.append(_mail("late-child@x", "Re: En retard", "late-parent@x"))  # parent after
        codes = _send_all(port, raws)
        codes += _send_all(port, [_mail("late-parent@x", "En retard"), raws[0]])  # + a repeat
        assert codes == [250] * len(codes)
    finally:
        output = _stop(server)
    assert server.returncode == 0, output
    with session_scope(lists) as session:
        real = select(func.count()).select_from(Message).where(Message.ghost.is_(False))
        assert session.scalar(real) == 42  # 10 × 4, the late pair; the repeat stored once
        assert session.scalar(select(func.count()).select_from(Thread)) == 11
        for thread in session.scalars(select(Thread)):
            assert thread.message_count == (2 if thread.subject == "En retard" else 4)
        child = session.scalar(select(Message).filter_by(message_id="late-child@x"))
        parent = session.scalar(select(Message).filter_by(message_id="late-parent@x"))
        assert child.parent_id == parent.id and not parent.ghost
        found = search.search(session, "tomates anciennes", per_page=50)
        assert len(found.hits) == 42


def test_a_dead_writer_means_451_never_250(lists):
    server, port = _start(lists, processes=1)
    try:
        assert _send_all(port, [_mail("before@x", "Avant")], connections=1) == [250]
        children = subprocess.run(["pgrep", "-P", str(server.pid)], capture_output=True,
                                  text=True).stdout.split()
        writer = min(int(pid) for pid in children)  # forked first
        os.kill(writer, signal.SIGKILL)
        time.sleep(0.2)
        try:  # the listener answers 451, or is already stopped by the parent
            codes = _send_all(port, [_mail("after@x", "Après")], connections=1)
        except (OSError, smtplib.SMTPException):
            codes = ["refused"]
        assert codes[0] != 250
    finally:
        if server.poll() is None:
            output = _stop(server)
        else:
            output = server.communicate(timeout=30)[0].decode()
    assert server.returncode != 0, output  # the parent stopped everything and says so
    with session_scope(lists) as session:
        ids = set(session.scalars(select(Message.message_id)))
        assert "before@x" in ids and "after@x" not in ids


def test_a_ban_added_meanwhile_applies_to_the_next_message(lists):
    """The writer process keeps a list's row and bans between transactions only while no
    other connection has committed (SQLite's data_version): an admin's ban counts at once."""
    server, port = _start(lists, processes=1)
    try:
        assert _send_all(port, [_mail("first@x", "Premier")], connections=1) == [250]
        with session_scope(lists) as session:
            mailing_list = session.scalar(select(MailingList).filter_by(
                address="semences@lists.test"))
            session.add(Ban(list_id=mailing_list.id, pattern="lea@example.org"))
        assert _send_all(port, [_mail("second@x", "Second")], connections=1) == [550]
    finally:
        output = _stop(server)
    assert server.returncode == 0, output
    with session_scope(lists) as session:
        assert set(session.scalars(select(Message.message_id))) == {"first@x"}


def test_a_large_message_goes_through_the_writer_byte_for_byte(lists):
    """Messages over writer.INLINE_BYTES are prepared off the event loop, then stored as sent."""
    payload = bytes(range(256)) * 4096  # 1 MiB, past the inline limit
    mail = email.message.EmailMessage()
    mail["From"], mail["To"] = "lea@example.org", "semences@lists.test"
    mail["Subject"], mail["Message-ID"] = "Plans", "<plans@x>"
    mail.set_content("Les plans en pièce jointe.")
    mail.add_attachment(payload, maintype="application", subtype="octet-stream",
                        filename="plans.bin")
    raw = mail.as_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    server, port = _start(lists, processes=1)
    try:
        assert _send_all(port, [raw, _mail("small@x", "Petit")], connections=2) == [250, 250]
    finally:
        output = _stop(server)
    assert server.returncode == 0, output
    with session_scope(lists) as session:
        stored = session.scalar(select(Message).filter_by(message_id="plans@x"))
        assert stored.raw == raw
        assert attachment_bytes(stored.raw, 0)[2] == payload
