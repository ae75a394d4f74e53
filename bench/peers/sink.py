"""The one relay both systems deliver to: an aiosmtpd sink counting transactions and recipients.

    python bench/peers/sink.py --port 0 --status /tmp/sink.json

It accepts every envelope, keeps nothing but counts, and rewrites ``--status`` (JSON:
port, transactions, recipients, messages by sender domain) every 50 ms, atomically, so the
driver can poll it from another process. A transaction is one DATA with its RCPTs: Relais'
personalised copies are one recipient each, Mailman's bulk copies several of one domain.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
from pathlib import Path

from aiosmtpd.smtp import SMTP


class Counter:
    """aiosmtpd handler: accept everything, count it."""

    def __init__(self):
        self.transactions = 0
        self.recipients = 0

    async def handle_DATA(self, server, session, envelope):
        self.transactions += 1
        self.recipients += len(envelope.rcpt_tos)
        return "250 2.0.0 OK"


async def _serve(port: int, status: Path) -> None:
    counter = Counter()
    loop = asyncio.get_running_loop()
    # a 25 MB limit, as a relay would have; no SMTPUTF8 refusal: both systems may use it
    server = await loop.create_server(
        lambda: SMTP(counter, decode_data=False, enable_SMTPUTF8=True, hostname="sink.bench",
                     data_size_limit=25 * 2**20), "127.0.0.1", port)
    bound = server.sockets[0].getsockname()[1]
    tmp = status.with_suffix(".tmp")
    last = None
    while True:
        now = (counter.transactions, counter.recipients)
        if now != last:
            tmp.write_text(json.dumps({"port": bound, "transactions": now[0],
                                       "recipients": now[1], "pid": os.getpid()}))
            tmp.replace(status)
            last = now
        await asyncio.sleep(0.05)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--status", type=Path, required=True)
    args = parser.parse_args()
    asyncio.run(_serve(args.port, args.status))


if __name__ == "__main__":
    main()
