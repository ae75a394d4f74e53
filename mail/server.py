"""The SMTP and LMTP listener (aiosmtpd lives only here).

Protocol only: every blocking step (database, parsing, in-process jobs) runs in a thread
through ``asyncio.to_thread`` so one slow message never stalls the other connections.
Refusals from the domain arrive as ``Rejected`` and become reply lines here, and nowhere else.
"""
from __future__ import annotations

import asyncio
import contextlib
import logging
import multiprocessing
import os
import signal
import socket
import sys
import threading
import time
from typing import Callable

from email._header_value_parser import get_addr_spec, get_angle_addr
from email.errors import HeaderParseError

from aiosmtpd.lmtp import LMTP
from aiosmtpd.smtp import SMTP

from federation.ingest import filing, outcome, routing
from federation.ingest.posting import LMTP as VIA_LMTP, SMTP as VIA_SMTP
from mail import pipes
from federation.errors import Rejected
from federation.settings import Settings

log = logging.getLogger(__name__)
MAX_RCPT = 20
SWITCH_INTERVAL = 0.0005  # seconds; see Running.start
TEMPORARY = "451 4.3.0 Erreur temporaire / temporary failure"
# What senders read for each outcome (RFC 3463 enhanced codes); refusals carry their own.
REPLIES = {
    outcome.ACCEPTED: "250 2.0.0 Message archivé / archived",
    outcome.DUPLICATE: "250 2.0.0 Déjà reçu / already archived",
    outcome.HELD: "250 2.0.0 Retenu pour modération / held for moderation",
    outcome.FAILED: TEMPORARY,
    outcome.REPORT: "250 2.0.0 Rapport reçu / report received",
    outcome.FORWARDED: "250 2.0.0 Transmis aux propriétaires / forwarded to the owners",
    outcome.LOOP: "250 2.0.0 Boucle ignorée / loop dropped",
    outcome.IGNORED: "250 2.0.0 Ignoré (message automatique) / ignored (automatic message)",
    outcome.CONFIRMATION_SENT: "250 2.0.0 Confirmation envoyée / confirmation sent",
    outcome.HELP_SENT: "250 2.0.0 Aide envoyée / help sent",
    outcome.INVALID_ADDRESS: "250 2.0.0 Adresse invalide, ignorée / invalid address, ignored",
    outcome.CONFIRMED: "250 2.0.0 Confirmé / confirmed: {reason}",
    outcome.BAD_TOKEN: "250 2.0.0 {reason} ; réponse envoyée / answer sent",
}


def reply_line(result: outcome.Outcome) -> str:
    """The SMTP reply line a sender reads for one outcome."""
    if result.status == outcome.REFUSED:
        return f"{result.code} {result.reason}"
    return REPLIES[result.status].format(reason=result.reason)


class _Replies:
    """Reply-text fixes shared by the SMTP and LMTP protocols."""

    async def push(self, status):
        # RFC 3463: size refusals carry the enhanced code 5.3.4 (aiosmtpd says only "552 Error").
        if isinstance(status, str) and status.startswith("552 Error"):
            status = "552 5.3.4 Message trop volumineux / message too large"
        await super().push(status)

    def _getaddr(self, arg: str):
        """aiosmtpd 1.4's MAIL/RCPT address parse, without the typing.Protocol class it
        defines on every call (a tenth of a millisecond per command)."""
        if not arg:
            return "", ""
        try:
            if arg.lstrip().startswith("<"):
                address, rest = get_angle_addr(arg)
            else:
                address, rest = get_addr_spec(arg)
        except HeaderParseError:
            return None, None
        addr = address.addr_spec
        if self.local_part_limit and len(addr.rpartition("@")[0]) > self.local_part_limit:
            return None, None
        return addr, rest


class _SMTP(_Replies, SMTP):
    pass


class _LMTP(_Replies, LMTP):
    pass


