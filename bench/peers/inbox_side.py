"""public-inbox under test: Debian's package (1.9), a v2 inbox, its own httpd with 2 workers.

Bulk import uses the inbox's own mbox importer (``PublicInbox::InboxWritable->import_mbox``
with the parallel V2Writable, one shard per core as ``public-inbox-init -V2`` sets up):
git fast-import, the Xapian index and the msgmap together, as upstream's
``scripts/import_vger_from_mbox`` does; ``public-inbox-init`` is in the timed part.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path
from urllib.parse import quote

from processes import Server, free_port, wait_port

NAME = "bench"
ADDRESS = "bench@lists.bench"
IMPORT = ('my $c = PublicInbox::Config->new; my $i = $c->lookup_name("bench") or die "no inbox";'
          ' PublicInbox::InboxWritable->new($i)->import_mbox(\\*STDIN, "mboxrd")')


def _env(home: Path) -> dict:
    home = home.absolute()
    return dict(os.environ, HOME=str(home), PI_CONFIG=str(home / "config"))


def bulk_import(out: Path, corpus: Path, count: int) -> dict:
    """public-inbox-init -V2, then the mbox import and index: msg/s over the wall clock."""
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    env = _env(out)
    started = time.monotonic()
    subprocess.run(["public-inbox-init", "-V2", NAME, str(out / "inbox"),
                    f"http://127.0.0.1/{NAME}/", ADDRESS], env=env, check=True,
                   capture_output=True)
    with open(corpus, "rb") as mbox:
        subprocess.run(["perl", "-MPublicInbox::Config", "-MPublicInbox::InboxWritable", "-e",
                        IMPORT], stdin=mbox, env=env, check=True, capture_output=True)
    seconds = time.monotonic() - started
    import sqlite3
    with sqlite3.connect(out / "inbox" / "msgmap.sqlite3") as db:
        stored = db.execute("SELECT COUNT(*) FROM msgmap").fetchone()[0]
    return {"rate": count / seconds, "seconds": seconds, "stored": stored}


def web(home: Path) -> tuple[Server, int]:
    """public-inbox-httpd with 2 worker processes (-W 2) on a free port."""
    port = free_port()
    server = Server(["public-inbox-httpd", "-W", "2", "-l", f"http://127.0.0.1:{port}"],
                    home / "httpd.log", env=_env(home), cwd=home)
    wait_port(port, 60, server.process)
    return server, port


def paths(roots: list[str]) -> dict[str, list[str]]:
    """The list feed (new.atom) and each thread's flat page (/T/: every message in full, as
    Relais' thread page shows them)."""
    return {"feed": [f"/{NAME}/new.atom"],
            "thread": [f"/{NAME}/{quote(root.strip('<>'), safe='@+.-_=')}/T/" for root in roots]}
