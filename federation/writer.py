"""Write transactions for ingest, with group commit.

Each durable commit costs an fsync, and SQLite has one writer. Concurrent SMTP sessions hand
their work to one committer thread per process, which runs every waiting piece of work inside
one transaction and commits once: each caller learns its own result (or exception) only after
that commit, so a 250 still means "on disk". Work of the same kind is processed together
(``batched``: one function sees the whole group, so storing and threading take a few
statements for the group instead of a few per message); if that fails, the transaction is
rolled back and each piece runs again alone in its own SAVEPOINT, so one bad message never
costs the others their commit.
"""
from __future__ import annotations

import logging
import queue as stdqueue
import threading
import time
from concurrent.futures import Future
from typing import Callable, TypeVar

from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from .db import session_scope
from .settings import Settings

log = logging.getLogger(__name__)
T = TypeVar("T")
ATTEMPTS = 5
MAX_GROUP = 64
_COMMITTERS: dict[str, "_Committer"] = {}
_COMMITTERS_LOCK = threading.Lock()
# process(session, items) → one result per item; an Exception instance as a result is raised
# for that item's caller only (the process function wrote nothing for it).
Process = Callable[[Session, list], list]


def _each(session: Session, works: list) -> list:
    """The process of plain ``transaction`` work: each callable in turn."""
    return [work(session) for work in works]


def transaction(settings: Settings, work: Callable[[Session], T]) -> T:
    """Run ``work(session)`` in a committed write transaction and return its result."""
    return batched(settings, _each, work)


def batched(settings: Settings, process: Process, item) -> object:
    """Have ``process(session, [item, …])`` run with other waiting items; return this item's
    result once the transaction that holds it has committed (or raise its exception)."""
    return submit(settings, process, item).result()


def submit(settings: Settings, process: Process, item) -> Future:
    """Like ``batched``, without waiting: a Future of the item's result (an event loop awaits
    it with ``asyncio.wrap_future`` instead of parking a thread on it)."""
    with _COMMITTERS_LOCK:
        committer = _COMMITTERS.get(settings.database_url)
        if committer is None or not committer.thread.is_alive():
            committer = _COMMITTERS[settings.database_url] = _Committer(settings)
    return committer.submit(process, item)


def _with_retries(run: Callable[[], T]) -> T:
    for attempt in range(ATTEMPTS):
        try:
            return run()
        except (IntegrityError, OperationalError) as error:
            if attempt == ATTEMPTS - 1:
                raise
            log.info("retrying write after %s", type(error).__name__)
            time.sleep(0.05 * (attempt + 1))
    raise AssertionError("unreachable")


class _Committer:
    """One thread that commits the waiting work of every ingest thread together."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self.pending: stdqueue.Queue = stdqueue.Queue()
        self.thread = threading.Thread(target=self._loop, name="relais-writer", daemon=True)
        self.thread.start()

    def submit(self, process: Process, item) -> Future:
        future: Future = Future()
        self.pending.put((process, item, future))
        return future

    def _loop(self) -> None:
        while True:
            group = [self.pending.get()]
            while len(group) < MAX_GROUP:
                try:
                    group.append(self.pending.get_nowait())
                except stdqueue.Empty:
                    break
            try:
                outcomes = _with_retries(lambda: self._commit(group))
            except BaseException as error:  # the commit failed: nobody's work is on disk
                log.exception("group commit of %d failed", len(group))
                for _process, _item, future in group:
                    if not future.done():
                        future.set_exception(error)
                continue
            for (_process, _item, future), (ok, value) in zip(group, outcomes):
                if ok:  # answered only once everything is committed
                    future.set_result(value)
                else:
                    future.set_exception(value)

    def _commit(self, group: list) -> list[tuple[bool, object]]:
        """Run the group in one transaction; (ok, value or exception) per item, in order.

        Each kind of work runs together first; if anything fails, the transaction is rolled
        back and every item runs again alone in its own SAVEPOINT.
        """
        kinds: dict[Process, list[int]] = {}
        for index, (process, _item, _future) in enumerate(group):
            kinds.setdefault(process, []).append(index)
        outcomes: list[tuple[bool, object]] = [(False, None)] * len(group)
        try:
            with session_scope(self.settings, write=True) as session:
                for process, indexes in kinds.items():
                    results = process(session, [group[i][1] for i in indexes])
                    for index, result in zip(indexes, results):
                        outcomes[index] = (not isinstance(result, Exception), result)
            return outcomes
        except OperationalError:
            raise  # a lock or a lost connection: the whole group is retried
        except Exception:  # one is bad (or lost a race): run each alone to find out which
            log.info("group of %d failed; committing its items one by one", len(group))
        with session_scope(self.settings, write=True) as session:
            for index, (process, item, _future) in enumerate(group):
                result = _alone(session, process, item)
                outcomes[index] = (not isinstance(result, Exception), result)
        return outcomes


def _alone(session: Session, process: Process, item) -> object:
    """One item in its own SAVEPOINT: its result, or the exception it raised."""
    savepoint = session.begin_nested()
    try:
        result = process(session, [item])[0]
        savepoint.commit()
        return result
    except Exception as error:  # this caller's failure only (a refusal, a bad row)
        savepoint.rollback()
        return error
