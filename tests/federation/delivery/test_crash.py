"""``kill -9`` loses no member's copy (issue 9, item 16).

``relais serve`` runs as a real process over a temporary data directory (SQLite), sending to
a real SMTP sink that takes a few milliseconds per message; one post goes to a list of 300
members over SMTP, the process group is killed with SIGKILL in mid fan-out (or once the
fan-out is planned, before any copy went out), ``relais serve`` starts again over the same
directory, and every member has the post, twice at most for the copies that were in flight.
The same crash once more with PostgreSQL, Redis and a ``relais worker`` killed mid fan-out.
"""
from __future__ import annotations

import os
import signal
import smtplib
import socket
import subprocess
import sys
import time
from collections import Counter
from datetime import timedelta
from email.utils import formatdate
from pathlib import Path

import pytest
from sqlalchemy import insert, select, update

from backends import backend_or_skip, make_settings, run_jobs, seed_lists
from federation.storage import db as dbmod, writer
from federation.delivery import deliveries
from federation.lists import directory
from federation.ingest import filing
from federation.storage.db import session_scope
from federation.delivery.deliveries import STALE_CLAIM
from federation.storage.models import Delivery
from federation.storage.models import Member, Message, utcnow
from mail import delivery
from relais import schedule
from sink import Sink

pytestmark = pytest.mark.relay  # outgoing mail reaches the real SMTP sink

ROOT = Path(__file__).resolve().parents[3]
POST = "semences@lists.test"
MEMBERS = [f"membre{n}@example.net" for n in range(300)]
# most copies the relay can have taken that were not recorded as sent yet: the progress
# batches being written (one per connection at most) and the one being filled, plus one
# copy per connection between the relay's 250 and its record
WORKERS = len(MEMBERS) // delivery.PER_CONNECTION + 1
IN_FLIGHT = (WORKERS + 1) * delivery.PROGRESS_TRANSACTIONS + WORKERS
TIMEOUT = 90.0  # generous: a loaded two-core machine starts Python slowly


def free_port() -> int:
    """A port the OS has just given out (bind to 0), for the next process to listen on."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def until(condition, what: str, timeout: float = TIMEOUT, every: float = 0.01):
    """Poll ``condition`` until it returns something true; fail after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        found = condition()
        if found:
            return found
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what}")
        time.sleep(every)


class Process:
    """A ``relais`` command running in its own process group, its output in a log file."""

    def __init__(self, env: dict, log: Path, *command: str):
        self.smtp_port = free_port()
        self.log = log
        environment = {**os.environ, **env, "RELAIS_SMTP_PORT": str(self.smtp_port),
                       "RELAIS_WEB_PORT": str(free_port()), "PYTHONUNBUFFERED": "1"}
        with log.open("ab") as output:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "relais.cli", *command], cwd=ROOT, env=environment,
                stdout=output, stderr=subprocess.STDOUT, start_new_session=True)

    def listening(self) -> bool:
        if self.process.poll() is not None:
            pytest.fail(f"relais exited with {self.process.returncode}:\n"
                        + self.log.read_text(errors="replace")[-3000:])
        try:
            socket.create_connection(("127.0.0.1", self.smtp_port), timeout=1).close()
            return True
        except OSError:
            return False

    def kill(self) -> None:
        """SIGKILL the process group, and those of its descendants: rq's work horse runs in
        a process group of its own (``os.setpgrp``), as a crash of the machine would."""
        groups = []
        for pid in [self.process.pid, *descendants(self.process.pid)]:
            try:
                groups.append(os.getpgid(pid))
            except ProcessLookupError:
                pass
        for group in dict.fromkeys(groups):
            try:
                os.killpg(group, signal.SIGKILL)
            except ProcessLookupError:
                pass
        self.process.wait(30)


