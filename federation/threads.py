"""JWZ threading over References and In-Reply-To, with ghost containers for missing parents.

A ghost is a ``Message`` row with ``ghost=True`` and no raw bytes: the container JWZ creates
for a Message-ID that is only known from another message's References. When the real message
arrives later it fills its ghost, so children that came first are re-linked for free. Thread
merges and root searches are loops with a visited set: user data is never walked recursively.
Subject matching is used only for messages that carry no reference at all.
"""
from __future__ import annotations

import re

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, joinedload

from .archive import FRESH
from .models import Message, Thread, utcnow

_PREFIX = re.compile(r"^\s*((re|aw|sv|fwd?|tr|rép|rep)\s*(\[\d+\])?\s*:\s*|\[[^\]]{1,40}\]\s*)",
                     re.IGNORECASE)
MAX_DEPTH = 10_000


def thread_subject(subject: str) -> str:
    """Strip reply/forward prefixes and [list] tags so replies group with their root."""
    previous = None
    subject = subject or ""
    while previous != subject:
        previous = subject
        subject = _PREFIX.sub("", subject, count=1)
    return " ".join(subject.split()).casefold()


def is_reply_subject(subject: str) -> bool:
    """True when the subject starts with a reply marker (Re:, RE :, Rép:, AW:...)."""
    stripped = re.sub(r"^\s*\[[^\]]{1,40}\]\s*", "", subject or "")
    return bool(re.match(r"^\s*(re|aw|sv|rép|rep)\s*(\[\d+\])?\s*:", stripped, re.IGNORECASE))


def _containers(session: Session, list_id: int, ids: list[str]) -> dict[str, Message]:
    """Existing rows (real or ghost) of these Message-IDs on the list, creating missing ghosts."""
    found = {m.message_id: m for m in session.scalars(  # their threads too: attach needs them
        select(Message).options(joinedload(Message.thread))
        .where(Message.list_id == list_id, Message.message_id.in_(ids)))}
    for mid in ids:
        if mid not in found:
            ghost = Message(list_id=list_id, message_id=mid, ghost=True, received_at=utcnow())
            session.add(ghost)
            found[mid] = ghost
    session.flush()
    session.info.get(FRESH, set()).difference_update(m.id for m in found.values())
    return found


def _ancestors(session: Session, start: Message) -> set[int]:
    """Ids of ``start`` and everything above it (loop-safe, no recursion)."""
    parents: dict[int, int | None] = {}
    if start.thread_id is not None:  # one query for the whole thread, then walk in memory
        parents = dict(session.execute(select(Message.id, Message.parent_id)
                                       .where(Message.thread_id == start.thread_id)).all())
    seen: set[int] = set()
    current: int | None = start.id
    while current is not None and current not in seen and len(seen) < MAX_DEPTH:
        seen.add(current)
        if current in parents:
            current = parents[current]
        else:
            current = session.scalar(select(Message.parent_id).where(Message.id == current))
    return seen


def _link(session: Session, child: Message, parent: Message, force: bool) -> None:
    """Make ``parent`` the parent of ``child`` unless that would make a loop (JWZ 1B/1C)."""
    if child.id == parent.id or (child.parent_id is not None and not force):
        return
    if child.id in session.info.get(FRESH, ()):
        has_children = None  # a row inserted just now: nothing can point to it yet
    else:
        has_children = session.scalar(select(Message.id).where(Message.parent_id == child.id)
                                      .limit(1))
    if has_children is not None and child.id in _ancestors(session, parent):
        return  # only a container with children can close a loop
    # Not flushed here: the next query autoflushes it, and the message's own link then
    # goes out in the same UPDATE as its thread.
    child.parent_id = parent.id


def _merge(session: Session, threads: list[Thread]) -> Thread:
    """Fold several threads into the oldest one; returns the survivor."""
    threads.sort(key=lambda t: t.id)
    keep, rest = threads[0], threads[1:]
    for other in rest:
        session.execute(update(Message).where(Message.thread_id == other.id)
                        .values(thread_id=keep.id))
        session.flush()
        _on_merge(session, keep, other)
        session.delete(other)
    session.flush()
    return keep


MERGE_HOOKS: list = []


def _on_merge(session: Session, keep: Thread, gone: Thread) -> None:
    """Let derived data keyed by thread (themes, subscriptions) follow a merge."""
    for hook in MERGE_HOOKS:
        hook(session, keep, gone)


