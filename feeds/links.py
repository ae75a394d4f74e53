"""Public addresses of archived things, all derived from Message-IDs, never from row ids.

A Message-ID is written without its angle brackets and percent-quoted (RFC 3986) where a
URL needs it; ``@`` and most of RFC 5322's ``atext`` stay readable, as public-inbox does.
``/`` and ``%`` are escaped twice (``%252F``, ``%2525``): WSGI servers decode the path once
before routing, so a Message-ID ending in ``/raw`` would otherwise name another message's
raw bytes; ``unquote_id`` undoes the second escape.
Atom entry ids use the ``mid:`` scheme (RFC 2392), which exists to name Message-IDs.
"""
from __future__ import annotations

import re
from datetime import datetime
from urllib.parse import quote

# RFC 3986 sub-delims, ":" and "@" are legal in a path segment and stay readable.
_SAFE = "@!$&'()*+,;=:~-._"
_ESCAPED = re.compile(r"%(2[fF]|25)")


def quote_id(message_id: str) -> str:
    """A Message-ID as it appears in a URL path, "/" and "%" escaped twice (see above)."""
    escaped = message_id.strip("<>").replace("%", "%25").replace("/", "%2F")
    return quote(escaped, safe=_SAFE)


def unquote_id(segment: str) -> str:
    """The Message-ID named by a routed (already once-decoded) path segment."""
    return _ESCAPED.sub(lambda m: "%" if m.group(1) == "25" else "/", segment)


def message_path(message_id: str) -> str:
    """The permalink path of a message (what Archived-At points to)."""
    return f"/m/{quote_id(message_id)}"


def thread_path(message_id: str) -> str:
    """The thread page of any message of the thread."""
    return f"/t/{quote_id(message_id)}/"


def list_path(address: str) -> str:
    """The archive page of a list."""
    return f"/l/{quote(address, safe='@+.-_')}/"


def assembly_path(slug: str) -> str:
    """The page of an assembly."""
    return f"/a/{quote(slug, safe='-_')}/"


def absolute(base_url: str, path: str) -> str:
    """An absolute URL for a path under the instance's base URL."""
    return base_url.rstrip("/") + path


def permalink(base_url: str, message_id: str) -> str:
    """The absolute permalink of a message, for Archived-At (RFC 5064) and feeds."""
    return absolute(base_url, message_path(message_id))


def entry_id(message_id: str) -> str:
    """The Atom id of a message: stable across requests, reindexes and hosts (RFC 2392)."""
    return "mid:" + quote(message_id.strip("<>"), safe="@!$&'()*+,;=:~-._")


def anchor(message_id: str) -> str:
    """The HTML id of a message inside its thread page."""
    return "m-" + quote(message_id.strip("<>"), safe="").replace("%", "_")


def cursor(when: datetime, key: str) -> str:
    """A keyset cursor ``<ISO date>,<key>`` for ``?before=`` (RFC 5005 paging, no offsets)."""
    return f"{when.isoformat(timespec='microseconds')},{key}"


def parse_cursor(value: str | None) -> tuple[datetime, str] | None:
    """Read a ``?before=`` cursor back; None when absent or malformed."""
    if not value or "," not in value:
        return None
    when, _, key = value.partition(",")
    try:
        return datetime.fromisoformat(when), key
    except ValueError:
        return None
