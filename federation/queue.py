"""Jobs: to rq workers when REDIS_URL is set, run in-process otherwise (rq/redis live only here).

Job functions are module-level functions ``job(settings, *ids)`` of plain values, never ORM
objects, so that rq can import and run them in another process (rq cannot enqueue
functions defined in ``__main__``). What goes to Redis is the function and its ids only:
the worker passes the settings it was started with (``work``), else ``Settings.from_env()``,
so no secret key is ever pickled into a job.

The domain queues work done by an adapter (sending mail) by *role* ("send", "fan_out",
"retry"); the composition root gives each role its function at start-up (``register``,
in the composition root), so ``federation`` never names the adapter, not even in a string.
"""
from __future__ import annotations

import logging
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
# the roles the domain queues for an adapter: sending a mail, fanning out a message's copies,
# retrying deferred copies, retraining the theme classifier (in a process of its own, so
# scikit-learn stays out of the process that queued it) (each ``job(settings, *plain values)``)
ROLES = ("send", "fan_out", "retry", "retrain")
_REGISTRY: dict[str, Callable] = {}
_WORKER_SETTINGS: Settings | None = None


def register(role: str, function: Callable) -> None:
    """Give a role its function (called by the composition root at start-up)."""
    if role not in ROLES:
        raise ValueError(f"unknown job role {role!r}; roles: {', '.join(ROLES)}")
    _REGISTRY[role] = function


def resolve(job: Job) -> Callable:
    """The function of a job given as a function or as a registered role."""
    if callable(job):
        return job
    try:
        return _REGISTRY[job]
    except KeyError:
        raise LookupError(f"no function registered for the job role {job!r} "
                          "(every entry point registers the job roles at start-up)") from None


def perform(job: Job, *args, **kwargs) -> None:
    """What an rq worker runs: ``job`` with the worker's own settings and the queued ids."""
    resolve(job)(_worker_settings(), *args, **kwargs)


def _worker_settings() -> Settings:
    """The settings ``work`` was started with, else read once from the environment."""
    global _WORKER_SETTINGS
    if _WORKER_SETTINGS is None:
        _WORKER_SETTINGS = Settings.from_env().with_secret()
    return _WORKER_SETTINGS


def enqueue(settings: Settings, job: Job, *args, **kwargs) -> None:
    """Run ``job(settings, *args)`` on a worker, or now in this process when there is no Redis.

    ``job`` is a module-level function or a registered role; ``args`` are ids and plain values.

    In-process failures are logged, not raised: the message that caused the job is already
    archived and acknowledged, and ``relais reindex`` replays every step.
    """
    if settings.redis_url:
        from rq import Queue, Retry
        queue = Queue(settings.queue_name, connection=connect(settings))
        resolve(job)  # an unregistered role fails here, in the caller, not later in a worker
        queue.enqueue(perform, job, *args, retry=Retry(max=3, interval=[10, 60, 300]),
                      **kwargs)
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
    resolve(job)
    queue = Queue(settings.queue_name, connection=connect(settings))
    if seconds <= 0:
        queue.enqueue(perform, job, *args, **kwargs)
    else:
        queue.enqueue_in(timedelta(seconds=seconds), perform, job, *args, **kwargs)


def work(settings: Settings, burst: bool = False) -> None:
    """Run an rq worker on the Relais queue (``relais worker``); ``burst`` stops when empty.

    Its jobs run with these ``settings`` (ids come from Redis, settings never do)."""
    global _WORKER_SETTINGS
    from rq import Worker
    _WORKER_SETTINGS = settings
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
