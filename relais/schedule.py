"""Periodic tasks (digests, retraining...) run by ``relais cron`` and by the embedded server."""
from __future__ import annotations

import logging
import time
from typing import Callable

from federation.peers import polling
from federation.peers import websub
from federation.ingest import moderation
from federation.settings import Settings
from mail import digest_mail, retries
from relais import digests, retraining

log = logging.getLogger(__name__)

# (name, interval in seconds, task(settings)); each task is idempotent, so a restart that runs
# it again early changes nothing.
TASKS: tuple[tuple[str, int, Callable[[Settings], object]], ...] = (
    # in a child process: the schedule runs in the web process of ``relais serve``
    ("themes-retrain", 7 * 24 * 3600, retraining.retrain_apart),
    ("list-digests", 15 * 60, digest_mail.send_due),
    ("delivery-retries", 60, retries.retry_due),
    ("approvals-resumed", 600, moderation.resume),
    ("assemblies-digest", 3600, digests.send_due),
    # peers that are due (each has its own next attempt, with backoff), each in its thread
    ("peers-poll", 30, polling.poll_due),
    ("websub-leases", 3600, websub.renew_due),
)


def run_once(settings: Settings, now: float, last: dict[str, float]) -> None:
    """Run every task whose interval has elapsed since its last run."""
    for name, interval, task in TASKS:
        if now - last.get(name, 0.0) >= interval:
            last[name] = now
            try:
                task(settings)
            except Exception:
                log.exception("scheduled task %s failed", name)


def run_forever(settings: Settings, tick: float = 60.0) -> None:
    """Check the tasks every ``tick`` seconds until the process ends."""
    last: dict[str, float] = {}
    while True:
        run_once(settings, time.time(), last)
        time.sleep(tick)
