"""A thread read back as a tree: its messages in display order with their depth.

Walks are iterative with a visited set and a depth cap: References are user data, and a
hostile chain (a loop, thousands deep) must neither recurse nor drop a message.
"""
from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from federation.storage.models import Message, Thread

MAX_DEPTH = 10_000


def depths(rows, by_id) -> dict[int, int]:
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
    return arrange(list(session.scalars(select(Message).where(Message.thread_id == thread.id))))


def arrange(messages: list[Message]) -> list[tuple[Message, int]]:
    """A thread's messages (ghosts included) depth-first with their depth, siblings by date;
    ghosts are left out of the result (iterative)."""
    by_id = {m.id: m for m in messages}
    children: dict[int | None, list[Message]] = {}
    for m in messages:
        parent = m.parent_id if m.parent_id in by_id else None
        children.setdefault(parent, []).append(m)
    return walk(children, messages)


def _when(m: Message):
    return (m.date or m.received_at, m.id)


def walk(children: dict[int | None, list[Message]],
         messages) -> list[tuple[Message, int]]:
    """Depth-first over ``children`` (parent id, or None for roots, to its messages), siblings
    by date, ghosts left out; whatever is unreachable (a loop in hostile data) is still shown,
    never dropped."""
    for group in children.values():
        group.sort(key=_when)
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
    for m in sorted(messages, key=_when):
        if m.id not in seen and not m.ghost:
            result.append((m, 0))
    return result


def count_messages(session: Session, list_id: int) -> int:
    """Number of real (non-ghost) messages archived on a list."""
    return session.scalar(select(func.count()).select_from(Message).where(
        Message.list_id == list_id, Message.ghost.is_(False))) or 0
