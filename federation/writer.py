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

import contextlib
import fcntl
import logging
import queue as stdqueue
import threading
import time
from concurrent.futures import Future
from multiprocessing import connection as mp_connection
from typing import Callable, TypeVar

from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from .db import engine_for, session_scope
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
    it with ``asyncio.wrap_future`` instead of parking a thread on it).

    In a process attached to a writer process (``attach``), work whose process function is
    a module-level function goes there; anything else (a closure) commits here.
    """
    remote = _REMOTES.get(settings.database_url)
    if remote is not None and getattr(process, "__qualname__", "") == process.__name__ \
            and process is not _each:
        return remote.submit(process, item)
    with _COMMITTERS_LOCK:
        committer = _COMMITTERS.get(settings.database_url)
        if committer is None or not (committer.thread.is_alive()
                                     and committer.preparer.is_alive()):
            committer = _COMMITTERS[settings.database_url] = _Committer(settings)
    return committer.submit(process, item)


# ------------------------------------------------------------------ a writer process

_REMOTES: dict[str, "_Remote"] = {}


class WriterFailed(RuntimeError):
    """The writer process could not commit this item (its log says why)."""


def serve(settings: Settings, connections: list) -> None:
    """Be the writer process of ``relais smtp``: commit the work its listener processes send
    over ``connections`` (multiprocessing pipes), in group commits, and answer each item.

    One process then owns the database's write path, with an interpreter lock of its own:
    the listeners' event loops and parsing never compete with it for CPU. One thread does
    it all: read what has arrived, commit it as one group, answer, again.
    """
    committer = _Committer(settings, start=False)
    open_connections = list(connections)
    while open_connections:
        group, senders = [], []
        for connection in mp_connection.wait(open_connections):
            while len(group) < MAX_GROUP:
                try:
                    if group and not connection.poll():
                        break
                    key, process, item = connection.recv()
                except (EOFError, OSError):  # that listener is gone
                    open_connections.remove(connection)
                    break
                group.append((process, item, None))
                senders.append((connection, key))
        if not group:
            continue
        for (connection, key), (ok, value) in zip(senders, committer.commit(group)):
            reply = (key, True, value) if ok else (key, False, f"{type(value).__name__}: {value}")
            try:
                connection.send(reply)
            except OSError:
                log.warning("could not answer a listener")


def attach(settings: Settings, connection) -> None:
    """Send this process's batched work for ``settings``' database to a writer process."""
    _REMOTES[settings.database_url] = _Remote(connection)


INLINE_BYTES = 256 * 1024  # an event loop prepares and sends smaller items itself


class _Remote:
    """The committer of a writer process, reached over a pipe; items are prepared here
    (parsed, analysed: the CPU work) before they are sent.

    Attached to an event loop (``on_loop``), the loop reads the replies itself and prepares
    and sends small items inline: no thread hand-offs on the way of a message, each of
    which can wait a switch interval for the interpreter lock. Otherwise (and for large
    items) two threads do it.
    """

    def __init__(self, connection):
        self.connection = connection
        self.futures: dict[int, Future] = {}
        self.lock = threading.Lock()
        self.send_lock = threading.Lock()
        self.keys = iter(range(1, 1 << 62))
        self.outgoing: stdqueue.Queue = stdqueue.Queue()
        self.loop = None
        self.loop_thread: int | None = None
        self.started = False
        self.gone = False

    def on_loop(self, loop) -> None:
        """Read replies on this event loop (call it from the loop's thread)."""
        self.loop, self.loop_thread = loop, threading.get_ident()
        loop.add_reader(self.connection.fileno(), self._readable)

    def _start_threads(self) -> None:
        with self.lock:
            if self.started:
                return
            self.started = True
        threading.Thread(target=self._send_loop, name="relais-prepare", daemon=True).start()
        if self.loop is None:
            threading.Thread(target=self._receive_loop, name="relais-replies",
                             daemon=True).start()

    def submit(self, process: Process, item) -> Future:
        future: Future = Future()
        inline = (self.loop is not None and threading.get_ident() == self.loop_thread
                  and len(getattr(item, "raw", b"")) <= INLINE_BYTES)
        if inline:
            self._send(process, item, future)
        else:
            self._start_threads()
            self.outgoing.put((process, item, future))
        return future

    def _send(self, process: Process, item, future: Future) -> None:
        if hasattr(item, "prepare"):
            try:
                item.prepare()
            except Exception:  # the process function meets it again and answers
                log.exception("preparing a write failed")
        with self.lock:
            key = next(self.keys)
            self.futures[key] = future
        try:
            with self.send_lock:
                self.connection.send((key, process, item))
        except Exception as error:  # the writer process is gone: nothing was stored
            with self.lock:
                self.futures.pop(key, None)
            future.set_exception(WriterFailed(str(error)))

    def _send_loop(self) -> None:
        while True:
            self._send(*self.outgoing.get())

    def _answer(self, key: int, ok: bool, value) -> None:
        with self.lock:
            future = self.futures.pop(key, None)
        if future is None:
            return
        if ok:
            future.set_result(value)
        else:
            future.set_exception(WriterFailed(value))

    def _readable(self) -> None:
        try:
            while self.connection.poll():
                self._answer(*self.connection.recv())
        except (EOFError, OSError):
            self.loop.remove_reader(self.connection.fileno())
            self._lost()

    def _receive_loop(self) -> None:
        while True:
            try:
                self._answer(*self.connection.recv())
            except (EOFError, OSError):
                break
        self._lost()

    def _lost(self) -> None:
        log.error("the writer process is gone")
        self.gone = True
        with self.lock:  # unanswered: not known to be on disk, so a temporary failure
            waiting, self.futures = list(self.futures.values()), {}
        for future in waiting:
            future.set_exception(WriterFailed("the writer process is gone"))


def on_loop(settings: Settings, loop) -> None:
    """Let an event loop read the writer process's replies for ``settings``' database (if
    this process is attached to one); call it from the loop's thread."""
    remote = _REMOTES.get(settings.database_url)
    if remote is not None:
        remote.on_loop(loop)


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
    """One thread that commits the waiting work of every ingest thread together, fed by
    one that prepares it (items with a ``prepare()`` method: parsing, analysis).

    The two overlap: while the committer waits on SQLite (statements and fsync run without
    the interpreter lock), the preparer parses the next messages.
    """

    def __init__(self, settings: Settings, start: bool = True):
        self.settings = settings
        self.pending: stdqueue.Queue = stdqueue.Queue()
        self.preparing: stdqueue.Queue = stdqueue.Queue()
        self._lock_file = None
        # a writer process's lookups kept between transactions (see _recall): SQLite only
        self.memory: dict | None = {} if not start and settings.is_sqlite else None
        self.memory_version = None
        self.connection = None
        self.thread = threading.Thread(target=self._loop, name="relais-writer", daemon=True)
        self.preparer = threading.Thread(target=self._prepare_loop, name="relais-prepare",
                                         daemon=True)
        if start:  # a writer process (``serve``) drives _commit itself
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
        """On SQLite, wait for the other listener processes' committers on a lock file:
        the kernel wakes a waiter the moment the lock is free, where SQLite's own busy
        handler sleeps and polls (1, 2, 5, 10… ms), which would set the pace of every group."""
        if not self.settings.is_sqlite:
            yield
            return
        if self._lock_file is None:
            self.settings.data_dir.mkdir(parents=True, exist_ok=True)
            self._lock_file = open(self.settings.data_dir / "writer.lock", "a+b")
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
                if future.done():
                    continue
                if ok:  # answered only once everything is committed
                    future.set_result(value)
                else:
                    future.set_exception(value)

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
