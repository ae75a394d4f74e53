"""A message's header block edited as bytes, so whatever we do not touch stays byte-exact.

Re-serialising with the email package refolds and re-encodes headers, which breaks an
author's DKIM signature even on a "transparent" list (no tag, no footer). Here a header is
its name and its raw lines; only the ones we add, remove or replace change.
"""
from __future__ import annotations

import re
from email.header import Header

from federation.archive.header_text import decode_words, one_line

_CRLF = re.compile(rb"\r?\n")
# A lone CR ends a line for many readers (Python's email package among them), so in the
# header block it ends the field: what follows is a field of its own, which ``without`` can
# remove (a List-Unsubscribe hidden after a CR in a Subject), never one we pass on unseen.
_LONE_CR = re.compile(rb"\r(?!\n)")


def split(raw: bytes) -> tuple[list[bytes], bytes]:
    """Cut a message into its header fields (each with its continuation lines) and its body."""
    raw = _CRLF.sub(b"\r\n", raw)
    head, sep, body = raw.partition(b"\r\n\r\n")
    head = _LONE_CR.sub(b"\r\n", head)
    if not sep and not head.startswith(b" ") and b":" not in head.split(b"\r\n", 1)[0]:
        return [], raw
    lines: list[list[bytes]] = []  # joined once at the end: += on bytes would be quadratic
    for line in head.split(b"\r\n"):
        if line[:1] in (b" ", b"\t") and lines:
            lines[-1].append(line)
        elif line:
            lines.append([line])
    return [b"\r\n".join(field) for field in lines], body


def name_of(field: bytes) -> str:
    """A field's name, lowercased."""
    return field.split(b":", 1)[0].strip().decode("ascii", "replace").lower()


def value_of(fields: list[bytes], name: str) -> str:
    """The unfolded value of the first field called ``name`` ("" when absent)."""
    for field in fields:
        if name_of(field) == name.lower():
            value = field.split(b":", 1)[1] if b":" in field else b""
            return re.sub(rb"\r\n[ \t]", b" ", value).strip().decode("utf-8", "replace")
    return ""


def without(fields: list[bytes], names: set[str]) -> list[bytes]:
    """The fields minus every one whose name is in ``names`` (lowercase)."""
    return [field for field in fields if name_of(field) not in names]


def field(name: str, value: str) -> bytes:
    """One header field, RFC 2047-encoding a non-ASCII value, folded at 78 columns.

    The value is put on one line first: decoded text (a subject, a name) may hold CR LF,
    which would otherwise start a header of the sender's choice (RFC 5322 §2.2)."""
    value = one_line(value)
    if value.isascii():
        return fold(f"{name}: {value}".encode("ascii"))
    encoded = Header(value, "utf-8", header_name=name).encode(linesep="\r\n")
    return f"{name}: {encoded}".encode("ascii")


def fold(line: bytes, width: int = 78) -> bytes:
    """Fold a long ASCII field at ", " or spaces (RFC 5322 2.2.3); short ones are unchanged."""
    if len(line) <= width:
        return line
    out, current = [], b""
    for word in line.split(b" "):
        if current and len(current) + 1 + len(word) > width:
            out.append(current)
            current = word
        else:
            current = current + b" " + word if current else word
    out.append(current)
    return b"\r\n ".join(out)


def decoded(value: str) -> str:
    """An RFC 2047 header value as text."""
    try:
        return decode_words(value)  # linear, whatever the sender wrote
    except (ValueError, LookupError, UnicodeError):
        return value


def join(fields: list[bytes], body: bytes) -> bytes:
    """Fields and body back into one message."""
    return b"\r\n".join(fields) + b"\r\n\r\n" + body
