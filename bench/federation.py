"""Federation between instances (issue 11): push propagation, backfill, a quiet poll round.

    .venv/bin/python bench/federation.py [--posts 300] [--rate 4] [--backfill 10000]
                                         [--peers 50] [--only propagation|backfill|poll]
                                         [--database-url URL]   # B's database (else SQLite)

- **propagation**: two real ``relais serve`` instances; B follows A (WebSub subscription
  verified, B's scheduled polls held a day ahead). Posts go to A over SMTP one after the
  other at ``--rate`` per second; each one's latency runs from A's 250 to the moment its
  mirrored copy is in B's database (watched every 10 ms). Prints p50, p99 and the worst.
- **backfill**: A (a real ``relais serve``) holds ``--backfill`` messages of a federated list
  (filed by ``relais import``); B follows it in this process and its first poll mirrors the
  whole history. Prints messages per second of that poll (raw bytes, sha256 check, parse,
  store, thread, index, themes).
- **poll**: ``--peers`` peers with nothing new: 50 origins (one web server in this process
  listening on 50 ports, each port an app with its own base URL over one small database);
  after a first round has stored everything, a second round of conditional GETs (all 304)
  is timed.
"""
from __future__ import annotations

import argparse
import mailbox
import os
import smtplib
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT)]
sys.path.append(str(ROOT / "tests"))

from sqlalchemy import select, update  # noqa: E402

from federation.lists import directory  # noqa: E402
from federation.storage.db import session_scope  # noqa: E402
from federation.storage.models import Message, Peer, WebSubSubscription, utcnow  # noqa: E402
from instances import Instance, start_all, stop_all, wait_for  # noqa: E402


def _raw(n: int, to: str, when: datetime | None = None) -> bytes:
    when = when or datetime.now(timezone.utc)
    return (f"From: Amélie Durand <amelie{n % 97}@example.org>\r\nTo: {to}\r\n"
            f"Subject: Atelier numéro {n} #cartographie\r\nMessage-ID: <bench-{n}@a.test>\r\n"
            f"Date: {format_datetime(when)}\r\nMIME-Version: 1.0\r\n"
            "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
            f"On se retrouve au jardin partagé pour l'atelier {n}, café offert.\r\n").encode()


def _seed(instance: Instance) -> str:
    with session_scope(instance.settings) as session:
        directory.add_assembly(session, instance.name, f"Assemblée {instance.name}")
        directory.add_list(session, "semences", instance.name, instance.mail_domain,
                           federated=True)
    return f"semences@{instance.mail_domain}"


def _follow(follower_settings, url: str) -> int:
    from federation.peers import following
    return following.add(follower_settings, url).id


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def propagation(root: Path, posts: int, rate: float, database_url: str) -> None:
    from command_line import relais
    a, b = Instance("a", root), Instance("b", root, database_url=database_url)
    address = _seed(a.prepare())
    _seed(b.prepare())
    start_all([a, b])
    try:
        assert relais(b.settings, "peer", "add", a.base_url + "/").exit_code == 0
        with session_scope(b.settings) as session:
            peer_id = session.scalar(select(Peer.id))
        wait_for(lambda: _active(b, peer_id), timeout=30)
        with session_scope(b.settings) as session:
            session.execute(update(Peer).values(next_attempt_at=utcnow() + timedelta(days=1)))
        seen: dict[str, float] = {}
        stop = threading.Event()
        watcher = threading.Thread(target=_watch, args=(b, seen, stop), daemon=True)
        watcher.start()
        acked: dict[str, float] = {}
        with smtplib.SMTP("127.0.0.1", a.smtp_port, timeout=60) as client:
            for n in range(posts):
                started = time.perf_counter()
                client.sendmail("amelie@example.org", [address], _raw(n, address))
                acked[f"bench-{n}@a.test"] = time.perf_counter()
                time.sleep(max(0.0, 1.0 / rate - (time.perf_counter() - started)))
        wait_for(lambda: len(seen) >= posts, timeout=120)
        stop.set()
        latencies = [seen[mid] - acked[mid] for mid in acked]
        print(f"propagation, {posts} posts at {rate}/s, B on "
              f"{'PostgreSQL' if database_url else 'SQLite'}: p50 "
              f"{statistics.median(latencies) * 1000:.0f} ms, p99 "
              f"{_percentile(latencies, 0.99) * 1000:.0f} ms, worst "
              f"{max(latencies) * 1000:.0f} ms (target p99 < 2000 ms)")
    finally:
        stop_all([a, b])


def _active(instance: Instance, peer_id: int) -> bool:
    with session_scope(instance.settings, write=False) as session:
        return session.scalar(select(WebSubSubscription.id).where(
            WebSubSubscription.peer_id == peer_id,
            WebSubSubscription.state == "active")) is not None


