"""Read-side benchmark: p50/p99 latency of pages, feeds and search under concurrent load.

    .venv/bin/python bench/read.py                       # 100,000 messages, embedded SQLite
    .venv/bin/python bench/read.py --messages 10000      # smaller
    .venv/bin/python bench/read.py --database-url postgresql://postgres@127.0.0.1:5432/bench

Builds an archive from the shared generated corpus (``../shared/bench/gen_corpus.py``)
spread over four assemblies (two lists each, whole threads kept on one list) through
``federation.ingest.filing.receive_batch`` — the real path: threading, search index, themes —
then starts the real production server (``relais web``: gunicorn, 2 workers × 4 threads) on
127.0.0.1 and runs CLIENTS keep-alive client threads against each endpoint for a bounded
time. Targets (issue 5): p99 < 100 ms for pages and feeds, < 250 ms for search.
An archive already built in --data-dir with the same size is reused (``--rebuild`` forces).
"""
from __future__ import annotations

import argparse
import email.parser
import hashlib
import http.client
import json
import os
import random
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import databases  # noqa: E402
from bench.corpus import corpus_path  # noqa: E402
from federation.lists import directory  # noqa: E402
from federation.ingest import filing  # noqa: E402
from federation.storage import schema  # noqa: E402
from federation.storage.db import session_scope  # noqa: E402
from federation.settings import Settings  # noqa: E402
from feeds.mbox import read as read_mbox  # noqa: E402
from relais.jobs import register as register_jobs  # noqa: E402

register_jobs()  # as the relais command does: the job roles get mail's functions

ASSEMBLIES = {"lille": "Assemblée des communs de Lille",
              "grenoble": "Assemblée des communs de Grenoble",
              "lyon": "Assemblée des communs de Lyon",
              "saint-etienne": "Assemblée des communs de Saint-Étienne"}
LISTS = [f"{name}-{slug}" for slug in ASSEMBLIES for name in ("agora", "jardins")]
# Words of the generated corpus, from very common ("patch": a quarter of the messages) to rare.
SEARCHES = ["patch", "python", "debian migration", "réunion", "régressions", "benchmark",
            '"base de données"', "snapshot", "performances", "compilation", "jardin", "vélo"]
TARGETS = {"search": 250.0}
DEFAULT_TARGET = 100.0


def _root(raw: bytes, parser=email.parser.BytesHeaderParser()) -> str:
    """The first Message-ID of a message's References (its thread root), else its own."""
    head = parser.parsebytes(raw.split(b"\n\n", 1)[0] + b"\n\n")
    ids = (str(head.get("References", "")) + " " + str(head.get("In-Reply-To", ""))).split()
    return ids[0] if ids else str(head.get("Message-ID", ""))


def build(settings: Settings, count: int) -> None:
    """Create the assemblies and lists and import ``count`` messages through ingest."""
    schema.upgrade(settings)
    with session_scope(settings) as session:
        for slug, name in ASSEMBLIES.items():
            directory.add_assembly(session, slug, name)
        for address in LISTS:
            directory.add_list(session, address, address.split("-", 1)[1], settings.mail_domain,
                               name=address.split("-")[0].capitalize())
    path = corpus_path(count)
    pending: dict[str, list[bytes]] = {a: [] for a in LISTS}
    started, done = time.perf_counter(), 0
    with open(path, "rb") as handle:
        for raw in read_mbox(handle):
            digest = hashlib.sha1(_root(raw).encode("utf-8", "replace")).digest()
            address = LISTS[digest[0] % len(LISTS)]
            pending[address].append(raw)
            if len(pending[address]) >= 500:
                done += filing.receive_batch(settings, f"{address}@{settings.mail_domain}",
                                             pending.pop(address))[0]
                pending[address] = []
                print(f"\r  imported {done} ({done / (time.perf_counter() - started):.0f} msg/s)",
                      end="", flush=True)
    for address, raws in pending.items():
        if raws:
            done += filing.receive_batch(settings, f"{address}@{settings.mail_domain}", raws)[0]
    print(f"\r  imported {done} messages in {time.perf_counter() - started:.0f} s")


def targets(settings: Settings) -> dict[str, list[tuple[str, dict]]]:
    """For each endpoint, the (path, headers) requests the clients cycle through."""
    from sqlalchemy import select
    from federation.storage.models import MailingList, Thread, Theme
    from feeds import links
    rng = random.Random(1)
    with session_scope(settings) as session:
        addresses = list(session.scalars(select(MailingList.address)))
        roots = list(session.scalars(select(Thread.root_message_id)
                                     .where(Thread.message_count >= 3).limit(2000)))
        tens = list(session.scalars(select(Thread.root_message_id)
                                    .where(Thread.message_count == 10).limit(200)))
        themes = list(session.scalars(select(Theme.slug).where(Theme.retired.is_(False))))
    plan = {
        "home": [("/", {})],
        "list page": [(links.list_path(a), {}) for a in addresses],
        "thread page": [(links.thread_path(r), {}) for r in rng.sample(roots, min(200, len(roots)))],
        "10-message thread": [(links.thread_path(r), {}) for r in tens],
        "theme feed": [(f"/themes/{quote(s)}/atom", {}) for s in themes],
        "conditional feed": [(links.list_path(a) + "atom", {}) for a in addresses],
        "search": [(f"/search?q={quote(q)}", {}) for q in SEARCHES]
        + [(f"/search?q={quote(q)}&assembly=lyon", {}) for q in SEARCHES[:4]],
    }
    return plan


