"""The shape of a fast thread page and a lean web process, checked without timings: the SQL
statements a page issues, the libraries a process loads, the workers forked from a loaded app.
(The timings themselves are in bench/read.py and bench/README.md.)"""
from __future__ import annotations

import http.client
import os
import socket
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from sqlalchemy import event

from federation.storage.db import engine_for
from messages import deliver, mail
from relais import web_server
from web import create_app, pagecache

ROOT = Path(__file__).resolve().parents[2]


def _thread_of(settings, root: str, replies: int) -> None:
    """A root and ``replies`` replies, each quoting the previous message's three lines."""
    deliver(settings, mail(root, "Compost collectif", "Un\nDeux\nTrois"))
    previous = root
    for number in range(replies):
        mid = f"{number}-{root}"
        deliver(settings, mail(mid, "Re: Compost collectif", f"Réponse {number}\n> Un\n> Deux\n> Trois",
                               refs=previous, minute=number + 1))
        previous = mid


def _statements(settings, client, path: str) -> list[str]:
    """The SQL statements one request issues."""
    seen: list[str] = []

    def note(_conn, _cursor, statement, *_rest):
        seen.append(statement)
    engine = engine_for(settings)
    event.listen(engine, "before_cursor_execute", note)
    try:
        assert client.get(path).status_code == 200
    finally:
        event.remove(engine, "before_cursor_execute", note)
    return [s for s in seen if not s.lstrip().upper().startswith(("BEGIN", "SAVEPOINT", "RELEASE"))]


def test_an_uncached_thread_page_issues_six_queries_whatever_its_length(lists, monkeypatch):
    """The thread, the threads of other lists joined to it (a cross-list or peer's reply), its
    messages with their attachments, its themes, which of them came from the web, and the
    list's forum options: six statements for a thread of two messages and for one of twelve
    (no statement per message)."""
    monkeypatch.setattr(pagecache, "ENABLED", False)
    _thread_of(lists, "court@example.org", 1)
    _thread_of(lists, "long@example.org", 11)
    client = create_app(lists).test_client()
    client.get("/")  # the app's first request reads what every later one reuses
    short = _statements(lists, client, "/t/court@example.org/")
    long = _statements(lists, client, "/t/long@example.org/")
    assert len(short) == len(long) == 6, long


def test_quote_summaries_are_translated_per_count(lists, monkeypatch):
    monkeypatch.setattr(pagecache, "ENABLED", False)
    _thread_of(lists, "compost@example.org", 2)
    deliver(lists, mail("seul@example.org", "Re: Compost collectif", "Oui\n> Un",
                        refs="compost@example.org", minute=9))
    client = create_app(lists).test_client()
    french = client.get("/t/compost@example.org/?lang=fr").get_data(as_text=True)
    assert french.count("3 lignes citées") == 2 and "1 ligne citée" in french
    english = client.get("/t/compost@example.org/?lang=en").get_data(as_text=True)
    assert english.count("3 quoted lines") == 2 and "1 quoted line<" in english


def _environment(settings) -> dict:
    env = dict(os.environ, RELAIS_DATA_DIR=str(settings.data_dir), RELAIS_SECRET_KEY="test",
               DATABASE_URL=settings.database_url, RELAIS_MAIL_DOMAIN=settings.mail_domain,
               PYTHONPATH=str(ROOT))
    env.pop("REDIS_URL", None)
    return env


def _run(settings, code: str) -> str:
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], cwd=ROOT,
                          env=_environment(settings), capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_the_web_process_does_not_import_scikit_learn_nor_numpy(lists):
    """``relais web`` loads the app as its master does before forking, serves a themed
    thread page, and has loaded neither scikit-learn nor numpy (the classifier is for the
    processes that tag)."""
    deliver(lists, mail("theme@example.org", "Troc de graines #semences", "Des graines !"))
    out = _run(lists, """
        import sys
        import relais.cli
        from federation.settings import Settings
        from relais import web_server
        client = web_server.app_for(Settings.from_env()).test_client()
        page = client.get("/t/theme@example.org/").get_data(as_text=True)
        assert "agriculture-alimentation" in page, page
        print(sorted(m for m in ("sklearn", "scipy", "numpy") if m in sys.modules))
    """)
    assert out.strip() == "[]"


