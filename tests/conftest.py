"""Fixtures: real SQLite files (and PostgreSQL + Redis when configured), a real SMTP listener,
a real SMTP sink for outgoing mail, the web test client.

``settings`` is parametrised over the backends: ``sqlite`` (in-process jobs) always, and
``postgresql`` (PostgreSQL + rq on Redis) when RELAIS_TEST_DATABASE_URL and
RELAIS_TEST_REDIS_URL are set (``tests/backends.py``). A module or test marked
``@pytest.mark.relay`` gets settings whose outgoing relay is the ``sink``, with quick retries
(the mark's keywords join them: ``relay(dns_resolver=...)``);
without the mark, outgoing mail goes to the Maildir outbox. Plain helper functions live in
``backends.py``, ``messages.py``, ``outbox.py``, ``pages.py`` and ``sink.py``: test modules import
those, never another test module and never this file.
"""
from __future__ import annotations

import smtplib

import pytest

from backends import FIXTURES, backend_or_skip, make_settings, run_jobs, seed_lists
from federation.settings import Settings
from federation.delivery import dmarc
from federation.storage import db as dbmod
from messages import deliver
from sink import Sink
from relais.jobs import register as register_jobs

register_jobs()  # as every relais command does: the job roles get mail's functions


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "relay: outgoing mail goes to the real SMTP sink (the ``sink`` fixture)")


@pytest.fixture
def sink():
    """A running SMTP sink; outgoing mail goes there when settings point at it."""
    running = Sink().start()
    yield running
    running.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def settings(request, tmp_path) -> Settings:
    """Settings on each backend: SQLite + in-process jobs, PostgreSQL + rq on Redis."""
    if request.param == "postgresql":
        backend_or_skip()
    overrides, resolver = {}, None
    marker = request.node.get_closest_marker("relay")
    if marker:  # relay(dns_resolver=...): DMARC records come from that function
        relay = request.getfixturevalue("sink")
        overrides = dict(relay_url=f"smtp://127.0.0.1:{relay.port}",
                         delivery_backoff=(0.05, 0.1), retry_delays=(0, 0))
        resolver = marker.kwargs.get("dns_resolver")
    made = make_settings(tmp_path, request.param, **overrides)
    dmarc.use_resolver(resolver)
    yield made
    dmarc.use_resolver(None)
    if made.is_sqlite:
        dbmod.dispose(made)


@pytest.fixture
def sqlite_settings(tmp_path) -> Settings:
    """Settings on the embedded default only (SQLite file, in-process jobs, Maildir outbox)."""
    made = make_settings(tmp_path)
    yield made
    dbmod.dispose(made)


@pytest.fixture
def lists(settings) -> Settings:
    """Four assemblies' worth of lists on the ``settings`` backend."""
    seed_lists(settings)
    return settings


@pytest.fixture
def smtp(lists):
    """A real SMTP listener on an OS-assigned port, archiving into ``lists``' database."""
    from mail.server import Running
    running = Running(lists, port=0, host="127.0.0.1").start()
    yield running
    running.stop()


@pytest.fixture
def send(smtp, lists):
    """Send raw bytes (or a fixture file name) to a list over real SMTP; returns the reply."""
    def _send(message, to="semences@lists.test", sender="alice@example.org"):
        raw = message if isinstance(message, bytes) else (FIXTURES / message).read_bytes()
        # SMTP carries CRLF; smtplib sends bytes untouched, so normalise as an MTA would
        raw = raw.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
        with smtplib.SMTP("127.0.0.1", smtp.port) as client:
            client.ehlo()
            options = ["SMTPUTF8", "BODY=8BITMIME"] if any(b > 127 for b in raw) else []
            code, reply = client.docmd("MAIL FROM:<%s>%s" % (sender, "".join(" " + o for o in options)))
            assert code == 250, reply
            code, reply = client.docmd(f"RCPT TO:<{to}>")
            if code != 250:
                client.docmd("RSET")
                return code, reply.decode()
            code, reply = client.data(raw)
        run_jobs(lists)
        return code, reply.decode()
    return _send


@pytest.fixture
def client(lists):
    """The web app's test client, on the ``lists`` database."""
    from web import create_app
    return create_app(lists).test_client()


@pytest.fixture
def thread(lists):
    """A root and its 8bit French reply, archived through the real ingest path."""
    deliver(lists, "root.eml")
    deliver(lists, "reply-8bit-fr.eml")
    return lists
