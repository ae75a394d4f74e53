"""Write transactions for ingest, with group commit.

Each durable commit costs an fsync, and SQLite has one writer. Concurrent SMTP sessions hand
their work to one committer thread per process, which runs every waiting piece of work inside
one transaction and commits once: each caller learns its own result (or exception) only after
that commit, so a 250 still means "on disk". Work of the same kind is processed together
(``submit``: one function sees the whole group, so storing and threading take a few
statements for the group instead of a few per message); if that fails, the transaction is
rolled back and each piece runs again alone in its own SAVEPOINT, so one bad message never
costs the others their commit.
"""
from __future__ import annotations

import contextlib
import fcntl
import logging
import queue as stdqueue
import threading
import time
from concurrent.futures import Future
from typing import Callable, TypeVar

from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from federation.storage.datadir import private_file
from federation.storage.db import engine_for, session_scope
from federation.settings import Settings

log = logging.getLogger(__name__)
T = TypeVar("T")
ATTEMPTS = 5
MAX_GROUP = 64
_COMMITTERS: dict[str, "Committer"] = {}
_COMMITTERS_LOCK = threading.Lock()
# process(session, items) → one result per item; an Exception instance as a result is raised
# for that item's caller only (the process function wrote nothing for it).
Process = Callable[[Session, list], list]


def _each(session: Session, works: list) -> list:
    """The process of plain ``transaction`` work: each callable in turn."""
    return [work(session) for work in works]


def transaction(settings: Settings, work: Callable[[Session], T]) -> T:
    """Run ``work(session)`` in a committed write transaction and return its result."""
    return submit(settings, _each, work).result()


def submit(settings: Settings, process: Process, item) -> Future:
    """The one road into the committer: have ``process(session, [item, …])`` run with the
    other waiting items; a Future of this item's result, resolved once the transaction that
    holds it has committed (or of its exception). A thread waits with ``.result()``, an
    event loop with ``asyncio.wrap_future``.

    In a process attached to a writer process (by the listener's pipes), batched work
    goes there; ``transaction`` work (closures, which cannot cross a pipe) commits here.
    """
    remote = REMOTES.get(settings.database_url)
    if remote is not None and process is not _each:
        return remote.submit(process, item)
    with _COMMITTERS_LOCK:
        committer = _COMMITTERS.get(settings.database_url)
        if committer is None or not (committer.thread.is_alive()
                                     and committer.preparer.is_alive()):
            committer = _COMMITTERS[settings.database_url] = Committer(settings)
    return committer.submit(process, item)


# Writer processes this process is attached to, by database URL (mail.pipes fills it).
REMOTES: dict = {}


def resolve(future: Future, ok: bool, value) -> None:
    """Answer a caller, unless it gave up: an event loop cancels the future of a session that
    went away (asyncio.wrap_future), and a cancelled future takes no result."""
    if future.done():
        return
    if ok:
        future.set_result(value)
    else:
        future.set_exception(value)


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


