"""GNU Mailman 3 under test: mailman from PyPI in bench/out/mailman-venv, its defaults.

Its master and runners (``master --force``, in its own process group), SQLite, LMTP in from
the benchmark's client, SMTP out to the shared sink. A list with its members is built once
per member count (bench/out/mailman-template-N) and copied for every run, so each run starts
with empty queues.
"""
from __future__ import annotations

import shutil
import subprocess
import time
from pathlib import Path

from processes import HERE, Server, free_port, group_of, memory, wait_port
import posts

LIST = "bench@lists.bench"
TEMPLATES = HERE.parent / "out"  # bench/out, shared by every --out of run.py
CONFIG = """[mailman]
layout: here
site_owner: owner@lists.bench
[paths.here]
var_dir: {var}
[mta]
incoming: mailman.mta.null.NullMTA
lmtp_host: 127.0.0.1
lmtp_port: {lmtp}
smtp_host: 127.0.0.1
smtp_port: {smtp}
verp_delivery_interval: {verp}
[webservice]
port: {rest}
"""


def _configure(home: Path, smtp_port: int, verp: bool = False) -> tuple[Path, int, int]:
    lmtp, rest = free_port(), free_port()
    config = home / "mailman.cfg"
    # verp_delivery_interval 1: every copy VERPed, so one transaction per recipient, as
    # Relais' personalised copies; 0 is Mailman's default (bulk copies, 10 recipients each)
    config.write_text(CONFIG.format(var=home / "var", lmtp=lmtp, smtp=smtp_port, rest=rest,
                                    verp=1 if verp else 0))
    return config, lmtp, rest


def template(venv: Path, members: int) -> Path:
    """A Mailman home whose database has the list and ``members`` members (built once)."""
    home = TEMPLATES / f"mailman-template-{members}"
    if (home / "ready").exists():
        return home
    if home.exists():
        shutil.rmtree(home)
    home.mkdir(parents=True)
    config, _, _ = _configure(home, 25)
    roster = home / "members.txt"
    roster.write_text("\n".join(posts.members(members)) + "\n")
    subprocess.run([str(venv / "bin" / "python"), str(HERE / "mailman_setup.py"), str(config),
                    LIST, str(roster)], check=True, capture_output=True, cwd=home)
    (home / "ready").write_text("ok\n")
    return home


def deliver(venv: Path, out: Path, sink, post_count: int, members: int,
            connections: int, verp: bool = False) -> dict:
    """Posts in over LMTP until the sink has every copy; accept and end-to-end posts/s."""
    source = template(venv, members)
    home = out / "mailman"
    if home.exists():
        shutil.rmtree(home)
    shutil.copytree(source / "var", home / "var")
    config, lmtp, rest = _configure(home, sink.port, verp)
    server = Server([str(venv / "bin" / "master"), "-C", str(config), "--force"],
                    home / "master.log", cwd=home)
    try:
        wait_port(lmtp, 120, server.process)
        wait_port(rest, 120, server.process)
        time.sleep(3)  # every runner up (they start together with LMTP's and REST's)
        before = sink.counts()
        peak = {"rss": 0.0, "pss": 0.0, "processes": 0}

        def sample() -> None:
            now = memory(group_of(server.process.pid))
            if now["rss"] > peak["rss"]:
                peak.update(now)

        start, accepted_at, accepted = posts.send(lmtp, LIST, post_count,
                                                  f"mailman-{time.monotonic_ns()}", lmtp=True,
                                                  connections=connections)
        expected = before["recipients"] + accepted * members
        done_at = sink.wait_for(expected, 1800, on_tick=sample)
        after = sink.counts()
        time.sleep(2)
        idle = memory(group_of(server.process.pid))
    finally:
        server.stop(30)
    return {"accept": accepted / (accepted_at - start),
            "end": accepted / (done_at - start) if done_at else None,
            "copies": after["recipients"] - before["recipients"],
            "expected": accepted * members,
            "transactions": after["transactions"] - before["transactions"],
            "peak": peak, "idle": idle}
