"""End-to-end delivery: N posts over SMTP to a list of M members, until the sink has every copy.

    .venv/bin/python bench/delivery.py [--posts 500] [--members 100] [--domains 10]
        [--mode personal|batched] [--command serve|smtp|lmtp] [--code DIR ...] [--repeat 1]

Each run starts the real `relais serve` (or `relais smtp`) on the embedded defaults (SQLite,
no Redis) in a fresh data dir, with RELAIS_RELAY_URL pointing at an aiosmtpd sink in a child
process (a stand-in for the MTA; ``--no-pipelining`` stops it advertising RFC 2920
PIPELINING). The list has M members spread over D domains and the given delivery mode. The
clock starts at the first post sent (4 client connections) and stops when the sink has
received N × M copies: accepting, the pipeline (themes, planning) and the fan-out together.
Several ``--code`` trees (a worktree of an older commit, say) alternate run by run, each run
with the same sink program, so their ratio is measured under the same load.
"""
from __future__ import annotations

import argparse
import multiprocessing
import os
import smtplib
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from bench.corpus import corpus_path, messages  # noqa: E402
from sink import Sink  # noqa: E402


class BenchSink(Sink):
    """The test sink, keeping nothing, counting transactions, advertising PIPELINING."""

    def __init__(self, pipelining: bool):
        super().__init__(keep=False)
        self.pipelining = pipelining
        self.transactions = 0

    async def handle_EHLO(self, server, session, envelope, hostname, responses):
        session.host_name = hostname
        if self.pipelining:  # aiosmtpd reads pipelined commands in order; it only never says so
            responses.insert(-1, "250-PIPELINING")
        return responses

    async def handle_DATA(self, server, session, envelope):
        self.transactions += 1
        return await super().handle_DATA(server, session, envelope)


def _serve_sink(pipelining, ports, counts, stop) -> None:
    sink = BenchSink(pipelining).start()
    ports.put(sink.port)
    while not stop.wait(0.05):
        counts[0], counts[1] = sink.count, sink.transactions
    counts[0], counts[1] = sink.count, sink.transactions


class ChildSink:
    """The sink in its own process (it stands for a remote MTA)."""

    def __init__(self, pipelining: bool):
        self.counts = multiprocessing.Array("l", 2)
        self.stop_event = multiprocessing.Event()
        ports = multiprocessing.Queue()
        self.process = multiprocessing.Process(
            target=_serve_sink, args=(pipelining, ports, self.counts, self.stop_event),
            daemon=True)
        self.process.start()
        self.port = ports.get(timeout=30)

    def stop(self) -> None:
        self.stop_event.set()
        self.process.join(10)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _relais(code: Path, env: dict, *args: str, **kwargs):
    return subprocess.run([sys.executable, "-m", "relais.cli", *args], env=env, cwd=code,
                          check=True, capture_output=True, **kwargs)


def _seed(code: Path, env: dict, args, tmp: str) -> None:
    _relais(code, env, "init")
    _relais(code, env, "assembly", "add", "lyon", "--name", "Lyon")
    _relais(code, env, "list", "add", "bench@bench.test", "--assembly", "lyon", "--policy", "open")
    if args.mode != "personal":
        _relais(code, env, "list", "edit", "bench@bench.test", "--delivery-mode", args.mode)
    roster = Path(tmp) / "members.txt"
    roster.write_text("".join(f"m{n}@d{n % args.domains}.example\n" for n in range(args.members)))
    _relais(code, env, "member", "import", "bench@bench.test", str(roster))


def _wait_ready(port: int, timeout: float = 60.0) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            with smtplib.SMTP("127.0.0.1", port, timeout=5) as smtp:
                smtp.noop()
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("relais did not start")


def _post(port: int, raws: list[bytes], connections: int, lmtp: bool) -> None:
    def client(index: int) -> None:
        with (smtplib.LMTP if lmtp else smtplib.SMTP)("127.0.0.1", port, timeout=120) as smtp:
            smtp.ehlo() if not lmtp else smtp.ehlo("bench")
            for raw in raws[index::connections]:
                options = ["SMTPUTF8", "BODY=8BITMIME"] if any(b > 127 for b in raw) else []
                smtp.sendmail("bench@example.org", ["bench@bench.test"], raw,
                              mail_options=options)

    threads = [threading.Thread(target=client, args=(i,)) for i in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


class _Processed:
    """When the last post's pipeline ran (read from the database, every 0.2 s)."""

    def __init__(self, path: Path, posts: int, started: float):
        self.path, self.posts, self.started = path, posts, started
        self.after, self.checked = float("nan"), 0.0

    def poll(self) -> None:
        import sqlite3
        if self.after == self.after or time.perf_counter() - self.checked < 0.2:
            return
        self.checked = time.perf_counter()
        try:
            with sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, timeout=1) as db:
                done = db.execute("SELECT count(*) FROM messages WHERE processed").fetchone()[0]
        except sqlite3.Error:
            return
        if done >= self.posts:
            self.after = time.perf_counter() - self.started


