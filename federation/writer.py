"""Write transactions for ingest, with group commit on SQLite.

SQLite has one writer and each durable commit costs an fsync. Concurrent SMTP sessions hand
their work to one committer thread, which runs every waiting piece of work in its own
SAVEPOINT inside one transaction and commits once: each caller learns its own result (or
exception) only after that commit, so a 250 still means "on disk". PostgreSQL handles
concurrent writers itself: work runs directly in its own transaction, retried on a race.
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


def transaction(settings: Settings, work: Callable[[Session], T]) -> T:
    """Run ``work(session)`` in a committed write transaction and return its result."""
    if not settings.is_sqlite:
        return _with_retries(lambda: _direct(settings, work))
    with _COMMITTERS_LOCK:
        committer = _COMMITTERS.get(settings.database_url)
        if committer is None or not committer.thread.is_alive():
            committer = _COMMITTERS[settings.database_url] = _Committer(settings)
    return committer.submit(work)


def _direct(settings: Settings, work: Callable[[Session], T]) -> T:
    with session_scope(settings, write=True) as session:
        return work(session)


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

    def submit(self, work: Callable[[Session], T]) -> T:
        future: Future = Future()
        self.pending.put((work, future))
        return future.result()

    def _loop(self) -> None:
        while True:
            group = [self.pending.get()]
            while len(group) < MAX_GROUP:
                try:
                    group.append(self.pending.get_nowait())
                except stdqueue.Empty:
                    break
            try:
                _with_retries(lambda: self._commit(group))
            except BaseException as error:  # the commit failed: nobody's work is on disk
                log.exception("group commit of %d failed", len(group))
                for _work, future in group:
                    if not future.done():
                        future.set_exception(error)

    def _commit(self, group: list) -> None:
        results: list[tuple[Future, bool, object]] = []
        with session_scope(self.settings, write=True) as session:
            for work, future in group:
                savepoint = session.begin_nested()
                try:
                    value = work(session)
                    savepoint.commit()
                    results.append((future, True, value))
                except Exception as error:  # this caller's failure only (a refusal, a bad row)
                    savepoint.rollback()
                    results.append((future, False, error))
        for future, ok, value in results:  # answered only once everything is committed
            if ok:
                future.set_result(value)
            else:
                future.set_exception(value)
