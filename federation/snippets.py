"""Search snippets: the passage of a message where the query's words are densest, with those
words wrapped in ``<mark>``. Everything else is HTML-escaped, so a snippet is safe to show
as it is, whatever the message contains.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass

from .taxonomy import fold
from .textprep import stem

_SPLIT = re.compile(r"([^\W_]+)")
SCANNED = 20_000  # characters of a body examined for a snippet


@dataclass(frozen=True)
class Marker:
    """The stems (and prefixes) a search matched, to find and mark them in original text."""

    stems: frozenset[str]
    prefixes: tuple[str, ...] = ()

    @classmethod
    def of(cls, terms) -> "Marker":
        """The marker of parsed query terms (``search.Term``); excluded words are not marked."""
        stems, prefixes = set(), []
        for term in terms:
            if term.negated:
                continue
            for lang in ("fr", "en"):
                if term.prefix:
                    prefixes.extend(term.stems(lang))
                else:
                    stems.update(term.stems(lang))
        return cls(frozenset(stems), tuple(prefixes))

    def matches(self, word: str) -> bool:
        """True when a word of the original text is one the query asked for."""
        folded = fold(word)
        for lang in ("fr", "en"):
            stemmed = stem(folded, lang)
            if stemmed in self.stems or any(stemmed.startswith(p) for p in self.prefixes):
                return True
        return False

    def mark(self, text: str) -> str:
        """Escape a whole text, marking the matched words."""
        return _render(_SPLIT.split(text or ""), 0, None, self)

    def snippet(self, text: str, width: int = 30) -> str:
        """The ``width``-word window with the most matches, escaped and marked, with ellipses."""
        parts = _SPLIT.split(" ".join((text or "")[:SCANNED].split()))
        word_at = list(range(1, len(parts), 2))  # odd indexes hold the words
        if not word_at:
            return ""
        if self.stems or self.prefixes:
            known: dict[str, bool] = {}  # a word is folded and stemmed once per snippet
            hits = [known[w] if (w := parts[i]) in known else known.setdefault(w, self.matches(w))
                    for i in word_at]
        else:
            hits = [False] * len(word_at)
        best, best_count, count = 0, -1, 0
        for position in range(len(word_at)):
            count += hits[position]
            if position >= width:
                count -= hits[position - width]
            start = max(0, position - width + 1)
            if count > best_count:
                best, best_count = start, count
        end = min(len(word_at), best + width)
        first = word_at[best] if best else 0
        last = word_at[end - 1] + 1 if end < len(word_at) else None
        body = _render(parts, first, last, self)
        return ("… " if best else "") + body.strip() + (" …" if last is not None else "")


def _render(parts: list[str], first: int, last: int | None, marker: Marker) -> str:
    out = []
    for index in range(first, len(parts) if last is None else last):
        piece = html.escape(parts[index])
        if index % 2 and marker.matches(parts[index]):
            piece = f"<mark>{piece}</mark>"
        out.append(piece)
    return "".join(out)
