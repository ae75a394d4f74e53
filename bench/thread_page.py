"""CPU per uncached thread page, in process: what the page costs without the HTTP server.

    .venv/bin/python bench/read.py --messages 10000 --build-only --data-dir /tmp/read-10000
    .venv/bin/python bench/thread_page.py --data-dir /tmp/read-10000 [--size 10] [--rounds 8]

Renders every thread of ``--size`` messages (up to 50) through the Flask test client with
the page cache off, ``--rounds`` times, and prints the CPU time per page of the best round
and the median one, and the SQL statements one page issues. CPU time, not the wall clock:
on a machine shared with other work it moves less. Run it from another checkout (same
archive) to compare two commits in one sitting.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

os.environ["RELAIS_PAGE_CACHE"] = "0"  # read by web.pagecache at import
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import event, select  # noqa: E402

from federation.settings import Settings  # noqa: E402
from federation.storage.db import engine_for, session_scope  # noqa: E402
from federation.storage.models import Thread  # noqa: E402
from feeds import links  # noqa: E402
from web import create_app  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--database-url", default="")
    parser.add_argument("--size", type=int, default=10, help="messages per thread")
    parser.add_argument("--rounds", type=int, default=8)
    args = parser.parse_args()
    settings = Settings(data_dir=args.data_dir, database_url=args.database_url,
                        secret_key="bench", mail_domain="lists.bench")
    with session_scope(settings, write=False) as session:
        roots = list(session.scalars(select(Thread.root_message_id)
                                     .where(Thread.message_count == args.size).limit(50)))
    if not roots:
        sys.exit(f"no thread of {args.size} messages in {args.data_dir}")
    client = create_app(settings).test_client()
    paths = [links.thread_path(root) for root in roots]
    for path in paths:  # warm: templates compiled, statements cached
        assert client.get(path).status_code == 200
    statements = []
    engine = engine_for(settings)
    note = lambda *_args: statements.append(1)  # noqa: E731
    event.listen(engine, "before_cursor_execute", note)
    client.get(paths[0])
    event.remove(engine, "before_cursor_execute", note)
    per_page = []
    for _ in range(args.rounds):
        started = time.process_time()
        for path in paths:
            client.get(path)
        per_page.append((time.process_time() - started) / len(paths) * 1000)
    print(f"{len(paths)} threads of {args.size} messages, {len(statements)} SQL statements a page "
          f"(BEGIN included); CPU per page: best {min(per_page):.2f} ms, "
          f"median {statistics.median(per_page):.2f} ms over {args.rounds} rounds")


if __name__ == "__main__":
    main()
