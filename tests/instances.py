"""Several real Relais instances at once: each a ``relais serve`` process with its own data
directory, ports and database (SQLite, or PostgreSQL for the second and third), for the
federation tests and bench (issue 11, "How it is checked").

``Instance(...).start()`` prepares the schema and the lists in-process, then starts
``relais serve`` and waits until its web server and SMTP listener answer; ``stop()`` ends it
with SIGTERM (SIGKILL for the whole group if it lingers) and can be followed by ``start()``
again on the same data. Outgoing mail goes to a ``sink.Sink``. PostgreSQL databases come from
RELAIS_TEST_PEER_DATABASE_URLS (comma-separated), else from RELAIS_TEST_DATABASE_URL with
the suffixes "b" and "c" (relais_h2 → relais_h2b, relais_h2c); a missing one is created.

Lighter, in one process: ``two_instances`` gives two settings (separate data directories and
databases), each served by ``browser.live_server``, one following the other over real HTTP.
"""
from __future__ import annotations

import http.server
import os
import signal
import smtplib
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from contextlib import ExitStack, contextmanager

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from backends import make_settings, run_jobs
from browser import live_server
from federation.lists import directory
from federation.peers import following, polling
from federation.settings import Settings
from federation.storage import db as dbmod, schema
from federation.storage.db import session_scope
from federation.storage.models import Peer

ROOT = Path(__file__).resolve().parent.parent
START_TIMEOUT = 60.0  # a loaded two-core machine starts Python slowly
PG_URL = os.environ.get("RELAIS_TEST_DATABASE_URL", "")


def peer_database_urls() -> list[str]:
    """The PostgreSQL URLs for the second and third instances ([] without PostgreSQL)."""
    given = os.environ.get("RELAIS_TEST_PEER_DATABASE_URLS", "")
    if given:
        return [url.strip() for url in given.split(",") if url.strip()]
    if not PG_URL:
        return []
    url = make_url(PG_URL)
    return [url.set(database=f"{url.database}{suffix}").render_as_string(hide_password=False)
            for suffix in ("b", "c")]


