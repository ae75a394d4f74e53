"""Rendered HTML pages cached in process under a freshness stamp, served with an ETag.

``respond(key, stamp, render)`` keeps ``render()``'s bytes in ``web.feeds``' cache while
``stamp()`` (cheap index probes, see ``federation.reading.queries.freshness``) is unchanged, and
answers a conditional GET with 304. ``RELAIS_PAGE_CACHE=0`` turns it off (every request renders), to
measure what it saves: ``bench/read.py --no-page-cache``.
"""
from __future__ import annotations

import hashlib
import os
from datetime import datetime, timezone
from typing import Callable

from flask import Response, request

from web.feeds import cached

ENABLED = os.environ.get("RELAIS_PAGE_CACHE", "1") != "0"


def respond(key: tuple, stamp: Callable[[], tuple], render: Callable[[], str]) -> Response:
    """The page for key: cached while its stamp holds, rendered afresh otherwise."""
    def build() -> tuple[bytes, datetime]:
        return render().encode("utf-8"), datetime.now(timezone.utc).replace(tzinfo=None)
    if ENABLED:
        body, etag, _modified = cached(key, stamp(), build)
    else:
        body = build()[0]
        etag = hashlib.sha256(body).hexdigest()[:32]
    response = Response(body, mimetype="text/html")
    response.set_etag(etag)
    return response.make_conditional(request)
