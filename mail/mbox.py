"""Bulk import and export of mbox archives through the normal ingest path."""
from __future__ import annotations

import multiprocessing
import os
import time
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

from sqlalchemy import select

from federation import queue
from federation.ingest import filing, jobs
from federation.storage.db import analyze, session_scope
from federation.lists.directory import find_list
from federation.errors import Invalid
from federation.archive.message import Parsed, parse
from federation.storage.models import Message
from federation.settings import Settings
from feeds import mbox as mboxrd


@dataclass
class Totals:
    """What an import did."""

    archived: int = 0
    duplicates: int = 0
    refused: int = 0
    seconds: float = 0.0

    @property
    def rate(self) -> float:
        return (self.archived + self.duplicates) / self.seconds if self.seconds else 0.0


def _batches(path: Path, size: int) -> Iterator[list[bytes]]:
    batch: list[bytes] = []
    with open(path, "rb") as handle:
        for raw in mboxrd.read(handle):
            batch.append(raw)
            if len(batch) >= size:
                yield batch
                batch = []
    if batch:
        yield batch


POOL_FROM_BYTES = 4 << 20  # smaller files are parsed here: starting workers costs a second
AHEAD = 2  # batches parsed in advance while this process writes


def _parsed(path: Path, size: int,
            workers: int) -> Iterator[tuple[list[bytes], list[Parsed] | None]]:
    """Batches of raw messages with their parsed fields, parsed by ``workers`` processes
    while the caller writes the previous batches (None: let ingest parse them)."""
    if workers <= 1:
        for raws in _batches(path, size):
            yield raws, None
        return
    # spawn, not fork: this process may already run the writer thread, whose locks a fork
    # would copy in whatever state they are in.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        ahead: deque = deque()
        for raws in _batches(path, size):
            chunk = max(1, len(raws) // (workers * 4))
            ahead.append((raws, pool.map(parse, raws, chunksize=chunk)))
            if len(ahead) > AHEAD:
                raws_done, parsed = ahead.popleft()
                yield raws_done, list(parsed)
        while ahead:
            raws_done, parsed = ahead.popleft()
            yield raws_done, list(parsed)


def _workers(path: Path, workers: int | None) -> int:
    if workers is not None:
        return workers
    cores = os.cpu_count() or 1
    return cores if cores > 1 and path.stat().st_size >= POOL_FROM_BYTES else 0


def import_file(settings: Settings, address: str, path: Path, batch: int = 500,
                progress: Callable[[int], None] | bool | None = None,
                workers: int | None = None) -> Totals:
    """Import every message of an mbox into a list; re-importing changes nothing.

    Messages are archived (threaded and searchable) batch by batch, parsed by ``workers``
    processes (default: one per core for big files); the after-commit pipeline then runs
    once over the whole import, so a thread spread over many batches is tagged once.
    """
    with session_scope(settings) as session:
        if find_list(session, address) is None:
            raise Invalid(f"no list {address!r}; create it with 'relais list add'")
    bar = None
    if progress is True:
        from tqdm import tqdm  # the progress bar is a command-line nicety only
        bar = tqdm(unit="msg", desc="import", total=None)
        progress = bar.update
    totals = Totals()
    started = time.perf_counter()
    created: list[int] = []
    try:
        for raws, parsed in _parsed(path, batch, _workers(path, workers)):
            pks, duplicates, refused = filing.archive_batch(settings, address, raws, parsed)
            created.extend(pks)
            totals.archived += len(pks)
            totals.duplicates += duplicates
            totals.refused += refused
            if callable(progress):
                progress(len(raws))
    finally:
        if bar is not None:
            bar.close()
        for pks in jobs.by_thread(settings, created):  # even after a failure: what was stored
            queue.enqueue(settings, jobs.process_messages, pks)
    if totals.archived:
        analyze(settings)
    totals.seconds = time.perf_counter() - started
    return totals


def export_list(settings: Settings, address: str, chunk: int = 500) -> Iterator[bytes]:
    """Yield a list's archive as mboxrd, oldest first, a few hundred messages at a time."""
    with session_scope(settings) as session:
        mailing_list = find_list(session, address)
        if mailing_list is None:
            raise Invalid(f"no list {address!r}")
        last_id = 0
        while True:
            rows = session.execute(
                select(Message.id, Message.raw, Message.from_addr, Message.date)
                .where(Message.list_id == mailing_list.id, Message.ghost.is_(False),
                       Message.id > last_id)
                .order_by(Message.id).limit(chunk)).all()
            if not rows:
                return
            for row in rows:
                yield mboxrd.entry(row.raw, row.from_addr, row.date)
            last_id = rows[-1].id
