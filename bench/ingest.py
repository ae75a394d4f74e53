"""Ingest benchmark: the shared corpus over SMTP with 8 concurrent connections.

    .venv/bin/python bench/ingest.py [--n 2000] [--connections 8] [--database-url URL]

Prints messages archived per second (SMTP hop, parsing, rules, threading, durable commit and
the after-commit pipeline included: the listener runs as a separate `relais smtp` process on
the embedded defaults), the bare `email.message_from_bytes(raw, policy=default)` parse rate of
the same corpus in this process, and the ratio of the two (target: at least 0.40).
"""
from __future__ import annotations

import argparse
import email
import email.policy
import os
import smtplib
import socket
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


def _wait_port(port: int, timeout: float = 30.0) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("SMTP listener did not start")


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--database-url", default="")
    parser.add_argument("--processes", type=int, default=0,
                        help="listener processes (relais smtp --processes; default: its own)")
    args = parser.parse_args()
    raws = messages(corpus_path(args.n), crlf=True)
    with tempfile.TemporaryDirectory() as tmp:
        port = _free_port()
        env = dict(os.environ, RELAIS_DATA_DIR=tmp, RELAIS_SMTP_PORT=str(port),
                   RELAIS_MAIL_DOMAIN="bench.test", PYTHONPATH=str(ROOT))
        env.pop("REDIS_URL", None)
        if args.database_url:
            env["DATABASE_URL"] = args.database_url
        _relais(env, "init")
        _relais(env, "assembly", "add", "lyon", "--name", "Lyon")
        _relais(env, "list", "add", "bench", "--assembly", "lyon")
        command = [sys.executable, "-m", "relais.cli", "smtp"]
        if args.processes:
            command += ["--processes", str(args.processes)]
        server = subprocess.Popen(command, env=env, cwd=ROOT,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            _wait_port(port)
            seconds, accepted = send_all(port, raws, args.connections, "bench@bench.test")
        finally:
            server.terminate()
            server.wait(10)
        archived_rate = accepted / seconds
        parse_rate = bare_parse_rate(raws)
        print(f"corpus: {len(raws)} messages, {args.connections} connections, "
              f"database: {args.database_url or 'embedded SQLite'}")
        print(f"archived over SMTP: {accepted} in {seconds:.2f} s = {archived_rate:.0f} msg/s")
        print(f"bare parse (email.message_from_bytes, policy=default): {parse_rate:.0f} msg/s")
        print(f"ratio archived/parse: {archived_rate / parse_rate:.2f} (target >= 0.40)")


if __name__ == "__main__":
    main()