def test_tagging_in_a_listener_process_does_not_import_scikit_learn(lists):
    """A post filed and tagged in process (what the listener and writer do) uses the trained
    model with numpy alone: scikit-learn is for training."""
    out = _run(lists, """
        import sys
        from federation.settings import Settings
        from relais.jobs import register
        from mail import server
        from federation.ingest import filing
        register()
        raw = (b"From: Alice <alice@example.org>\\r\\nTo: semences@lists.test\\r\\n"
               b"Subject: Troc de graines #semences\\r\\nMessage-ID: <graines@example.org>\\r\\n"
               b"\\r\\nDes graines de tomates anciennes pour le jardin partag\\xc3\\xa9.\\r\\n")
        outcomes = filing.file_post(Settings.from_env(), raw, ["semences@lists.test"])
        assert all(o.accepted for o in outcomes), outcomes
        print("numpy" in sys.modules, "sklearn" in sys.modules)
    """)
    assert out.split() == ["True", "False"]  # tagged with the model (numpy), never sklearn


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_relais_web_serves_from_workers_forked_after_loading(lists):
    """Two gunicorn workers forked from a master that loaded the app (and closed its database
    connections first) both answer, page after page, on a fresh connection each time."""
    deliver(lists, mail("fork@example.org", "Atelier vélo", "Samedi"))
    port = _free_port()
    env = dict(_environment(lists), RELAIS_WEB_PORT=str(port))
    server = subprocess.Popen([sys.executable, "-m", "relais.cli", "web", "--workers", "2"],
                              cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True)
    try:
        statuses = []
        deadline = time.monotonic() + 60
        while len(statuses) < 20 and time.monotonic() < deadline:
            try:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
                connection.request("GET", "/t/fork@example.org/")
                response = connection.getresponse()
                statuses.append((response.status, "Atelier vélo" in response.read().decode()))
            except OSError:
                time.sleep(0.2)
        assert statuses == [(200, True)] * 20
        workers = subprocess.run(["ps", "-o", "pid=", "--ppid", str(server.pid)],
                                 capture_output=True, text=True).stdout.split()
        assert len(workers) == 2
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_a_list_freshness_stamp_reads_indexes_only(lists):
    """The stamp of a list's cached pages and feed is probed on every request: on SQLite each
    of its statements reads an index alone, never a list's rows (without ANALYZE statistics
    the planner once walked the list's date index for the count of deleted messages)."""
    import pytest
    from sqlalchemy import select

    from federation.reading import queries
    from federation.storage.db import session_scope
    from federation.storage.models import MailingList
    if not lists.is_sqlite:
        pytest.skip("SQLite's planner; PostgreSQL plans with the statistics it keeps")
    for number in range(30):
        deliver(lists, mail(f"frais-{number}@example.org", "Compost", "Oui", minute=number))
    # Without statistics SQLite breaks a tie between two indexes on list_id by their order in
    # the schema, which migrations that rebuild the table leave as it comes: put the list's
    # date index last, the order in which the planner once chose it
    with engine_for(lists).begin() as connection:
        connection.exec_driver_sql("DROP INDEX ix_messages_list_date")
        connection.exec_driver_sql("CREATE INDEX ix_messages_list_date ON messages (list_id, date)")
    seen: list[tuple[str, tuple]] = []

    def note(_conn, _cursor, statement, parameters, *_rest):
        seen.append((statement, parameters))
    engine = engine_for(lists)
    with session_scope(lists, write=False) as session:
        ml = session.scalar(select(MailingList).where(MailingList.public.is_(True)).limit(1))
        scope = queries.list_scope(ml)
        event.listen(engine, "before_cursor_execute", note)
        try:
            queries.freshness(session, scope)
        finally:
            event.remove(engine, "before_cursor_execute", note)
        plans = [session.connection().exec_driver_sql("EXPLAIN QUERY PLAN " + statement,
                                                      parameters).all()
                 for statement, parameters in seen]
    details = [row[-1] for plan in plans for row in plan]
    assert details and all("COVERING INDEX" in detail or "ix_messages_deleted_list" in detail
                           for detail in details if "messages" in detail), details


def test_the_web_master_builds_what_workers_would_build_each(lists):
    """Before forking, the master has loaded the CLDR data of every language (babel loads it
    at the first formatted date or number, about 5 MB a process), rendered sample pages in
    each (SQLAlchemy's compiled statements) and then forgotten those pages; each SQLite
    connection of the web process keeps a small page cache."""
    deliver(lists, mail("chaud@example.org", "Atelier vélo", "Samedi"))
    out = _run(lists, """
        from babel import localedata
        from federation.settings import Settings
        from federation.storage import db
        from relais import web_server
        from web import feeds
        settings = Settings.from_env()
        web_server.app_for(settings)
        compiled = len(db.engine_for(settings)._compiled_cache)
        size = None
        if settings.is_sqlite:
            with db.engine_for(settings).connect() as connection:
                size = connection.exec_driver_sql("PRAGMA cache_size").scalar()
        print(sorted(n for n in localedata._cache if n in ("fr", "en")), len(feeds._cache),
              compiled > 10, size)
    """)
    size = f"-{web_server.SQLITE_CACHE_KIB}" if lists.is_sqlite else "None"
    assert out.split() == ["['en',", "'fr']", "0", "True", size]


def test_the_web_process_leaves_out_what_only_some_requests_need(lists):
    """The libraries only a few requests use are loaded by the first of them, not by every
    web process: the Public Suffix List (tldextract, with requests: a forum post's DMARC
    check), mail-parser (the second opinion on broken mail), pygal (the console's charts),
    ALTCHA (the forum's optional proof of work)."""
    deliver(lists, mail("leger@example.org", "Atelier vélo", "Samedi"))
    out = _run(lists, """
        import sys
        import relais.cli
        from federation.settings import Settings
        from relais import web_server
        client = web_server.app_for(Settings.from_env()).test_client()
        assert client.get("/t/leger@example.org/").status_code == 200
        print(sorted(m for m in ("tldextract", "requests", "mailparser", "pygal", "altcha")
                     if m in sys.modules))
    """)
    assert out.strip() == "[]"
