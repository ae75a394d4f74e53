"""Backfill of a peer's history over real HTTP, against `relais import` of the same messages
in the same run (issue 11 target: at least as fast as the import). Prints the figures.

    .venv/bin/python bench/peer_backfill.py [N]      # default 10,000

fedpush's bench/federation.py may call ``polling.poll(settings, peer_id)`` the same way.
"""
from __future__ import annotations

import mailbox
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.append(str(ROOT / "tests"))  # the test helpers: two served instances

from sqlalchemy import func, select  # noqa: E402

from backends import make_settings, seed_lists  # noqa: E402
from browser import live_server  # noqa: E402
from federation.ingest import filing  # noqa: E402
from federation.peers import following, polling  # noqa: E402
from federation.storage.db import session_scope  # noqa: E402
from federation.storage.models import Message  # noqa: E402
from instances import federate, seed_follower  # noqa: E402
from mail import mbox  # noqa: E402
from messages import mail  # noqa: E402

def main() -> None:
    """Import N messages, then backfill them from a peer, and print both rates."""
    N = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
    tmp = Path(tempfile.mkdtemp())
    raws = [mail(f"m{n}@example.org", f"Sujet {n // 4} jardin" if n % 4 == 0 else f"Re: Sujet {n // 4} jardin",
                 "Un texte de quelques lignes sur les semences.\n" * 5, minute=n % 60,
                 refs=f"m{n - n % 4}@example.org" if n % 4 else "") for n in range(N)]
    origin = make_settings(tmp / "a")
    seed_lists(origin)
    federate(origin, "semences@lists.test")
    for start in range(0, N, 1000):
        filing.archive_batch(origin, "semences@lists.test", raws[start:start + 1000])
    box = mailbox.mbox(tmp / "x.mbox")
    for raw in raws:
        box.add(raw)
    box.close()
    imported = make_settings(tmp / "c")
    seed_lists(imported)
    t = time.perf_counter()
    mbox.import_file(imported, "semences@lists.test", tmp / "x.mbox")
    took_import = time.perf_counter() - t
    print(f"relais import (mbox.import_file) {N}: {took_import:.1f}s, {N/took_import:.0f} msg/s")
    follower = make_settings(tmp / "b", mail_domain="lyon.test")
    seed_follower(follower)
    with live_server(origin) as (served, url), live_server(follower) as (fserved, furl):
        peer = following.add(fserved, url)
        t = time.perf_counter()
        result = polling.poll(fserved, peer.id)
        took = time.perf_counter() - t
        print(result)
        with session_scope(fserved, write=False) as s:
            n = s.scalar(select(func.count()).select_from(Message).where(Message.ghost.is_(False)))
        print(f"backfill over HTTP {n} messages in {took:.1f}s: {n/took:.0f} msg/s; ratio to import {took_import/took:.2f}")
        t = time.perf_counter()
        again = polling.poll(fserved, peer.id)
        print(f"second poll: {again.status} in {(time.perf_counter()-t)*1000:.0f} ms")


if __name__ == "__main__":
    main()
