"""Text normalisation for theme tagging: strip quotes and footers, fold, stem, make n-grams.

Only this module and classifier.py know about snowballstemmer. Features are plain
strings: "w:<stem>" for words and "b:<stem> <stem>" for adjacent content words.
"""
from __future__ import annotations

import math
import re
from collections import defaultdict

import snowballstemmer

from federation.themes.taxonomy import fold

# A line "-- " opens the signature (RFC 3676 §4.3); mailing-list managers (Sympa,
# Mailman) append their footer the same way or with a "Liste xxx@" line.
_FOOTER = re.compile(
    r"^(-- ?$|_{5,}$|-{5,}\s*$|liste [\w.-]+@|list [\w.-]+@|"
    r"(pour (vous )?(desinscrire|desabonner|vous desinscrire)|to unsubscribe|"
    r"vous recevez ce (message|mail|courriel)|you received this message)\b)",
    re.IGNORECASE)
# Attribution lines open the quoted part of a reply; clients write them many ways.
_ATTRIBUTION = re.compile(
    r"^(le .{3,200} a ecrit ?:|on .{3,200} wrote ?:|-+ ?(original message|message d'origine|"
    r"message original|forwarded message|message transfere) ?-+|de ?: .+@|from ?: .+@)",
    re.IGNORECASE)
_SUBJECT_PREFIX = re.compile(r"^\s*((re|tr|fw|fwd|aw)\s*:\s*|\[[^\]]*\]\s*)+", re.IGNORECASE)
_TOKEN = re.compile(r"[a-z0-9]+(?:['’][a-z0-9]+)?")
_ELISION = re.compile(r"^(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu)['’]")

_STOP_FR = set("""
a au aux avec ce ces cet cette dans de des du elle elles en et eux il ils je la le les leur
leurs lui ma mais me meme mes moi mon ne nos notre nous on ou par pas pour qu que qui sa se
ses son sur ta te tes toi ton tu un une vos votre vous c d j l m n s t y est sont etre ete
fait faire avoir ai as avons avez ont sera serait plus tres tout tous toute toutes aussi bien
si car donc alors comme cela ca ici la bonjour salut merci bonne bon journee soiree semaine
cordialement bises belle amities hello hi ou quand peut peux pouvez voir deja encore apres
avant entre chez sans sous vers autre autres quelque quelques chaque cest qui quoi dont
""".split())
_STOP_EN = set("""
a an the and or but if of to in on at by for with from as is are was were be been being
it its this that these those i you he she we they me him her us them my your our their
do does did have has had will would can could should not no so than then there here what
which who whom when where why how all any each some more most other such only own same too
very just also about into over after before again up down out off hi hello thanks thank
regards best cheers please dear
""".split())
_STOPS = frozenset(_STOP_FR | _STOP_EN)
_FR_HINTS = _STOP_FR - _STOP_EN
_EN_HINTS = _STOP_EN - _STOP_FR

# Bigrams at half weight: as good as unigrams alone in cross-validation, and they keep
# phrases ("logiciel libre", "repas partagé") available as explanations.
BIGRAM_WEIGHT = 0.5
_STEMMERS = {"fr": snowballstemmer.stemmer("french"), "en": snowballstemmer.stemmer("english")}
_FOLD_CACHE: dict[str, tuple[str, ...]] = {}
_WORD = re.compile(r"[\w'’]+")
_STEM_CACHE: dict[tuple[str, str], str] = {}


def clean_body(body: str) -> str:
    """Drop quoted text, attribution lines and what follows them, signatures and list footers."""
    kept = []
    for line in body.splitlines():
        stripped = line.strip()
        folded = fold(stripped)
        if _FOOTER.match(line.rstrip("\n")) or _FOOTER.match(folded) or _ATTRIBUTION.match(folded):
            break
        if stripped.startswith(">"):
            continue
        kept.append(line)
    return "\n".join(kept)


def clean_subject(subject: str) -> str:
    """Strip reply/forward prefixes and [list] tags; #hashtags stay as words."""
    return _SUBJECT_PREFIX.sub("", subject)


