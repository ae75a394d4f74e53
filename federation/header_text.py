"""Decoded text made safe to become one header field's value.

RFC 2047 encoded-words and RFC 2231 parameters can carry any character once decoded: an
encoded CR LF in a subject would end our Subject field and start a ``Reply-To:`` or
``List-Unsubscribe:`` of the sender's choice (RFC 5322 §2.2: a field is one logical line).
Every header Relais builds from decoded text goes through ``one_line`` just before it is set.
"""
from __future__ import annotations

import re

# C0 controls (CR, LF and tab included), DEL, C1 controls and the Unicode line and paragraph
# separators: none belongs inside a header value, and each may end a line for some parser.
_BREAKS = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]+")


def one_line(value: str) -> str:
    """``value`` on one line: each run of controls, with the spaces around it, becomes one
    space (as unfolding does, RFC 5322 §2.2.3); linear in the length of ``value``."""
    if not value or not _BREAKS.search(value):
        return value or ""
    pieces = (piece.strip(" ") for piece in _BREAKS.split(value))
    return " ".join(piece for piece in pieces if piece)
