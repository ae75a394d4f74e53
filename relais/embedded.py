"""The web side of ``relais serve``: waitress's threads on a socket bound before the forks.

``relais serve`` runs the processes of ``relais smtp`` (listeners and one writer, see
``mail.server.run_forever``) and, beside them, this web server with the scheduled tasks.
"""
from __future__ import annotations

import socket
import threading

import waitress

from federation.settings import Settings
from relais import schedule
from web import create_app

WEB_THREADS = 8  # requests served at once (reads are short; a slow client holds one)


def bind(settings: Settings) -> socket.socket:
    """The web server's listening socket (port 0: the OS's choice, read back from it)."""
    family = socket.getaddrinfo(settings.web_host, settings.web_port,
                                type=socket.SOCK_STREAM)[0][0]
    return socket.create_server((settings.web_host, settings.web_port), family=family,
                                backlog=1024)


def url_of(sock: socket.socket) -> str:
    """The address a browser dials to reach ``sock``."""
    host, port = sock.getsockname()[:2]
    return f"http://[{host}]:{port}/" if ":" in host else f"http://{host}:{port}/"


def serve(settings: Settings, sock: socket.socket) -> None:
    """Serve the web archive on ``sock`` and run the scheduled tasks, until the process ends."""
    threading.Thread(target=schedule.run_forever, args=(settings,), daemon=True,
                     name="relais-cron").start()
    waitress.serve(create_app(settings), sockets=[sock], threads=WEB_THREADS,
                   ident="Relais")
