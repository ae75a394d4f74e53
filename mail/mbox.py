"""Bulk import and export of mbox archives through the normal ingest path."""
from __future__ import annotations

import logging
import multiprocessing
import os
import threading
import time
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator

from sqlalchemy import select

from federation import queue
from federation.ingest import filing, jobs
from federation.ingest.posting import analysed
from federation.storage import writer
from federation.storage.db import analyze, dispose, session_scope
from federation.themes import proposals
from federation.lists.directory import find_list
from federation.errors import Invalid
from federation.archive.message import Parsed, parse
from federation.storage.models import Message
from federation.settings import Settings
from feeds import mbox as mboxrd

log = logging.getLogger(__name__)


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
    for raw in mboxrd.read_file(path):
        batch.append(raw)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


POOL_FROM_BYTES = 4 << 20  # smaller files are parsed here: starting workers costs a second
AHEAD = 2  # batches parsed in advance while this process writes
_SETTINGS: Settings | None = None  # a worker process's settings, given once as it starts


def _start_method(settings: Settings) -> str:
    """fork when this process runs no other thread (``relais import``): the workers start
    with everything imported, where spawn costs each of them a second of CPU importing it
    again. Otherwise spawn: a fork would copy the other threads' locks (the writer's) in
    whatever state they are in. Pooled database connections are closed first, so that no
    SQLite connection crosses the fork (https://sqlite.org/howtocorrupt.html §2.6)."""
    if threading.active_count() > 1:
        return "spawn"
    dispose(settings)
    return "fork"


def _start_worker(settings: Settings) -> None:
    global _SETTINGS
    _SETTINGS = settings


def _prepare(raw: bytes) -> tuple[Parsed, dict]:
    """Parse one message and analyse it for the search index: CPU work, no database."""
    parsed = parse(raw)
    return parsed, analysed(parsed)


def _proposed(settings: Settings, thread_ids: list[int]) -> proposals.Proposals:
    """The themes proposed for threads as they stand now, in a reading transaction."""
    with session_scope(settings, write=False) as session:
        return proposals.propose(session, settings, thread_ids)


def _propose(thread_ids: list[int]) -> proposals.Proposals:
    return _proposed(_SETTINGS, thread_ids)


class _Workers:
    """Processes that parse and analyse the next batches, and propose the themes of the
    threads the last batches touched, while this process writes (none: all of it here)."""

    def __init__(self, settings: Settings, count: int):
        self.settings = settings
        self.pool = ProcessPoolExecutor(
            count, mp_context=multiprocessing.get_context(_start_method(settings)),
            initializer=_start_worker, initargs=(settings,)) if count > 1 else None
        if self.pool is not None:
            self.pool.submit(int)  # a forking pool starts every worker now, still one thread
        self.count = count

    def prepare(self, raws: list[bytes]) -> Iterable[tuple[Parsed, dict]]:
        if self.pool is None:
            return [_prepare(raw) for raw in raws]
        return self.pool.map(_prepare, raws, chunksize=max(1, len(raws) // (self.count * 4)))

    def propose(self, thread_ids: list[int]) -> Future:
        if self.pool is not None:
            return self.pool.submit(_propose, thread_ids)
        done: Future = Future()
        try:
            done.set_result(_proposed(self.settings, thread_ids))
        except Exception as error:  # settled as a worker's failure would be
            done.set_exception(error)
        return done

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown()


def _settle(settings: Settings, waiting: deque, wait: bool) -> None:
    """Write the proposed themes of the earlier batches, oldest first (a thread proposed
    again later ends with its latest themes), and mark their messages processed: for an
    import that is the whole pipeline, since imported messages are never delivered."""
    while waiting and (wait or waiting[0][0].done()):
        future, pks = waiting.popleft()
        try:
            found = future.result()
        except Exception:  # the pipeline's own road instead, as ``jobs.recover`` would
            log.exception("proposing themes failed for %d imported messages", len(pks))
            queue.enqueue(settings, jobs.process_messages, pks)
            continue

        def work(session, found=found, pks=pks):
            proposals.settle(session, found)
            jobs.mark_processed(session, pks)
        writer.transaction(settings, work)


def _workers(path: Path, workers: int | None) -> int:
    if workers is not None:
        return workers
    cores = os.cpu_count() or 1
    return cores if cores > 1 and path.stat().st_size >= POOL_FROM_BYTES else 0


def import_file(settings: Settings, address: str, path: Path, batch: int = 500,
                progress: Callable[[int], None] | bool | None = None,
                workers: int | None = None) -> Totals:
    """Import every message of an mbox into a list; re-importing changes nothing.

    Messages are archived (threaded and searchable) batch by batch, parsed and analysed by
    ``workers`` processes (default: one per core for big files). Once a batch is committed,
    the same processes propose the themes of the threads it touched while the next batches
    are written; the proposals are written in turn, so a thread spread over several batches
    ends with the themes of its whole text.
    """
    with session_scope(settings) as session:
        if find_list(session, address) is None:
            raise Invalid(f"no list {address!r}; create it with 'relais list add'")
    started = time.perf_counter()
    pool = _Workers(settings, _workers(path, workers))  # before tqdm's monitor thread
    bar = None
    if progress is True:
        from tqdm import tqdm  # the progress bar is a command-line nicety only
        bar = tqdm(unit="msg", desc="import", total=None)
        progress = bar.update
    totals = Totals()
    ahead: deque = deque()  # (raws, their parsed fields and documents, coming)
    waiting: deque = deque()  # (proposed themes, coming; the messages they settle)

    def archive(raws: list[bytes], prepared: Iterable[tuple[Parsed, dict]]) -> None:
        parsed, documents = zip(*prepared) if raws else ((), ())
        done = filing.archive_batch(settings, address, raws, list(parsed), list(documents))
        totals.archived += len(done.created)
        totals.duplicates += done.duplicates
        totals.refused += done.refused
        if done.created:
            waiting.append((pool.propose(done.thread_ids), done.created))
        _settle(settings, waiting, wait=False)
        if callable(progress):
            progress(len(raws))

    try:
        for raws in _batches(path, batch):
            ahead.append((raws, pool.prepare(raws)))
            if len(ahead) > AHEAD:
                archive(*ahead.popleft())
        while ahead:
            archive(*ahead.popleft())
    finally:
        try:
            _settle(settings, waiting, wait=True)  # even after a failure: what was stored
        finally:
            pool.close()
            if bar is not None:
                bar.close()
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
