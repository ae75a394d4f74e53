"""Console benchmark: p50/p99 of the admin console's heavy pages under concurrent load.

    .venv/bin/python bench/console.py                     # embedded SQLite
    .venv/bin/python bench/console.py --database-url postgresql://postgres@127.0.0.1:5432/bench

Builds, with bulk inserts (no ingest: the pages read, they do not care how rows came), one
assembly with a 10,000-member and a 100,000-member list, a list with 500 held messages and
a list with a 100,000-message archive (20,000 threads over two years, one or two themes
each); then starts the real production server (``relais web``: gunicorn, 2 workers × 4
threads), signs in as a site admin through the real form and runs CLIENTS keep-alive
client threads against each endpoint for a bounded time. Target (issue 14): p99 < 100 ms.
The activity page's figures are computed once a minute per set of lists (its cache); the
time to compute them uncached is measured too, in this process, and printed.
"""
from __future__ import annotations

import argparse
import base64
import http.client
import json
import random
import re
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path
from urllib.parse import quote, urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import insert, select  # noqa: E402

from bench import databases  # noqa: E402
from bench.read import load, serve  # noqa: E402
from federation.lists import accounts, directory  # noqa: E402
from federation.reading import activity  # noqa: E402
from federation.settings import Settings  # noqa: E402
from federation.storage import schema  # noqa: E402
from federation.storage.db import analyze, session_scope  # noqa: E402
from federation.storage.models import (Held, MailingList, Member, Message, Theme, Thread,  # noqa: E402
                                       ThreadTheme, utcnow)

ADMIN, PASSWORD = "bench-admin@example.org", "bench password 2026"
FIRST = ["amelie", "bruno", "chloe", "david", "elise", "farid", "gaelle", "hugo", "ines",
         "jules", "karima", "louis", "manon", "nadia", "oscar", "pauline", "quentin", "rose"]
DOMAINS = ["example.org", "exemple.fr", "lists.example", "mail.test", "asso.example"]
CHUNK = 5000


def _members(session, list_id: int, count: int, rng: random.Random) -> None:
    now = utcnow()
    rows = []
    for i in range(count):
        first = FIRST[i % len(FIRST)]
        rows.append(dict(list_id=list_id, email=f"{first}.{i}@{DOMAINS[i % len(DOMAINS)]}",
                         name=f"{first.capitalize()} Martin-{i}", role="member",
                         delivery="each", digest_period="day", language="fr",
                         bounce_score=2.0 if i % 97 == 0 else 0.0, disabled=i % 997 == 0,
                         disabled_reason="", consent="imported from bench",
                         created_at=now - timedelta(minutes=rng.randrange(10**6))))
        if len(rows) == CHUNK:
            session.execute(insert(Member), rows)
            rows = []
    if rows:
        session.execute(insert(Member), rows)


def _held(session, list_id: int, count: int) -> None:
    now = utcnow()
    rows = []
    for i in range(count):
        sender = f"{FIRST[i % 7]}.{i % 40}@outside.example"  # some senders post often
        raw = (f"From: {sender}\r\nTo: queue@lists.bench\r\nSubject: Question {i % 60}\r\n"
               f"Message-ID: <held-{i}@outside.example>\r\n\r\nBonjour, message {i}.\r\n").encode()
        rows.append(dict(list_id=list_id, raw=raw, message_id=f"held-{i}@outside.example",
                         sender=sender, subject=f"Question {i % 60}", reason="non-member",
                         status="held", created_at=now - timedelta(hours=i % 72, minutes=i)))
    session.execute(insert(Held), rows)


