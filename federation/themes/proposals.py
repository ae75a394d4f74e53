"""Tagging many threads at once: proposing their themes where there is room, writing them together.

``propose`` is the reading half of ``tagging.tag_thread`` (the text of each thread, the
classifier, the explicit markers) and needs no write turn, so other processes can run it:
``relais import`` proposes in the worker processes that parse. ``settle`` writes what was
proposed with a few Core statements, deciding exactly as ``tag_thread`` does (``changes``).
"""
from __future__ import annotations

from typing import Iterable

from sqlalchemy import bindparam, delete, insert, select, update
from sqlalchemy.orm import Session, joinedload

from federation.archive.threads import CHUNK
from federation.settings import Settings
from federation.storage.models import Thread, ThreadTheme, utcnow
from federation.themes import tagging
from federation.themes.training import thread_texts

Proposals = dict[int, dict[int, tuple[float, str, list[str]]]]


def propose(session: Session, settings: Settings, thread_ids: Iterable[int]) -> Proposals:
    """Thread id → the themes the automatic pass proposes for it, reading only: the work of
    tagging that needs no write turn, so that other processes can do it (``relais import``
    proposes in the worker processes that parse, and writes with ``settle``)."""
    known = tagging.context(session, settings)
    ids = sorted(set(thread_ids))
    found: Proposals = {}
    for start in range(0, len(ids), CHUNK):
        chunk = list(session.scalars(select(Thread).where(Thread.id.in_(ids[start:start + CHUNK]))
                                     .options(joinedload(Thread.mailing_list))))
        texts = thread_texts(session, chunk)
        for thread in chunk:
            found[thread.id] = tagging.wanted(known, thread, texts[thread.id])
    return found


_THEMES_OF = select(ThreadTheme.__table__).where(
    ThreadTheme.__table__.c.thread_id.in_(bindparam("ids", expanding=True)))


def settle(session: Session, proposals: Proposals) -> None:
    """Write the proposed themes of many threads with a few Core statements, as ``tag_thread``
    would one by one; threads gone since (merged into another) are skipped."""
    table = ThreadTheme.__table__
    ids = sorted(proposals)
    rows: dict[int, dict] = {}
    alive: set[int] = set()
    connection = session.connection()
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start:start + CHUNK]
        alive.update(connection.execute(select(Thread.id).where(Thread.id.in_(chunk))).scalars())
        for row in connection.execute(_THEMES_OF, {"ids": chunk}):
            rows.setdefault(row.thread_id, {})[row.theme_id] = row
    now = utcnow()
    drops, inserts, updates = [], [], []
    for thread_id in ids:
        if thread_id not in alive:
            continue
        mine = rows.get(thread_id, {})
        dropped, changed = tagging.changes(mine, proposals[thread_id])
        drops += [mine[theme_id].id for theme_id in dropped]
        for theme_id, score, source, encoded in changed:
            values = dict(score=score, source=source, reasons=encoded, updated_at=now)
            if theme_id in mine:
                updates.append(dict(values, pk=mine[theme_id].id))
            else:
                inserts.append(dict(values, thread_id=thread_id, theme_id=theme_id))
    for start in range(0, len(drops), CHUNK):
        connection.execute(delete(table).where(table.c.id.in_(drops[start:start + CHUNK])))
    if updates:
        connection.execute(update(table).where(table.c.id == bindparam("pk")), updates)
    if inserts:
        connection.execute(insert(table), inserts)
