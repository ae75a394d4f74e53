"""``relais member import`` of N members (10,000 by default) into a fresh list.

Prints the wall time of the whole command (process start, reading the CSV, validation,
one transaction with bulk inserts). Run from the repository root:

    .venv/bin/python bench/members.py [--members 10000] [--database-url URL]

Without ``--database-url`` it uses a fresh SQLite file in a temporary data dir; a PostgreSQL
database given there must be empty (createdb before, dropdb after).
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RELAIS = str(ROOT / ".venv" / "bin" / "relais")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=10000)
    parser.add_argument("--database-url", default="")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, RELAIS_DATA_DIR=str(Path(tmp) / "var"),
                   RELAIS_MAIL_DOMAIN="lists.test")
        if args.database_url:
            env["DATABASE_URL"] = args.database_url
        roster = Path(tmp) / "membres.csv"
        roster.write_text("nom,email\n" + "".join(
            f"Membre {n},membre{n}@example.net\n" for n in range(args.members)))

        def relais(*argv: str) -> str:
            return subprocess.run([RELAIS, *argv], env=env, check=True, capture_output=True,
                                  text=True).stdout
        relais("init")
        relais("assembly", "add", "lille", "--name", "Lille")
        relais("list", "add", "semences", "--assembly", "lille")
        start = time.perf_counter()
        out = relais("member", "import", "semences@lists.test", str(roster))
        seconds = time.perf_counter() - start
    print(out.strip().splitlines()[-1])
    print(f"{args.members} members imported in {seconds:.2f} s "
          f"({args.members / seconds:.0f} members/s), one process, one transaction")


if __name__ == "__main__":
    sys.exit(main())
