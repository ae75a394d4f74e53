"""Jobs: to rq workers when REDIS_URL is set, run in-process otherwise (rq/redis live only here).

Job functions are module-level functions of plain values (settings and ids), never ORM
objects, so that rq can import and run them in another process (rq cannot enqueue
functions defined in ``__main__``).
"""
from __future__ import annotations

import logging
import importlib
from typing import Callable, Union

from .settings import Settings

log = logging.getLogger(__name__)


def connect(settings: Settings):
    """A Redis connection for these settings (rq needs one even for synchronous queues)."""
    from redis import Redis
    return Redis.from_url(settings.redis_url)


Job = Union[Callable, str]


def resolve(job: Job) -> Callable:
    """A job given by dotted name ("mail.delivery.fan_out") lets the domain queue work done by
    an adapter package without importing it (DESIGN.md layers); rq accepts the same strings."""
    if callable(job):
        return job
    module, _, name = job.rpartition(".")
    return getattr(importlib.import_module(module), name)


def enqueue(settings: Settings, job: Job, *args, **kwargs) -> None:
    """Run ``job(settings, *args)`` on a worker, or now in this process when there is no Redis.

    ``job`` is a module-level function or its dotted name.

    In-process failures are logged, not raised: the message that caused the job is already
    archived and acknowledged, and ``relais reindex`` replays every step.
    """
    if settings.redis_url:
        from rq import Queue, Retry
        queue = Queue(settings.queue_name, connection=connect(settings))
        queue.enqueue(job, settings, *args, retry=Retry(max=3, interval=[10, 60, 300]), **kwargs)
        return
    try:
        resolve(job)(settings, *args, **kwargs)
    except Exception:
        log.exception("job %s%r failed", getattr(job, "__name__", job), args)


def work(settings: Settings, burst: bool = False) -> None:
    """Run an rq worker on the Relais queue (``relais worker``); ``burst`` stops when empty."""
    from rq import Worker
    connection = connect(settings)
    worker_class = Worker
    if burst:
        from rq import SimpleWorker  # no fork: tests and benchmarks share the process
        worker_class = SimpleWorker
    worker = worker_class([settings.queue_name], connection=connection)
    worker.work(burst=burst)


def pending(settings: Settings) -> int:
    """Jobs waiting on the queue (0 without Redis)."""
    if not settings.redis_url:
        return 0
    from rq import Queue
    return len(Queue(settings.queue_name, connection=connect(settings)))
