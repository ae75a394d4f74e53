"""Address obfuscation for public pages and feeds, so harvesters cannot collect members' mail.

An address keeps its local part and loses its domain after the first letter
(``alice.martin@example.org`` → ``alice.martin@e…``): readers still recognise a correspondent,
a spam robot gets nothing it can deliver to. Message-IDs look like addresses (RFC 5322
§3.6.4 ``id-left "@" id-right``) but are public identifiers, so callers only pass text
written by people: names, subjects, bodies.
"""
from __future__ import annotations

import re

# RFC 5322 dot-atom local part (the common subset) "@" a dotted domain with a letter TLD.
_ADDRESS = re.compile(r"(?<![\w.+-])([\w.+'-]{1,64})@([\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,63})\b",
                      re.UNICODE)
# mailto: links in sanitized HTML: the whole link target goes, not only the address.
_MAILTO = re.compile(r"""(href=)(["'])mailto:[^"']*\2""", re.IGNORECASE)


def obfuscate_address(address: str) -> str:
    """``alice@example.org`` → ``alice@e…``; anything that is not an address is returned as is."""
    local, _, domain = (address or "").rpartition("@")
    if not local or not domain:
        return address or ""
    return f"{local}@{domain[0]}…"


def obfuscate(text: str) -> str:
    """Obfuscate every address found in free text (bodies, subjects, names)."""
    if not text or "@" not in text:
        return text or ""
    return _ADDRESS.sub(lambda m: f"{m.group(1)}@{m.group(2)[0]}…", text)


def obfuscate_html(html: str) -> str:
    """Obfuscate addresses in sanitized HTML, dropping mailto: targets (RFC 6068) entirely."""
    if not html or "@" not in html:
        return html or ""
    return obfuscate(_MAILTO.sub(r'\1\2#\2', html))


def display_name(name: str, address: str) -> str:
    """The name to show for a sender: the display name, else the obfuscated address."""
    name = obfuscate((name or "").strip().strip('"'))
    return name or obfuscate_address(address) or "?"
