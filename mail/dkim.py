"""DKIM signing of outgoing mail (RFC 6376) with dkimpy, when a key is configured.

The list re-signs every copy for the list domain after every change (headers, subject tag,
footer, DMARC munging), so receivers see a valid signature aligned with the list's address.
``h=`` covers the one-click unsubscribe headers, as RFC 8058 section 4 requires.
"""
from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path

import dkim

from federation.settings import Settings

log = logging.getLogger(__name__)
SIGNED = (b"From", b"To", b"Subject", b"Date", b"Message-ID", b"List-Id",
          b"List-Unsubscribe", b"List-Unsubscribe-Post")


@lru_cache(maxsize=8)
def _key(path: str) -> bytes:
    return Path(path).read_bytes()


def enabled(settings: Settings) -> bool:
    """True when RELAIS_DKIM_SELECTOR and RELAIS_DKIM_KEY are both set."""
    return bool(settings.dkim_selector and settings.dkim_key_path)


def sign(settings: Settings, raw: bytes, domain: str) -> bytes:
    """Return ``raw`` with a DKIM-Signature for ``domain`` prepended (unchanged without a key).

    A signing failure is logged and the copy goes out unsigned: DKIM is best effort, never a
    reason to lose a message.
    """
    if not enabled(settings):
        return raw
    try:
        header = dkim.sign(raw, settings.dkim_selector.encode("ascii"), domain.encode("idna"),
                           _key(settings.dkim_key_path), canonicalize=(b"relaxed", b"relaxed"),
                           include_headers=list(SIGNED))
    except (dkim.DKIMException, OSError, ValueError) as error:
        log.error("DKIM signing for %s failed: %s", domain, error)
        return raw
    return header + raw
