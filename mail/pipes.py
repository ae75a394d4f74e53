"""The writer process of ``relais smtp`` and the pipes that reach it.

Listener processes parse mail and send it, with the process function that files it, over a
multiprocessing pipe; the writer process commits what arrives in groups (``writer.Committer``)
and answers each item once it is on disk. A listener whose event loop reads the replies
itself (``on_loop``) hands a message over without any thread in between.
"""
from __future__ import annotations

import logging
import queue as stdqueue
import threading
from concurrent.futures import Future
from multiprocessing import connection as mp_connection

from federation.settings import Settings
from federation.storage.writer import MAX_GROUP, REMOTES, Committer, Process, resolve

log = logging.getLogger(__name__)


class WriterFailed(RuntimeError):
    """The writer process could not commit this item (its log says why)."""


def serve(settings: Settings, connections: list) -> None:
    """Be the writer process of ``relais smtp``: commit the work its listener processes send
    over ``connections`` (multiprocessing pipes), in group commits, and answer each item.

    One process then owns the database's write path, with an interpreter lock of its own:
    the listeners' event loops and parsing never compete with it for CPU. One thread does
    it all: read what has arrived, commit it as one group, answer, again.
    """
    committer = Committer(settings, dedicated=True)
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
    REMOTES[settings.database_url] = _Remote(connection)


INLINE_BYTES = 256 * 1024  # an event loop prepares and sends smaller items itself...
# ...while at most this many wait for an answer: a few small items always fit in the socket
# buffer (about 200 KB), so the loop's send never blocks; past that (a writer falling
# behind), the sending thread takes over and only it waits.
INLINE_WAITING = 12


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
                  and len(getattr(item, "raw", b"")) <= INLINE_BYTES
                  and len(self.futures) < INLINE_WAITING and self.outgoing.empty())
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
            resolve(future, False, WriterFailed(str(error)))

    def _send_loop(self) -> None:
        while True:
            self._send(*self.outgoing.get())

    def _answer(self, key: int, ok: bool, value) -> None:
        with self.lock:
            future = self.futures.pop(key, None)
        if future is not None:
            resolve(future, ok, value if ok else WriterFailed(value))

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
        with self.lock:  # unanswered: not known to be on disk, so a temporary failure
            waiting, self.futures = list(self.futures.values()), {}
        for future in waiting:
            resolve(future, False, WriterFailed("the writer process is gone"))


def on_loop(settings: Settings, loop) -> None:
    """Let an event loop read the writer process's replies for ``settings``' database (if
    this process is attached to one); call it from the loop's thread."""
    remote = REMOTES.get(settings.database_url)
    if remote is not None:
        remote.on_loop(loop)
