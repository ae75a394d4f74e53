"""Relais under test: the real ``relais`` command of a checkout's venv, embedded defaults.

Every run gets a fresh data directory (SQLite, no Redis), as an operator's first install.
"""
from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

from processes import Server, free_port, memory, tree_of, wait_port
import posts

DOMAIN = "lists.bench"
LIST = f"bench@{DOMAIN}"


class Relais:
    """One data directory and the commands run on it."""

    def __init__(self, executable: Path, data_dir: Path, relay_port: int = 0):
        self.executable = str(Path(executable).absolute())
        self.data_dir = data_dir = data_dir.absolute()
        data_dir.mkdir(parents=True, exist_ok=True)
        self.smtp_port, self.web_port = free_port(), free_port()
        self.env = {key: value for key, value in os.environ.items()
                    if key not in ("REDIS_URL", "DATABASE_URL", "PYTHONPATH")
                    and not key.startswith("RELAIS_")}
        self.env.update(RELAIS_DATA_DIR=str(data_dir), RELAIS_MAIL_DOMAIN=DOMAIN,
                        RELAIS_SECRET_KEY="bench", RELAIS_SMTP_PORT=str(self.smtp_port),
                        RELAIS_WEB_PORT=str(self.web_port),
                        RELAIS_BASE_URL=f"http://127.0.0.1:{self.web_port}",
                        RELAIS_RELAY_URL=f"smtp://127.0.0.1:{relay_port}" if relay_port else "")

    def run(self, *arguments: str) -> str:
        done = subprocess.run([self.executable, *arguments], env=self.env, cwd=self.data_dir,
                              capture_output=True, text=True)
        if done.returncode:
            raise RuntimeError(f"relais {' '.join(arguments)}: {done.stderr[-2000:]}")
        return done.stdout

    def create_list(self, members: int = 0, batched: bool = False) -> None:
        self.run("init")
        self.run("assembly", "add", "bench", "--name", "Banc d'essai")
        self.run("list", "add", "bench", "--assembly", "bench", "--name", "Bench")
        if batched:  # one copy per domain's transaction, as Mailman's default
            self.run("list", "edit", LIST, "--delivery-mode", "batched")
        if members:
            roster = self.data_dir / "members.txt"
            roster.write_text("\n".join(posts.members(members)) + "\n")
            self.run("member", "import", LIST, str(roster))

    def start(self, *command: str) -> Server:
        server = Server([self.executable, *command], self.data_dir / f"{command[0]}.log",
                        env=self.env, cwd=self.data_dir)
        port = self.web_port if command[0] == "web" else self.smtp_port
        wait_port(port, 60, server.process)
        if command[0] == "serve":
            wait_port(self.web_port, 60, server.process)
        return server


def bulk_import(executable: Path, out: Path, corpus: Path, count: int) -> dict:
    """``relais import`` of the corpus into a fresh list: msg/s over the command's wall clock."""
    relais = Relais(executable, out)
    relais.create_list()
    started = time.monotonic()
    relais.run("import", LIST, str(corpus))
    seconds = time.monotonic() - started
    return {"rate": count / seconds, "seconds": seconds}


def deliver(executable: Path, out: Path, sink, mode: str, post_count: int, members: int,
            connections: int) -> dict:
    """Posts in over LMTP (``relais smtp --lmtp``) or SMTP (``relais serve``), until the sink
    has every copy. A mode ending in ``-batched`` sets the list's batched delivery (several
    recipients of a domain per transaction). Returns accept and end-to-end posts/s and the
    stack's memory."""
    relais = Relais(executable, out, relay_port=sink.port)
    command_name, _, variant = mode.partition("-")
    relais.create_list(members, batched=variant == "batched")
    command = ("smtp", "--lmtp") if command_name == "lmtp" else ("serve",)
    server = relais.start(*command)
    try:
        before = sink.counts()
        peak = {"rss": 0.0, "pss": 0.0, "processes": 0}

        def sample() -> None:
            now = memory(tree_of(server.process.pid))
            if now["rss"] > peak["rss"]:
                peak.update(now)

        start, accepted_at, accepted = posts.send(relais.smtp_port, LIST, post_count,
                                                  f"relais-{mode}-{time.monotonic_ns()}",
                                                  lmtp=command_name == "lmtp", connections=connections)
        expected = before["recipients"] + accepted * members
        done_at = sink.wait_for(expected, 1800, on_tick=sample)
        after = sink.counts()
        time.sleep(2)  # idle after the work: what the stack keeps
        idle = memory(tree_of(server.process.pid))
    finally:
        server.stop()
    copies = after["recipients"] - before["recipients"]
    return {"accept": accepted / (accepted_at - start),
            "end": accepted / (done_at - start) if done_at else None,
            "copies": copies, "expected": accepted * members,
            "transactions": after["transactions"] - before["transactions"],
            "peak": peak, "idle": idle}


def web(executable: Path, data_dir: Path, cached: bool) -> tuple[Server, int]:
    """``relais web`` (gunicorn, 2 workers) over an imported archive; its page cache on or off."""
    relais = Relais(executable, data_dir)
    if not cached:
        relais.env["RELAIS_PAGE_CACHE"] = "0"  # web.pagecache: every request renders
    return relais.start("web", "--workers", "2"), relais.web_port


def paths(data_dir: Path, executable: Path, roots: list[str]) -> dict[str, list[str]]:
    """The URL paths of the list feed and of the given threads, as Relais links them."""
    helper = ("import sys\nfrom feeds import links\n"
              "print(links.list_path(sys.argv[1]) + 'atom')\n"
              "for root in sys.argv[2:]: print(links.thread_path(root))\n")
    python = str(Path(executable).absolute().with_name("python"))
    done = subprocess.run([python, "-c", helper, LIST, *roots], capture_output=True, text=True,
                          check=True, cwd=data_dir)
    lines = done.stdout.split("\n")
    return {"feed": [lines[0]], "thread": [line for line in lines[1:] if line]}
