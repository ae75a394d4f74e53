"""Rebuild everything derived from the raw bytes, from empty (public-inbox's ``--rebuild``).

Threads, ghost containers, thread themes, the search index and the parsed fields are
dropped, then every message's raw bytes are parsed again and the archive steps and the
pipeline's replayable steps run in arrival order, as when the mail came in. Kept as data,
not derived: the raw bytes, the erasures (a deleted message keeps its tombstone and its
place; a redacted one its rebuilt bytes), admins' ``manual`` and ``rejected`` theme
corrections (put back on the rebuilt thread of the same root), when each ghost's
Message-ID was first heard of (a ghost sorts among its siblings by it), and everything about
delivery: nothing is mailed, ``posted`` and the delivery rows stay as they are.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import bindparam, delete, insert, select, update
from sqlalchemy.orm import Session, undefer

from federation.archive import erasure, search
from federation.archive.message import parse
from federation.archive.threads import chunks
from federation.ingest import pipeline
from federation.settings import Settings
from federation.storage.db import session_scope
from federation.storage.models import Attachment, Message, Thread, ThreadTheme

KEPT = ("manual", "rejected")  # admins' decisions: training data (federation/themes/training.py)


@dataclass(frozen=True)
class Correction:
    """An admin's theme decision, remembered by its thread's root Message-ID."""

    list_id: int
    root: str
    theme_id: int
    source: str
    score: float
    reasons: str
    updated_at: datetime


def rebuild(settings: Settings, batch: int = 500) -> int:
    """Drop what is derived and rebuild it from the raw bytes; returns the messages replayed.

    One transaction: readers see the old archive until the new one is whole, and a failure
    half-way leaves everything (the corrections above all) as it was."""
    with session_scope(settings) as session:
        ghosts = _ghost_times(session)
        corrections = _clear(session)
        order = list(session.scalars(select(Message.id).where(Message.ghost.is_(False))
                                     .order_by(Message.received_at, Message.id)))
        for pks in chunks(order, batch):
            _refile(session, settings, pks)
            session.expunge_all()  # keep memory flat over a large archive
        _replay_erasures(session)
        _restore(session, corrections)
        _restore_ghost_times(session, ghosts)
        _replay_pipeline(session, settings, order, batch)
    return len(order)


def _clear(session: Session) -> list[Correction]:
    """Empty the derived tables; returns the corrections to put back."""
    corrections = [Correction(t.list_id, t.root_message_id, row.theme_id, row.source, row.score,
                              row.reasons, row.updated_at)
                   for row, t in session.execute(select(ThreadTheme, Thread).join(
                       Thread, Thread.id == ThreadTheme.thread_id)
                       .where(ThreadTheme.source.in_(KEPT)).order_by(ThreadTheme.id))]
    session.execute(delete(ThreadTheme))
    search.forget_all(session)
    session.execute(update(Message).values(thread_id=None, parent_id=None)
                    .execution_options(synchronize_session=False))
    session.execute(delete(Thread))
    session.execute(delete(Message).where(Message.ghost.is_(True)))
    # the parsed fields of every message that has its bytes (a deleted one keeps its tombstone)
    kept = Message.raw.is_not(None)
    session.execute(delete(Attachment).where(Attachment.message_pk.in_(
        select(Message.id).where(kept))))
    session.execute(update(Message).where(kept).values(
        from_name="", from_addr="", subject="", date=None, in_reply_to="", references="",
        body_text="", body_html="", parse_defect="").execution_options(synchronize_session=False))
    session.expunge_all()
    return corrections


def _ghost_times(session: Session) -> list[dict]:
    """When each ghost was first heard of: a ghost sorts among its siblings by that time."""
    return [dict(list=row.list_id, mid=row.message_id, at=row.received_at)
            for row in session.execute(select(Message.list_id, Message.message_id,
                                              Message.received_at)
                                       .where(Message.ghost.is_(True)))]


_GHOST_TIME = (update(Message.__table__)
               .where(Message.__table__.c.list_id == bindparam("list"),
                      Message.__table__.c.message_id == bindparam("mid"),
                      Message.__table__.c.ghost.is_(True))
               .values(received_at=bindparam("at")))


def _restore_ghost_times(session: Session, ghosts: list[dict]) -> None:
    """The rebuilt ghosts keep the time their Message-ID was first heard of, not today's."""
    for start in range(0, len(ghosts), 500):
        session.connection().execute(_GHOST_TIME, ghosts[start:start + 500])


def _refile(session: Session, settings: Settings, pks: list[int]) -> None:
    """Parse these messages' raw bytes again and run the archive steps on them, in order."""
    found = {m.id: m for m in session.scalars(
        select(Message).options(undefer(Message.raw)).where(Message.id.in_(pks)))}
    messages = [found[pk] for pk in pks if pk in found]
    parts = []
    for message in messages:
        if message.raw is None:  # erased: its tombstone keeps the thread place (erasure.py)
            continue
        parsed = parse(message.raw)
        message.from_name, message.from_addr = parsed.from_name, parsed.from_addr
        message.subject, message.date = parsed.subject, parsed.date or message.received_at
        message.in_reply_to, message.references = parsed.in_reply_to, parsed.references
        message.body_text, message.body_html = parsed.body_text, parsed.body_html
        message.parse_defect, message.size = parsed.defect, len(message.raw)
        parts += [dict(message_pk=message.id, position=position, filename=part.filename,
                       content_type=part.content_type, size=part.size)
                  for position, part in enumerate(parsed.attachments)]
    if parts:
        session.execute(insert(Attachment), parts)
    session.flush()
    pipeline.archive_steps(session, settings, [pipeline.filed(m) for m in messages])


def _replay_erasures(session: Session) -> None:
    """What an erasure did to derived data, done again: no search document, a new title."""
    erased = list(session.scalars(select(Message).where(Message.deleted.is_(True))
                                  .order_by(Message.erased_at, Message.id)))
    search.forget(session, [m.id for m in erased])
    for message in erased:
        erasure.retitle(session, message, message.subject)
    session.flush()


def _restore(session: Session, corrections: list[Correction]) -> None:
    """Put admins' corrections back on the rebuilt thread of the same root Message-ID."""
    placed: set[tuple[int, int]] = set()
    for c in corrections:
        thread_id = session.scalar(select(Message.thread_id).where(
            Message.list_id == c.list_id, Message.message_id == c.root))
        if thread_id is None or (thread_id, c.theme_id) in placed:
            continue
        placed.add((thread_id, c.theme_id))
        session.add(ThreadTheme(thread_id=thread_id, theme_id=c.theme_id, source=c.source,
                                score=c.score, reasons=c.reasons, updated_at=c.updated_at))
    session.flush()


def _replay_pipeline(session: Session, settings: Settings, order: list[int], batch: int) -> None:
    """Run the replayable pipeline steps in arrival order, through the one driver (a
    per-thread step once per thread of each batch: it reads the whole, rebuilt thread)."""
    for pks in chunks(order, batch):
        found = {m.id: m for m in session.scalars(
            select(Message).options(undefer(Message.body_text)).where(Message.id.in_(pks)))}
        pipeline.run(session, settings, [found[pk] for pk in pks if pk in found], replay=True)
        session.flush()
        session.expunge_all()
