"""A web post as mail: the typed fields checked, then one RFC 5322 message built from them.

The message is what a mail client would send: From with the name given, a Message-ID minted
on our mail domain, In-Reply-To and References from the parent (RFC 5322 §3.6.4), a Date,
UTF-8 text/plain in quoted-printable (RFC 2045: no line over 998 octets whatever is typed),
and ``X-Relais-Via: web``. Every typed header value goes through ``one_line`` first: a CR or
LF in a name or subject must never start a header of the poster's choosing.
"""
from __future__ import annotations

import email.policy
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from email.charset import QP, Charset
from email.header import Header
from email.message import Message as EmailMessage
from email.utils import format_datetime, formataddr, make_msgid

from federation.archive.header_text import one_line
from federation.errors import Invalid
from federation.storage.models import MailingList, Message

MAX_NAME, MAX_SUBJECT, MAX_BODY = 100, 200, 50_000  # characters
VIA_HEADER = "X-Relais-Via"
_WIRE = email.policy.compat32.clone(linesep="\r\n")
_REPLY_PREFIX = re.compile(r"^\s*(re|aw|sv|tr|fwd?)\s*:", re.IGNORECASE)
_LOCAL = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}$")  # RFC 5322 dot-atom text


@dataclass(frozen=True)
class Draft:
    """What the form gave, checked: who writes, to which list, in answer to what."""

    list_address: str
    name: str
    email: str
    subject: str
    body: str
    parent_message_id: str = ""


def address(value: str) -> str:
    """A poster's address in ASCII (IDN domain in punycode) or ``Invalid``."""
    local, at, domain = (value or "").strip().strip("<>").rpartition("@")
    try:
        domain = domain.encode("idna").decode("ascii").lower()
    except UnicodeError:
        domain = ""
    if not at or not _LOCAL.match(local) or ".." in local or local.strip(".") != local \
            or not re.match(r"^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$",
                            domain) or len(local) + len(domain) + 1 > 254:
        raise Invalid("Adresse invalide / invalid address")
    return f"{local}@{domain}".lower()


def draft(list_address: str, name: str, email: str, subject: str, body: str,
          parent_message_id: str = "") -> Draft:
    """Check and tidy the typed fields; ``Invalid`` names the first that will not do."""
    name, subject = one_line(name).strip(), one_line(subject).strip()
    body = (body or "").replace("\r\n", "\n").replace("\r", "\n").strip("\n")
    if len(name) > MAX_NAME:
        raise Invalid("Nom trop long / name too long")
    if not subject or len(subject) > MAX_SUBJECT:
        raise Invalid("Sujet vide ou trop long / empty or too long subject")
    if not body.strip() or len(body) > MAX_BODY:
        raise Invalid("Message vide ou trop long / empty or too long message")
    return Draft(list_address.strip().lower(), name, address(email), subject, body,
                 one_line(parent_message_id).strip().strip("<>"))


def reply_subject(subject: str) -> str:
    """The subject of an answer: "Re: " once, as mail clients write it (RFC 5322 §3.6.5)."""
    subject = one_line(subject).strip()
    return subject if _REPLY_PREFIX.match(subject) else f"Re: {subject}".strip()


def quoted(body: str, attribution: str) -> str:
    """The parent's text offered as a quote: an attribution line, then "> " lines."""
    lines = (body or "").replace("\r\n", "\n").strip("\n").split("\n")
    return f"{attribution}\n" + "\n".join(">" + (" " + line if line and not line.startswith(">")
                                                else line) for line in lines) + "\n\n"


def _encoded(value: str) -> str | Header:
    """A header text as typed: plain when it is ASCII with no "=?", otherwise wholly RFC 2047
    encoded, so that a typed "=?utf-8?b?...?=" reads back as typed, not decoded (§5)."""
    return value if value.isascii() and "=?" not in value else Header(value, "utf-8")


def _mailbox(name: str, addr: str) -> str:
    """A From or To value: "Name" <addr> quoted as RFC 5322 §3.4 says, or encoded."""
    encoded = _encoded(name)
    return formataddr((name, addr)) if isinstance(encoded, str) else f"{encoded.encode()} <{addr}>"


def compose(mail_domain: str, mailing_list: MailingList, written: Draft,
            parent: Message | None = None, now: datetime | None = None) -> tuple[bytes, str]:
    """The message's raw bytes (CRLF) and its Message-ID (without angle brackets).

    Built with the compat32 API: ``EmailMessage`` re-parses what it is given, so a typed
    encoded-word would be decoded on the way in and never read back as it was typed."""
    message = EmailMessage(policy=email.policy.compat32)
    message["From"] = _mailbox(written.name, written.email)
    message["To"] = _mailbox(one_line(mailing_list.name), mailing_list.address)
    message["Subject"] = _encoded(written.subject)
    moment = (now or datetime.now(timezone.utc)).astimezone(timezone.utc)
    message["Date"] = format_datetime(moment)
    message_id = make_msgid("web", domain=mail_domain)
    message["Message-ID"] = message_id
    if parent is not None:  # RFC 5322 §3.6.4: the parent's References, then the parent
        chain = [f"<{mid}>" for mid in (parent.references or "").split() if mid]
        chain.append(f"<{parent.message_id}>")
        message["In-Reply-To"] = f"<{parent.message_id}>"
        message["References"] = " ".join(dict.fromkeys(chain))
    message[VIA_HEADER] = "web"
    message["MIME-Version"] = "1.0"
    text = Charset("utf-8")
    text.body_encoding = QP  # RFC 2045 §6.7: no line over 76 octets, whatever is typed
    message.set_payload(written.body + "\n", charset=text)
    return message.as_bytes(policy=_WIRE), message_id.strip("<>")
