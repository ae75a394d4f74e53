"""Benchmark theme tagging: threads tagged per second on one core, and retraining time.

Prints figures only; asserts nothing about time. Run: .venv/bin/python bench/themes.py
"""
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from federation.themes import classifier  # noqa: E402
from federation.themes.taxonomy import DEFAULT_THEMES  # noqa: E402

THREADS = 2_000
RETRAIN = 10_000


def threads(examples, n):
    """Build n threads from the seed: each root gets the next two messages as replies."""
    out = []
    for i in range(n):
        root = examples[i % len(examples)]
        replies = [examples[(i + k) % len(examples)].body for k in (1, 2)] if i % 3 == 0 else []
        out.append((root.subject, root.body, replies))
    return out


def varied(examples, n):
    """Cycle the seed to n labelled threads; each copy gets a small variation (a number)."""
    return [classifier.Example(f"{e.subject} ({i // len(examples)})", f"{e.body}\n#{i}", e.themes)
            for i, e in ((i, examples[i % len(examples)]) for i in range(n))]


def main():
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {0})
        print("pinned to CPU 0")
    examples = classifier.load_examples(classifier.SEED_PATH)
    slugs = [t.slug for t in DEFAULT_THEMES]
    model = classifier.shipped()
    work = threads(examples, THREADS)
    model.predict(*work[0])                       # warm the stem cache like a running worker
    start, cpu = time.perf_counter(), time.process_time()
    tagged = sum(bool(model.predict(*t)) for t in work)
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    print(f"tagging: {THREADS} threads one at a time in {elapsed:.2f} s wall, {cpu:.2f} s CPU "
          f"= {THREADS / elapsed:.0f} threads/s wall, {THREADS / cpu:.0f} threads/s of CPU time "
          f"on one core ({tagged} got at least one theme; a third carry two replies)")
    data = varied(examples, RETRAIN)
    start, cpu = time.perf_counter(), time.process_time()
    classifier.train(data, slugs)
    print(f"retraining on {RETRAIN} labelled threads (the {len(examples)} seed messages cycled, "
          f"each copy with a numbered subject and body): {time.perf_counter() - start:.1f} s wall, "
          f"{time.process_time() - cpu:.1f} s CPU, including the 5-fold threshold selection")


if __name__ == "__main__":
    main()
