"""Servers under test: start them in their own process group, wait for a port, measure, stop."""
from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def free_port() -> int:
    """A TCP port nobody listens on now (the OS picks it)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_port(port: int, seconds: float = 60.0, process: subprocess.Popen | None = None) -> None:
    """Return once something accepts on 127.0.0.1:port; fail if the process died first."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"{process.args[:3]} exited with {process.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"nothing listens on port {port} after {seconds:.0f} s")


class Server:
    """A command run in its own session (process group), its output in a log file."""

    def __init__(self, command: list[str], log: Path, env: dict | None = None,
                 cwd: Path | None = None):
        self.log = log
        self.handle = open(log, "ab")
        self.process = subprocess.Popen(command, stdout=self.handle, stderr=subprocess.STDOUT,
                                        env=env, cwd=cwd, start_new_session=True)

    def stop(self, seconds: float = 20.0) -> None:
        """SIGTERM to the whole group, SIGKILL after ``seconds``."""
        if self.process.poll() is None:
            try:
                os.killpg(self.process.pid, signal.SIGTERM)
                self.process.wait(seconds)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(5)
            except ProcessLookupError:
                pass
        try:  # children that outlived their parent still carry its group id
            os.killpg(self.process.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        self.handle.close()


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            tree.setdefault(parent, []).append(int(entry.name))
    return tree


def tree_of(pid: int) -> list[int]:
    """``pid`` and all its descendants."""
    tree, found, todo = _children(), [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo.extend(tree.get(current, []))
    return found


def group_of(pgid: int) -> list[int]:
    """Every process of a process group (daemons that double-fork keep their group)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if int((entry / "stat").read_text().rsplit(")", 1)[1].split()[2]) == pgid:
                    found.append(int(entry.name))
            except (OSError, IndexError, ValueError):
                continue
    return found


def memory(pids: list[int]) -> dict[str, float]:
    """RSS sum and PSS sum (MB) of processes: RSS counts shared pages once per process."""
    rss = pss = 0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Rss:"):
                    rss += int(line.split()[1])
                elif line.startswith("Pss:"):
                    pss += int(line.split()[1])
        except OSError:
            continue
    return {"rss": rss / 1024, "pss": pss / 1024, "processes": len(pids)}


class SinkProcess:
    """The shared sink (sink.py) in its own process: it stands for a remote relay."""

    def __init__(self, out: Path):
        self.status = out / f"sink-{os.getpid()}-{time.monotonic_ns()}.json"
        self.server = Server([sys.executable, str(HERE / "sink.py"), "--status", str(self.status)],
                             out / "sink.log")
        deadline = time.monotonic() + 30
        while not self.status.exists():
            if time.monotonic() > deadline or self.server.process.poll() is not None:
                raise RuntimeError(f"the sink did not start; see {out / 'sink.log'}")
            time.sleep(0.05)
        self.port = self.counts()["port"]

    def counts(self) -> dict:
        for _ in range(20):
            try:
                return json.loads(self.status.read_text())
            except (OSError, ValueError):
                time.sleep(0.01)
        raise RuntimeError("cannot read the sink status")

    def wait_for(self, recipients: int, seconds: float, on_tick=None) -> float | None:
        """The monotonic time at which the sink had ``recipients``, or None after ``seconds``."""
        deadline, ticks = time.monotonic() + seconds, 0
        while time.monotonic() < deadline:
            if self.counts()["recipients"] >= recipients:
                return time.monotonic()
            if on_tick and ticks % 10 == 0:  # every 0.5 s: reading smaps costs CPU too
                on_tick()
            ticks += 1
            time.sleep(0.05)
        return None

    def stop(self) -> None:
        self.server.stop(5)
        self.status.unlink(missing_ok=True)
