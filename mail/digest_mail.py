"""Per-list digests by email: MIME (RFC 2046 multipart/digest) or plain text (RFC 1153).

The MIME flavour is a multipart/mixed of a table of contents and a multipart/digest whose
message/rfc822 parts are the archived messages themselves, so their Message-IDs (and
everything else) are kept and a reply threads. The plain flavour follows RFC 1153's
layout, with each message's Message-ID among its headers. The list chooses the flavour
with its ListSetting "digest_format" (mime, the default, or plain).
"""
from __future__ import annotations

import email
import email.header
import io
import logging
from email.generator import BytesGenerator
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.utils import format_datetime, formataddr
from datetime import timezone

from federation.lists import bounces
from federation.delivery import deliveries, list_digests
from federation.storage.db import session_scope
from federation.archive.enclosure import enclose
from federation.archive.header_text import one_line
from federation.storage.models import utcnow
from federation.settings import Settings

from mail import copies, delivery, headers

log = logging.getLogger(__name__)
RULE_70 = "-" * 70  # RFC 1153: after the table of contents
RULE_30 = "-" * 30  # RFC 1153: between messages


def _title(info: copies.ListInfo, digest) -> str:
    when = digest.starts_at.strftime("%d/%m/%Y")
    span = f"du {when}" if digest.period == "day" else f"de la semaine du {when}"
    return f"Résumé {span} de {info.name} / {info.name} digest, n° {digest.number}"


def _entries(messages) -> list[str]:
    return [f"{n:3}. {one_line(m.subject) or '(sans objet)'} "
            f"({one_line(m.from_name) or m.from_addr})" for n, m in enumerate(messages, 1)]


def _toc(info, digest, messages) -> str:
    lines = [_title(info, digest), "", "Sujets / Topics:", "", *_entries(messages), ""]
    return "\n".join(lines)


def _outer(settings: Settings, info, digest, body) -> MIMEMultipart | MIMEText:
    body["From"] = formataddr((info.name, info.command("request")), charset="utf-8")
    body["To"] = info.address
    body["Subject"] = email.header.Header(_title(info, digest), "utf-8").encode()
    body["Date"] = format_datetime(utcnow().replace(tzinfo=timezone.utc))
    body["Message-ID"] = (f"<digest.{digest.period}.{digest.number}.{info.local}"
                          f"@{info.domain}>")
    return body


def render_mime(settings: Settings, info, digest, messages) -> bytes:
    """A multipart/mixed: table of contents, then a multipart/digest of message/rfc822."""
    outer = MIMEMultipart("mixed")
    outer.attach(MIMEText(_toc(info, digest, messages), "plain", "utf-8"))
    bundle = MIMEMultipart("digest")
    for message in messages:
        bundle.attach(enclose(message.raw))  # bytes as archived, never re-parsed
    outer.attach(bundle)
    if info.footer.strip():
        outer.attach(MIMEText(info.footer, "plain", "utf-8"))
    buffer = io.BytesIO()
    BytesGenerator(buffer, mangle_from_=False).flatten(_outer(settings, info, digest, outer))
    return buffer.getvalue()


def _plain_entry(message) -> list[str]:
    body = [(" " + line if line == RULE_30 else line)  # RFC 1153: no false separators
            for line in (message.body_text or "").strip("\n").splitlines()]
    date = format_datetime(message.date.replace(tzinfo=timezone.utc)) if message.date else ""
    # RFC 1153: readers split these headers out, so decoded text stays on one line each
    author = one_line(formataddr((one_line(message.from_name), message.from_addr)))
    return [f"Date: {date}", f"From: {author}", f"Subject: {one_line(message.subject)}",
            f"Message-ID: <{one_line(message.message_id)}>", "",
            *body, "", RULE_30, ""]


def render_plain(settings: Settings, info, digest, messages) -> bytes:
    """An RFC 1153 digest: header, topics, a 70-dash rule, messages between 30-dash rules."""
    lines = [_toc(info, digest, messages), RULE_70, ""]
    for message in messages:
        lines += _plain_entry(message)
    lines += [f"Fin du résumé / End of {info.name} digest, n° {digest.number}",
              "*" * len(f"End of {info.name} digest, n° {digest.number}")]
    if info.footer.strip():
        lines += ["", info.footer]
    text = MIMEText("\n".join(lines) + "\n", "plain", "utf-8")
    buffer = io.BytesIO()
    BytesGenerator(buffer, mangle_from_=False).flatten(_outer(settings, info, digest, text))
    return buffer.getvalue()


def builder(settings: Settings, digest_id: int):
    """(list info, builder of one recipient's bytes) for a digest issue, or None."""
    with session_scope(settings) as session:
        digest = session.get(list_digests.ListDigest, digest_id)
        if digest is None:
            return None
        mailing_list = list_digests.list_of(session, digest)
        info = copies.ListInfo.of(mailing_list)
        flavour = bounces.option(session, mailing_list.id, "digest_format", "mime")
        messages = list_digests.messages(session, digest.list_id, digest.starts_at,
                                         digest.ends_at)
        for message in messages:
            message.raw, message.body_text  # load the deferred columns before closing
        render = render_plain if flavour == "plain" else render_mime
        raw = render(settings, info, digest, messages)
    fields, body = headers.split(raw)
    prepared = copies.Prepared(tuple(fields + copies.list_fields(settings, info, None)), body)
    return info, lambda email: copies.copy_for(settings, info, prepared, mailing_list, email)


def send_due(settings: Settings, now=None) -> int:
    """Send each list's last complete daily and weekly digests to their members, once."""
    with session_scope(settings) as session:
        pairs = list_digests.wanted(session)
    issued = 0
    for list_id, period in pairs:
        with session_scope(settings) as session:
            digest = list_digests.issue(session, list_id, period, now)
            if digest is None:
                continue
            deliveries.plan(session, list_id, "digest", digest.id,
                            list_digests.recipients(session, digest))
            digest_id = digest.id
        with session_scope(settings) as session:
            claimed = deliveries.claim(session, "digest", digest_id)
        if claimed:
            info, build = builder(settings, digest_id)
            delivery.deliver(settings, info, "digest", digest_id, claimed, build)
            issued += 1
    return issued