def _folded(surface: str) -> tuple[str, ...]:
    """The folded words of one surface form, elided articles removed (memoised)."""
    words = _FOLD_CACHE.get(surface)
    if words is None:
        words = tuple(_ELISION.sub("", w) for w in _TOKEN.findall(fold(surface)))
        if len(_FOLD_CACHE) < 500_000:
            _FOLD_CACHE[surface] = words
    return words


def tokens(text: str) -> list[tuple[str, str]]:
    """Return (folded word, original surface form) pairs, elided articles removed."""
    pairs = []
    cache = _FOLD_CACHE
    for surface in _WORD.findall(text):
        words = cache.get(surface) or _folded(surface)
        shown = surface.strip("'’")
        for word in words:
            pairs.append((word, shown))
    return pairs


def guess_lang(words: list[str]) -> str:
    """Guess "fr" or "en" from stopword counts; French wins ties (our corpus is mostly French)."""
    fr = sum(map(_FR_HINTS.__contains__, words))  # the counts of the generator, in C
    en = sum(map(_EN_HINTS.__contains__, words))
    return "en" if en > fr else "fr"


def stem(word: str, lang: str) -> str:
    """Snowball-stem a folded word, memoised: the same words come back in every thread."""
    key = (lang, word)
    found = _STEM_CACHE.get(key)
    if found is None:
        found = _STEMMERS[lang].stemWord(word)
        if len(_STEM_CACHE) < 500_000:
            _STEM_CACHE[key] = found
    return found


_STEMS_BY_LANG: dict[str, dict[str, str]] = {"fr": {}, "en": {}}


def stem_all(words: list[str], lang: str) -> list[str]:
    """``stem`` of each word (the same results), with one memo per language: indexing
    stems every word of every message, and a plain dict look-up is most of that work."""
    memo = _STEMS_BY_LANG.setdefault(lang, {})
    found = [memo.get(word) for word in words]
    for index, value in enumerate(found):
        if value is None:
            value = found[index] = stem(words[index], lang)
            if len(memo) < 500_000:
                memo[words[index]] = value
    return found


def _add_ngrams(pairs: list[tuple[str, str]], weight: float, lang: str, counts: dict,
                surfaces: dict) -> None:
    """Add weighted unigram and bigram counts of one text's ``tokens`` to counts, surface
    forms to surfaces."""
    stops, memo = _STOPS, _STEMS_BY_LANG[lang]
    half = weight * BIGRAM_WEIGHT
    previous = previous_surface = None
    for word, surface in pairs:
        if word in stops or len(word) < 2 or word.isdigit():
            if word.isdigit():
                previous = None
            continue
        stemmed = memo.get(word)
        if stemmed is None:
            stemmed = stem(word, lang)
            if len(memo) < 500_000:
                memo[word] = stemmed
        unigram = "w:" + stemmed
        counts[unigram] += weight
        if unigram not in surfaces:
            surfaces[unigram] = surface
        if previous is not None:
            bigram = "b:" + previous + " " + stemmed
            counts[bigram] += half
            if bigram not in surfaces:
                surfaces[bigram] = previous_surface + " " + surface
        previous, previous_surface = stemmed, surface


def features(subject: str, body: str, replies=(), weights=(2.0, 1.0, 0.5)):
    """Return ({feature: sublinear weighted count}, {feature: surface form}) for a thread."""
    subject, body = tokens(clean_subject(subject)), tokens(clean_body(body))
    # the words of "subject body" are the subject's then the body's: a space splits no word
    lang = guess_lang([w for w, _ in subject] + [w for w, _ in body])
    counts: dict[str, float] = defaultdict(float)
    surfaces: dict[str, str] = {}
    _add_ngrams(subject, weights[0], lang, counts, surfaces)
    _add_ngrams(body, weights[1], lang, counts, surfaces)
    for reply in replies:
        _add_ngrams(tokens(clean_body(reply)), weights[2], lang, counts, surfaces)
    return {f: 1.0 + math.log(c) if c >= 1 else c for f, c in counts.items()}, surfaces
