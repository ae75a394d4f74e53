"""Jobs: to rq workers when REDIS_URL is set, run in-process otherwise (rq/redis live only here).

Job functions are module-level functions of plain values (settings and ids), never ORM
objects, so that rq can import and run them in another process (rq cannot enqueue
functions defined in ``__main__``).
"""
from __future__ import annotations

import logging
import importlib
import queue as stdqueue
import threading
from typing import Callable, Union

from federation.settings import Settings

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
    if settings.background_jobs:
        _local_queue().put((job, settings, args, kwargs))
        return
    _run(job, settings, args, kwargs)


def _run(job: Job, settings: Settings, args: tuple, kwargs: dict) -> None:
    try:
        resolve(job)(settings, *args, **kwargs)
    except Exception:
        log.exception("job %s%r failed", getattr(job, "__name__", job), args)


_LOCAL: stdqueue.Queue | None = None
_LOCAL_LOCK = threading.Lock()


def _local_queue() -> stdqueue.Queue:
    """The in-process job queue of ``relais serve``/``smtp``: one thread, so one writer."""
    global _LOCAL
    with _LOCAL_LOCK:
        if _LOCAL is None:
            _LOCAL = stdqueue.Queue()
            threading.Thread(target=_consume, args=(_LOCAL,), name="relais-jobs",
                             daemon=True).start()
        return _LOCAL


def _consume(jobs: stdqueue.Queue) -> None:
    while True:
        job, settings, args, kwargs = jobs.get()
        try:
            _run(job, settings, args, kwargs)
        finally:
            jobs.task_done()


def drain() -> None:
    """Wait until the in-process background queue is empty (end of an import, shutdown)."""
    if _LOCAL is not None:
        _LOCAL.join()


def enqueue_later(settings: Settings, seconds: float, job: Job, *args, **kwargs) -> None:
    """Queue ``job(settings, *args)`` to run in ``seconds`` (delivery retries with backoff).

    Needs Redis (rq's scheduler, which ``work`` starts); without it the caller keeps the
    work in the database for ``relais cron`` to pick up.
    """
    if not settings.redis_url:
        raise RuntimeError("delayed jobs need REDIS_URL")
    from datetime import timedelta
    from rq import Queue
    queue = Queue(settings.queue_name, connection=connect(settings))
    if seconds <= 0:
        queue.enqueue(job, settings, *args, **kwargs)
    else:
        queue.enqueue_in(timedelta(seconds=seconds), job, settings, *args, **kwargs)


def work(settings: Settings, burst: bool = False) -> None:
    """Run an rq worker on the Relais queue (``relais worker``); ``burst`` stops when empty."""
    from rq import Worker
    connection = connect(settings)
    worker_class = Worker
    if burst:
        from rq import SimpleWorker  # no fork: tests and benchmarks share the process
        worker_class = SimpleWorker
    worker = worker_class([settings.queue_name], connection=connection)
    worker.work(burst=burst, with_scheduler=True)  # runs enqueue_later's jobs when due


def pending(settings: Settings) -> int:
    """Jobs waiting on the queue (0 without Redis)."""
    if not settings.redis_url:
        return 0
    from rq import Queue
    return len(Queue(settings.queue_name, connection=connect(settings)))
