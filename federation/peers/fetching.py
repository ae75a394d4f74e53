"""The only HTTP client of Relais, and the only module importing urllib3.

Everything a peer sends is untrusted: every request names the one origin it may reach
(``scheme://host[:port]`` of a peer the admin added, or of a follower being verified), a
redirect is followed only within that origin, and bodies are read in chunks under a size
cap and a total deadline, so a peer that drips one byte every few seconds is cut off as
surely as one that never answers (a read timeout alone would not).
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import urllib3

AGENT = "Relais-federation/1 (+https://relais.invalid/)"
CHUNK = 64 * 1024
MAX_REDIRECTS = 3


@dataclass(frozen=True)
class Limits:
    """How long and how much one request may take."""

    connect_timeout: float = 5.0
    read_timeout: float = 10.0
    deadline: float = 30.0          # the whole request, body included
    feed_bytes: int = 16 * 1024 * 1024
    raw_bytes: int = 32 * 1024 * 1024
    small_bytes: int = 1024 * 1024  # home pages, answers to posts


DEFAULT = Limits()


class FetchError(Exception):
    """A request that failed or was refused; str(self) is the logged reason."""


@dataclass(frozen=True)
class Fetched:
    """An answer: its status, lowercased headers, body and the URL that gave it."""

    status: int
    headers: dict[str, str]
    body: bytes
    url: str


_POOL = urllib3.PoolManager(num_pools=64, maxsize=4, retries=False, headers={"User-Agent": AGENT})


def origin_of(url: str) -> str:
    """``scheme://host[:port]`` of an http(s) URL, lowercased; FetchError for anything else."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError(f"not an http(s) URL: {url!r}")
    try:
        port = parts.port
    except ValueError as error:
        raise FetchError(f"bad port in {url!r}") from error
    default = {"http": 80, "https": 443}[parts.scheme]
    host = parts.hostname.lower()
    if ":" in host:
        host = f"[{host}]"
    return f"{parts.scheme}://{host}" + (f":{port}" if port and port != default else "")


def _checked(url: str, origin: str) -> str:
    if origin_of(url) != origin:
        raise FetchError(f"{url} is not on {origin}, the only host allowed here")
    return url


def _body(response, limit: int, started: float, limits: Limits) -> bytes:
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > limit:
        raise FetchError(f"body of {declared} bytes is over the {limit}-byte limit")
    chunks, size = [], 0
    while True:
        if time.monotonic() - started > limits.deadline:
            raise FetchError(f"no complete answer within {limits.deadline:.0f} s")
        chunk = response.read(CHUNK)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > limit:
            raise FetchError(f"body over the {limit}-byte limit")
        chunks.append(chunk)


def request(method: str, url: str, origin: str, *, limit: int, headers: dict | None = None,
            body: bytes | None = None, limits: Limits = DEFAULT) -> Fetched:
    """One request to ``origin`` only (same-origin redirects followed for GET); FetchError
    on a network failure, a foreign host, a body too big or too slow."""
    started = time.monotonic()
    timeout = urllib3.Timeout(connect=limits.connect_timeout, read=limits.read_timeout)
    url = _checked(url, origin)
    for _hop in range(MAX_REDIRECTS + 1):
        try:
            response = _POOL.request(method, url, headers=headers or {}, body=body,
                                     redirect=False, preload_content=False, timeout=timeout)
        except urllib3.exceptions.HTTPError as error:
            raise FetchError(f"{method} {url}: {error.__class__.__name__}: {error}") from error
        location = response.headers.get("Location", "")
        if method == "GET" and response.status in (301, 302, 303, 307, 308) and location:
            response.close()  # its body is not read: the connection is not reused
            url = _checked(urljoin(url, location), origin)  # never to another host
            continue
        try:
            content = _body(response, limit, started, limits)
        except (FetchError, urllib3.exceptions.HTTPError) as error:
            response.close()  # half-read: never handed back to the pool
            if isinstance(error, FetchError):
                raise
            raise FetchError(f"{method} {url}: {error.__class__.__name__}") from error
        response.release_conn()
        return Fetched(response.status, {k.lower(): v for k, v in response.headers.items()},
                       content, url)
    raise FetchError(f"more than {MAX_REDIRECTS} redirects from {url}")


def get(url: str, origin: str, *, limit: int, headers: dict | None = None,
        limits: Limits = DEFAULT) -> Fetched:
    """GET ``url`` from ``origin`` only."""
    return request("GET", url, origin, limit=limit, headers=headers, limits=limits)


def post(url: str, origin: str, body: bytes, headers: dict, limits: Limits = DEFAULT) -> Fetched:
    """POST ``body`` to ``url`` on ``origin`` only (never redirected)."""
    return request("POST", url, origin, limit=limits.small_bytes, headers=headers, body=body,
                   limits=limits)
