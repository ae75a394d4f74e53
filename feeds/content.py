"""A message body as readers see it: quoted text folded, addresses obfuscated, HTML escaped.

``body_html`` was cleaned by nh3 at ingest (federation/archive/sanitize.py); plain text is escaped
here. Quoted lines (``>`` prefix, RFC 3676 §4.5) form blocks that pages fold in <details>.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass

from federation.reading.addresses import obfuscate, obfuscate_html

# "Le 3 mars 2026, Alice a écrit :" / "On Tue, Bob wrote:" just before a quote.
_ATTRIBUTION = re.compile(r"(a écrit|wrote|schrieb|escribió)\s*:\s*$", re.IGNORECASE)
_SIGNATURE = "-- "  # RFC 3676 §4.3 signature separator


@dataclass(frozen=True)
class Segment:
    """A run of body lines: ``quote`` runs are folded on pages, ``text`` runs are shown."""

    kind: str  # "text" | "quote" | "signature"
    text: str


def segments(body: str) -> list[Segment]:
    """Split a plain-text body into text, quote and signature runs (addresses obfuscated)."""
    runs: list[list] = []
    kind_of_rest = "text"
    for line in obfuscate(body or "").replace("\r\n", "\n").split("\n"):
        if line == _SIGNATURE:
            kind_of_rest = "signature"
        kind = kind_of_rest if kind_of_rest == "signature" else (
            "quote" if line.startswith(">") else "text")
        if runs and runs[-1][0] == kind:
            runs[-1][1].append(line)
        else:
            runs.append([kind, [line]])
    result = []
    for kind, lines in runs:
        text = "\n".join(lines).strip("\n")
        if text:
            result.append(Segment(kind, text))
    return result


def quoted_lines(segment: Segment) -> int:
    """How many lines a folded quote hides (for its summary)."""
    return segment.text.count("\n") + 1


def is_attribution(segment: Segment) -> bool:
    """True when a text run ends with a "… a écrit :" line introducing the next quote."""
    return bool(_ATTRIBUTION.search(segment.text))


def safe_html(body_html: str) -> str:
    """The HTML part to show: already nh3-cleaned at ingest, addresses obfuscated here."""
    return obfuscate_html(body_html or "")


def entry_html(body_text: str, body_html: str) -> str:
    """HTML content for a feed entry: the sanitized HTML part, else the escaped text."""
    if body_html:
        return safe_html(body_html)
    parts = []
    for segment in segments(body_text):
        escaped = html.escape(segment.text)
        tag = "blockquote" if segment.kind == "quote" else "pre"
        parts.append(f"<{tag}>{escaped}</{tag}>")
    return "".join(parts)
