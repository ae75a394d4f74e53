"""Settings on each backend for one test, and the plain steps tests share (no fixtures here).

``sqlite`` (in-process jobs) always; ``postgresql`` (PostgreSQL + rq on Redis) when
RELAIS_TEST_DATABASE_URL and RELAIS_TEST_REDIS_URL are set. In CI they are set, and a missing
backend fails the run. The fixtures built on these live in ``tests/conftest.py``.
"""
from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest
from sqlalchemy import text

from federation import queue
from federation.lists import directory
from federation.settings import Settings
from federation.storage import db as dbmod, schema
from federation.storage.db import session_scope

FIXTURES = Path(__file__).parent / "fixtures"
PG_URL = os.environ.get("RELAIS_TEST_DATABASE_URL", "")
REDIS_URL = os.environ.get("RELAIS_TEST_REDIS_URL", "")
IN_CI = bool(os.environ.get("CI"))
_PG_READY: set[str] = set()


def backend_or_skip() -> None:
    if PG_URL and REDIS_URL:
        return
    reason = "RELAIS_TEST_DATABASE_URL / RELAIS_TEST_REDIS_URL not set"
    if IN_CI:
        pytest.fail(f"CI must test PostgreSQL and Redis: {reason}")
    pytest.skip(reason)


def reset_postgresql(settings: Settings) -> None:
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
        reset_postgresql(settings)
    else:
        schema.upgrade(settings)
    return settings


def run_jobs(settings: Settings) -> None:
    """Run queued jobs to completion with a real rq worker (no-op for in-process jobs)."""
    if settings.redis_url:
        queue.work(settings, burst=True)


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
