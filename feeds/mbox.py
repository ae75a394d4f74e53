"""mboxrd rendering and reading (RFC 4155; the "rd" quoting of public-inbox and mutt).

In mboxrd every body line matching ``^>*From `` gets one more ``>``, so the quoting is
reversible, unlike plain mboxo. Used by the web downloads and by ``relais export``/``import``.
"""
from __future__ import annotations

import re
from datetime import datetime
from email.utils import parseaddr
from typing import BinaryIO, Iterable, Iterator

_FROM_LINE = re.compile(rb"^(>*From )", re.MULTILINE)
_QUOTED_FROM = re.compile(rb"^>(>*From )", re.MULTILINE)


def entry(raw: bytes, sender: str = "", date: datetime | None = None) -> bytes:
    """One mboxrd entry: a ``From `` separator line, the quoted message, a blank line."""
    sender = (parseaddr(sender)[1] or "MAILER-DAEMON").replace(" ", "")
    when = (date or datetime(1970, 1, 1)).strftime("%a %b %d %H:%M:%S %Y")
    body = raw.replace(b"\r\n", b"\n")
    body = _FROM_LINE.sub(rb">\1", body)
    if not body.endswith(b"\n"):
        body += b"\n"
    return b"From " + sender.encode("ascii", "replace") + b" " + when.encode() + b"\n" + body + b"\n"


def render(messages: Iterable[tuple[bytes, str, datetime | None]]) -> Iterator[bytes]:
    """Stream an mboxrd file from (raw, sender, date) triples."""
    for raw, sender, date in messages:
        yield entry(raw, sender, date)


def read(handle: BinaryIO) -> Iterator[bytes]:
    """Yield the raw messages of an mboxrd (or mboxo) file, unquoting ``>From `` lines.

    Streams line by line, so a large mbox never sits in memory whole.
    """
    lines: list[bytes] = []
    started = False
    previous_blank = True
    for line in handle:
        if line.startswith(b"From ") and previous_blank:
            if started:
                yield _finish(lines)
            lines = []
            started = True
            previous_blank = False
            continue
        if started:
            lines.append(line)
        previous_blank = line in (b"\n", b"\r\n")
    if started:
        yield _finish(lines)


def _finish(lines: list[bytes]) -> bytes:
    # the blank line before the next separator belongs to the mbox, not to the message
    if lines and lines[-1] in (b"\n", b"\r\n"):
        lines = lines[:-1]
    return _QUOTED_FROM.sub(rb"\1", b"".join(lines))
