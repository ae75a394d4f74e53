"""Sanitize untrusted HTML from mail with nh3 (the only module that imports it)."""
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


def clean_html(html: str) -> str:
    """Keep only safe tags and attributes; links get rel="noopener noreferrer nofollow"."""
    return nh3.clean(html, tags=_TAGS, attributes=_ATTRIBUTES,
                     url_schemes={"http", "https", "mailto"},
                     link_rel="noopener noreferrer nofollow")


def html_to_text(html: str) -> str:
    """A plain-text rendering of an HTML part, for search and for mails that only have HTML."""
    html = re.sub(r"(?i)<br\s*/?>|</p>|</div>|</li>|</tr>|</h\d>", "\n", html)
    text = nh3.clean(html, tags=set())
    text = htmllib.unescape(text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()
