"""Mail out: to the relay named by RELAIS_RELAY_URL, or into the Maildir outbox when unset.

``smtp://host:port``, ``smtps://`` (implicit TLS, RFC 8314), ``smtp+starttls://`` or
``smtp://…?starttls=1`` (RFC 3207), with optional ``user:password@`` (RFC 4954 AUTH) and
``?verify=0`` for a relay with a self-signed certificate. A ``Connection`` keeps one SMTP
session open across many transactions: VERP gives each recipient its own envelope sender,
so a fan-out is many MAIL/RCPT/DATA rounds on a few reused connections. When the relay
offers PIPELINING (RFC 2920), MAIL, every RCPT and DATA go out in one write and their
replies are read together: two round trips a transaction instead of three plus one per
recipient (smtplib never pipelines, so the transaction is written on its socket here).
Messages travel as ``Wire``: CRLF line ends and dot-stuffing done once (RFC 5321 4.5.2),
so the parts shared by every copy of a post are prepared once, not once per copy.
"""
from __future__ import annotations

import functools
import mailbox
import os
import re
import smtplib
import socket
import ssl
from dataclasses import dataclass
from urllib.parse import parse_qs, unquote, urlsplit

from federation.storage.datadir import private_dir
from federation.settings import Settings

TIMEOUT = 30.0
_BARE_LF = re.compile(rb"(?<!\r)\n")
_LEADING_DOT = re.compile(rb"^\.", re.MULTILINE)
_STUFFED_DOT = re.compile(rb"^\.\.", re.MULTILINE)
_UNSAFE = re.compile(r"[\r\n<>\x00]")


class TemporaryFailure(Exception):
    """A 4xx reply or an unreachable relay: try again later (RFC 5321 4.2.1)."""


class PermanentFailure(Exception):
    """A 5xx reply: the recipient (or the message) is refused for good."""


@dataclass(frozen=True)
class Relay:
    """Where and how to reach the outgoing relay."""

    host: str
    port: int
    implicit_tls: bool = False
    starttls: bool = False
    user: str = ""
    password: str = ""
    verify: bool = True


@functools.lru_cache(maxsize=2)
def _tls_context(verify: bool) -> ssl.SSLContext:
    """One TLS context per process (loading the system's CA certificates costs tens of ms;
    a context is safe to share between threads), made only for a relay that uses TLS."""
    context = ssl.create_default_context()
    if not verify:
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
    return context


def relay_of(url: str) -> Relay:
    """Parse RELAIS_RELAY_URL."""
    parts = urlsplit(url)
    query = parse_qs(parts.query)
    scheme = parts.scheme.lower()
    if scheme not in ("smtp", "smtps", "smtp+starttls"):
        raise ValueError(f"RELAIS_RELAY_URL: unknown scheme {parts.scheme!r}")
    implicit = scheme == "smtps"
    starttls = scheme == "smtp+starttls" or query.get("starttls", ["0"])[0] in ("1", "true", "yes")
    return Relay(host=parts.hostname or "127.0.0.1", port=parts.port or (465 if implicit else 25),
                 implicit_tls=implicit, starttls=starttls, user=unquote(parts.username or ""),
                 password=unquote(parts.password or ""),
                 verify=query.get("verify", ["1"])[0] not in ("0", "false", "no"))


def crlf(raw: bytes) -> bytes:
    """SMTP lines end with CRLF (RFC 5321 2.3.8); stored messages may use bare LF."""
    return _BARE_LF.sub(b"\r\n", raw)


def stuffed(lines: bytes) -> bytes:
    """CRLF text with every line that starts with "." given one more (RFC 5321 4.5.2);
    ``lines`` must start at the start of a line."""
    return _LEADING_DOT.sub(b"..", crlf(lines))


@dataclass(frozen=True)
class Wire:
    """A message as DATA carries it: CRLF, dot-stuffed, ending with the lone "." line."""

    data: bytes
    eight_bit: bool

    @classmethod
    def of(cls, raw: bytes) -> "Wire":
        """The wire form of a whole message."""
        return cls.joined([stuffed(raw)])

    @classmethod
    def joined(cls, parts: list[bytes]) -> "Wire":
        """A message from already stuffed parts (each ending where a line ends)."""
        data = b"".join(parts)
        if not data.endswith(b"\r\n"):
            data += b"\r\n"
        return cls(data + b".\r\n", not data.isascii())

    def raw(self) -> bytes:
        """The message itself again (what a Maildir keeps): no stuffing, no final dot."""
        return _STUFFED_DOT.sub(b".", self.data[:-3])


class _Outbox(mailbox.Maildir):
    """A Maildir whose messages are owner-only (the stdlib creates them 0666 & ~umask)."""

    def _create_tmp(self):
        handle = super()._create_tmp()
        os.fchmod(handle.fileno(), 0o600)  # before a byte of the copy is written
        return handle