class Listener:
    """aiosmtpd handler: accept our lists at RCPT, archive at DATA, answer 250 after commit."""

    def __init__(self, settings: Settings, lmtp: bool = False):
        self.settings = settings
        self.lmtp = lmtp

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if len(envelope.rcpt_tos) >= MAX_RCPT:
            return "452 4.5.3 Trop de destinataires / too many recipients"
        try:
            if not routing.known_address(self.settings, address):  # cache miss: a query
                await asyncio.to_thread(routing.accepts, self.settings, address)
        except Rejected as refusal:  # never an open relay: only our own lists are accepted
            return f"{refusal.code} {refusal}"
        except Exception:
            log.exception("RCPT check failed for %s", address)
            return TEMPORARY
        envelope.rcpt_tos.append(address)
        return "250 2.1.5 OK"

    async def handle_DATA(self, server, session, envelope):
        raw = envelope.original_content or b""
        try:
            outcomes = await self._archive(raw, envelope.rcpt_tos, envelope.mail_from or "")
        except Exception:  # belt and braces: ingest already turns failures into 451
            log.exception("DATA failed")
            outcomes = []
        if not outcomes:
            replies = [TEMPORARY] * max(1, len(envelope.rcpt_tos))
        else:
            replies = [reply_line(result) for result in outcomes]
        if self.lmtp:
            return "\r\n".join(replies)  # RFC 2033 4.2: one reply per accepted recipient
        accepted = [reply for reply in replies if reply.startswith("250")]
        if accepted:
            return accepted[0]
        transient = [reply for reply in replies if reply.startswith("4")]
        return (transient or replies)[0]

    async def _archive(self, raw: bytes, recipients: list[str], sender: str) -> list:
        """Mail for posting addresses goes straight to the next group commit (prepared on
        the way: ``Posting.prepare``) and is awaited without parking a thread; the rest
        (commands, owners, bounces, an address not in the route cache) runs
        ``routing.receive`` in a worker thread."""
        via = VIA_LMTP if self.lmtp else VIA_SMTP
        future = routing.receive_soon(self.settings, raw, recipients, sender, via)
        if future is None:
            return await asyncio.to_thread(routing.receive, self.settings, raw, recipients,
                                           sender, via)
        try:
            filed = await asyncio.wrap_future(future)
        except Exception:
            log.exception("could not archive a message for %s", ", ".join(recipients))
            return [outcome.Outcome(address, outcome.FAILED) for address in recipients]
        if filing.settles_at_once(self.settings):
            filing.settle(self.settings, filed)  # an in-memory queue: nothing to wait for
        else:  # rq (a Redis round trip) or inline jobs: done before answering, in a thread
            await asyncio.to_thread(filing.settle, self.settings, filed)
        return filed


def _factory(settings: Settings, lmtp: bool):
    handler = Listener(settings, lmtp)
    protocol = _LMTP if lmtp else _SMTP

    def build():
        return protocol(handler, data_size_limit=settings.max_message_size,
                        enable_SMTPUTF8=True, decode_data=False,
                        hostname=settings.mail_domain, ident="Relais")
    return build


class Running:
    """A listener running on its own event loop in a background thread."""

    def __init__(self, settings: Settings, lmtp: bool = False, host: str | None = None,
                 port: int | None = None, sock: socket.socket | None = None):
        self.loop = asyncio.new_event_loop()
        self.sock = sock  # a socket already listening (shared by prefork processes)
        self._ready = threading.Event()
        self._error: BaseException | None = None
        self.host = host or settings.smtp_host
        self.port = settings.smtp_port if port is None else port
        self._factory = _factory(settings, lmtp)
        self._settings = settings
        self.thread = threading.Thread(target=self._run, name="relais-smtp", daemon=True)

    def _run(self) -> None:
        asyncio.set_event_loop(self.loop)
        try:
            self.server = self.loop.run_until_complete(
                self.loop.create_server(self._factory, sock=self.sock) if self.sock
                else self.loop.create_server(self._factory, self.host, self.port))
            self.port = self.server.sockets[0].getsockname()[1]  # port 0 → the OS's choice
        except BaseException as error:
            self._error = error
            self._ready.set()
            return
        self._ready.set()
        self.loop.call_soon(pipes.on_loop, self._settings, self.loop)
        self.loop.run_forever()

    def start(self) -> "Running":
        """Start listening; returns once the socket is bound (port known)."""
        # The committer and the event loop share one interpreter lock. With the default
        # 5 ms switch interval every SMTP reply waits behind a busy committer, and with a
        # few connections in flight that wait, not work, sets the pace; 0.5 ms keeps the
        # conversation moving (a process-wide setting: this process exists to answer SMTP).
        sys.setswitchinterval(min(sys.getswitchinterval(), SWITCH_INTERVAL))
        # aiosmtpd logs every command of every session at INFO ("mail.log"): five lines a
        # message is a cost and a flood; keep them for -v (DEBUG) only.
        if not logging.getLogger().isEnabledFor(logging.DEBUG):
            logging.getLogger("mail.log").setLevel(logging.WARNING)
        self.thread.start()
        self._ready.wait(30)
        if self._error is not None:
            raise self._error
        return self

    def stop(self) -> None:
        """Close the socket and stop the loop."""
        def _close():
            self.server.close()
            self.loop.stop()
        self.loop.call_soon_threadsafe(_close)
        self.thread.join(10)