def descendants(pid: int) -> list[int]:
    """Every process below ``pid``, read from /proc (children before grandchildren)."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            parent = int(stat.read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(parent, []).append(int(stat.parent.name))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(0), []):
            found.append(child)
            todo.append(child)
    return found


@pytest.fixture
def slow_sink():
    """A relay that takes 20 ms over each message, so a kill lands in mid fan-out."""
    running = Sink(delay=0.02).start()
    yield running
    running.gate.set()
    running.stop()


def seed(settings) -> None:
    """The list and its 300 members (who joined yesterday)."""
    with session_scope(settings) as session:
        directory.add_assembly(session, "lille", "Assemblée des communs de Lille")
        ml = directory.add_list(session, "semences", "lille", settings.mail_domain,
                                name="Semences paysannes")
        session.flush()
        session.execute(insert(Member), [dict(list_id=ml.id, email=email,
                                              created_at=utcnow() - timedelta(days=1))
                                         for email in MEMBERS])


def post(port: int, message_id: str) -> None:
    raw = (f"From: Alice Martin <alice@example.org>\r\nTo: {POST}\r\n"
           f"Subject: Bourse aux graines samedi\r\nDate: {formatdate()}\r\n"
           f"Message-ID: <{message_id}>\r\nMIME-Version: 1.0\r\n"
           "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
           "Bourse aux graines à la Maison des communs, samedi à 10 h.\r\n").encode()
    with smtplib.SMTP("127.0.0.1", port, timeout=60) as client:
        assert client.sendmail("alice@example.org", [POST], raw) == {}


def copies(sink: Sink, message_id: str) -> Counter:
    """Recipient → copies of this post the relay has taken."""
    return Counter(r.recipient for r in list(sink.received)
                   if f"<{message_id}>".encode() in r.raw)


def statuses(settings, message_id: str) -> dict[str, str]:
    """Recipient → status of their Delivery row for this post."""
    with session_scope(settings, write=False) as session:
        pk = session.scalar(select(Message.id).where(Message.message_id == message_id))
        return dict(session.execute(select(Delivery.email, Delivery.status).where(
            Delivery.kind == "message", Delivery.ref_id == pk)).all())


def everyone_served(settings, sink, message_id):
    """True once every member has a copy and every row says sent (nothing more will go)."""
    got = copies(sink, message_id)
    return len(got) == len(MEMBERS) and \
        list(statuses(settings, message_id).values()) == ["sent"] * len(MEMBERS)


def check_served(got: Counter, at_crash: dict[str, str]) -> None:
    """Every member has the post; a second copy only for a copy in flight at the crash."""
    assert sorted(got) == sorted(MEMBERS)
    twice = {email for email, count in got.items() if count > 1}
    assert max(got.values()) <= 2
    assert all(at_crash.get(email) != "sent" for email in twice)  # recorded: never again
    assert len(twice) <= IN_FLIGHT, f"{len(twice)} copies sent twice"


@pytest.fixture
def embedded(tmp_path, slow_sink):
    """A data directory with the list seeded, and the environment of ``relais serve``."""
    settings = make_settings(tmp_path, relay_url=f"smtp://127.0.0.1:{slow_sink.port}")
    seed(settings)
    env = {"RELAIS_DATA_DIR": str(settings.data_dir), "DATABASE_URL": "", "REDIS_URL": "",
           "RELAIS_MAIL_DOMAIN": settings.mail_domain, "RELAIS_SECRET_KEY": "test-secret",
           "RELAIS_RELAY_URL": settings.relay_url, "RELAIS_BASE_URL": settings.base_url}
    yield settings, env
    dbmod.dispose(settings)


def test_serve_killed_in_mid_fan_out_delivers_to_every_member_after_restart(
        embedded, slow_sink, tmp_path):
    settings, env = embedded
    first = Process(env, tmp_path / "serve.log", "serve")
    try:
        until(first.listening, "relais serve to listen")
        post(first.smtp_port, "bourse@example.org")
        until(lambda: len(copies(slow_sink, "bourse@example.org")) >= 100, "the fan-out")
    finally:
        first.kill()
    assert len(copies(slow_sink, "bourse@example.org")) < len(MEMBERS), \
        "the fan-out ended before the kill"
    at_crash = statuses(settings, "bourse@example.org")
    assert len(at_crash) == len(MEMBERS) and "sending" in at_crash.values()
    again = Process(env, tmp_path / "serve.log", "serve")
    try:
        until(lambda: everyone_served(settings, slow_sink, "bourse@example.org"),
              "every member's copy after the restart")
    finally:
        again.kill()
    check_served(copies(slow_sink, "bourse@example.org"), at_crash)


def test_serve_killed_after_planning_before_any_copy_delivers_each_once(
        embedded, slow_sink, tmp_path):
    settings, env = embedded
    slow_sink.gate.clear()  # the relay holds every RCPT: no copy can go out
    first = Process(env, tmp_path / "serve.log", "serve")
    try:
        until(first.listening, "relais serve to listen")
        post(first.smtp_port, "planifie@example.org")
        until(lambda: len(statuses(settings, "planifie@example.org")) == len(MEMBERS),
              "the fan-out to be planned")
    finally:
        first.kill()
    assert copies(slow_sink, "planifie@example.org") == Counter()
    slow_sink.gate.set()
    again = Process(env, tmp_path / "serve.log", "serve")
    try:
        until(lambda: everyone_served(settings, slow_sink, "planifie@example.org"),
              "every member's copy after the restart")
    finally:
        again.kill()
    assert copies(slow_sink, "planifie@example.org") == Counter(MEMBERS)  # once each


def test_worker_killed_in_mid_fan_out_delivers_after_restart(tmp_path, slow_sink):
    """PostgreSQL + Redis: the listener in this process, the jobs in ``relais worker``."""
    from mail.server import Running
    backend_or_skip()
    settings = make_settings(tmp_path, "postgresql",
                             relay_url=f"smtp://127.0.0.1:{slow_sink.port}")
    seed(settings)
    env = {"RELAIS_DATA_DIR": str(settings.data_dir), "DATABASE_URL": settings.database_url,
           "REDIS_URL": settings.redis_url, "RELAIS_QUEUE": settings.queue_name,
           "RELAIS_MAIL_DOMAIN": settings.mail_domain, "RELAIS_SECRET_KEY": "test-secret",
           "RELAIS_RELAY_URL": settings.relay_url, "RELAIS_BASE_URL": settings.base_url}
    listener = Running(settings, port=0, host="127.0.0.1").start()
    try:
        post(listener.port, "rq@example.org")
    finally:
        listener.stop()
    worker = Process(env, tmp_path / "worker.log", "worker")
    try:
        until(lambda: len(copies(slow_sink, "rq@example.org")) >= 100, "the fan-out")
    finally:
        worker.kill()
    assert len(copies(slow_sink, "rq@example.org")) < len(MEMBERS), \
        "the fan-out ended before the kill"
    at_crash = statuses(settings, "rq@example.org")
    assert "sending" in at_crash.values()
    # Other workers may be alive, so a claim is only taken back once stale: the worker
    # comes back after STALE_CLAIM.
    with session_scope(settings) as session:
        session.execute(update(Delivery).where(Delivery.status == "sending").values(
            claimed_at=utcnow() - STALE_CLAIM - timedelta(minutes=1)))
    again = Process(env, tmp_path / "worker.log", "worker")
    try:
        until(lambda: everyone_served(settings, slow_sink, "rq@example.org"),
              "every member's copy after the restart")
    finally:
        again.kill()
    check_served(copies(slow_sink, "rq@example.org"), at_crash)


@pytest.fixture
def settings(settings):
    """The relayed settings (conftest.py), with the lists and five members of a day ago."""
    seed_lists(settings)
    with session_scope(settings) as session:
        ml = directory.find_list(session, POST)
        session.execute(insert(Member), [dict(list_id=ml.id, email=email,
                                              created_at=utcnow() - timedelta(days=1))
                                         for email in MEMBERS[:5]])
    return settings


def left_by_a_crash(settings, message_id: str, claimed: bool) -> int:
    """A post stored and planned, as a process that died then left it: its rows pending
    (killed before the sending job ran) or claimed (killed in mid fan-out)."""
    raw = (f"From: alice@example.org\r\nTo: {POST}\r\nSubject: Panne\r\n"
           f"Message-ID: <{message_id}>\r\n\r\nCoupure de courant.\r\n").encode()
    [outcome] = filing.file_post_soon(settings, raw, [POST], "alice@example.org").result()
    with session_scope(settings) as session:
        message = session.get(Message, outcome.message_pk)
        assert deliveries.plan_message(session, message)
        message.processed = True
    with session_scope(settings) as session:
        if claimed:
            assert len(deliveries.claim(session, "message", outcome.message_pk)) == 5
        session.execute(update(Delivery).values(  # the crash was a while ago
            updated_at=utcnow() - timedelta(minutes=2),
            claimed_at=utcnow() - STALE_CLAIM - timedelta(minutes=1)))
    return outcome.message_pk


def run_scheduled_retries(settings) -> None:
    """One tick of ``relais cron`` where only the delivery task is due."""
    now = time.time()
    schedule.run_once(settings, now, {name: now for name, _, _ in schedule.TASKS
                                      if name != "delivery-retries"})


@pytest.mark.parametrize("claimed", [False, True], ids=["pending", "claimed"])
def test_scheduler_sends_what_a_crash_left(settings, sink, claimed):
    left_by_a_crash(settings, "panne@example.org", claimed)
    assert sink.received == []
    run_scheduled_retries(settings)
    run_jobs(settings)
    assert copies(sink, "panne@example.org") == Counter(MEMBERS[:5])
    run_scheduled_retries(settings)  # nothing left: nothing sent twice
    run_jobs(settings)
    assert copies(sink, "panne@example.org") == Counter(MEMBERS[:5])
