"""The console's roster on a large list: pages, sorts and searches, one client at a time.

Fills a fresh list with N members (100,000 by default, bulk inserts), signs in through the
real form, then times full requests through the Flask test client (view, queries, template):
the first page, a page 40 pages deep (keyset cursor) and the one before it, each sort,
searches by a prefix of the address, the name, the domain or a later word of the name,
matching a few members, many or none, and a preview then apply of 10,000 pasted addresses.
Run from the root:

    .venv/bin/python bench/roster.py [--members 100000] [--runs 20] [--database-url URL]

Without ``--database-url``: a fresh SQLite file; a PostgreSQL database given must be empty.
(``bench/console.py`` measures the console under concurrent load.)
"""
from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

# run as a script, bench/ comes first on the path and bench/federation.py shadows the package
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

from sqlalchemy import text  # noqa: E402

from federation.lists import accounts, directory, membership  # noqa: E402
from federation.settings import Settings  # noqa: E402
from federation.storage import schema  # noqa: E402
from federation.storage.db import engine_for, session_scope  # noqa: E402

PASSWORD = "bench password 1234"
MEMBERS = "/admin/l/roster@bench.test/members"


def _token(client, path: str) -> str:
    page = client.get(path).get_data(as_text=True)
    return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)


def _fill(settings: Settings, count: int) -> float:
    started = time.perf_counter()
    with session_scope(settings) as session:
        directory.add_assembly(session, "bench", "Bench")
        ml = directory.add_list(session, "roster", "bench", "bench.test")
        membership.add_many(session, ml, ((str(n), f"user{n:06}@example{n % 97}.org",
                                           f"Prénom{n} Nom{n % 5000}") for n in range(count)),
                            "bench")
        accounts.create_admin(session, "admin@bench.test", ["bench"], password=PASSWORD)
    if not settings.is_sqlite:  # as autovacuum would, before anyone reads
        with engine_for(settings).connect() as connection:
            connection.execution_options(isolation_level="AUTOCOMMIT").execute(
                text("VACUUM ANALYZE members"))
    return time.perf_counter() - started


def _time(client, label: str, path: str, runs: int) -> None:
    spent = []
    for _ in range(runs):
        started = time.perf_counter()
        assert client.get(path).status_code == 200, path
        spent.append((time.perf_counter() - started) * 1000)
    spent.sort()
    p99 = spent[min(len(spent) - 1, int(len(spent) * 0.99))]
    print(f"{label:38} median {statistics.median(spent):6.1f} ms   p99 {p99:6.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--database-url", default="")
    args = parser.parse_args()
    from web import create_app
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(data_dir=Path(tmp), database_url=args.database_url,
                            secret_key="bench", mail_domain="bench.test")
        schema.upgrade(settings)
        print(f"{args.members} members inserted in {_fill(settings, args.members):.1f} s "
              f"({'SQLite' if settings.is_sqlite else 'PostgreSQL'})")
        client = create_app(settings).test_client()
        client.post("/admin/sign-in", data={"csrf_token": _token(client, "/admin/sign-in"),
                                            "email": "admin@bench.test", "password": PASSWORD})
        deep = MEMBERS
        for _ in range(40):
            page = client.get(deep).get_data(as_text=True)
            deep = re.search(r'rel="next" href="([^"]+)"', page).group(1).replace("&amp;", "&")
        _time(client, "first page (by address, with count)", MEMBERS, args.runs)
        _time(client, "page 41 (keyset cursor)", deep, args.runs)
        for sort in ("name", "joined", "bounce"):
            _time(client, f"first page sorted by {sort}", f"{MEMBERS}?sort={sort}", args.runs)
        back = re.search(r'rel="prev" href="([^"]+)"', client.get(deep).get_data(as_text=True))
        if back:  # none before 0017's wave
            _time(client, "page 40 (previous, keyset backwards)",
                  back.group(1).replace("&amp;", "&"), args.runs)
        # searches find a prefix of the address, of the name or of the domain (0017)
        _time(client, "search 'user0999' (address, 100)", f"{MEMBERS}?q=user0999", args.runs)
        _time(client, "search 'prenom4999' (name, 11)", f"{MEMBERS}?q=prenom4999", args.runs)
        _time(client, "search '@example42.org' (domain, 1031)", f"{MEMBERS}?q=%40example42.org",
              args.runs)
        _time(client, "search 'example4' (domains, 11,341)", f"{MEMBERS}?q=example4", args.runs)
        # and the start of a later word of the name or address (0018): a surname
        _time(client, "search 'nom4999' (a later word, 20)", f"{MEMBERS}?q=nom4999",
              args.runs)
        _time(client, "search 'nom4' (later words, 22,220)", f"{MEMBERS}?q=nom4", args.runs)
        _time(client, "search 'nom4' sorted by name", f"{MEMBERS}?q=nom4&sort=name", args.runs)
        _time(client, "search 'zzz' (none)", f"{MEMBERS}?q=zzz", args.runs)
        pasted = "\n".join(f"new{n}@example.org" for n in range(10_000))
        started = time.perf_counter()
        page = client.post(MEMBERS + "/add", data={
            "csrf_token": _token(client, MEMBERS + "/add"), "addresses": pasted,
            "role": "member", "delivery": "each"}).get_data(as_text=True)
        print(f"preview of 10,000 pasted addresses     {time.perf_counter() - started:.2f} s")
        secret = re.search(r'name="preview" value="([^"]+)"', page).group(1)
        started = time.perf_counter()
        client.post(MEMBERS + "/apply", data={"csrf_token": _token(client, MEMBERS),
                                              "preview": secret})
        print(f"apply of those 10,000                  {time.perf_counter() - started:.2f} s")


if __name__ == "__main__":
    main()