def _archive(session, list_id: int, count: int, rng: random.Random) -> None:
    """``count`` messages in threads of five, over the last two years, with themes."""
    now = utcnow()
    themes = list(session.scalars(select(Theme.id)))
    thread_count = count // 5
    first_thread = (session.scalar(select(Thread.id).order_by(Thread.id.desc()).limit(1)) or 0) + 1
    threads, links, messages = [], [], []
    for t in range(thread_count):
        started = now - timedelta(days=730 * (t / thread_count), hours=rng.randrange(24))
        threads.append(dict(id=first_thread + t, list_id=list_id, root_message_id=f"r{t}@bench",
                            subject=f"Fil {t} sur les communs", started_at=started,
                            last_activity=started + timedelta(days=2), message_count=5))
        for theme in rng.sample(themes, 1 + (t % 2)):
            links.append(dict(thread_id=first_thread + t, theme_id=theme,
                              score=round(rng.random(), 3), source="auto", reasons="[]",
                              updated_at=now))
    for start in range(0, len(threads), CHUNK):
        session.execute(insert(Thread), threads[start:start + CHUNK])
    for start in range(0, len(links), CHUNK):
        session.execute(insert(ThreadTheme), links[start:start + CHUNK])
    for m in range(count):
        t = m // 5
        date = threads[t]["started_at"] + timedelta(hours=9 * (m % 5))
        mid = f"r{t}@bench" if m % 5 == 0 else f"m{m}@bench"
        messages.append(dict(list_id=list_id, message_id=mid, thread_id=first_thread + t,
                             ghost=False, raw=b"", size=200, from_name="Bench",
                             from_addr=f"{FIRST[m % 18]}@example.org",
                             subject=threads[t]["subject"], date=date, in_reply_to="",
                             references="", body_text="…", body_html="", parse_defect="",
                             generated_id=False, deleted=False, erasure_reason="",
                             processed=True, posted=False, received_at=date))
        if len(messages) == CHUNK:
            session.execute(insert(Message), messages)
            messages = []
    if messages:
        session.execute(insert(Message), messages)


def build(settings: Settings, members: tuple[int, int], held: int, archive: int) -> None:
    schema.upgrade(settings)
    rng = random.Random(14)
    with session_scope(settings) as session:
        directory.add_assembly(session, "bench", "Assemblée de banc d'essai")
        ids = {}
        for name in ("m10k", "m100k", "queue", "archive"):
            ids[name] = directory.add_list(session, name, "bench", settings.mail_domain,
                                           name=name.capitalize()).id
        accounts.create_admin(session, ADMIN, password=PASSWORD, site_admin=True)
    for name, count in zip(("m10k", "m100k"), members):
        with session_scope(settings) as session:
            _members(session, ids[name], count, rng)
        print(f"  {count} members on {name}")
    with session_scope(settings) as session:
        _held(session, ids["queue"], held)
    print(f"  {held} held messages on queue")
    with session_scope(settings) as session:
        _archive(session, ids["archive"], archive, rng)
    print(f"  {archive} archived messages on archive")
    analyze(settings)


