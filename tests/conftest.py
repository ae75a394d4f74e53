"""Fixtures: real SQLite files (and PostgreSQL + Redis when configured), a real SMTP listener.

``settings`` is parametrised over the backends: ``sqlite`` (in-process jobs) always, and
``postgresql`` (PostgreSQL + rq on Redis) when RELAIS_TEST_DATABASE_URL and
RELAIS_TEST_REDIS_URL are set. In CI they are set, and a missing backend fails the run.
"""
from __future__ import annotations

import os
import re
import smtplib
import uuid
from pathlib import Path

import pytest
from sqlalchemy import text

from federation import queue
from federation.storage import db as dbmod, schema
from federation.lists import directory
from federation.storage.db import session_scope
from federation.settings import Settings
from relais.jobs import register as register_jobs

FIXTURES = Path(__file__).parent / "fixtures"
PG_URL = os.environ.get("RELAIS_TEST_DATABASE_URL", "")
REDIS_URL = os.environ.get("RELAIS_TEST_REDIS_URL", "")
IN_CI = bool(os.environ.get("CI"))
_PG_READY: set[str] = set()

register_jobs()  # as every relais command does: the job roles get mail's functions


def _backend_or_skip() -> None:
    if PG_URL and REDIS_URL:
        return
    reason = "RELAIS_TEST_DATABASE_URL / RELAIS_TEST_REDIS_URL not set"
    if IN_CI:
        pytest.fail(f"CI must test PostgreSQL and Redis: {reason}")
    pytest.skip(reason)


def _reset_postgresql(settings: Settings) -> None:
    """Bring the schema up once per run, then empty every table for each test."""
    if settings.database_url not in _PG_READY:
        engine = dbmod.engine_for(settings)
        with engine.begin() as connection:
            connection.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
        schema.upgrade(settings)
        _PG_READY.add(settings.database_url)
    with dbmod.engine_for(settings).begin() as connection:
        existing = [row[0] for row in connection.execute(text(
            "SELECT tablename FROM pg_tables WHERE schemaname='public' "
            "AND tablename <> 'alembic_version'"))]
        if existing:
            connection.execute(text("TRUNCATE " + ", ".join(f'"{t}"' for t in existing)
                                    + " RESTART IDENTITY CASCADE"))
    from federation.themes.tagging import ensure_defaults  # created with the schema, as on SQLite
    with session_scope(settings) as session:
        ensure_defaults(session)


def make_settings(tmp_path: Path, backend: str = "sqlite", **overrides) -> Settings:
    """Settings for one test: a fresh data dir, and the chosen database and queue."""
    values = dict(data_dir=tmp_path / "var", secret_key="test-secret", mail_domain="lists.test",
                  base_url="http://relais.test", queue_name=f"relais-test-{uuid.uuid4().hex}")
    if backend == "postgresql":
        values.update(database_url=PG_URL, redis_url=REDIS_URL)
    values.update(overrides)
    settings = Settings(**values)
    if backend == "postgresql":
        _reset_postgresql(settings)
    else:
        schema.upgrade(settings)
    return settings


@pytest.fixture(params=["sqlite", "postgresql"])
def settings(request, tmp_path) -> Settings:
    """Settings on each backend: SQLite + in-process jobs, PostgreSQL + rq on Redis."""
    if request.param == "postgresql":
        _backend_or_skip()
    made = make_settings(tmp_path, request.param)
    yield made
    if request.param == "sqlite":
        dbmod.dispose(made)


@pytest.fixture
def sqlite_settings(tmp_path) -> Settings:
    """Settings on the embedded default only (SQLite file, in-process jobs, Maildir outbox)."""
    made = make_settings(tmp_path)
    yield made
    dbmod.dispose(made)


def run_jobs(settings: Settings) -> None:
    """Run queued jobs to completion with a real rq worker (no-op for in-process jobs)."""
    if settings.redis_url:
        queue.work(settings, burst=True)


@pytest.fixture
def lists(settings) -> Settings:
    """Four assemblies' worth of lists on the ``settings`` backend."""
    seed_lists(settings)
    return settings


def seed_lists(settings: Settings) -> None:
    """Create the assemblies and lists the tests post to."""
    with session_scope(settings) as session:
        directory.add_assembly(session, "lille", "Assemblée des communs de Lille")
        directory.add_assembly(session, "grenoble", "Assemblée des communs de Grenoble")
        directory.add_list(session, "semences", "lille", settings.mail_domain,
                           name="Semences paysannes")
        directory.add_list(session, "libre", "grenoble", settings.mail_domain,
                           name="Logiciel libre")
        directory.add_list(session, "prive", "lille", settings.mail_domain,
                           name="Bureau", public=False)


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


def csrf_token(client, path: str) -> str:
    """The CSRF token of the first form on a page (Flask-WTF), for tests that POST forms."""
    page = client.get(path).get_data(as_text=True)
    return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
