"""Bulk import benchmark: `relais import` of a 10,000-message mbox.

    .venv/bin/python bench/import.py [--n 10000] [--database-url URL]

Runs the real command in a fresh data directory (threading, full-text indexing and theme
tagging included) and prints messages per second, from the command's own timing and from the
wall clock of the whole process (start-up and schema included), and the CPU time the command
and its worker processes used: on a machine shared with other work, the CPU seconds per
message move less than the wall clock does.
Reference: public-inbox's bulk import and index of the same corpus, 884 msg/s measured side
by side (bench/peers).
"""
from __future__ import annotations

import argparse
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.corpus import ROOT, corpus_path  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--database-url", default="")
    args = parser.parse_args()
    path = corpus_path(args.n)
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, RELAIS_DATA_DIR=tmp, RELAIS_MAIL_DOMAIN="bench.test",
                   PYTHONPATH=str(ROOT))
        env.pop("REDIS_URL", None)
        if args.database_url:
            env["DATABASE_URL"] = args.database_url
        relais = [sys.executable, "-m", "relais.cli"]
        for command in (["init"], ["assembly", "add", "lyon", "--name", "Lyon"],
                        ["list", "add", "bench", "--assembly", "lyon"]):
            subprocess.run(relais + command, env=env, cwd=ROOT, check=True, capture_output=True)
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        done = subprocess.run(relais + ["import", "bench@bench.test", str(path)], env=env,
                              cwd=ROOT, check=True, capture_output=True, text=True)
        wall = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
    summary = done.stdout.strip().splitlines()[-1]
    archived = int(re.match(r"(\d+) archived", summary).group(1))
    print(f"corpus: {args.n} messages; database: {args.database_url or 'embedded SQLite'}")
    print(f"relais import: {summary}")
    print(f"wall clock including start-up: {wall:.1f} s = {archived / wall:.0f} msg/s "
          f"(public-inbox reference: 884 msg/s)")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    print(f"CPU time of the command and its workers: {cpu:.1f} s = "
          f"{cpu * 1000 / max(archived, 1):.2f} ms per message")


if __name__ == "__main__":
    main()
