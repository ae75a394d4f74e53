"""Turn raw RFC 5322 bytes into the fields the archive needs (the whole parsing surface).

Every message is parsed with the standard library's forgiving compat32 parser (the one
mail-parser itself builds on): bodies decoded by their declared charset, then UTF-8, then
UTF-8 with replacement characters, so 8bit UTF-8 French bodies (SMTPUTF8 / 8BITMIME) and
lying charsets both come out readable; RFC 2047 headers decoded; raw 8bit header bytes read
as UTF-8 (RFC 6532), else Latin-1. mail-parser gives a second opinion when that walk fails
(it recovers parts from broken epilogues); it is not the first reader because its
Received-header and address analysis, which the archive never uses, cost four times the
parse itself. Parsing never raises: input that defeats both is still described (with
``defect`` set) so that its raw bytes can be archived and flagged.
"""
from __future__ import annotations

import email
import email.parser
import email.policy
import functools
import logging
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email.utils import getaddresses, parsedate_to_datetime


from federation.archive.header_text import decode_words
from federation.archive.sanitize import clean_html, html_to_text, within_limits

# mail-parser logs every header at DEBUG; keep our logs readable.
logging.getLogger("mailparser").setLevel(logging.WARNING)
log = logging.getLogger(__name__)

_MSGID = re.compile(r"<([^<>\s]+)>")
# A file name is one line of text: controls (CR/LF from RFC 2047 / RFC 2231 included) mean
# nothing in it and would end up in a Content-Disposition header or a feed.
_CONTROLS = re.compile(r"[\x00-\x1f\x7f]+")
# JWZ needs the nearest ancestors, which References lists last (RFC 5322 §3.6.4); a header
# of 10,000 ids would otherwise make 10,000 ghost containers for one message.
REFERENCES_KEPT = 100
# The stdlib parser, ``walk`` and ``as_bytes`` recurse once per MIME level (and the parser
# does work per line proportional to the depth): 1,000 nested parts exhaust the recursion
# limit. Each level needs a multipart/* or message/* Content-Type (a multipart/digest's parts
# default to message/rfc822, RFC 2046 §5.1.5, so at least every other level), so counting
# those headers bounds the depth, in one linear scan. Beyond the bound: headers only.
MAX_CONTAINERS = 100
_CONTAINER = re.compile(rb"content-type[ \t]*:\s*(?:multipart|message)/", re.IGNORECASE)


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
    headers: dict = field(default_factory=dict)  # name → value (RFC 2047 not decoded)
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


def last_unique(ids: list[str], keep: int = REFERENCES_KEPT) -> list[str]:
    """The last ``keep`` distinct ids, in order, each where it first appeared (linear)."""
    seen: set[str] = set()
    unique = [mid for mid in ids if not (mid in seen or seen.add(mid))]
    return unique[-keep:]


def _thread_ids(value: str | None) -> str:
    """A References / In-Reply-To header as stored: its last distinct Message-IDs."""
    return " ".join(last_unique(message_ids(value)))


def _decode(value: str | None) -> str:
    if not value:
        return ""
    if "=?" not in value:  # no RFC 2047 encoded-word: nothing to decode
        return clean_text(value)
    try:
        return clean_text(decode_words(value))
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


def _unescape(value: str) -> str:
    """Header text as read from bytes: raw 8bit bytes come back as surrogates; read them as
    UTF-8 (RFC 6532), or Latin-1 when they are not UTF-8."""
    try:
        value.encode("utf-8")
        return value
    except UnicodeEncodeError:
        data = value.encode("utf-8", "surrogateescape")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1", "replace")


def _raw_headers(msg) -> dict[str, list[str]]:
    """Header name (lower case) → values as received: ``raw_items`` keeps 8bit bytes as
    surrogates, where compat32's ``get`` would hand back an unknown-8bit ``Header``."""
    found: dict[str, list[str]] = {}
    for name, value in msg.raw_items():
        found.setdefault(name.lower(), []).append(_unescape(str(value)))
    return found


def _header_text(raw_headers: dict[str, list[str]], name: str) -> str:
    """One header, unfolded and decoded (RFC 2047, raw UTF-8); repeats joined by commas."""
    values = raw_headers.get(name.lower())
    if not values:
        return ""
    return ", ".join(_decode(" ".join(value.split())) for value in values)


# Parts that are files even without a filename (mail-parser's rule): RTF bodies, and parts
# that other parts refer to by Content-ID (images of an HTML body).
def _is_attachment(part, filename: str, disposition: str, subtype: str) -> bool:
    if filename or disposition == "attachment":
        return True
    return subtype == "rtf" or (bool(part.get("Content-ID")) and subtype not in ("html", "plain"))


