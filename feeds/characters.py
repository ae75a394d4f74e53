"""Text made safe for XML 1.0: the one filter every feed and OPML document goes through.

XML 1.0 §2.2 allows tab, LF, CR and U+0020–U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF; a
single form feed from a mail client is enough for lxml (and any reader) to refuse the whole
document. Raw bytes and stored fields stay as they came: only what we render is cleaned.
"""
from __future__ import annotations

import dataclasses
import re

_FORBIDDEN = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]+")


def xml_safe(text: str) -> str:
    """``text`` without the characters XML 1.0 forbids (C0 controls, lone surrogates,
    U+FFFE/U+FFFF); a run of them becomes nothing, as a reader would never see them."""
    return _FORBIDDEN.sub("", text) if text else text


def xml_safe_fields(spec):
    """A copy of a frozen dataclass whose text fields (and tuples of text) are ``xml_safe``."""
    changes = {}
    for item in dataclasses.fields(spec):
        value = getattr(spec, item.name)
        if isinstance(value, str):
            changes[item.name] = xml_safe(value)
        elif isinstance(value, tuple) and all(isinstance(v, str) for v in value):
            changes[item.name] = tuple(xml_safe(v) for v in value)
    return dataclasses.replace(spec, **changes)
