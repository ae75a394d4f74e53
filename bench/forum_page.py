"""What the forum's forms weigh on a thread page (issue 12): a thread of N messages rendered
with web posting on (a reply form under every message) and off, raw and gzipped bytes, and
the statements one render runs (they must not grow with the thread)."""
from __future__ import annotations

import argparse
import gzip
import sys
import tempfile
from datetime import datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import event  # noqa: E402

from federation.ingest import filing  # noqa: E402
from federation.lists import directory  # noqa: E402
from federation.settings import Settings  # noqa: E402
from federation.storage import db as dbmod, schema  # noqa: E402
from federation.storage.db import session_scope  # noqa: E402
from relais.jobs import register  # noqa: E402  (delivery jobs: the Maildir outbox here)


def thread_of(settings: Settings, size: int) -> None:
    """A list and one thread of ``size`` messages, filed as mail is."""
    with session_scope(settings) as session:
        directory.add_assembly(session, "lille", "Lille")
        directory.add_list(session, "semences", "lille", settings.mail_domain, name="Semences")
    start = datetime(2026, 6, 1, 9, 0)
    for n in range(size):
        mail = EmailMessage()
        mail["From"], mail["To"] = f"Personne {n} <p{n}@example.org>", "semences@lists.test"
        mail["Subject"] = "Jardin partagé" if n == 0 else "Re: Jardin partagé"
        mail["Message-ID"] = f"<m{n}@example.org>"
        mail["Date"] = format_datetime(start + timedelta(minutes=n))
        if n:
            mail["In-Reply-To"] = mail["References"] = "<m0@example.org>"
        mail.set_content("Une réponse de quelques lignes, comme il y en a tant.\n" * 5)
        filing.file_post(settings, mail.as_bytes(), ["semences@lists.test"],
                         f"p{n}@example.org")


def measure(size: int, web_posting: bool) -> tuple[int, int, int]:
    """(bytes, gzipped bytes, statements) of the thread page."""
    from web import create_app
    settings = Settings(data_dir=Path(tempfile.mkdtemp()) / "var", secret_key="bench",
                        mail_domain="lists.test")
    schema.upgrade(settings)
    thread_of(settings, size)
    with session_scope(settings) as session:
        directory.edit_list(session, directory.find_list(session, "semences@lists.test"),
                            web_posting=web_posting)
    statements = []
    event.listen(dbmod.engine_for(settings), "before_cursor_execute",
                 lambda *args: statements.append(1))
    body = create_app(settings).test_client().get("/t/m0@example.org/").get_data()
    return len(body), len(gzip.compress(body)), len(statements)


def main() -> None:
    register()
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="3,30,100")
    args = parser.parse_args()
    print("messages  web posting  bytes   gzipped  statements")
    for size in (int(s) for s in args.sizes.split(",")):
        for on in (False, True):
            raw, packed, statements = measure(size, on)
            print(f"{size:8d}  {'on ' if on else 'off'}          {raw:6d}  {packed:7d}  "
                  f"{statements:10d}")


if __name__ == "__main__":
    main()
