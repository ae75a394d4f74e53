"""One post to a list of 10,000 members, delivered to a local aiosmtpd sink in this process.

Prints deliveries per second and peak memory. Run from the repository root:

    .venv/bin/python bench/fanout.py [--members 10000] [--dkim]

The message is archived first as a post (the theme pipeline is not what is measured), then
the timed part is the pipeline's planning step (``deliveries.plan_message``: 10,000 Delivery
rows, in its own transaction here) and ``delivery.fan_out``: building each copy
(VERP, one-click unsubscribe link, optional DKIM signature) and sending it over a few reused
SMTP connections, one transaction per recipient.
"""
from __future__ import annotations

import argparse
import multiprocessing
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from datetime import timedelta
from email.utils import formatdate
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from sqlalchemy import insert, select  # noqa: E402

from federation.delivery import deliveries  # noqa: E402
from federation.lists import directory  # noqa: E402
from federation.storage import schema  # noqa: E402
from federation.archive.store import store  # noqa: E402
from federation.ingest.posting import Posting  # noqa: E402
from federation.storage.db import session_scope  # noqa: E402
from federation.archive.message import parse  # noqa: E402
from federation.storage.models import Member, Message, utcnow  # noqa: E402
from federation.settings import Settings  # noqa: E402
from mail import delivery  # noqa: E402
from sink import Sink  # noqa: E402

POST = ("From: Alice Martin <alice@example.org>\r\nTo: semences@lists.test\r\n"
        "Subject: Bourse aux graines samedi\r\nDate: {date}\r\nMessage-ID: <bench@example.org>\r\n"
        "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n"
        "Content-Transfer-Encoding: 8bit\r\n\r\n" + "Bourse aux graines à la Maison des communs.\r\n" * 40)


def _seed(settings: Settings, members: int) -> int:
    schema.upgrade(settings)
    raw = POST.format(date=formatdate()).encode("utf-8")
    with session_scope(settings) as session:
        directory.add_assembly(session, "lille", "Lille")
        mailing_list = directory.add_list(session, "semences", "lille", "lists.test",
                                          name="Semences paysannes")
        mailing_list.subject_prefix, mailing_list.footer = "[Semences]", "Semences — Lille"
        joined = utcnow() - timedelta(days=1)
        session.execute(insert(Member), [dict(list_id=mailing_list.id, email=f"m{n}@example.net",
                                              created_at=joined) for n in range(members)])
        session.flush()
        return store(session, mailing_list.id, [Posting(settings, raw, (mailing_list.address,),
                                                        parsed=parse(raw))])[0].pk


def _serve_sink(port_queue, count, stop) -> None:
    """The sink in a child process: it stands for a remote relay, so its CPU is not ours."""
    sink = Sink(keep=False).start()
    port_queue.put(sink.port)
    while not stop.wait(0.05):
        count.value = sink.count
    count.value = sink.count


class _ChildSink:
    """A Sink running in a child process (the second core), started and stopped by this script."""

    def __init__(self):
        self.count_value = multiprocessing.Value("i", 0)
        self.stop_event = multiprocessing.Event()
        ports = multiprocessing.Queue()
        self.process = multiprocessing.Process(
            target=_serve_sink, args=(ports, self.count_value, self.stop_event), daemon=True)
        self.process.start()
        self.port = ports.get(timeout=30)

    @property
    def count(self) -> int:
        self.stop_event.set()
        self.process.join(10)
        return self.count_value.value

    def stop(self) -> None:
        self.stop_event.set()
        self.process.join(10)


def _keyed(settings: Settings, tmp: Path) -> Settings:
    key = tmp / "dkim.pem"
    subprocess.run(["openssl", "genrsa", "-out", str(key), "2048"], check=True,
                   capture_output=True)
    from dataclasses import replace
    return replace(settings, dkim_selector="bench", dkim_key_path=str(key))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=10_000)
    parser.add_argument("--dkim", action="store_true", help="sign every copy (2048-bit RSA)")
    parser.add_argument("--tracemalloc", action="store_true", help="also trace Python allocations")
    parser.add_argument("--in-process", action="store_true",
                        help="run the aiosmtpd sink in this process (it then shares our GIL)")
    args = parser.parse_args()
    sink = Sink(keep=False).start() if args.in_process else _ChildSink()
    tmp = Path(tempfile.mkdtemp(prefix="relais-bench-"))
    settings = Settings(data_dir=tmp, secret_key="bench", base_url="https://relais.example",
                        relay_url=f"smtp://127.0.0.1:{sink.port}")
    if args.dkim:
        settings = _keyed(settings, tmp)
    pk = _seed(settings, args.members)
    if args.tracemalloc:
        tracemalloc.start()
    started = time.perf_counter()
    with session_scope(settings) as session:
        deliveries.plan_message(session, session.get(Message, pk))
    delivery.fan_out(settings, pk)
    elapsed = time.perf_counter() - started
    with session_scope(settings) as session:
        assert session.scalar(select(Message.id).where(Message.id == pk)) == pk
    delivered = sink.count
    print(f"members {args.members}  delivered {delivered}  in {elapsed:.2f} s  "
          f"= {delivered / elapsed:.0f} deliveries/s  dkim={'on' if args.dkim else 'off'}  "
          f"sink={'in-process' if args.in_process else 'child process'}  "
          f"connections={delivery.CONNECTIONS}")
    print(f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    if args.tracemalloc:
        print(f"tracemalloc peak {tracemalloc.get_traced_memory()[1] / 2**20:.1f} MB")
    sink.stop()


if __name__ == "__main__":
    main()