def _text(part, defects: set[str]) -> str:
    """A text part's content: declared charset, else UTF-8, else UTF-8 with replacements."""
    payload = part.get_payload(decode=True)
    if not payload:
        return ""
    charset = part.get_content_charset() or "utf-8"
    try:
        return payload.decode(charset)
    except (LookupError, UnicodeError):
        defects.add("CharsetDecodeDefect")
    try:
        return payload.decode("utf-8")
    except UnicodeDecodeError:
        return payload.decode("utf-8", "replace")


def _filename(part) -> str:
    try:
        name = part.get_filename() or ""
    except Exception:  # a malformed RFC 2231 parameter: keep what the header says
        name = str(part.get_param("name", "") or "")
    return _CONTROLS.sub(" ", _decode(_unescape(str(name)))).strip()


def _file_bytes(part) -> bytes:
    """The content of an attachment: decoded bytes, or a whole attached message."""
    if part.is_multipart():
        inner = part.get_payload()
        if part.get_content_type() == "message/rfc822" and inner:
            return inner[0].as_bytes()
        return part.as_bytes()
    return part.get_payload(decode=True) or b""


def _walk(msg) -> tuple[list[str], list[str], list[tuple[str, object]], set[str]]:
    """Plain and HTML bodies, (filename, part) of each attachment and defect names, in MIME
    order. Nothing below an attached container (a forwarded message) counts as a body."""
    plain, html, files, defects = [], [], [], set()
    inside: set[int] = set()  # ids of parts below an attached container
    for part in msg.walk():
        defects.update(type(defect).__name__ for defect in part.defects)
        below = id(part) in inside
        disposition = (part.get_content_disposition() or "").lower()
        filename = _filename(part)
        if part.is_multipart():
            attached = disposition == "attachment" or bool(filename)
            if below or attached:
                children = part.get_payload()
                inside.update(id(child) for child in children if not isinstance(child, str))
                if attached and not below:
                    files.append((filename, part))
            continue
        if below:
            continue
        maintype, _slash, subtype = part.get_content_type().partition("/")  # read once
        if _is_attachment(part, filename, disposition, subtype):
            files.append((filename or str(part.get("Content-ID", "") or ""), part))
            continue
        if maintype == "text" and subtype in ("plain", "html"):
            text = _text(part, defects)
            if text:
                (html if subtype == "html" else plain).append(text)
    return plain, html, files, defects


def _described(files: list[tuple[str, object]]) -> tuple[Part, ...]:
    described = []
    for name, part in files:
        try:
            size = len(_file_bytes(part))
        except Exception:  # an attachment that cannot be re-serialised: listed, size unknown
            size = 0
        described.append(Part(clean_text(name)[:250],
                              clean_text(part.get_content_type())[:250], size))
    return tuple(described)


def _date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return _naive_utc(parsedate_to_datetime(str(value)))
    except Exception:  # an unparseable Date: the archive uses the arrival time
        return None


def too_nested(raw: bytes) -> bool:
    """Whether the MIME tree may be deeper than the parser walks safely (``MAX_CONTAINERS``)."""
    if raw.lower().count(b"content-type") <= MAX_CONTAINERS:  # every match starts so
        return False
    for count, _match in enumerate(_CONTAINER.finditer(raw), 1):
        if count > MAX_CONTAINERS:
            return True
    return False


def parse(raw: bytes) -> Parsed:
    """Turn raw bytes into archive fields; never raises.

    A message nested beyond ``MAX_CONTAINERS`` parts is described by its headers alone (no
    body, no attachments, ``defect`` says why); its raw bytes are archived as ever."""
    if too_nested(raw):
        return _headers_only(raw, f"MimeNestingDefect: more than {MAX_CONTAINERS} multipart "
                                  "or message parts; headers only")
    try:
        return _parse(raw)
    except Exception as error:  # the parser choked: ask mail-parser, then the headers alone
        reason = f"{type(error).__name__}: {error}"
        log.warning("parsing failed (%s); trying mail-parser", reason)
    try:
        return _second_opinion(raw, reason)
    except Exception as error:
        log.warning("mail-parser failed too (%s); falling back to headers only", error)
        return _fallback(raw, f"{reason}; {type(error).__name__}: {error}")


@functools.lru_cache(maxsize=4096)  # an archive's few hundred authors write the same From
def _author(value: str) -> tuple[str, str]:
    """The (name, address) of a From header."""
    return (getaddresses([value]) or [("", "")])[0]


