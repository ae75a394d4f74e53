"""The adapter functions behind the job roles the domain queues (federation/queue.py), and
the DNS look-ups behind the domain's DMARC check.

Every entry point calls ``register`` before any job can be queued or run: the ``relais``
command group (serve, smtp, worker, cron, web and the other commands) and the tests.
"""
from __future__ import annotations

from federation import queue
from federation.delivery import dmarc


def register() -> None:
    """Give each role its function: mail sends, fans a message out, retries deferred copies;
    a retraining runs in a child process."""
    from mail import delivery, outgoing, resolver, retries
    from relais import retraining
    dmarc.use_system_resolver(resolver.resolve_txt)
    queue.register("send", outgoing.send)
    queue.register("fan_out", delivery.fan_out)
    queue.register("retry", retries.retry)
    queue.register("retrain", retraining.retrain_apart)