def _watch(instance: Instance, seen: dict, stop: threading.Event) -> None:
    last = 0
    while not stop.is_set():
        with session_scope(instance.settings, write=False) as session:
            rows = session.execute(select(Message.id, Message.message_id).where(
                Message.id > last, Message.origin_peer_id.is_not(None))).all()
        now = time.perf_counter()
        for pk, mid in rows:
            seen.setdefault(mid, now)
            last = max(last, pk)
        time.sleep(0.01)


def _mbox(path: Path, count: int, to: str) -> Path:
    box = mailbox.mbox(str(path))
    start = datetime(2026, 1, 1, tzinfo=timezone.utc)
    for n in range(count):
        box.add(mailbox.mboxMessage(_raw(n, to, start + timedelta(minutes=n))))
    box.flush()
    box.close()
    return path


def _local(path: Path, database_url: str = "", **values):
    """Settings of an instance run in this process (a fresh database)."""
    from federation.settings import Settings
    from federation.storage import schema
    from instances import fresh_database
    settings = Settings(data_dir=path, database_url=fresh_database(database_url)
                        if database_url else "", secret_key="bench", **values)
    schema.upgrade(settings)
    return settings


def backfill(root: Path, count: int, database_url: str) -> None:
    from browser import live_server
    from federation.peers import polling
    a = Instance("a", root)
    address = _seed(a.prepare())
    env = {**a.environ(), "PYTHONPATH": str(ROOT)}
    box = _mbox(root / "a.mbox", count, address)
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "relais.cli", "import", address, str(box)],
                          env=env, cwd=ROOT, check=True, capture_output=True, text=True)
    imported = time.perf_counter() - started
    print(f"relais import of the same {count} messages on A, for comparison: "
          f"{done.stdout.strip().splitlines()[-1]} ({count / imported:.0f} msg/s wall clock)")
    b_settings = _local(root / "b", database_url)
    a.start()
    try:
        with live_server(b_settings) as (served, _url):
            peer_id = _follow(served, a.base_url + "/")
            started = time.perf_counter()
            result = polling.poll(served, peer_id)
            elapsed = time.perf_counter() - started
            from federation import queue
            queue.drain()
            tagged = time.perf_counter() - started
        print(f"backfill of {count} messages ({result.pages} pages): stored {result.stored} "
              f"in {elapsed:.1f} s = {result.stored / elapsed:.0f} msg/s, tagged by "
              f"{tagged:.1f} s (target ≥ 1000 msg/s, and as fast as relais import; "
              f"{result.status} {result.error})")
    finally:
        a.stop()


def quiet_round(root: Path, peers: int) -> None:
    import socket
    import waitress.server
    from browser import live_server
    from federation.peers import polling
    from web import create_app
    origin_settings = _local(root / "origin", mail_domain="lists.a.test")
    with session_scope(origin_settings) as session:
        directory.add_assembly(session, "a", "Assemblée a")
        directory.add_list(session, "semences", "a", "lists.a.test", federated=True)
    from federation.ingest import filing
    for n in range(20):
        filing.file_post(origin_settings, _raw(n, "semences@lists.a.test"),
                         ["semences@lists.a.test"], sender="amelie@example.org")
    sockets = [socket.create_server(("127.0.0.1", 0)) for _ in range(peers)]
    apps = {}
    for sock in sockets:
        port = sock.getsockname()[1]
        apps[str(port)] = create_app(replace(origin_settings,
                                             base_url=f"http://127.0.0.1:{port}"))
    server = waitress.server.create_server(
        lambda environ, start: apps[environ["SERVER_PORT"]](environ, start),
        # waitress counts its listening sockets against connection_limit (100 by default)
        sockets=sockets, threads=8, connection_limit=1000)
    threading.Thread(target=server.run, daemon=True).start()
    follower = _local(root / "follower")
    with live_server(follower) as (served, _url):
        ids = [_follow(served, f"http://127.0.0.1:{s.getsockname()[1]}/") for s in sockets]
        first = polling.poll_all(served, ids)
        started = time.perf_counter()
        second = polling.poll_all(served, ids)
        elapsed = time.perf_counter() - started
    server.close()
    statuses = sorted({p.status for p in second})
    print(f"poll round over {peers} peers with nothing new: {elapsed * 1000:.0f} ms "
          f"(statuses {statuses}; first round stored {sum(p.stored for p in first)}; "
          "target < 1000 ms)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=300)
    parser.add_argument("--rate", type=float, default=4.0)
    parser.add_argument("--backfill", type=int, default=10_000)
    parser.add_argument("--peers", type=int, default=50)
    parser.add_argument("--only", choices=("propagation", "backfill", "poll"))
    parser.add_argument("--database-url", default="")
    args = parser.parse_args()
    print(f"load average at start: {os.getloadavg()[0]:.2f}")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        if args.only in (None, "propagation"):
            propagation(root / "propagation", args.posts, args.rate, args.database_url)
        if args.only in (None, "backfill"):
            backfill(root / "backfill", args.backfill, args.database_url)
        if args.only in (None, "poll"):
            quiet_round(root / "poll", args.peers)


if __name__ == "__main__":
    main()
