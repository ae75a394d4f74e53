"""``relais serve`` (what ``make run`` starts) runs the processes of ``relais smtp`` and a
production web server, says where it really listens, and stops with all its children.

It runs as a real process on the embedded defaults (SQLite, no Redis), with ports 0: the
addresses it prints are the only way to find it.
"""
from __future__ import annotations

import os
import re
import signal
import smtplib
import subprocess
import sys
import time
import urllib.request
from email.utils import formatdate
from pathlib import Path

import pytest

from conftest import make_settings, seed_lists
from federation.storage import db as dbmod

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 60.0  # a loaded two-core machine starts Python slowly
ADDRESS = re.compile(r"(SMTP listener|Web archive) on (?:http://)?\[?([^\s\]]+?)\]?:(\d+)/?")


def descendants(pid: int) -> list[int]:
    """Every living process below ``pid``, read from /proc."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if fields[0] != "Z":
            children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(0), []):
            found.append(child)
            todo.append(child)
    return found


def children_at_least(pid: int, count: int) -> list[int]:
    """The processes below ``pid`` once there are ``count`` of them (they start one after
    another, slowly on a loaded machine), or what there is when the deadline passes."""
    deadline = time.monotonic() + TIMEOUT
    found = descendants(pid)
    while len(found) < count and time.monotonic() < deadline:
        time.sleep(0.05)
        found = descendants(pid)
    return found


@pytest.fixture
def serving(tmp_path):
    """``relais serve`` over a seeded data directory, and the addresses it printed."""
    settings = make_settings(tmp_path)
    seed_lists(settings)
    dbmod.dispose(settings)
    env = {**os.environ, "RELAIS_DATA_DIR": str(settings.data_dir), "DATABASE_URL": "",
           "REDIS_URL": "", "RELAIS_MAIL_DOMAIN": settings.mail_domain,
           "RELAIS_SECRET_KEY": "test-secret", "RELAIS_BASE_URL": "http://relais.test",
           "RELAIS_SMTP_PORT": "0", "RELAIS_WEB_PORT": "0", "PYTHONUNBUFFERED": "1"}
    log = tmp_path / "serve.log"
    with log.open("wb") as output:
        process = subprocess.Popen([sys.executable, "-m", "relais.cli", "serve"], cwd=ROOT,
                                   env=env, stdout=output, stderr=subprocess.STDOUT,
                                   start_new_session=True)
    addresses: dict[str, tuple[str, int]] = {}
    deadline = time.monotonic() + TIMEOUT
    try:
        while len(addresses) < 2:
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail("relais serve did not print both addresses:\n"
                            + log.read_text(errors="replace")[-3000:])
            for kind, host, port in ADDRESS.findall(log.read_text(errors="replace")):
                addresses[kind] = (host, int(port))
            time.sleep(0.05)
        yield process, addresses, log
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(10)


def fetch(host: str, port: int, path: str) -> tuple[str, str]:
    """(body, Server header) of a GET, retried while the server starts."""
    deadline = time.monotonic() + TIMEOUT
    while True:
        try:
            with urllib.request.urlopen(f"http://{host}:{port}{path}", timeout=10) as response:
                return response.read().decode(), response.headers.get("Server", "")
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def test_serve_prints_the_addresses_it_listens_on_and_archives_mail(serving):
    process, addresses, _log = serving
    smtp_host, smtp_port = addresses["SMTP listener"]
    web_host, web_port = addresses["Web archive"]
    assert smtp_port != 0 and web_port != 0  # the OS's choice, not the settings' 0
    raw = (f"From: Alice Martin <alice@example.org>\r\nTo: semences@lists.test\r\n"
           f"Subject: Bourse aux graines\r\nDate: {formatdate()}\r\n"
           "Message-ID: <serve-1@example.org>\r\nMIME-Version: 1.0\r\n"
           "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
           "Bourse aux graines à la Maison des communs, samedi.\r\n").encode()
    with smtplib.SMTP(smtp_host, smtp_port, timeout=60) as client:
        assert client.sendmail("alice@example.org", ["semences@lists.test"], raw) == {}
    page, server = fetch(web_host, web_port, "/m/serve-1@example.org")
    assert "Bourse aux graines à la Maison des communs" in page
    assert "werkzeug" not in server.lower()  # a production WSGI server, not the dev one


def test_serve_archives_in_a_writer_process_apart_from_the_listener(serving):
    process, _addresses, _log = serving
    # the supervisor, one writer, one listener and the web server: the split of relais smtp
    assert len(children_at_least(process.pid, 3)) >= 3


@pytest.mark.parametrize("signum, group", [(signal.SIGTERM, False), (signal.SIGINT, False),
                                           (signal.SIGINT, True)])  # the last: Ctrl-C
def test_serve_stops_with_all_its_children(serving, signum, group):
    process, addresses, log = serving
    fetch(*addresses["Web archive"], "/")
    children = children_at_least(process.pid, 3)  # all of them started, so all are watched
    if group:
        os.killpg(process.pid, signum)
    else:
        process.send_signal(signum)
    assert process.wait(TIMEOUT) == 0
    deadline = time.monotonic() + 10
    alive = children
    while alive and time.monotonic() < deadline:
        alive = [pid for pid in children if Path(f"/proc/{pid}").exists()
                 and Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"]
        time.sleep(0.05)
    assert not alive, log.read_text(errors="replace")[-3000:]
