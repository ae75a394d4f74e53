"""A message on its way to the archive: the one shape it has from the door to the store.

The raw bytes, the posting addresses it is filed for, the envelope sender and how it came
(``via``); ``prepare`` adds what parsing finds. The rules read it, holding keeps it,
``archive.store`` stores it; ``Parsed`` is the parser's result, ``Outcome`` the answer.
"""
from __future__ import annotations

from dataclasses import dataclass

from federation.archive import search
from federation.archive.message import Parsed, parse
from federation.archive.store import generated_message_id
from federation.archive.threads import Filed
from federation.settings import Settings

# How a message came: over SMTP or LMTP, by a moderator's approval (it passed the rules that
# held it), through the web, or imported (the list's own history: never delivered).
SMTP, LMTP, APPROVAL, WEB, IMPORT = "smtp", "lmtp", "approval", "web-form", "import"


@dataclass
class Posting:
    """One message for one or more posting addresses; ``parsed`` (and ``document``) keep
    what ``prepare`` worked out, for the group commit and for a retry."""

    settings: Settings
    raw: bytes
    recipients: tuple[str, ...]
    sender: str = ""
    via: str = SMTP
    parsed: Parsed | None = None
    document: dict | None = None

    @property
    def message_id(self) -> str:
        """Its own Message-ID, or one made from its bytes (``store.generated_message_id``)."""
        return self.parsed.message_id or generated_message_id(self.raw,
                                                              self.settings.mail_domain)

    @property
    def posted(self) -> bool:
        """A post to deliver to the members whatever its Date: says; an import is not."""
        return self.via != IMPORT

    def prepare(self) -> None:
        """The CPU work that needs no database: parsing, and on PostgreSQL the search
        analysis too. It runs before the write turn, in the listener process when there is
        a writer process. Where the analysis goes was measured: on SQLite the listener is
        the busier process and the writer does it; on PostgreSQL, whose statements are
        round trips to another process, the writer is, and the listener does it."""
        if self.parsed is None:
            self.parsed = parse(self.raw)
            if self.settings.is_sqlite:
                return
            self.document = analysed(self.parsed)


def analysed(parsed: Parsed) -> dict:
    """The search document of a parsed message (``search.document``), before it has a row."""
    return search.document(Filed(id=0, list_id=0, message_id=parsed.message_id,
                                 subject=parsed.subject, body_text=parsed.body_text,
                                 from_name=parsed.from_name, from_addr=parsed.from_addr))
