"""Two Relais instances in one test: each its own data directory, database and real web
server (``browser.live_server``), one following the other over real HTTP. Plain functions:
the fixtures that use them live in the test modules' callers."""
from __future__ import annotations

import http.server
import threading
from contextlib import ExitStack, contextmanager

from backends import make_settings, run_jobs
from browser import live_server
from federation.lists import directory
from federation.peers import following, polling
from federation.storage import db as dbmod
from federation.storage.db import session_scope
from federation.storage.models import Peer


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
