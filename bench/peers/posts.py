"""The same posts for every system, sent over LMTP or SMTP by the same client."""
from __future__ import annotations

import smtplib
import threading
import time
from email.utils import formatdate

BODY = ("Bonjour à toutes et à tous,\r\n\r\nLa bourse aux graines aura lieu samedi à la Maison "
        "des communs, de 10 h à 17 h. Apportez vos semences en sachets étiquetés.\r\n\r\n") * 6


def post(n: int, list_address: str, tag: str) -> bytes:
    """Post number ``n`` to ``list_address``: about 2 KB of French plain text, from a non-member."""
    return (f"From: Alice Martin <alice@poster.example>\r\nTo: {list_address}\r\n"
            f"Subject: Bourse aux graines, message {n}\r\nDate: {formatdate()}\r\n"
            f"Message-ID: <bench-{tag}-{n}@poster.example>\r\nMIME-Version: 1.0\r\n"
            "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
            + BODY).encode("utf-8")


def members(count: int) -> list[str]:
    """``count`` member addresses over ten domains (Mailman groups its bulk copies by domain)."""
    return [f"m{n}@d{n % 10}.example" for n in range(count)]


def send(port: int, list_address: str, count: int, tag: str, lmtp: bool,
         connections: int = 4) -> tuple[float, float, int]:
    """Send ``count`` posts over ``connections`` parallel sessions.

    Returns (start, end, accepted): monotonic times of the first MAIL and the last 250."""
    accepted = [0] * connections
    errors: list[str] = []

    def session(index: int) -> None:
        client = (smtplib.LMTP if lmtp else smtplib.SMTP)("127.0.0.1", port, timeout=120)
        try:
            for n in range(index, count, connections):
                try:
                    refused = client.sendmail("alice@poster.example", [list_address],
                                              post(n, list_address, tag))
                    accepted[index] += 0 if refused else 1
                except smtplib.SMTPException as error:
                    errors.append(repr(error))
        finally:
            try:
                client.quit()
            except smtplib.SMTPException:
                pass

    start = time.monotonic()
    threads = [threading.Thread(target=session, args=(i,)) for i in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    end = time.monotonic()
    if errors:
        print(f"    {len(errors)} posts refused, first: {errors[0]}")
    return start, end, sum(accepted)
