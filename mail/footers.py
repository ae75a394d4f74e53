"""A list footer added without breaking MIME (what Mailman's decorate handler does).

A single text/plain part gets the footer appended in its own charset and transfer
encoding; a multipart/mixed message gets one more text/plain part before its closing
boundary; anything else (multipart/alternative, multipart/signed, text/html...) is wrapped
in a new multipart/mixed whose second part is the footer, so a signed part stays intact
(RFC 1847 signatures cover the part's bytes).
"""
from __future__ import annotations

import base64
import email
import quopri
import re
import uuid

from mail import headers

SEPARATOR = "\n_______________________________________________\n"
_CONTENT = {"content-type", "content-transfer-encoding", "content-disposition",
            "content-description", "content-id"}


def _lines(data: bytes) -> bytes:
    return re.sub(rb"\r?\n", b"\r\n", data)


def _content(fields: list[bytes]) -> email.message.Message:
    """The top-level MIME headers as an email.message.Message (no body)."""
    return email.message_from_bytes(
        b"\r\n".join(f for f in fields if headers.name_of(f) in _CONTENT) + b"\r\n\r\n")


def _encode(data: bytes, transfer: str) -> bytes:
    if transfer == "base64":
        return _lines(base64.encodebytes(data))
    if transfer == "quoted-printable":
        return _lines(quopri.encodestring(data))
    return data


def _footer_part(text: str) -> bytes:
    body = _encode(text.encode("utf-8"), "quoted-printable")
    return (b'Content-Type: text/plain; charset="utf-8"\r\n'
            b"Content-Transfer-Encoding: quoted-printable\r\n"
            b"Content-Disposition: inline\r\n\r\n" + body)


def _guess(payload: bytes) -> str:
    """The charset of an undeclared body: us-ascii by RFC 2045, but 8bit UTF-8 is common."""
    try:
        payload.decode("utf-8")
    except UnicodeDecodeError:
        return "latin-1"
    return "us-ascii" if payload.isascii() else "utf-8"


def _plain(fields: list[bytes], body: bytes, meta, text: str) -> tuple[list[bytes], bytes]:
    """Append to a single text/plain body, in its charset and transfer encoding."""
    transfer = (meta.get("Content-Transfer-Encoding") or "7bit").strip().lower()
    whole = email.message_from_bytes(b"\r\n".join(fields) + b"\r\n\r\n" + body)
    payload = whole.get_payload(decode=True) or b""
    charset = meta.get_content_charset() or _guess(payload)
    try:
        current = payload.decode(charset, "replace")
    except LookupError:
        return _wrap(fields, body, text)
    joined = current.rstrip("\r\n") + "\n" + text
    try:
        data = joined.encode(charset)
    except (UnicodeEncodeError, LookupError):
        charset, data = "utf-8", joined.encode("utf-8")
    data = _lines(data)
    if transfer not in ("base64", "quoted-printable"):
        transfer = "7bit" if data.isascii() else "8bit"
    meta.set_param("charset", charset)
    content_type = meta.get("Content-Type")
    kept = headers.without(fields, {"content-type", "content-transfer-encoding"})
    kept += [headers.fold(f"Content-Type: {content_type}".encode("ascii")),
             f"Content-Transfer-Encoding: {transfer}".encode("ascii")]
    if not headers.value_of(fields, "MIME-Version"):
        kept.append(b"MIME-Version: 1.0")
    return kept, _encode(data, transfer)


def _wrap(fields: list[bytes], body: bytes, text: str) -> tuple[list[bytes], bytes]:
    """Nest the original content as the first part of a new multipart/mixed."""
    boundary = f"=_relais_{uuid.uuid4().hex}".encode("ascii")
    inner = [f for f in fields if headers.name_of(f) in _CONTENT] or [b"Content-Type: text/plain"]
    kept = headers.without(fields, _CONTENT | {"mime-version"})
    kept += [b"MIME-Version: 1.0",
             b'Content-Type: multipart/mixed; boundary="' + boundary + b'"']
    new_body = (b"--" + boundary + b"\r\n" + b"\r\n".join(inner) + b"\r\n\r\n" + body
                + b"\r\n--" + boundary + b"\r\n" + _footer_part(text)
                + b"\r\n--" + boundary + b"--\r\n")
    return kept, new_body


def _mixed(fields: list[bytes], body: bytes, boundary: str, text: str) -> tuple[list[bytes], bytes]:
    """Insert a footer part just before the closing boundary of a multipart/mixed."""
    closing = b"\r\n--" + boundary.encode("ascii", "replace") + b"--"
    at = body.rfind(closing)
    if at < 0:
        return _wrap(fields, body, text)
    part = b"\r\n--" + boundary.encode("ascii") + b"\r\n" + _footer_part(text)
    return fields, body[:at] + part + body[at:]


def add(fields: list[bytes], body: bytes, footer: str) -> tuple[list[bytes], bytes]:
    """Return (fields, body) with ``footer`` shown at the end of the message."""
    text = SEPARATOR + footer.strip("\n") + "\n"
    meta = _content(fields)
    kind = meta.get_content_type()
    if kind == "text/plain" and not meta.get_filename():
        return _plain(fields, body, meta, text)
    if kind == "multipart/mixed" and meta.get_param("boundary"):
        return _mixed(fields, body, meta.get_param("boundary"), text)
    return _wrap(fields, body, text)