def serve(settings: Settings, port: int) -> subprocess.Popen:
    """Start ``relais web`` (gunicorn) on 127.0.0.1:port and wait until it answers."""
    env = dict(os.environ, RELAIS_DATA_DIR=str(settings.data_dir), RELAIS_WEB_PORT=str(port),
               DATABASE_URL=settings.database_url, RELAIS_SECRET_KEY="bench",
               RELAIS_MAIL_DOMAIN=settings.mail_domain)
    env.pop("REDIS_URL", None)
    server = subprocess.Popen([sys.executable, "-m", "relais.cli", "web", "--workers", "2"],
                              cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    for _ in range(200):
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", "/")
            connection.getresponse().read()
            return server
        except OSError:
            time.sleep(0.1)
    server.kill()
    sys.exit("relais web did not start")


def _etags(port: int, requests: list[tuple[str, dict]]) -> list[tuple[str, dict]]:
    """Turn feed requests into conditional ones, with the ETag each feed answers now."""
    out = []
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    for path, headers in requests:
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        out.append((path, {**headers, "If-None-Match": response.getheader("ETag", "")}))
    return out


def load(port: int, requests: list[tuple[str, dict]], clients: int, seconds: float) -> dict:
    """Run ``clients`` keep-alive threads for ``seconds``; latencies in ms and statuses."""
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    lock = threading.Lock()
    stop = time.perf_counter() + seconds

    def client(offset: int) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        mine, codes, index = [], {}, offset
        while time.perf_counter() < stop:
            path, headers = requests[index % len(requests)]
            index += 1
            began = time.perf_counter()
            connection.request("GET", path, headers=headers)
            response = connection.getresponse()
            response.read()
            mine.append((time.perf_counter() - began) * 1000)
            codes[response.status] = codes.get(response.status, 0) + 1
        with lock:
            latencies.extend(mine)
            for code, n in codes.items():
                statuses[code] = statuses.get(code, 0) + n

    threads = [threading.Thread(target=client, args=(i * 7,)) for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    latencies.sort()
    return {"requests": len(latencies), "rps": len(latencies) / seconds,
            "p50": statistics.median(latencies),
            "p99": latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))],
            "statuses": statuses}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--messages", type=int, default=100_000)
    parser.add_argument("--database-url", default="", help="default: SQLite in --data-dir")
    parser.add_argument("--data-dir", type=Path, default=None)
    parser.add_argument("--clients", type=int, default=8, help="concurrent client threads")
    parser.add_argument("--seconds", type=float, default=10.0, help="per endpoint")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--build-only", action="store_true", help="build the archive, measure nothing")
    parser.add_argument("--only", action="append", default=[], metavar="ENDPOINT",
                        help="measure only this endpoint (repeatable), e.g. '10-message thread'")
    parser.add_argument("--no-page-cache", action="store_true",
                        help="serve with RELAIS_PAGE_CACHE=0: search and thread pages rendered "
                             "on every request (to measure what their cache saves)")
    args = parser.parse_args()
    backend = "postgresql" if args.database_url.startswith("postgres") else "sqlite"
    data_dir = args.data_dir or ROOT / "bench" / "out" / f"read-{backend}-{args.messages}"
    settings = Settings(data_dir=data_dir, database_url=args.database_url, secret_key="bench",
                        mail_domain="lists.bench")
    marker = data_dir / "built.json"
    if args.rebuild or not marker.exists():
        databases.empty(settings)
        print(f"building an archive of {args.messages} messages ({backend})")
        build(settings, args.messages)
        from federation.storage.db import analyze
        analyze(settings)  # as `relais import` does: fresh planner statistics on PostgreSQL
        marker.write_text(json.dumps({"messages": args.messages}))
    if args.build_only:
        return
    plan = targets(settings)
    if args.no_page_cache:
        os.environ["RELAIS_PAGE_CACHE"] = "0"  # inherited by `relais web` (web.pagecache)
    server = serve(settings, args.port)
    try:
        plan["conditional feed"] = _etags(args.port, plan["conditional feed"])
        print(f"{args.messages} messages, {backend}, {args.clients} clients, "
              f"{args.seconds:.0f} s per endpoint"
              + (", search and thread page caches off" if args.no_page_cache else ""))
        print(f"{'endpoint':<18}{'requests':>9}{'req/s':>8}{'p50 ms':>9}{'p99 ms':>9}"
              f"{'target':>8}  statuses")
        for name, requests in plan.items():
            if args.only and name not in args.only:
                continue
            load(args.port, requests, args.clients, 1.0)  # warm the caches and connections
            result = load(args.port, requests, args.clients, args.seconds)
            target = TARGETS.get(name, DEFAULT_TARGET)
            verdict = "ok" if result["p99"] < target else "MISSED"
            print(f"{name:<18}{result['requests']:>9}{result['rps']:>8.0f}{result['p50']:>9.1f}"
                  f"{result['p99']:>9.1f}{target:>7.0f} {verdict} {result['statuses']}")
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
