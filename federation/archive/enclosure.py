"""A whole message enclosed in another as message/rfc822, byte for byte (RFC 2046 §5.2.1).

Moderator notices attach the held message, and MIME digests bundle the archived ones. Parsing
the original and writing it back would decode its headers (an encoded CR LF in a subject then
breaks, or forges, header lines) and walk its MIME tree recursively (thousands of nested
parts exhaust the recursion limit). Enclosed bytes are never parsed: the email package's
generators write them back as they came, in time linear in their size.
"""
from __future__ import annotations

from email.message import Message


class _Verbatim(Message):
    """Raw bytes (as surrogate-escaped text) that a generator writes back unchanged."""

    def _write_headers(self, generator) -> None:
        """The generators' own hook (email.generator ``_write``): the bytes carry their
        headers, so nothing is added."""


def enclose(raw: bytes) -> Message:
    """A message/rfc822 part holding ``raw`` exactly; 8bit when ``raw`` is not ASCII."""
    inner = _Verbatim()
    inner.set_payload(raw.decode("ascii", "surrogateescape"))
    part = Message()
    part["Content-Type"] = "message/rfc822"
    # RFC 2046 §5.2.1: 7bit, 8bit or binary only; relays take 8bit with 8BITMIME (RFC 6152)
    part["Content-Transfer-Encoding"] = "7bit" if raw.isascii() else "8bit"
    part.attach(inner)
    return part
