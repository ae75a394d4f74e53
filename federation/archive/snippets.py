"""Search snippets: the passage of a message where the query's words are densest, with those
words wrapped in ``<mark>``. Everything else is HTML-escaped, so a snippet is safe to show
as it is, whatever the message contains.
"""
from __future__ import annotations

import html
import re
from bisect import bisect_right
from dataclasses import dataclass, field

from federation.themes.taxonomy import fold
from federation.archive.folding import stem

_SPLIT = re.compile(r"([^\W_]+)")
SCANNED = 20_000  # characters of a body examined for a snippet


@dataclass(frozen=True)
class Marker:
    """The stems (and prefixes) a search matched, to find and mark them in original text."""

    stems: frozenset[str]
    prefixes: tuple[str, ...] = ()
    # word → matches(word), shared by every snippet of one search (hits share vocabulary)
    known: dict[str, bool] = field(default_factory=dict, compare=False, hash=False, repr=False)

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
        found = self.known.get(word)
        if found is None:
            found = self._matches(word)
            if len(self.known) < 100_000:
                self.known[word] = found
        return found

    def _matches(self, word: str) -> bool:
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
        """The ``width``-word window with the most matches, escaped and marked, with ellipses.

        The earliest densest window wins; only matched positions are visited to find it."""
        parts = _SPLIT.split(" ".join((text or "")[:SCANNED].split()))
        count = len(parts) // 2  # words sit at the odd indexes
        if not count:
            return ""
        hits: list[int] = []
        if self.stems or self.prefixes:
            wanted = {w for w in set(parts[1::2]) if self.matches(w)}
            if wanted:
                hits = [n for n, w in enumerate(parts[1::2]) if w in wanted]
        best, best_count = 0, 0
        for seen, position in enumerate(hits, 1):
            # matches in the window of ``width`` words ending at ``position``
            inside = seen - bisect_right(hits, position - width, 0, seen)
            if inside > best_count:
                best, best_count = max(0, position - width + 1), inside
        end = min(count, best + width)
        first = 2 * best + 1 if best else 0
        last = 2 * end if end < count else None
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
