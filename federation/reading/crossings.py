"""Conversations that cross lists: one thread page for a reply filed on another list.

Threads are per list (JWZ runs inside a list). A reply posted on Lyon's list to a message of
Grenoble's list (mirrored here from its peer) is threaded on Lyon's list under a ghost of
its parent; on Grenoble's side the mirrored reply does the same. The two threads are joined
by Message-ID: one holds the real message, the other a ghost of it. The thread page shows
the threads so joined (one hop, a few at most) as one tree, each message with its own list,
so the conversation reads as one on both instances. Nothing is rewritten: this is reading.
"""
from __future__ import annotations

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session, selectinload, undefer

from federation.archive import thread_tree
from federation.storage.models import MailingList, Message, Thread

MAX_LINKED = 8


def linked(session: Session, thread: Thread) -> list[int]:
    """Ids of the public threads of other lists joined to this one by a Message-ID."""
    here = select(Message.message_id).where(Message.thread_id == thread.id)
    real_here = here.where(Message.ghost.is_(False))
    ghosts_here = here.where(Message.ghost.is_(True))
    found = session.scalars(
        select(Message.thread_id).join(MailingList, MailingList.id == Message.list_id)
        .where(MailingList.public.is_(True), Message.thread_id.is_not(None),
               Message.thread_id != thread.id,
               or_(and_(Message.ghost.is_(True), Message.message_id.in_(real_here)),
                   and_(Message.ghost.is_(False), Message.message_id.in_(ghosts_here))))
        .distinct().limit(MAX_LINKED))
    return sorted(set(found))


def ordered(session: Session, thread_ids: list[int]) -> list[tuple[Message, int]]:
    """The messages of several joined threads as one tree, depth-first, siblings by date;
    a ghost stands for the real message of the same Message-ID when there is one."""
    rows = list(session.scalars(select(Message).where(Message.thread_id.in_(thread_ids))
                                .options(undefer(Message.body_text), undefer(Message.body_html),
                                         selectinload(Message.attachments))))
    by_pk = {m.id: m for m in rows}
    canonical: dict[str, Message] = {}
    for m in sorted(rows, key=lambda m: (m.ghost, m.id)):
        canonical.setdefault(m.message_id, m)
    # where a ghost of a message sits in another list's thread: a root here may hang there
    ghost_parents = {g.message_id: by_pk[g.parent_id] for g in rows
                     if g.ghost and g.parent_id in by_pk}
    children: dict[int | None, list[Message]] = {}
    for m in canonical.values():
        parent = by_pk.get(m.parent_id) if m.parent_id is not None else None
        parent = parent or ghost_parents.get(m.message_id)
        parent = canonical.get(parent.message_id) if parent is not None else None
        children.setdefault(parent.id if parent is not None and parent is not m else None,
                            []).append(m)
    return thread_tree.walk(children, list(canonical.values()))