class Connection:
    """One reusable way out: an SMTP session to the relay, or the Maildir outbox."""

    def __init__(self, settings: Settings):
        self.relay = relay_of(settings.relay_url) if settings.relay_url else None
        if not self.relay:  # Maildir creates only the last folder; the data dir may be new
            private_dir(settings.outbox_dir.parent)
        self.outbox = None if self.relay else _Outbox(settings.outbox_dir, create=True)
        self.smtp: smtplib.SMTP | None = None

    def __enter__(self) -> "Connection":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _open(self) -> smtplib.SMTP:
        relay = self.relay
        context = _tls_context(relay.verify) if relay.implicit_tls or relay.starttls else None
        try:
            if relay.implicit_tls:
                smtp = smtplib.SMTP_SSL(relay.host, relay.port, timeout=TIMEOUT, context=context)
            else:
                smtp = smtplib.SMTP(relay.host, relay.port, timeout=TIMEOUT)
            smtp.ehlo()
            if relay.starttls:
                smtp.starttls(context=context)
                smtp.ehlo()
            if relay.user:
                smtp.login(relay.user, relay.password)
        except smtplib.SMTPAuthenticationError as error:
            raise TemporaryFailure(f"relay refused our credentials: {error}") from error
        except (OSError, smtplib.SMTPException) as error:
            raise TemporaryFailure(f"relay unreachable: {error}") from error
        return smtp

    def send(self, sender: str, recipients: list[str], raw: "bytes | Wire") -> None:
        """Hand one message to the relay (or the outbox); raises Temporary/PermanentFailure
        (for the first refused recipient, when any is)."""
        refused = self.deliver(sender, recipients, raw)
        if refused:
            raise next(iter(refused.values()))

    def deliver(self, sender: str, recipients: list[str],
                message: "bytes | Wire") -> dict[str, Exception]:
        """One transaction for ``recipients``; returns the refused ones with their failure.

        Raises Temporary/PermanentFailure when the whole transaction fails (MAIL or DATA
        refused, or every recipient).
        """
        wire = message if isinstance(message, Wire) else Wire.of(message)
        if any(_UNSAFE.search(address) for address in [sender, *recipients]):
            raise PermanentFailure("an address with CR, LF, <, > or NUL is never written "
                                   "(RFC 5321 4.1.2)")
        if self.outbox is not None:
            self._to_outbox(sender, recipients, wire.raw())
            return {}
        options = " BODY=8BITMIME" if wire.eight_bit else ""
        if not all(address.isascii() for address in [sender, *recipients]):
            options += " SMTPUTF8"  # RFC 6531
        for attempt in (1, 2):
            if self.smtp is None:
                self.smtp = self._open()
            try:
                return self._transaction(sender, recipients, wire, options)
            except (smtplib.SMTPServerDisconnected, ConnectionError, socket.timeout) as error:
                self.close()  # the relay closed an idle connection: reopen once
                if attempt == 2:
                    raise TemporaryFailure(f"connection lost: {error}") from error
            except smtplib.SMTPResponseException as error:  # a reply line too long
                self.close()
                raise _failure(error.smtp_code, error.smtp_error) from error
        return {}

    def _transaction(self, sender: str, recipients: list[str], wire: Wire,
                     options: str) -> dict[str, Exception]:
        smtp = self.smtp
        commands = [f"MAIL FROM:<{sender}>{options}\r\n"]
        commands += [f"RCPT TO:<{recipient}>\r\n" for recipient in recipients]
        commands.append("DATA\r\n")
        if smtp.has_extn("pipelining"):  # RFC 2920: one write, then every reply in order
            smtp.send("".join(commands).encode("utf-8"))
            replies = [smtp.getreply() for _ in commands]
        else:
            replies = []
            for command in commands:
                smtp.send(command.encode("utf-8"))
                replies.append(smtp.getreply())
                if len(replies) == 1 and replies[0][0] != 250:
                    break  # MAIL refused: no RCPT can be taken
        mail, *rcpts = replies[:len(recipients) + 1]
        data = replies[-1] if len(replies) == len(commands) else (503, b"")
        refused = {recipient: _failure(code, text)
                   for recipient, (code, text) in zip(recipients, rcpts) if code not in (250, 251)}
        if any(code == 421 for code, _text in replies):  # the relay is closing (RFC 5321 3.8)
            self.close(patience=1.0)
            raise _failure(*next(reply for reply in replies if reply[0] == 421))
        if mail[0] != 250 or len(refused) == len(recipients) or data[0] != 354:
            if data[0] == 354:  # a relay that said 354 anyway gets an empty message
                smtp.send(b".\r\n")
                smtp.getreply()
            self._reset()
            if mail[0] != 250:
                raise _failure(*mail)
            if refused and len(refused) == len(recipients):
                raise next(iter(refused.values()))
            raise _failure(*data)
        smtp.send(wire.data)
        code, text = smtp.getreply()
        if code == 421:
            self.close(patience=1.0)
        if code != 250:
            raise _failure(code, text)
        return refused

    def _reset(self) -> None:
        try:
            self.smtp.rset()
        except (smtplib.SMTPException, OSError):
            self.close()

    def _to_outbox(self, sender: str, recipients: list[str], raw: bytes) -> None:
        # One file per recipient, with the envelope as a local delivery agent writes it
        # (RFC 5321 4.4 Return-Path; Postfix's Delivered-To).
        for recipient in recipients:
            envelope = f"Return-Path: <{sender}>\r\nDelivered-To: {recipient}\r\n"
            self.outbox.add(envelope.encode("utf-8") + crlf(raw))

    def close(self, patience: float = TIMEOUT) -> None:
        """Say QUIT, waiting ``patience`` seconds at most for the answer (or just drop a
        broken connection)."""
        if self.smtp is not None:
            try:
                if self.smtp.sock is not None:
                    self.smtp.sock.settimeout(patience)
                self.smtp.quit()
            except (smtplib.SMTPException, OSError):
                self.smtp.close()
            self.smtp = None


def _failure(code: int, text) -> Exception:
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    line = f"{code} {text}"
    return PermanentFailure(line) if 500 <= code < 600 else TemporaryFailure(line)


def send(settings: Settings, sender: str, recipients: list[str], raw: bytes) -> None:
    """Send one message (a notice, a confirmation); ``sender`` "" is the null path <>."""
    with Connection(settings) as connection:
        connection.send(sender, list(recipients), raw)
