"""Trained theme models: retraining from seed data plus admin corrections, and the model in use.

Admins' corrections (``manual`` and ``rejected`` thread themes) are training data: a
retraining job (weekly, or ``relais themes retrain``) trains on the shipped seed messages
plus every thread an admin has labelled, and stores the result as a new version. Tagging
uses the newest stored version, else the shipped model; the loaded model is cached per
database and reloaded only when a newer version appears (one small query per thread).
"""
from __future__ import annotations

import hashlib
import json
import logging
import random
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from federation.storage.db import session_scope
from federation.storage.models import ThemeModel, Message, Theme, Thread, ThreadTheme
from federation.settings import Settings
from federation.themes.taxonomy import DEFAULT_THEMES

if TYPE_CHECKING:  # imported where a model is loaded or trained: the web reads themes only,
    from federation.themes import classifier  # and numpy (and sklearn) stay out of it
log = logging.getLogger(__name__)
ADMIN_SOURCES = ("manual", "rejected")
MAX_REPLIES = 30  # the root counts most; a long thread's 300th reply adds little


def slug_map(session: Session, rows: list[Theme] | None = None) -> dict[str, str | None]:
    """Map each theme slug to the active slug it stands for (merged → survivor, retired → None)."""
    themes = {t.id: t for t in (session.scalars(select(Theme)) if rows is None else rows)}
    mapping: dict[str, str | None] = {}
    for theme in themes.values():
        current, seen = theme, set()
        while current.merged_into_id is not None and current.id not in seen:
            seen.add(current.id)
            current = themes.get(current.merged_into_id, current)
        mapping[theme.slug] = None if current.retired or current.merged_into_id else current.slug
    return mapping


def active_slugs(session: Session) -> list[str]:
    """Slugs of the themes that can be given to threads, in creation order."""
    return list(session.scalars(select(Theme.slug).where(
        Theme.retired.is_(False), Theme.merged_into_id.is_(None)).order_by(Theme.id)))


_TEXT = (Message.thread_id, Message.message_id, Message.subject, Message.body_text, Message.ghost,
         Message.deleted)
_TEXT_ORDER = (func.coalesce(Message.date, Message.received_at), Message.id)
Text = tuple[str, str, list[str], list[str]]


def _text_of(rows: list, root_message_id: str) -> Text:
    # Ghosts and deleted messages are left out here, not in SQL: given "deleted = 0", SQLite
    # chose the index on (deleted, list_id) and scanned the whole archive for every thread.
    rows = [row for row in rows if not row.ghost and not row.deleted]
    if not rows:
        return "", "", [], []
    root = next((r for r in rows if r.message_id == root_message_id), rows[0])
    replies = [r.body_text or "" for r in rows if r is not root][:MAX_REPLIES]
    return root.subject or "", root.body_text or "", replies, [r.subject or "" for r in rows]


def thread_text(session: Session, thread: Thread) -> Text:
    """The root's subject and body, the replies' bodies and every subject of a thread."""
    return _text_of(session.execute(select(*_TEXT).where(Message.thread_id == thread.id)
                                    .order_by(*_TEXT_ORDER)).all(), thread.root_message_id)


def thread_texts(session: Session, threads: list[Thread]) -> dict[int, Text]:
    """``thread_text`` of many threads with one query (they are read together when tagged
    in bulk)."""
    rows: dict[int, list] = {thread.id: [] for thread in threads}
    if rows:
        for row in session.execute(select(*_TEXT).where(Message.thread_id.in_(list(rows)))
                                   .order_by(Message.thread_id, *_TEXT_ORDER)):
            rows[row.thread_id].append(row)
    return {thread.id: _text_of(rows[thread.id], thread.root_message_id) for thread in threads}


# --------------------------------------------------------------------------- the model in use

_CACHE: dict[str, tuple[tuple[int, str], classifier.Model]] = {}


def current(session: Session, settings: Settings) -> classifier.Model:
    """The newest stored model, else the shipped one; loaded once per version and database."""
    from federation.themes import classifier
    newest = session.execute(select(ThemeModel.id, ThemeModel.version, ThemeModel.fingerprint)
                             .order_by(ThemeModel.version.desc()).limit(1)).first()
    if newest is None:
        return classifier.shipped()
    key = (newest.version, newest.fingerprint)
    cached = _CACHE.get(settings.database_url)
    if cached is None or cached[0] != key:
        data = session.scalar(select(ThemeModel.data).where(ThemeModel.id == newest.id))
        cached = (key, classifier.Model.from_bytes(data))
        _CACHE[settings.database_url] = cached
    return cached[1]


def newest_version(session: Session) -> int | None:
    """The version number of the newest stored model (None: the shipped model is in use)."""
    return session.scalar(select(func.max(ThemeModel.version)))


