"""What became of one message for one recipient: the domain's answer, never a reply line.

Only the SMTP/LMTP adapter turns an ``Outcome`` into the reply line its
sender reads; the domain says what happened: a post accepted, a duplicate, held, refused
(with the sender-facing reason and its RFC 3463 code), a temporary failure, or what a
role address (-request, -join, -leave, -owner, -bounces) did with the mail.
"""
from __future__ import annotations

from dataclasses import dataclass

from federation.errors import Rejected

# a post
ACCEPTED, DUPLICATE, HELD = "accepted", "duplicate", "held"
REFUSED, FAILED = "refused", "failed"  # 5xx with a reason and a code; 4xx, try again later
# mail to a role address
REPORT = "report"  # -bounces: a delivery report, handled later
FORWARDED, LOOP = "forwarded", "loop"  # -owner: passed to the owners; our own forward back
IGNORED = "ignored"  # automatic mail, never answered (RFC 3834 §2)
CONFIRMATION_SENT, HELP_SENT, INVALID_ADDRESS = "confirmation-sent", "help-sent", "invalid-address"
CONFIRMED, BAD_TOKEN = "confirmed", "bad-token"  # reason: what it did / why the token failed


@dataclass(frozen=True)
class Outcome:
    """What became of one message for one recipient address."""

    address: str
    status: str
    message_pk: int | None = None
    held_pk: int | None = None
    duplicate: bool = False  # archived or held already: nothing new to announce
    reason: str = ""  # a refusal's sender-facing text, or the detail of an answer
    code: str = ""  # a refusal's reply code and RFC 3463 enhanced code ("550 5.7.1")

    @property
    def accepted(self) -> bool:
        """Whether the sender may forget the message (a 250): all but refusals and failures."""
        return self.status not in (REFUSED, FAILED)

    @classmethod
    def refused(cls, address: str, refusal: Rejected) -> "Outcome":
        """The Outcome of a refusal: its sender-facing text and code."""
        return cls(address, REFUSED, reason=str(refusal), code=refusal.code)