class Committer:
    """One thread that commits the waiting work of every ingest thread together, fed by
    one that prepares it (items with a ``prepare()`` method: parsing, analysis).

    The two overlap: while the committer waits on SQLite (statements and fsync run without
    the interpreter lock), the preparer parses the next messages.
    """

    def __init__(self, settings: Settings, dedicated: bool = False):
        self.settings = settings
        self.pending: stdqueue.Queue = stdqueue.Queue()
        self.preparing: stdqueue.Queue = stdqueue.Queue()
        self._lock_file = None
        # ``dedicated``: the only writer of its process (``mail.pipes.serve``), which
        # drives ``commit`` itself, keeps its connection and, on SQLite, its lookups
        self.memory: dict | None = {} if dedicated and settings.is_sqlite else None
        self.memory_version = None
        self.connection = None
        self.thread = threading.Thread(target=self._loop, name="relais-writer", daemon=True)
        self.preparer = threading.Thread(target=self._prepare_loop, name="relais-prepare",
                                         daemon=True)
        if not dedicated:
            self.thread.start()
            self.preparer.start()

    def _prepare_loop(self) -> None:
        while True:
            entry = self.preparing.get()
            try:
                entry[1].prepare()
            except Exception:  # the process function meets it again and answers for it
                log.exception("preparing a write failed")
            self.pending.put(entry)

    @contextlib.contextmanager
    def _transaction(self):
        """A write transaction: in a writer process on its own connection, kept open for
        the process's life (no pool checkout, reset and event round per group), else as
        every other writer gets one."""
        if self.memory is None:
            with session_scope(self.settings, write=True) as session:
                yield session
            return
        if self.connection is None:
            self.connection = engine_for(self.settings).connect().execution_options(
                sqlite_immediate=True)
        try:
            with self.connection.begin():
                session = Session(bind=self.connection, expire_on_commit=False)
                try:
                    yield session
                    session.flush()
                finally:
                    session.close()
        except OperationalError:  # a lost connection is not kept
            with contextlib.suppress(Exception):
                self.connection.close()
            self.connection = None
            raise

    def _recall(self, session: Session) -> None:
        """In a writer process on SQLite, give the transaction what the previous ones read
        into ``session.info`` (a list's row, its bans: read-only lookups) while no other
        connection has committed since: ``PRAGMA data_version`` changes exactly then. This
        process's one connection is the only one that does not move it, and it only files
        messages, which those lookups do not depend on."""
        if self.memory is None:
            return
        version = session.connection().exec_driver_sql("PRAGMA data_version").scalar()
        if version != self.memory_version:
            self.memory, self.memory_version = {}, version
        session.info.update(self.memory)

    def _remember(self, session: Session) -> None:
        if self.memory is not None:
            self.memory = {key: value for key, value in session.info.items()
                           if key.startswith("relais.")}

    @contextlib.contextmanager
    def _turn(self):
        """On SQLite, take turns with the committers of other processes (a writer process,
        an import) on a lock file: the kernel wakes a waiter the moment the lock is free,
        where SQLite's own busy handler sleeps and polls (1, 2, 5, 10… ms)."""
        if not self.settings.is_sqlite:
            yield
            return
        if self._lock_file is None:
            self._lock_file = open(private_file(self.settings.data_dir / "writer.lock"), "a+b")
        fcntl.flock(self._lock_file, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(self._lock_file, fcntl.LOCK_UN)

    def submit(self, process: Process, item) -> Future:
        future: Future = Future()
        entry = (process, item, future)
        (self.preparing if hasattr(item, "prepare") else self.pending).put(entry)
        return future

    def _loop(self) -> None:
        while True:
            group = [self.pending.get()]
            while len(group) < MAX_GROUP:
                try:
                    group.append(self.pending.get_nowait())
                except stdqueue.Empty:
                    break
            for (_process, _item, future), (ok, value) in zip(group, self.commit(group)):
                resolve(future, ok, value)  # only once everything is committed

    def commit(self, group: list) -> list[tuple[bool, object]]:
        """Commit a group in this committer's turn, with retries; (ok, value) per item.
        If the commit itself fails, nobody's work is on disk and every item says so."""
        try:
            with self._turn():
                return _with_retries(lambda: self._commit(group))
        except BaseException as error:
            log.exception("group commit of %d failed", len(group))
            return [(False, error)] * len(group)

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
            with self._transaction() as session:
                self._recall(session)
                for process, indexes in kinds.items():
                    results = process(session, [group[i][1] for i in indexes])
                    for index, result in zip(indexes, results):
                        outcomes[index] = (not isinstance(result, Exception), result)
            self._remember(session)
            return outcomes
        except OperationalError:
            raise  # a lock or a lost connection: the whole group is retried
        except Exception:  # one is bad (or lost a race): run each alone to find out which
            log.info("group of %d failed; committing its items one by one", len(group))
        with self._transaction() as session:
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
