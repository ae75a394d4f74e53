"""Each member's copy of a list message: the original bytes plus the list's headers.

The work shared by every recipient (list headers, subject tag, footer, DMARC munging) is
done once per message in ``prepare``, and rendered once as wire bytes (CRLF, dot-stuffed:
``Prepared.head`` and ``Prepared.tail``); ``copy_for`` then only adds the recipient's own
one-click unsubscribe headers (RFC 8058) and the DKIM signature, so a 10,000-member
fan-out costs little more than the sending. A list in "batched" delivery mode sends one
copy to several members (``batched_copy``): its List-Unsubscribe is the list's own (its page
and its -leave address), with no one-click link, since a copy read by several members must
never unsubscribe one of them by a single POST (RFC 8058 section 3: the URI identifies the
recipient).
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import cached_property
from email.utils import formataddr, getaddresses, parseaddr
from urllib.parse import quote

from federation.storage.models import MailingList, role_address
from federation.settings import Settings
from feeds import links

from mail import dkim, footers, headers
from mail.outgoing import Wire, stuffed

log = logging.getLogger(__name__)
# Headers we set ourselves: a copy never carries another list's (or an earlier pass's)
# values (RFC 2369, RFC 2919), and Return-Path belongs to the final delivery (RFC 5321 4.4).
REPLACED = {"list-id", "list-post", "list-help", "list-subscribe", "list-unsubscribe",
            "list-unsubscribe-post", "list-archive", "list-owner", "archived-at",
            "precedence", "return-path", "delivered-to", "x-original-to"}


@dataclass(frozen=True)
class ListInfo:
    """What a copy needs to know about its list, detached from any database session."""

    id: int
    address: str
    name: str
    list_id: str
    policy: str
    subject_prefix: str
    footer: str

    @classmethod
    def of(cls, mailing_list: MailingList) -> "ListInfo":
        return cls(mailing_list.id, mailing_list.address, mailing_list.name,
                   mailing_list.list_id, mailing_list.policy,
                   mailing_list.subject_prefix or "", mailing_list.footer or "")

    @property
    def local(self) -> str:
        return self.address.split("@", 1)[0]

    @property
    def domain(self) -> str:
        return self.address.split("@", 1)[1]

    def command(self, suffix: str) -> str:
        """A command address such as semences-leave@lists.test."""
        return role_address(self.address, suffix)


@dataclass(frozen=True)
class Prepared:
    """The part of every copy that is the same for all recipients."""

    fields: tuple[bytes, ...]
    body: bytes

    @cached_property
    def head(self) -> bytes:
        """The shared header fields on the wire, each line ended."""
        return stuffed(b"\r\n".join(self.fields) + b"\r\n")

    @cached_property
    def tail(self) -> bytes:
        """The blank line and the body on the wire."""
        return b"\r\n" + stuffed(self.body)


def list_url(settings: Settings, info: ListInfo) -> str:
    """The list's archive page on the web."""
    return f"{settings.base_url}/l/{quote(info.address)}"


def permalink(settings: Settings, message_id: str) -> str:
    """The Archived-At permalink, from the Message-ID (never a row id; DESIGN.md)."""
    return links.permalink(settings.base_url, message_id)


def list_fields(settings: Settings, info: ListInfo, message_id: str | None) -> list[bytes]:
    """RFC 2369 / 2919 / 5064 list headers, Precedence and X-Loop."""
    post = "NO" if info.policy == "announce" else f"<mailto:{info.address}>"
    fields = [
        headers.field("List-Id", formataddr((info.name, info.list_id), charset="utf-8")),
        headers.field("List-Post", post),
        headers.field("List-Help", f"<mailto:{info.command('request')}?subject=help>"),
        headers.field("List-Subscribe", f"<{list_url(settings, info)}>, "
                                        f"<mailto:{info.command('join')}>"),
        headers.field("List-Archive", f"<{list_url(settings, info)}>"),
        headers.field("List-Owner", f"<mailto:{info.command('owner')}>"),
    ]
    if message_id:
        fields.append(headers.field("Archived-At", f"<{permalink(settings, message_id)}>"))
    fields += [b"Precedence: list", headers.field("X-Loop", info.address)]
    return fields


def _tagged(fields: list[bytes], prefix: str) -> list[bytes]:
    """Add the subject tag, unless a reply already carries it."""
    subject = headers.decoded(headers.value_of(fields, "Subject"))
    if prefix.lower() in subject.lower():
        return fields
    new = headers.field("Subject", f"{prefix} {subject}".strip())
    index = next((i for i, f in enumerate(fields) if headers.name_of(f) == "subject"), None)
    if index is None:
        return fields + [new]
    return fields[:index] + [new] + fields[index + 1:]


