"""Ingest benchmark: the shared corpus over SMTP with 8 concurrent connections.

    .venv/bin/python bench/ingest.py [--n 2000] [--connections 8] [--database-url URL] [--serve]

Prints, for each of --repeat runs in a fresh database, messages archived per second (answered
250: the SMTP hop, parsing, rules, storage, JWZ threading, the search index and a durable
commit; the listener is a separate `relais smtp` process on the embedded defaults, or
`relais serve` with --serve: what `make run` starts, web server and schedule included), the bare
`email.message_from_bytes(raw, policy=default)` parse rate of the same corpus in this process
(measured just before and just after, averaged), their ratio (target: at least 0.40), and how
long after the last 250 the after-commit pipeline (theme tagging, delivery) had caught up;
then the median ratio.
"""
from __future__ import annotations

import argparse
import email
import email.policy
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

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.corpus import ROOT, corpus_path, messages  # noqa: E402


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _relais(env: dict, *args: str, **kwargs):
    return subprocess.run([sys.executable, "-m", "relais.cli", *args], env=env, cwd=ROOT,
                          check=True, capture_output=True, **kwargs)


def _wait_ready(port: int, web_port: int | None, timeout: float = 30.0) -> None:
    """Until the listener greets (220) and, for ``relais serve``, the web archive answers:
    start-up is not part of the figure."""
    import urllib.request
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            with smtplib.SMTP("127.0.0.1", port, timeout=5) as smtp:
                smtp.noop()
            if web_port is not None:
                urllib.request.urlopen(f"http://127.0.0.1:{web_port}/", timeout=5).close()
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("relais did not start")


def bare_parse_rate(raws: list[bytes]) -> float:
    """Messages per second for the stdlib parser alone (modern policy)."""
    started = time.perf_counter()
    for raw in raws:
        email.message_from_bytes(raw, policy=email.policy.default)
    return len(raws) / (time.perf_counter() - started)


def send_all(port: int, raws: list[bytes], connections: int, to: str) -> tuple[float, int]:
    """Send every message over ``connections`` parallel SMTP sessions; (seconds, accepted)."""
    accepted = [0] * connections
    errors: list[str] = []

    def client(index: int) -> None:
        with smtplib.SMTP("127.0.0.1", port, timeout=120) as smtp:
            smtp.ehlo()
            for raw in raws[index::connections]:
                options = ["SMTPUTF8", "BODY=8BITMIME"] if any(b > 127 for b in raw) else []
                try:
                    smtp.sendmail("bench@example.org", [to], raw, mail_options=options)
                    accepted[index] += 1
                except smtplib.SMTPException as error:
                    errors.append(str(error))

    threads = [threading.Thread(target=client, args=(i,)) for i in range(connections)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - started
    if errors:
        print(f"  {len(errors)} refused, first: {errors[0]}")
    return seconds, sum(accepted)


def _wait_for_pipeline(database_url: str, timeout: float = 120.0) -> None:
    """Until no archived message waits for its after-commit pipeline (themes, delivery)."""
    from sqlalchemy import create_engine, text
    engine = create_engine(database_url)
    count = text("SELECT count(*) FROM messages WHERE NOT processed AND NOT ghost")
    deadline = time.perf_counter() + timeout
    try:
        while time.perf_counter() < deadline:
            with engine.connect() as connection:
                if not connection.execute(count).scalar():
                    return
            time.sleep(0.1)
    finally:
        engine.dispose()


def _empty_database(database_url: str) -> None:
    from sqlalchemy import create_engine, text
    engine = create_engine(database_url)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
    engine.dispose()


def run_once(raws: list[bytes], args) -> tuple[float, float, float]:
    """One run in a fresh database: (archived msg/s, bare parse msg/s, pipeline lag s)."""
    with tempfile.TemporaryDirectory() as tmp:
        port = _free_port()
        web_port = _free_port()
        env = dict(os.environ, RELAIS_DATA_DIR=tmp, RELAIS_SMTP_PORT=str(port),
                   RELAIS_WEB_PORT=str(web_port), RELAIS_MAIL_DOMAIN="bench.test",
                   PYTHONPATH=str(ROOT))
        env.pop("REDIS_URL", None)
        database_url = args.database_url or f"sqlite:///{tmp}/relais.sqlite3"
        if args.database_url:
            _empty_database(args.database_url)
            env["DATABASE_URL"] = args.database_url
        _relais(env, "init")
        _relais(env, "assembly", "add", "lyon", "--name", "Lyon")
        _relais(env, "list", "add", "bench", "--assembly", "lyon")
        command = [sys.executable, "-m", "relais.cli", "serve" if args.serve else "smtp"]
        if args.processes:
            command += ["--processes", str(args.processes)]
        server = subprocess.Popen(command, env=env, cwd=ROOT,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            _wait_ready(port, web_port if args.serve else None)
            parse_before = bare_parse_rate(raws)
            seconds, accepted = send_all(port, raws, args.connections, "bench@bench.test")
            sent = time.perf_counter()
            _wait_for_pipeline(database_url)
            lag = time.perf_counter() - sent
        finally:
            server.terminate()
            server.wait(10)
        parse_rate = (parse_before + bare_parse_rate(raws)) / 2
        return accepted / seconds, parse_rate, lag


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--database-url", default="",
                        help="a PostgreSQL database to empty and use for each run")
    parser.add_argument("--processes", type=int, default=0,
                        help="listener processes (relais smtp --processes; default: its own)")
    parser.add_argument("--serve", action="store_true",
                        help="drive `relais serve` (make run) instead of `relais smtp`")
    parser.add_argument("--repeat", type=int, default=3, help="runs; the median is reported")
    args = parser.parse_args()
    raws = messages(corpus_path(args.n), crlf=True)
    print(f"corpus: {len(raws)} messages, {args.connections} connections, "
          f"database: {args.database_url or 'embedded SQLite'}, "
          f"relais {'serve' if args.serve else 'smtp'}, code: {ROOT}")
    ratios = []
    for number in range(1, args.repeat + 1):
        archived_rate, parse_rate, lag = run_once(raws, args)
        ratios.append(archived_rate / parse_rate)
        print(f"run {number}: archived over SMTP {archived_rate:.0f} msg/s; bare parse "
              f"(email.message_from_bytes, policy=default) {parse_rate:.0f} msg/s; "
              f"ratio {ratios[-1]:.2f}; pipeline (themes, delivery) done {lag:.1f} s "
              f"after the last 250")
    target = 0.30 if args.serve else 0.40
    print(f"median ratio archived/parse: {statistics.median(ratios):.2f} (target >= {target:.2f})")


if __name__ == "__main__":
    main()
