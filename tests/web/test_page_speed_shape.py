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
