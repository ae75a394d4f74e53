"""Header text: RFC 2047 words decoded in linear time, and decoded text made safe to become
one header field's value.

RFC 2047 encoded-words and RFC 2231 parameters can carry any character once decoded: an
encoded CR LF in a subject would end our Subject field and start a ``Reply-To:`` or
``List-Unsubscribe:`` of the sender's choice (RFC 5322 §2.2: a field is one logical line).
Every header Relais builds from decoded text goes through ``one_line`` just before it is set.
"""
from __future__ import annotations

import re
from email.header import decode_header, make_header

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


# RFC 2047 §2: an encoded-word has no "?" inside its parts and no white space. The stdlib
# decoder scans from each "=?" to the end of the line when no "?=" closes it (quadratic: 65 s
# for a 320 KB subject of "=?u?q?a " repeated), and joins adjacent words by concatenation
# (quadratic too: 4 s for 880 KB of well-formed words). So a value with more than a few "=?"
# that open no well-formed word is kept as it came (one linear scan tells), and at most the
# first DECODED_CHARACTERS are decoded: ten times the longest line RFC 5322 §2.1.1 allows,
# and more than the archive keeps of a subject (2,000) or a name (500).
_ENCODED_WORD = re.compile(r"=\?[^?\s]*\?[bBqQ]\?[^?\s]*\?=")
IRREGULAR_WORDS = 8
DECODED_CHARACTERS = 10_000


def decode_words(value: str) -> str:
    """A header value with its RFC 2047 encoded-words decoded, in linear time (may raise
    what the email package raises on a bad charset).

    Left as it came when it holds many malformed words; cut at a space before
    ``DECODED_CHARACTERS`` when longer."""
    if "=?" not in value:
        return value
    if len(value) > DECODED_CHARACTERS:
        value = value[:DECODED_CHARACTERS].rsplit(" ", 1)[0]
    if value.count("=?") - len(_ENCODED_WORD.findall(value)) > IRREGULAR_WORDS:
        return value
    return str(make_header(decode_header(value)))
