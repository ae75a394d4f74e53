"""Turn raw RFC 5322 bytes into the fields the archive needs (the whole mail-parser surface).

mail-parser parses with the legacy compat32 policy; releases before 4.8.0 mis-decoded 8bit
UTF-8 bodies as Latin-1 (SpamScope/mail-parser #152), hence the pin in pyproject.toml and the
regression test with an 8bit French body. Parsing never raises: input that defeats the parser
is still described (with ``defect`` set) so that its raw bytes can be archived and flagged.
"""
from __future__ import annotations

import base64
import email
import email.policy
import logging
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email.header import decode_header, make_header
from email.utils import getaddresses, parsedate_to_datetime

import mailparser

from .sanitize import clean_html, html_to_text

# mail-parser logs every header at DEBUG; keep our logs readable.
logging.getLogger("mailparser").setLevel(logging.WARNING)
log = logging.getLogger(__name__)

_MSGID = re.compile(r"<([^<>\s]+)>")


@dataclass(frozen=True)
class Part:
    """An attachment's description; its bytes stay in the raw message."""

    filename: str
    content_type: str
    size: int


@dataclass(frozen=True)
class Parsed:
    """The parsed fields of one message; every string is safe to store (no NUL, valid UTF-8)."""

    message_id: str = ""
    from_name: str = ""
    from_addr: str = ""
    subject: str = ""
    date: datetime | None = None
    in_reply_to: str = ""
    references: str = ""
    body_text: str = ""
    body_html: str = ""
    attachments: tuple[Part, ...] = ()
    headers: dict = field(default_factory=dict)
    defect: str = ""


def clean_text(value: str | None) -> str:
    """Drop NUL bytes and lone surrogates, which PostgreSQL and browsers refuse."""
    if not value:
        return ""
    value = value.replace("\x00", "")
    return value.encode("utf-8", "replace").decode("utf-8")


def message_ids(value: str | None) -> list[str]:
    """The Message-IDs inside a References / In-Reply-To / Message-ID header, without brackets."""
    if not value:
        return []
    found = _MSGID.findall(value)
    if not found and value.strip() and " " not in value.strip():
        found = [value.strip()]  # some clients forget the angle brackets
    return [clean_text(mid)[:900] for mid in found]


def _decode(value: str | None) -> str:
    if not value:
        return ""
    try:
        return clean_text(str(make_header(decode_header(value))))
    except Exception:  # RFC 2047 garbage: keep the header as it came
        return clean_text(value)


def _naive_utc(value) -> datetime | None:
    if not isinstance(value, datetime):
        return None
    if value.tzinfo is not None:
        value = value.astimezone(timezone.utc).replace(tzinfo=None)
    if not 1970 <= value.year <= 2200:
        return None
    return value


def _header(headers: dict, name: str) -> str:
    for key, value in headers.items():
        if key.lower() == name.lower():
            return value if isinstance(value, str) else " ".join(map(str, value))
    return ""


def _attachments(mail) -> tuple[Part, ...]:
    parts = []
    for item in mail.attachments:
        payload = item.get("payload") or ""
        if item.get("binary"):
            size = len(payload) * 3 // 4
        else:
            size = len(payload.encode("utf-8", "replace"))
        parts.append(Part(filename=clean_text(item.get("filename") or "")[:250],
                          content_type=clean_text(item.get("mail_content_type")
                                                  or "application/octet-stream")[:250],
                          size=size))
    return tuple(parts)


def parse(raw: bytes) -> Parsed:
    """Turn raw bytes into archive fields; never raises."""
    try:
        return _parse(raw)
    except Exception as error:  # the parser choked: describe what the headers still say
        log.warning("mail-parser failed (%s); falling back to headers only", error)
        return _fallback(raw, f"{type(error).__name__}: {error}")


def _parse(raw: bytes) -> Parsed:
    mail = mailparser.parse_from_bytes(raw)
    headers = mail.headers
    from_name, from_addr = "", ""
    if mail.from_:
        from_name, from_addr = mail.from_[0]
    html = "\n".join(mail.text_html)
    text = "\n".join(mail.text_plain)
    if not text and html:
        text = html_to_text(html)
    defects = "; ".join(sorted({str(d) for d in (mail.defects_categories or [])}))
    return Parsed(
        message_id=(message_ids(_header(headers, "Message-ID")) or [""])[0],
        from_name=clean_text(from_name)[:500],
        from_addr=clean_text(from_addr).lower()[:254],
        subject=clean_text(mail.subject or "")[:2000],
        date=_naive_utc(mail.date),
        in_reply_to=" ".join(message_ids(_header(headers, "In-Reply-To"))),
        references=" ".join(message_ids(_header(headers, "References"))),
        body_text=clean_text(text),
        body_html=clean_text(clean_html(html)) if html else "",
        attachments=_attachments(mail),
        headers={k: clean_text(str(v))[:2000] for k, v in headers.items()},
        defect=defects,
    )


def _fallback(raw: bytes, reason: str) -> Parsed:
    try:
        msg = email.message_from_bytes(raw)  # compat32 is the most forgiving parser we have
        name, addr = (getaddresses([str(msg.get("From", ""))]) or [("", "")])[0]
        try:
            date = _naive_utc(parsedate_to_datetime(str(msg.get("Date", ""))))
        except Exception:
            date = None
        return Parsed(
            message_id=(message_ids(str(msg.get("Message-ID", ""))) or [""])[0],
            from_name=_decode(name), from_addr=clean_text(addr).lower()[:254],
            subject=_decode(str(msg.get("Subject", "")))[:2000], date=date,
            in_reply_to=" ".join(message_ids(str(msg.get("In-Reply-To", "")))),
            references=" ".join(message_ids(str(msg.get("References", "")))),
            body_text=clean_text(raw.decode("utf-8", "replace").partition("\n\n")[2]),
            defect=reason)
    except Exception as error:
        return Parsed(defect=f"{reason}; {type(error).__name__}: {error}",
                      body_text=clean_text(raw.decode("utf-8", "replace")))


def attachment_bytes(raw: bytes, position: int) -> tuple[str, str, bytes] | None:
    """The (filename, content type, bytes) of the attachment at ``position``, or None."""
    try:
        items = mailparser.parse_from_bytes(raw).attachments
    except Exception:
        return None
    if not 0 <= position < len(items):
        return None
    item = items[position]
    payload = item.get("payload") or ""
    data = base64.b64decode(payload) if item.get("binary") else payload.encode("utf-8")
    return (item.get("filename") or f"piece-jointe-{position + 1}",
            item.get("mail_content_type") or "application/octet-stream", data)


def header_value(raw: bytes, name: str) -> str:
    """One decoded header of a raw message (for rules that need a header we do not store)."""
    head = raw.split(b"\r\n\r\n", 1)[0].split(b"\n\n", 1)[0]
    msg = email.message_from_bytes(head + b"\n\n", policy=email.policy.compat32)
    return _decode(msg.get(name, ""))
