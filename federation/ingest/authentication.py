"""What the MTA in front of us recorded about a message's sender (RFC 8601 Authentication-Results).

Anyone can write an ``Authentication-Results`` field into their own message, so only the
fields carrying the authserv-id of *our* MTA count (``RELAIS_AUTHSERV_ID``; unset: none do),
and of those only the topmost run: our MTA prepends its own and removes forged copies of
its id (RFC 8601 §5), a sender's forgeries sit below. We read one result: ``dmarc=pass``
for the From domain (RFC 7489 §11.2, property ``header.from``).
"""
from __future__ import annotations

import re
from email.parser import BytesHeaderParser
from email.policy import compat32

_COMMENT = re.compile(r"\([^()]*\)")  # RFC 5322 CFWS comments, nested ones peeled in turn


def _uncommented(value: str) -> str:
    previous = None
    while previous != value:
        previous, value = value, _COMMENT.sub(" ", value)
    return " ".join(value.split())


def _ours(raw: bytes, authserv_id: str) -> list[str]:
    """The topmost contiguous run of Authentication-Results fields with our authserv-id."""
    fields = BytesHeaderParser(policy=compat32).parsebytes(raw, headersonly=True).items()
    run: list[str] = []
    for name, value in fields:
        value = _uncommented(str(value))
        server = value.split(";", 1)[0].split()[:1]
        if name.lower() == "authentication-results" and server and \
                server[0].lower() == authserv_id.lower():
            run.append(value)
        elif run:
            break
    return run


def _results(field: str):
    """(method, result, {property: value}) for each resinfo of one field (RFC 8601 §2.2)."""
    for resinfo in field.split(";")[1:]:
        words = resinfo.split()
        if not words or "=" not in words[0]:
            continue
        method, _, result = words[0].partition("=")
        properties = {}
        for word in words[1:]:
            key, equals, value = word.partition("=")
            if equals:
                properties[key.lower()] = value.strip('"').lower()
        yield method.split("/")[0].lower(), result.lower(), properties


def dmarc_pass(raw: bytes, authserv_id: str, from_domain: str) -> bool:
    """Whether our MTA recorded ``dmarc=pass header.from=<from_domain>`` on this message."""
    if not authserv_id or not from_domain:
        return False
    domain = from_domain.strip().rstrip(".").lower()
    for field in _ours(raw, authserv_id):
        for method, result, properties in _results(field):
            author = properties.get("header.from", "").rpartition("@")[2].rstrip(".")
            if method == "dmarc" and result == "pass" and author == domain:
                return True
    return False
