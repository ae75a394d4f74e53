"""Refusals: exceptions that carry the sender-facing text; only the SMTP adapter makes them 5xx."""
from __future__ import annotations


class Rejected(Exception):
    """A message refused at SMTP time; str(self) is shown to the sender."""

    def __init__(self, reason: str, code: str = "550 5.7.1"):
        super().__init__(reason)
        self.code = code


class UnknownList(Rejected):
    """No list of ours has this address (RFC 5321 reply 550 5.1.1)."""

    def __init__(self, address: str):
        super().__init__(f"<{address}>: aucune liste à cette adresse / no such list here",
                         "550 5.1.1")


class Invalid(ValueError):
    """Bad input from the command line or the console, with a message for the person."""


class Hold(Exception):
    """A message kept for moderation, not refused: the SMTP answer is still 250.

    ``reason`` is a key (non-member, moderated, announce, emergency) that notices translate.
    """

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason
