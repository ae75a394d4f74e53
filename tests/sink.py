"""A real SMTP sink (aiosmtpd on an OS-assigned port) standing in for the outgoing relay.

It records every envelope and message it accepts, and can be told to refuse a recipient
with a given reply a number of times (451 then 250, or 550 for good), to take ``delay``
seconds over each message (a slow relay), or to hold every RCPT while its ``gate`` is
clear. The ``sink`` fixture (tests/conftest.py) runs one; a module marked
``@pytest.mark.relay`` gets ``settings`` whose outgoing mail reaches it.
"""
from __future__ import annotations

import asyncio
import threading
from dataclasses import dataclass
from email import message_from_bytes, policy

from aiosmtpd.smtp import SMTP


@dataclass
class Received:
    """One message as it arrived for one recipient."""

    sender: str
    recipient: str
    raw: bytes

    @property
    def message(self):
        return message_from_bytes(self.raw, policy=policy.default)


class Sink:
    """aiosmtpd handler: accept everything except the refusals it was given."""

    def __init__(self, keep: bool = True, delay: float = 0.0):
        self.keep = keep
        self.delay = delay
        self.gate = threading.Event()
        self.gate.set()
        self.received: list[Received] = []
        self.count = 0
        self.refusals: dict[str, list[str]] = {}
        self.loop = asyncio.new_event_loop()
        self.port = 0
        self._ready = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True, name="test-sink")

    def refuse(self, address: str, reply: str, times: int = 1) -> None:
        """Answer RCPT TO:<address> with ``reply`` the next ``times`` times."""
        self.refusals.setdefault(address.lower(), []).extend([reply] * times)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        while not self.gate.is_set():
            await asyncio.sleep(0.01)
        pending = self.refusals.get(address.lower())
        if pending:
            return pending.pop(0)
        envelope.rcpt_tos.append(address)
        return "250 2.1.5 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.delay:
            await asyncio.sleep(self.delay)
        for recipient in envelope.rcpt_tos:
            self.count += 1
            if self.keep:
                self.received.append(Received(envelope.mail_from, recipient,
                                              envelope.original_content))
        return "250 2.0.0 OK"

    def to(self, address: str) -> list[Received]:
        """What arrived for one recipient."""
        return [r for r in self.received if r.recipient.lower() == address.lower()]

    def _run(self) -> None:
        asyncio.set_event_loop(self.loop)
        server = self.loop.run_until_complete(self.loop.create_server(
            lambda: SMTP(self, decode_data=False, enable_SMTPUTF8=True, hostname="sink.test"),
            "127.0.0.1", 0))
        self.port = server.sockets[0].getsockname()[1]
        self._ready.set()
        self.loop.run_forever()
        server.close()

    def start(self) -> "Sink":
        self.thread.start()
        self._ready.wait(10)
        return self

    def stop(self) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)