def fresh_database(url: str) -> str:
    """Create the PostgreSQL database if missing and empty it; returns its URL."""
    parsed = make_url(url)
    admin = create_engine(parsed.set(database="postgres").set(
        drivername="postgresql+psycopg"), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            exists = connection.scalar(text("SELECT 1 FROM pg_database WHERE datname = :n"),
                                       {"n": parsed.database})
            if not exists:
                connection.execute(text(f'CREATE DATABASE "{parsed.database}"'))
    finally:
        admin.dispose()
    engine = create_engine(parsed.set(drivername="postgresql+psycopg"))
    try:
        with engine.begin() as connection:
            connection.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
    finally:
        engine.dispose()
    return url


_GIVEN: set[int] = set()  # ports handed out by this process: never twice


def free_port() -> int:
    """A port nobody listens on now (the instance's base URL must name it before it starts);
    another process may still take it first, so ``start`` tries new ports once or twice."""
    while True:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        if port not in _GIVEN:
            _GIVEN.add(port)
            return port


@dataclass
class Instance:
    """One Relais: ``name`` is also its mail domain's first label (``a`` → lists.a.test)."""

    name: str
    root: Path
    database_url: str = ""  # "" → SQLite in its data directory
    relay_port: int = 0  # the sink's port ("" relay → Maildir outbox)
    env: dict = field(default_factory=dict)  # more RELAIS_* variables
    web_port: int = field(default_factory=free_port)
    smtp_port: int = field(default_factory=free_port)
    process: subprocess.Popen | None = None
    started_once: bool = False  # after the first start its ports are known to peers: kept

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.web_port}"

    @property
    def mail_domain(self) -> str:
        return f"lists.{self.name}.test"

    @property
    def data_dir(self) -> Path:
        return self.root / self.name / "var"

    @property
    def log(self) -> Path:
        return self.root / self.name / "serve.log"

    @property
    def settings(self) -> Settings:
        """Settings on this instance's database, to prepare or read it from the test."""
        return Settings(data_dir=self.data_dir, database_url=self.database_url,
                        mail_domain=self.mail_domain, base_url=self.base_url,
                        secret_key=f"secret-{self.name}", smtp_port=self.smtp_port,
                        web_port=self.web_port)

    def environ(self) -> dict:
        env = {**os.environ, "RELAIS_DATA_DIR": str(self.data_dir),
               "DATABASE_URL": self.database_url, "REDIS_URL": "",
               "RELAIS_MAIL_DOMAIN": self.mail_domain, "RELAIS_SECRET_KEY": f"secret-{self.name}",
               "RELAIS_BASE_URL": self.base_url, "RELAIS_WEB_PORT": str(self.web_port),
               "RELAIS_SMTP_PORT": str(self.smtp_port), "PYTHONUNBUFFERED": "1",
               "RELAIS_RELAY_URL": f"smtp://127.0.0.1:{self.relay_port}" if self.relay_port
               else ""}
        env.update(self.env)
        return env

    def prepare(self) -> "Instance":
        """Create the schema (a fresh PostgreSQL database) before the first start."""
        self.data_dir.mkdir(parents=True, exist_ok=True)
        if self.database_url:
            fresh_database(self.database_url)
        schema.upgrade(self.settings)
        return self

    def launch(self) -> "Instance":
        """Start ``relais serve`` without waiting (``ready`` waits)."""
        dbmod.dispose(self.settings)  # nothing of ours held open across its start
        with self.log.open("ab") as output:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "relais.cli", "serve"], cwd=ROOT, env=self.environ(),
                stdout=output, stderr=subprocess.STDOUT, start_new_session=True)
        return self

    def ready(self, attempts: int = 3) -> "Instance":
        """Wait until the web server and the SMTP listener both answer (on a first start,
        a port taken meanwhile by another process means new ports and another try)."""
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            if self.process.poll() is not None and not self.started_once and attempts > 1 \
                    and "Address already in use" in self.log.read_text(errors="replace"):
                self.web_port, self.smtp_port = free_port(), free_port()
                return self.launch().ready(attempts - 1)
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"instance {self.name} did not start:\n"
                                   + self.log.read_text(errors="replace")[-3000:])
            try:
                with urllib.request.urlopen(self.base_url + "/", timeout=5) as response:
                    if response.status == 200:
                        with socket.create_connection(("127.0.0.1", self.smtp_port), 5):
                            self.started_once = True
                            return self
            except OSError:
                time.sleep(0.1)

    def start(self) -> "Instance":
        return self.launch().ready()

    def stop(self) -> None:
        """End the instance and all its processes (SIGTERM, then SIGKILL to the group)."""
        if self.process is None:
            return
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(10)
        try:  # a listener or the writer left behind by a hard stop
            os.killpg(self.process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.process = None

    def get(self, path: str, headers: dict | None = None) -> tuple[int, bytes]:
        """(status, body) of a GET on this instance."""
        request = urllib.request.Request(self.base_url + path, headers=headers or {})
        try:
            with urllib.request.urlopen(request, timeout=20) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as refused:
            return refused.code, refused.read()

    def post(self, path: str, body: bytes, headers: dict | None = None) -> int:
        """The status of a POST to this instance."""
        request = urllib.request.Request(self.base_url + path, data=body, method="POST",
                                         headers=headers or {})
        try:
            with urllib.request.urlopen(request, timeout=20) as response:
                return response.status
        except urllib.error.HTTPError as refused:
            return refused.code

    def send(self, raw: bytes, to: str, sender: str = "alice@example.org") -> tuple[int, str]:
        """Post raw bytes to one of its lists over SMTP; the DATA reply."""
        with smtplib.SMTP("127.0.0.1", self.smtp_port, timeout=60) as client:
            client.ehlo()
            options = ["SMTPUTF8", "BODY=8BITMIME"] if any(b > 127 for b in raw) else []
            client.mail(sender, options)
            code, reply = client.rcpt(to)
            if code != 250:
                return code, reply.decode()
            code, reply = client.data(raw)
            return code, reply.decode()


def start_all(instances: list[Instance]) -> list[Instance]:
    """Start several instances at once (their start-ups overlap)."""
    for instance in instances:
        instance.launch()
    for instance in instances:
        instance.ready()
    return instances


def stop_all(instances: list[Instance]) -> None:
    for instance in instances:
        instance.stop()


def wait_for(check, timeout: float = 20.0, every: float = 0.1):
    """Call ``check`` until it returns something true (returned), or fail after ``timeout``."""
    deadline = time.monotonic() + timeout
    while True:
        found = check()
        if found:
            return found
        if time.monotonic() > deadline:
            raise AssertionError(f"still false after {timeout:.0f} s: {check}")
        time.sleep(every)


# Two instances in this process (each its own database and real web server)

def federate(settings, *addresses: str) -> None:
    """Give the owner's consent to federate these lists."""
    with session_scope(settings) as session:
        for address in addresses:
            directory.edit_list(session, directory.find_list(session, address), federated=True)


def seed_follower(settings) -> None:
    """The second instance's own assembly and federated list (Lyon)."""
    with session_scope(settings) as session:
        directory.add_assembly(session, "lyon", "Assemblée des communs de Lyon")
        directory.add_list(session, "agora", "lyon", settings.mail_domain, name="Agora",
                           federated=True)


@contextmanager
def two_instances(origin_settings, tmp_path):
    """(origin, origin URL, follower, follower URL): the given settings and a second SQLite
    instance for Lyon, both served; the follower's data goes away afterwards."""
    follower = make_settings(tmp_path / "lyon", mail_domain="lyon.test")
    seed_follower(follower)
    with ExitStack() as stack:
        origin, origin_url = stack.enter_context(live_server(origin_settings))
        served, url = stack.enter_context(live_server(follower))
        try:
            yield origin, origin_url, served, url
        finally:
            dbmod.dispose(follower)


def poll(settings, limits=polling.DEFAULT) -> list[polling.Polled]:
    """Poll every followed peer now and run the jobs that follow (tagging)."""
    with session_scope(settings, write=False) as session:
        ids = [peer.id for peer in following.followed(session)]
    results = polling.poll_all(settings, ids, limits)
    run_jobs(settings)
    return results


class _Handler(http.server.BaseHTTPRequestHandler):
    """Answers each path from the server's ``routes``: (status, headers, body) or a callable."""

    def do_GET(self):  # noqa: N802 (http.server's naming)
        self.server.seen.append(self.path)
        answer = self.server.routes.get(self.path.split("?")[0])
        if callable(answer):
            answer = answer(self)
        if answer is None:
            return
        status, headers, body = answer if answer else (404, {}, b"")
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@contextmanager
def crafted_server(routes: dict):
    """A real HTTP server answering what a test wrote (a hostile peer); yields (url, seen)."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    server.routes, server.seen = routes, []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", server.seen
    finally:
        server.shutdown()
        server.server_close()


def add_peer(settings, url: str, feed_path: str = "/federation/feed") -> int:
    """Follow a peer without discovery (its home page may be anything): its row id."""
    with session_scope(settings) as session:
        peer = Peer(url=url + feed_path, origin=url, feed_url=url + feed_path, secret="ab" * 32)
        session.add(peer)
        session.flush()
        return peer.id