def run_once(code: Path, raws: list[bytes], args) -> tuple[float, float, int, int]:
    """(seconds to accept every post, seconds until every copy arrived, copies, transactions)."""
    sink = ChildSink(not args.no_pipelining)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            port = _free_port()
            env = dict(os.environ, RELAIS_DATA_DIR=tmp, RELAIS_SMTP_PORT=str(port),
                       RELAIS_WEB_PORT=str(_free_port()), RELAIS_MAIL_DOMAIN="bench.test",
                       RELAIS_SECRET_KEY="bench", RELAIS_BASE_URL="https://relais.example",
                       RELAIS_RELAY_URL=f"smtp://127.0.0.1:{sink.port}", PYTHONPATH=str(code))
            env.pop("REDIS_URL", None)
            env.pop("DATABASE_URL", None)
            _seed(code, env, args, tmp)
            command = {"serve": ["serve"], "smtp": ["smtp"], "lmtp": ["smtp", "--lmtp"]}
            server = subprocess.Popen([sys.executable, "-m", "relais.cli",
                                       *command[args.command]], env=env, cwd=code,
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            try:
                _wait_ready(port) if args.command != "lmtp" else time.sleep(3)
                expected = len(raws) * args.members
                started = time.perf_counter()
                _post(port, raws, 4, args.command == "lmtp")
                accepted = time.perf_counter() - started
                last, last_change = -1, time.perf_counter()
                processed = _Processed(Path(tmp) / "relais.sqlite3", len(raws), started)
                while sink.counts[0] < expected and time.perf_counter() - last_change < 30:
                    if sink.counts[0] != last:
                        last, last_change = sink.counts[0], time.perf_counter()
                    processed.poll()
                    time.sleep(0.02)
                done = time.perf_counter() - started
                print(f"  pipeline (themes, planning) done {processed.after:.1f} s "
                      f"after the first post", flush=True)
            finally:
                server.terminate()
                server.wait(20)
    finally:
        sink.stop()
    return accepted, done, sink.counts[0], sink.counts[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=500)
    parser.add_argument("--members", type=int, default=100)
    parser.add_argument("--domains", type=int, default=10)
    parser.add_argument("--mode", choices=("personal", "batched"), default="personal")
    parser.add_argument("--command", choices=("serve", "smtp", "lmtp"), default="serve")
    parser.add_argument("--code", action="append", type=Path,
                        help="a tree of Relais to run (repeatable: trees alternate)")
    parser.add_argument("--no-pipelining", action="store_true",
                        help="the sink does not advertise PIPELINING")
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    trees = [tree.resolve() for tree in (args.code or [ROOT])]
    raws = messages(corpus_path(max(args.posts, 2000)), crlf=True)[:args.posts]
    print(f"{args.posts} posts to {args.members} members over {args.domains} domains, "
          f"mode {args.mode}, relais {args.command}, sink pipelining "
          f"{'off' if args.no_pipelining else 'on'}; load {os.getloadavg()[0]:.1f}")
    rates: dict[Path, list[float]] = {tree: [] for tree in trees}
    for number in range(1, args.repeat + 1):
        for tree in trees:
            accepted, done, copies, transactions = run_once(tree, raws, args)
            rates[tree].append(args.posts / done)
            print(f"run {number} {tree}: accepted in {accepted:.1f} s, {copies} copies in "
                  f"{transactions} transactions after {done:.1f} s = {args.posts / done:.1f} "
                  f"posts/s ({copies / done:.0f} copies/s)", flush=True)
    for tree in trees:
        print(f"median {tree}: {statistics.median(rates[tree]):.1f} posts/s")
    if len(trees) > 1:
        base = statistics.median(rates[trees[0]])
        for tree in trees[1:]:
            print(f"ratio {tree} / {trees[0]}: {statistics.median(rates[tree]) / base:.2f}")


if __name__ == "__main__":
    main()