def sign_in(port: int) -> str:
    """Sign in through the real form; the session cookie to send."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", "/admin/sign-in")
    response = connection.getresponse()
    page = response.read().decode()
    cookie = response.getheader("Set-Cookie", "").split(";")[0]
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    body = urlencode({"csrf_token": token, "email": ADMIN, "password": PASSWORD})
    connection.request("POST", "/admin/sign-in", body=body, headers={
        "Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"})
    response = connection.getresponse()
    response.read()
    if response.status != 302:
        sys.exit(f"sign-in failed: {response.status}")
    return response.getheader("Set-Cookie", "").split(";")[0]


def _cursor(email: str, member_id: int) -> str:
    return base64.urlsafe_b64encode(json.dumps([email, member_id]).encode()).decode().rstrip("=")


def plan(settings: Settings, cookie: str) -> dict[str, list[tuple[str, dict]]]:
    """For each endpoint, the (path, headers) requests the clients cycle through."""
    rng, headers = random.Random(2), {"Cookie": cookie}
    # the public home page: a reference measured in the same run, so that a busy machine
    # shows as a ratio (bench/read.py's figures for it were taken on a quiet one)
    out = {"reference: public home": [("/", {})]}
    with session_scope(settings) as session:
        for name in ("m10k", "m100k"):
            ml = session.scalar(select(MailingList).where(MailingList.address.like(f"{name}@%")))
            picks = session.execute(select(Member.email, Member.id).where(
                Member.list_id == ml.id).order_by(Member.id).limit(2000)).all()
            base = f"/admin/l/{quote(ml.address)}/members"
            out[f"roster {name} pages"] = [(base, headers)] + [
                (f"{base}?sort={sort}", headers) for sort in ("name", "joined", "bounce")] + [
                (f"{base}?after={_cursor(e, i)}", headers) for e, i in rng.sample(picks, 40)]
            out[f"roster {name} search"] = [
                (f"{base}?q={quote(q)}", headers)
                for q in ("amelie", "chloe.4", "exemple.fr", "Martin-99", "zz-nobody", "rose",
                          "karima.12", "mail.test", "hugo", "nadia.7")]
    out["queue 500 (list)"] = [("/admin/l/queue%40" + settings.mail_domain + "/moderation",
                                headers), ("/admin/l/queue%40" + settings.mail_domain
                                           + "/moderation?from=50", headers)]
    out["queue 500 (all lists)"] = [("/admin/moderation", headers)]
    out["activity page"] = [("/admin/activity", headers)]
    out["activity charts"] = [(f"/admin/activity/{k}.svg", headers)
                              for k in ("assembly", "list", "theme")]
    return out


def uncached(settings: Settings) -> float:
    """Milliseconds to compute the activity figures once, as the first viewer of a minute does."""
    with session_scope(settings) as session:
        ids = list(session.scalars(select(MailingList.id)))
        began = time.perf_counter()
        activity.summary(session, ids, utcnow())
        return (time.perf_counter() - began) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database-url", default="", help="default: SQLite in --data-dir")
    parser.add_argument("--data-dir", type=Path, default=None)
    parser.add_argument("--members", type=int, nargs=2, default=(10_000, 100_000))
    parser.add_argument("--held", type=int, default=500)
    parser.add_argument("--messages", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=8, help="concurrent client threads")
    parser.add_argument("--seconds", type=float, default=8.0, help="per endpoint")
    parser.add_argument("--port", type=int, default=8766)
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()
    backend = "postgresql" if args.database_url.startswith("postgres") else "sqlite"
    data_dir = args.data_dir or ROOT / "bench" / "out" / f"console-{backend}"
    settings = Settings(data_dir=data_dir, database_url=args.database_url, secret_key="bench",
                        mail_domain="lists.bench")
    marker = data_dir / "built.json"
    size = {"members": list(args.members), "held": args.held, "messages": args.messages}
    if args.rebuild or not marker.exists() or json.loads(marker.read_text()) != size:
        databases.empty(settings)
        began = time.perf_counter()
        print(f"building ({backend})")
        build(settings, tuple(args.members), args.held, args.messages)
        print(f"  built in {time.perf_counter() - began:.0f} s")
        marker.write_text(json.dumps(size))
    print(f"activity figures computed uncached: {uncached(settings):.0f} ms "
          f"({args.messages} messages)")
    server = serve(settings, args.port)
    try:
        cookie = sign_in(args.port)
        print(f"{backend}, {args.clients} clients, {args.seconds:.0f} s per endpoint")
        print(f"{'endpoint':<24}{'requests':>9}{'req/s':>8}{'p50 ms':>9}{'p99 ms':>9}  statuses")
        for name, requests in plan(settings, cookie).items():
            load(args.port, requests, args.clients, 1.0)  # warm caches and connections
            result = load(args.port, requests, args.clients, args.seconds)
            verdict = "ok" if result["p99"] < 100 else "MISSED"
            print(f"{name:<24}{result['requests']:>9}{result['rps']:>8.0f}{result['p50']:>9.1f}"
                  f"{result['p99']:>9.1f}  {verdict} {result['statuses']}")
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