def _subject_match(session: Session, message: Message) -> Thread | None:
    """The recent thread on this list with the same base subject, for reference-less replies."""
    if not is_reply_subject(message.subject):
        return None
    base = thread_subject(message.subject)
    if not base:
        return None
    candidates = session.scalars(select(Thread).where(Thread.list_id == message.list_id)
                                 .order_by(Thread.last_activity.desc()).limit(200))
    for thread in candidates:
        if thread_subject(thread.subject) == base:
            return thread
    return None


def attach(session: Session, message: Message) -> Thread:
    """Place an archived message in its thread, creating ghosts and merging threads as needed."""
    refs = message.reference_ids
    containers = _containers(session, message.list_id, refs) if refs else {}
    for older, newer in zip(refs, refs[1:]):
        _link(session, containers[newer], containers[older], force=False)
    if refs:
        _link(session, message, containers[refs[-1]], force=True)
    involved = [message, *containers.values()]
    thread_ids = {m.thread_id for m in involved if m.thread_id is not None}
    threads = [session.get(Thread, tid) for tid in sorted(thread_ids)]
    if not threads and not refs:
        match = _subject_match(session, message)
        threads = [match] if match else []
    if not threads:
        thread = Thread(list_id=message.list_id, root_message_id=message.message_id,
                        subject=message.subject)
        session.add(thread)
        session.flush()
    else:
        thread = _merge(session, threads) if len(threads) > 1 else threads[0]
    for member in involved:
        if member.thread_id != thread.id:
            member.thread_id = thread.id
    session.flush()
    refresh(session, thread)
    return thread


def refresh(session: Session, thread: Thread) -> None:
    """Recompute a thread's root, subject, dates and count from its messages."""
    rows = session.execute(select(Message.id, Message.parent_id, Message.message_id, Message.ghost,
                                  Message.subject, Message.date, Message.received_at)
                           .where(Message.thread_id == thread.id)).all()
    by_id = {row.id: row for row in rows}
    roots = [row for row in rows if row.parent_id is None or row.parent_id not in by_id]
    real = [row for row in rows if not row.ghost]
    dates = [row.date or row.received_at for row in real] or [utcnow()]
    root = min(roots or rows, key=lambda r: (r.ghost, r.date or r.received_at or utcnow(), r.id))
    depth = _depths(rows, by_id)
    # A real root gives the subject; under a ghost root, the shallowest real message does.
    top = min(real, key=lambda r: (depth.get(r.id, 0), r.date or r.received_at, r.id)) if real else None
    thread.root_message_id = root.message_id
    thread.subject = root.subject if not root.ghost else (top.subject if top else "")
    thread.started_at = min(dates)
    thread.last_activity = max(dates)
    thread.message_count = len(real)
    session.flush()


def _depths(rows, by_id) -> dict[int, int]:
    """Depth of each container below its root, walking parents iteratively with a cap."""
    depths: dict[int, int] = {}
    for row in rows:
        chain, current = [], row
        while current is not None and current.id not in depths and len(chain) < MAX_DEPTH:
            chain.append(current.id)
            parent = by_id.get(current.parent_id) if current.parent_id is not None else None
            if parent is not None and parent.id in chain:
                parent = None  # a loop in hostile References: stop here
            current = parent
        base = depths.get(current.id, -1) if current is not None else -1
        for offset, node in enumerate(reversed(chain), start=1):
            depths[node] = base + offset
    return depths


def ordered(session: Session, thread: Thread) -> list[tuple[Message, int]]:
    """The thread's messages depth-first with their depth, siblings by date (iterative)."""
    messages = list(session.scalars(select(Message).where(Message.thread_id == thread.id)))
    by_id = {m.id: m for m in messages}
    children: dict[int | None, list[Message]] = {}
    for m in messages:
        parent = m.parent_id if m.parent_id in by_id else None
        children.setdefault(parent, []).append(m)
    for group in children.values():
        group.sort(key=lambda m: (m.date or m.received_at, m.id))
    result: list[tuple[Message, int]] = []
    seen: set[int] = set()
    stack = [(m, 0) for m in reversed(children.get(None, []))]
    while stack:
        node, depth = stack.pop()
        if node.id in seen:
            continue
        seen.add(node.id)
        if not node.ghost:
            result.append((node, depth))
        for child in reversed(children.get(node.id, [])):
            stack.append((child, depth + (0 if node.ghost else 1)))
    # anything unreachable (a loop in hostile data) is still shown, never dropped
    for m in sorted(messages, key=lambda m: (m.date or m.received_at, m.id)):
        if m.id not in seen and not m.ghost:
            result.append((m, 0))
    return result


def count_messages(session: Session, list_id: int) -> int:
    """Number of real (non-ghost) messages archived on a list."""
    return session.scalar(select(func.count()).select_from(Message).where(
        Message.list_id == list_id, Message.ghost.is_(False))) or 0
