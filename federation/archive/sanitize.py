"""Sanitize untrusted HTML from mail with nh3 (the only module that imports it).

nh3 (ammonia on html5ever) is quadratic in nesting depth: 100,000 nested ``<div>`` take
half a minute and a few more would exhaust its stack. So HTML goes to nh3 only when it is
within ``MAX_HTML`` characters and ``MAX_DEPTH`` levels, both checked by one linear scan.
HTML beyond either is not shown as HTML at all: ``clean_html`` gives "" and the message is
read as text, from its text/plain part or else from the HTML with its tags removed
(``html_to_text``), which pages and feeds escape like any plain text.
"""
from __future__ import annotations

import html as htmllib
import re

import nh3

# Only what reads well in an archive: no scripts, styles, forms, frames or remote images
# (remote images are tracking pixels in mail).
_TAGS = {"a", "abbr", "b", "blockquote", "br", "code", "div", "em", "h1", "h2", "h3", "h4",
         "hr", "i", "li", "ol", "p", "pre", "q", "s", "small", "span", "strong", "sub", "sup",
         "table", "tbody", "td", "th", "thead", "tr", "u", "ul"}
_ATTRIBUTES = {"a": {"href", "title"}, "td": {"colspan", "rowspan"}, "th": {"colspan", "rowspan"}}
MAX_HTML = 2_000_000  # characters; bigger HTML mail is embedded images nh3 would drop anyway
MAX_DEPTH = 200       # open elements; real mail nests a few dozen (tables in tables)
# Elements that never nest: void ones, and those an opening sibling closes (WHATWG HTML
# §13.1.2, §13.1.2.4), which old mail clients never close themselves
_FLAT = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
         "source", "track", "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup",
         "thead", "tbody", "tfoot", "colgroup", "rb", "rt", "rp"}
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)")
_ANY_TAG = re.compile(r"<[^<>]*>")  # [^<>]: a stray "<" never makes this scan quadratic


def within_limits(html: str) -> bool:
    """Whether nh3 may read this HTML: short enough and not nested too deep (linear)."""
    if len(html) > MAX_HTML:
        return False
    depth = 0
    for match in _TAG.finditer(html):
        if match.group(1):
            depth = max(depth - 1, 0)
        elif match.group(2).lower() not in _FLAT:
            depth += 1
            if depth > MAX_DEPTH:
                return False
    return True


def clean_html(html: str) -> str:
    """Keep only safe tags and attributes; links get rel="noopener noreferrer nofollow".

    "" for HTML beyond the limits: the message is then shown as text."""
    if not within_limits(html):
        return ""
    return nh3.clean(html, tags=_TAGS, attributes=_ATTRIBUTES,
                     url_schemes={"http", "https", "mailto"},
                     link_rel="noopener noreferrer nofollow")


def html_to_text(html: str) -> str:
    """A plain-text rendering of an HTML part, for search and for mails that only have HTML."""
    fits = within_limits(html)
    html = re.sub(r"(?i)<br\s*/?>|</p>|</div>|</li>|</tr>|</h\d>", "\n", html)
    text = nh3.clean(html, tags=set()) if fits else _ANY_TAG.sub("", html)
    text = htmllib.unescape(text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()