def _munged(fields: list[bytes], info: ListInfo) -> list[bytes]:
    """DMARC: From "Name via List" <list>, the author in Reply-To (or Cc) and X-Original-From."""
    original = headers.value_of(fields, "From")
    # Addresses are read before RFC 2047 decoding (§5: an encoded word is never an address)
    name, address = parseaddr(original)
    name = headers.decoded(name)
    shown = name or address.replace("@", " at ")
    out = headers.without(fields, {"from", "x-original-from"})
    out.append(headers.field("From", formataddr((f"{shown} via {info.name}", info.address),
                                                charset="utf-8")))
    out.append(b"X-Original-From: " + headers.one_line(original).encode("utf-8"))
    author = formataddr((name, address), charset="utf-8")
    if not headers.value_of(fields, "Reply-To"):
        out.append(headers.field("Reply-To", author))
    else:  # keep the author's own Reply-To, and still reach the author on reply-all
        cc = headers.value_of(fields, "Cc")  # as received: decoding could forge addresses
        if address.lower() not in [a.lower() for _, a in getaddresses([cc])]:
            out = headers.without(out, {"cc"})
            out.append(headers.field("Cc", f"{cc}, {author}" if cc else author))
    return out


def prepare(settings: Settings, info: ListInfo, raw: bytes, message_id: str | None,
            munge: bool) -> Prepared:
    """Do once, for every recipient: headers, subject tag, footer, DMARC munging."""
    fields, body = headers.split(raw)
    fields = headers.without(fields, REPLACED)
    if info.subject_prefix.strip():
        fields = _tagged(fields, info.subject_prefix.strip())
    if info.footer.strip():
        fields, body = footers.add(fields, body, info.footer)
    if munge:
        fields = _munged(fields, info)
    fields += list_fields(settings, info, message_id)
    return Prepared(tuple(fields), body)


def unsubscribe_fields(settings: Settings, info: ListInfo, mailing_list, email: str) -> list[bytes]:
    """List-Unsubscribe (one-click https + mailto) and List-Unsubscribe-Post (RFC 8058)."""
    mailto = f"<mailto:{info.command('leave')}>"
    url = one_click_url(settings, mailing_list, email)
    if not url:
        return [headers.field("List-Unsubscribe", mailto)]
    return [headers.field("List-Unsubscribe", f"<{url}>, {mailto}"),
            b"List-Unsubscribe-Post: List-Unsubscribe=One-Click"]


def one_click_url(settings: Settings, mailing_list, email: str) -> str:
    """The member's one-click link from federation.lists.tokens ("" until that module exists)."""
    try:
        from federation.lists.tokens import unsubscribe_url
    except ImportError:
        return ""
    try:
        return unsubscribe_url(settings, mailing_list, email)
    except Exception:  # a missing link must not stop the copy
        log.exception("no unsubscribe link for %s", email)
        return ""


def copy_for(settings: Settings, info: ListInfo, prepared: Prepared, mailing_list,
             email: str) -> Wire:
    """One recipient's copy, signed after every modification (RFC 6376)."""
    return _with_fields(settings, info, prepared,
                        unsubscribe_fields(settings, info, mailing_list, email))


def list_unsubscribe_fields(settings: Settings, info: ListInfo) -> list[bytes]:
    """The list-wide List-Unsubscribe of a batched copy: the list's page (its form mails a
    confirmation) and the -leave address; no List-Unsubscribe-Post, so no one-click."""
    return [headers.field("List-Unsubscribe", f"<{list_url(settings, info)}>, "
                                              f"<mailto:{info.command('leave')}>")]


def batched_copy(settings: Settings, info: ListInfo, prepared: Prepared) -> Wire:
    """The one copy of a batched list's message that all its members get."""
    return _with_fields(settings, info, prepared, list_unsubscribe_fields(settings, info))


def _with_fields(settings: Settings, info: ListInfo, prepared: Prepared,
                 own: list[bytes]) -> Wire:
    own_lines = b"\r\n".join(own) + b"\r\n" if own else b""
    if not dkim.enabled(settings):
        return Wire.joined([prepared.head, own_lines, prepared.tail])
    raw = headers.join([*prepared.fields, *own], prepared.body)
    signature = dkim.sign(settings, raw, info.domain)[:-len(raw)]  # the DKIM-Signature field
    return Wire.joined([signature, prepared.head, own_lines, prepared.tail])