def _serve(settings: Settings, lmtp: bool, sock: socket.socket | None = None) -> None:
    running = Running(settings, lmtp, sock=sock).start()
    log.info("%s listener on %s:%s (process %d)", "LMTP" if lmtp else "SMTP", running.host,
             running.port, os.getpid())
    try:
        running.thread.join()
    except KeyboardInterrupt:
        running.stop()


def bind(host: str, port: int, processes: int = 1) -> socket.socket:
    """The listening socket of ``run_forever``, bound before any fork (port 0: the OS's
    choice, read back with ``getsockname``).

    With several listeners each gets a socket of its own on the same port (SO_REUSEPORT),
    so the kernel spreads connections evenly, where one shared socket goes to whichever
    wakes first; this one is then bound, never listening: it reserves the port and tells it.
    """
    family, _type, _proto, _name, address = socket.getaddrinfo(
        host, port, type=socket.SOCK_STREAM)[0]
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    if processes > 1 and hasattr(socket, "SO_REUSEPORT"):
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind(address)
    if not _reuses_port(sock):
        sock.listen(256)
    return sock


def _reuses_port(sock: socket.socket) -> bool:
    return hasattr(socket, "SO_REUSEPORT") and bool(
        sock.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT))


def run_forever(settings_for: Callable[[int], Settings], lmtp: bool = False,
                processes: int = 1, sock: socket.socket | None = None,
                companions: dict[str, Callable[[], None]] | None = None) -> None:
    """Serve SMTP (or LMTP) in the foreground until interrupted (``relais smtp``, and the
    mail side of ``relais serve``).

    The parent binds the socket (or takes ``sock`` from ``bind``), then forks one writer
    process, which owns the database's write path (group commits, threading, indexing), and
    ``processes`` listener processes sharing the socket (prefork, as Postfix runs many
    smtpd), which speak SMTP and parse, and hand each message to the writer over a pipe.
    Each has its own interpreter lock, so protocol, parsing and storage use separate cores.
    ``settings_for(n)`` gives listener n's settings (listener 0 also recovers unfinished
    work; -1: the parent and the writer). ``companions`` are more children to run beside
    them (``relais serve``'s web server), by name. SIGTERM or Ctrl-C stops them all; if one
    of them dies the others are stopped too, and the exit status says so (a process manager
    starts ``relais smtp`` again): a message in flight then gets a 451 and its sender tries
    again.
    """
    first = settings_for(-1)  # host, port, database: nothing opened before the forks
    if sock is None:
        sock = bind(first.smtp_host, first.smtp_port, processes)
    reuse = _reuses_port(sock)
    channels = [multiprocessing.Pipe() for _ in range(processes)]
    children: dict[int, str] = {}
    stopping = False

    def spawn(name: str, body: Callable[[], None]) -> None:
        pid = os.fork()
        if pid == 0:  # the child: its own engine, threads and event loop from here on
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            code = 0
            try:
                body()
            except KeyboardInterrupt:
                pass
            except BaseException:
                log.exception("%s failed", name)
                code = 1
            os._exit(code)
        children[pid] = name

    def listener(index: int) -> Callable[[], None]:
        def body() -> None:
            sock_settings = settings_for(index)
            pipes.attach(sock_settings, channels[index][1])
            own = sock
            if reuse:
                own = socket.create_server(sock.getsockname()[:2], backlog=256,
                                           reuse_port=True)
                sock.close()
            _serve(sock_settings, lmtp, own)
        return body

    def companion(body: Callable[[], None]) -> Callable[[], None]:
        def run() -> None:
            sock.close()
            body()
        return run

    def stop(_signum=None, _frame=None) -> None:
        nonlocal stopping
        stopping = True
        for pid in list(children):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)

    spawn("writer", lambda: (sock.close(), pipes.serve(first, [a for a, _b in channels])))
    for index in range(processes):
        spawn(f"listener {index}", listener(index))
    for name, body in (companions or {}).items():
        spawn(name, companion(body))
    signal.signal(signal.SIGTERM, stop)
    log.info("%d %s listener(s) and a writer on %s", processes, "LMTP" if lmtp else "SMTP",
             address_of(sock))
    failed = False
    try:
        while children:
            try:
                pid, status = os.wait()
            except ChildProcessError:
                break
            name = children.pop(pid, "?")
            if not stopping:
                log.error("%s exited (status %s): stopping", name, status)
                failed = True
                stop()
    except KeyboardInterrupt:  # the children got the same SIGINT and stop on their own
        stop()
        for pid in list(children):
            with contextlib.suppress(ChildProcessError):
                os.waitpid(pid, 0)
    if failed:
        sys.exit(1)


def address_of(sock: socket.socket) -> str:
    """host:port a socket is bound to ([host]:port for IPv6), as a sender would dial it."""
    host, port = sock.getsockname()[:2]
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