def _header_fields(msg) -> dict:
    """The Parsed fields that come from the top-level header block."""
    raw_headers = _raw_headers(msg)
    first = {name: values[0] for name, values in raw_headers.items()}
    from_name, from_addr = "", ""
    if first.get("from"):
        from_name, from_addr = _author(first["from"])
    # For the rules (List-Id, X-Loop, Auto-Submitted, To, Cc): unfolded, repeats joined,
    # RFC 2047 words left as they came (nothing the rules look for hides in them).
    headers = {}
    for name, _value in msg.raw_items():
        if name not in headers:
            value = ", ".join(raw_headers[name.lower()])
            headers[name] = clean_text(value.replace("\r\n", "").replace("\n", ""))[:2000]
    return dict(
        message_id=(message_ids(first.get("message-id")) or [""])[0],
        from_name=_decode(from_name)[:500],
        from_addr=clean_text(from_addr).lower()[:254],
        subject=clean_text(_header_text(raw_headers, "Subject"))[:2000],
        date=_date(first.get("date")),
        in_reply_to=_thread_ids(first.get("in-reply-to")),
        references=_thread_ids(" ".join(raw_headers.get("references", []))),
        headers=headers)


def _parse(raw: bytes) -> Parsed:
    msg = email.message_from_bytes(raw)  # compat32: the most forgiving parser we have
    plain, html_parts, files, defects = _walk(msg)
    html = "\n".join(html_parts)
    text = "\n".join(plain)
    if not text and html:
        text = html_to_text(html)
    body_html = clean_text(clean_html(html)) if html else ""
    if html and not body_html and not within_limits(html):
        defects.add("HtmlTooLargeDefect")  # shown as text (federation/archive/sanitize.py)
    return Parsed(**_header_fields(msg), body_text=clean_text(text), body_html=body_html,
                  attachments=_described(files), defect="; ".join(sorted(defects)))


def _headers_only(raw: bytes, reason: str) -> Parsed:
    """A message described by its header block alone: its body is never parsed or walked."""
    try:
        msg = email.parser.BytesHeaderParser(policy=email.policy.compat32).parsebytes(raw)
        return Parsed(**_header_fields(msg), defect=reason)
    except Exception as error:
        return Parsed(defect=f"{reason}; {type(error).__name__}: {error}")


def _second_opinion(raw: bytes, reason: str) -> Parsed:
    """mail-parser's reading of a message the stdlib walk choked on (it recovers parts from
    broken epilogues, among others); bodies only, flagged with the first failure.
    Imported here: 9 MB that most processes (the web server's) never need."""
    import mailparser
    mail = mailparser.parse_from_bytes(raw)
    name, addr = (mail.from_ or [("", "")])[0]
    html = "\n".join(mail.text_html)
    text = "\n".join(mail.text_plain) or (html_to_text(html) if html else "")
    headers = {k: clean_text(str(v))[:2000] for k, v in mail.headers.items()}
    return Parsed(
        message_id=(message_ids(headers.get("Message-ID") or headers.get("Message-Id"))
                    or [""])[0],
        from_name=clean_text(name)[:500], from_addr=clean_text(addr).lower()[:254],
        subject=clean_text(mail.subject or "")[:2000], date=_naive_utc(mail.date),
        in_reply_to=_thread_ids(headers.get("In-Reply-To")),
        references=_thread_ids(headers.get("References")),
        body_text=clean_text(text), body_html=clean_text(clean_html(html)) if html else "",
        headers=headers, defect=reason)


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
            in_reply_to=_thread_ids(str(msg.get("In-Reply-To", ""))),
            references=_thread_ids(str(msg.get("References", ""))),
            body_text=clean_text(raw.decode("utf-8", "replace").partition("\n\n")[2]),
            defect=reason)
    except Exception as error:
        return Parsed(defect=f"{reason}; {type(error).__name__}: {error}",
                      body_text=clean_text(raw.decode("utf-8", "replace")))


def attachment_bytes(raw: bytes, position: int) -> tuple[str, str, bytes] | None:
    """The (filename, content type, bytes) of the attachment at ``position``, or None.

    Positions are those of ``Parsed.attachments`` (the same walk of the MIME tree).
    """
    if too_nested(raw):  # described by its headers only: it has no attachments to serve
        return None
    try:
        files = _walk(email.message_from_bytes(raw))[2]
        if not 0 <= position < len(files):
            return None
        name, part = files[position]
        return (clean_text(name) or f"piece-jointe-{position + 1}", part.get_content_type(),
                _file_bytes(part))
    except Exception:
        return None


def header_value(raw: bytes, name: str) -> str:
    """One decoded header of a raw message (for rules that need a header we do not store)."""
    head = raw.split(b"\r\n\r\n", 1)[0].split(b"\n\n", 1)[0]
    msg = email.message_from_bytes(head + b"\n\n", policy=email.policy.compat32)
    return _decode(msg.get(name, ""))
