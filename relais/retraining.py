"""Retraining the theme classifier in a process of its own.

scikit-learn and the fit's arrays (about 100 MB) leave with that process, so no long-lived
one keeps them: not the web server (which runs the schedule in ``relais serve`` and, without
Redis, the console's queued jobs), not a listener, not an rq worker. A fresh interpreter
(``spawn``), not a fork: a fork of a threaded server may copy a lock held by another thread.
"""
from __future__ import annotations

import multiprocessing

from federation.settings import Settings


def retrain_apart(settings: Settings) -> int | None:
    """``training.retrain(settings)`` in a child process; the version in use afterwards."""
    context = multiprocessing.get_context("spawn")
    with context.Pool(1) as pool:
        return pool.apply(_retrain, (settings,))


def _retrain(settings: Settings) -> int | None:
    from federation.themes import training
    return training.retrain(settings)