# --------------------------------------------------------------------------- learning

def labelled(session: Session, mapping: dict[str, str | None]) -> list[classifier.Example]:
    """Threads an admin has corrected, as examples: what is left after rejections is the truth.

    A thread counts once an admin confirmed, set or rejected one of its themes; its labels
    are then every non-rejected theme it carries (the admin reviewed them and let them be).
    """
    from federation.themes import classifier
    reviewed = select(ThreadTheme.thread_id).where(ThreadTheme.source.in_(ADMIN_SOURCES))
    rows = session.execute(select(ThreadTheme.thread_id, ThreadTheme.source, Theme.slug)
                           .join(Theme, Theme.id == ThreadTheme.theme_id)
                           .where(ThreadTheme.thread_id.in_(reviewed))
                           .order_by(ThreadTheme.thread_id)).all()
    labels: dict[int, set[str]] = {}
    for row in rows:
        found = labels.setdefault(row.thread_id, set())
        slug = mapping.get(row.slug)
        if row.source != "rejected" and slug:
            found.add(slug)
    examples = []
    for thread_id, slugs in labels.items():
        subject, body, _replies, _subjects = thread_text(session, session.get(Thread, thread_id))
        if subject or body:
            examples.append(classifier.Example(subject, body, tuple(sorted(slugs))))
    return examples


def _seed(path: Path, mapping: dict[str, str | None]) -> list[classifier.Example]:
    """The seed messages, their labels following merges and dropping retired themes."""
    from federation.themes import classifier
    examples = []
    for example in classifier.load_examples(path):
        themes = tuple(dict.fromkeys(s for s in (mapping.get(t, t) for t in example.themes) if s))
        examples.append(classifier.Example(example.subject, example.body, themes, example.lang))
    return examples


def _fingerprint(seed: Path, slugs: list[str], corrections: list[classifier.Example]) -> str:
    """Identify the training data, so an unchanged week does not train the same model again."""
    from federation.themes import classifier
    digest = hashlib.sha256(seed.read_bytes())
    digest.update(f"{classifier.FORMAT}/{classifier.C}".encode())
    digest.update(json.dumps([slugs, [[e.subject, e.body, e.themes] for e in corrections]],
                             ensure_ascii=False).encode())
    return digest.hexdigest()


def retrain(settings: Settings, seed: Path | None = None) -> int | None:
    """Train on the seed data plus admin-labelled threads; store a new version if anything changed.

    Returns the version in use afterwards (None while the shipped model still fits).
    ``seed`` defaults to the shipped seed messages.
    """
    from federation.themes import classifier
    seed = seed or classifier.SEED_PATH
    with session_scope(settings) as session:
        mapping, slugs = slug_map(session), active_slugs(session)
        corrections = labelled(session, mapping)
        newest = session.execute(select(ThemeModel.version, ThemeModel.fingerprint)
                                 .order_by(ThemeModel.version.desc()).limit(1)).first()
    fingerprint = _fingerprint(seed, slugs, corrections)
    if newest is not None and newest.fingerprint == fingerprint:
        return newest.version
    if (newest is None and not corrections and seed == classifier.SEED_PATH
            and slugs == [t.slug for t in DEFAULT_THEMES]):
        return None
    examples = _seed(seed, mapping) + corrections
    held_out, report = held_out_quality(examples, slugs)
    model = classifier.train(examples, slugs)
    model.meta.update(corrections=len(corrections), fingerprint=fingerprint)
    with session_scope(settings) as session:
        version = (newest_version(session) or 0) + 1
        session.add(ThemeModel(version=version, fingerprint=fingerprint, examples=len(examples),
                               corrections=len(corrections), data=model.to_bytes(),
                               held_out=held_out, micro_f1=report.micro_f1,
                               macro_f1=report.macro_f1))
    log.info("theme model v%d trained on %d examples (%d corrections), held-out micro-F1 %.3f "
             "macro-F1 %.3f", version, len(examples), len(corrections), report.micro_f1,
             report.macro_f1)
    return version


HELD_OUT = 5  # one example in five is kept out of a first fit to measure the model


def held_out_quality(examples: list[classifier.Example], slugs: list[str],
                     seed: int = 7) -> tuple[int, classifier.Report]:
    """Fit on four examples in five and score on the fifth: (how many scored, the report)."""
    from federation.themes import classifier  # numpy and sklearn: the training job only
    order = list(range(len(examples)))
    random.Random(seed).shuffle(order)
    kept_out = set(order[::HELD_OUT])
    model = classifier.train([e for i, e in enumerate(examples) if i not in kept_out], slugs)
    return len(kept_out), classifier.evaluate(model, [examples[i] for i in sorted(kept_out)])
