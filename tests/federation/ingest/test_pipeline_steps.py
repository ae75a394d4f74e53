"""One pipeline driver, with the steps' metadata written as data in the pipeline's tuple.

Jobs and ``relais reindex`` both go through ``pipeline.run``; when a step runs (once per
thread of a batch, never on a replay) is read off its ``Step`` in ``PIPELINE``, not off
attributes hung on the function.
"""
from __future__ import annotations

import ast
import inspect

from federation.ingest import jobs, pipeline, reindex


def test_every_step_says_when_it_runs_in_the_tuple():
    assert pipeline.PIPELINE, "an empty pipeline runs nothing"
    for step in pipeline.PIPELINE:
        assert isinstance(step, pipeline.Step), step
        assert not hasattr(step.function, "per_thread") and not hasattr(step.function, "replay")
    replayed = [step.replay for step in pipeline.PIPELINE]
    assert False in replayed  # delivery: a replay never mails members again
    assert any(step.per_thread for step in pipeline.PIPELINE)  # theme tagging


def _calls(module) -> set[str]:
    tree = ast.parse(inspect.getsource(module))
    return {ast.unparse(node.func) for node in ast.walk(tree) if isinstance(node, ast.Call)}


def test_jobs_and_reindex_share_the_one_driver():
    for module in (jobs, reindex):
        calls = _calls(module)
        assert "pipeline.run" in calls, module.__name__
        assert "getattr" not in calls, module.__name__
