"""JWZ threading over References and In-Reply-To, with ghost containers for missing parents.

A ghost is a ``Message`` row with ``ghost=True`` and no raw bytes: the container JWZ creates
for a Message-ID that is only known from another message's References. When the real message
arrives later it fills its ghost, so children that came first are re-linked for free. Thread
merges and root searches are loops with a visited set: user data is never walked recursively.
Subject matching is used only for messages that carry no reference at all.

``attach`` threads a whole batch (a group commit, an import batch, a reindex batch) with a
handful of Core statements: one query loads every container the batch touches, links are
worked out in memory, and the changed rows are written back together. A thread that only
gained replies under known parents keeps its statistics incrementally; any other change
(a ghost, a merge, a re-link) recomputes them from the thread's rows once per batch.
Reading a thread back as a tree (display order, depths) is ``thread_tree``'s.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import bindparam, delete, insert, select, update
from sqlalchemy.orm import Session

from federation.archive import thread_tree
from federation.archive.message import last_unique
from federation.archive.thread_tree import MAX_DEPTH
from federation.storage.models import Message, Thread, utcnow

_PREFIX = re.compile(r"^\s*((re|aw|sv|fwd?|tr|rép|rep)\s*(\[\d+\])?\s*:\s*|\[[^\]]{1,40}\]\s*)",
                     re.IGNORECASE)
CHUNK = 500  # ids per IN (...) list: well under SQLite's and PostgreSQL's parameter limits
MESSAGES = Message.__table__
THREADS = Thread.__table__

# The hot statements, built once: constructing a statement costs more than running it.
_CHILDREN = MESSAGES.alias("children")
_LOAD = (select(MESSAGES.c.id, MESSAGES.c.message_id, MESSAGES.c.parent_id, MESSAGES.c.thread_id,
                MESSAGES.c.ghost,
                select(_CHILDREN.c.id).where(_CHILDREN.c.parent_id == MESSAGES.c.id)
                .exists().label("parent"),
                THREADS.c.root_message_id, THREADS.c.subject, THREADS.c.started_at,
                THREADS.c.last_activity, THREADS.c.message_count)
         .select_from(MESSAGES.outerjoin(THREADS, THREADS.c.id == MESSAGES.c.thread_id))
         .where(MESSAGES.c.list_id == bindparam("list"),
                MESSAGES.c.message_id.in_(bindparam("ids", expanding=True))))
_THREAD_ROWS = select(THREADS.c.id, THREADS.c.root_message_id, THREADS.c.subject,
                      THREADS.c.started_at, THREADS.c.last_activity, THREADS.c.message_count
                      ).where(THREADS.c.id.in_(bindparam("ids", expanding=True)))
_GHOST = insert(MESSAGES).values(list_id=bindparam("list"), message_id=bindparam("mid"),
                                 ghost=True, received_at=bindparam("at"))
_NEW_THREAD = insert(THREADS).values(
    list_id=bindparam("list"), root_message_id=bindparam("root"), subject=bindparam("subject"),
    started_at=bindparam("at"), last_activity=bindparam("at"), message_count=1)
_LINKS = (update(MESSAGES).where(MESSAGES.c.id == bindparam("pk"))
          .values(parent_id=bindparam("parent"), thread_id=bindparam("thread")))
_STATS = (update(THREADS).where(THREADS.c.id == bindparam("pk"))
          .values(root_message_id=bindparam("root"), subject=bindparam("subject"),
                  started_at=bindparam("started"), last_activity=bindparam("last"),
                  message_count=bindparam("count")))
_THREAD_MESSAGES = select(MESSAGES.c.id, MESSAGES.c.parent_id, MESSAGES.c.message_id,
                          MESSAGES.c.ghost, MESSAGES.c.subject, MESSAGES.c.date,
                          MESSAGES.c.received_at).where(MESSAGES.c.thread_id == bindparam("thread"))
_THREAD_PARENTS = select(MESSAGES.c.id, MESSAGES.c.parent_id).where(
    MESSAGES.c.thread_id == bindparam("thread"))


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


def reference_ids(message_id: str, references: str, in_reply_to: str) -> list[str]:
    """References then In-Reply-To, in order, without duplicates or the message itself; the
    last 100 only (rows archived before the cap may hold thousands)."""
    ids = (references or "").split() + (in_reply_to or "").split()
    return last_unique([mid for mid in ids if mid != message_id])


@dataclass
class Filed:
    """A stored (non-ghost) message as threading and indexing see it.

    ``fresh`` means its row was inserted in this transaction, so no other row can point to
    it yet; a ghost filled in place or a message replayed by ``reindex`` is not fresh.
    """

    id: int
    list_id: int
    message_id: str
    references: str = ""
    in_reply_to: str = ""
    subject: str = ""
    date: datetime | None = None
    fresh: bool = False
    body_text: str = ""
    from_name: str = ""
    from_addr: str = ""
    thread_id: int | None = None  # set by ``attach``
    ghost: bool = False
    document: dict | None = None  # its search document, when analysed ahead of the write

    @property
    def reference_ids(self) -> list[str]:
        return reference_ids(self.message_id, self.references, self.in_reply_to)


@dataclass
class _Node:
    """A container in memory: a row of ``messages`` (real or ghost) and its links."""

    id: int
    message_id: str
    parent_id: int | None
    thread_id: int | None
    ghost: bool
    changed: bool = False


@dataclass
class _Stats:
    """A thread's row in memory; ``dirty`` ones are recomputed from their messages."""

    id: int
    root_message_id: str
    subject: str
    started_at: datetime | None
    last_activity: datetime | None
    message_count: int
    dirty: bool = False
    changed: bool = False


@dataclass
class _Batch:
    """Everything one ``attach`` call knows about one list's containers and threads."""

    session: Session
    list_id: int
    nodes: dict[str, _Node] = field(default_factory=dict)
    by_id: dict[int, _Node] = field(default_factory=dict)
    parent_of: dict[int, int | None] = field(default_factory=dict)
    with_children: set[int] = field(default_factory=set)
    threads: dict[int, _Stats] = field(default_factory=dict)
    loaded_threads: set[int] = field(default_factory=set)

    @property
    def connection(self):
        return self.session.connection()

    def add(self, node: _Node) -> _Node:
        self.nodes[node.message_id] = node
        self.by_id[node.id] = node
        self.parent_of[node.id] = node.parent_id
        if node.parent_id is not None:
            self.with_children.add(node.parent_id)
        return node


def chunks(values: list, size: int = CHUNK):
    """Slices of at most ``size`` values, for IN (...) lists."""
    for start in range(0, len(values), size):
        yield values[start:start + size]


def _load(batch: _Batch, message_ids: set[str]) -> None:
    """Load the containers of these Message-IDs, whether each has children, and their
    threads, in one statement per chunk of ids."""
    for chunk in chunks(sorted(message_ids)):
        for row in batch.connection.execute(_LOAD, {"list": batch.list_id, "ids": chunk}):
            batch.add(_Node(row.id, row.message_id, row.parent_id, row.thread_id, bool(row.ghost)))
            if row.parent:
                batch.with_children.add(row.id)
            if row.thread_id is not None and row.thread_id not in batch.threads:
                batch.threads[row.thread_id] = _Stats(
                    row.thread_id, row.root_message_id, row.subject, row.started_at,
                    row.last_activity, row.message_count)


def _load_threads(batch: _Batch, thread_ids: set[int]) -> None:
    wanted = sorted(thread_ids - set(batch.threads))
    for chunk in chunks(wanted):
        for row in batch.connection.execute(_THREAD_ROWS, {"ids": chunk}):
            batch.threads[row.id] = _Stats(row.id, row.root_message_id, row.subject,
                                           row.started_at, row.last_activity, row.message_count)


def _ghost(batch: _Batch, message_id: str) -> _Node:
    """The container of a Message-ID known only from References: a new ghost row."""
    pk = batch.connection.execute(_GHOST, {"list": batch.list_id, "mid": message_id,
                                           "at": utcnow()}).inserted_primary_key[0]
    return batch.add(_Node(pk, message_id, None, None, True))


def _ancestors(batch: _Batch, start: _Node) -> set[int]:
    """Ids of ``start`` and everything above it (loop-safe, no recursion)."""
    if start.thread_id is not None and start.thread_id not in batch.loaded_threads:
        batch.loaded_threads.add(start.thread_id)  # one query for the thread, then walk in memory
        for pk, parent in batch.connection.execute(_THREAD_PARENTS,
                                                   {"thread": start.thread_id}):
            batch.parent_of.setdefault(pk, parent)  # what this batch changed wins
    seen: set[int] = set()
    current: int | None = start.id
    while current is not None and current not in seen and len(seen) < MAX_DEPTH:
        seen.add(current)
        if current not in batch.parent_of:
            batch.parent_of[current] = batch.connection.scalar(
                select(MESSAGES.c.parent_id).where(MESSAGES.c.id == current))
        current = batch.parent_of[current]
    return seen


def _link(batch: _Batch, child: _Node, parent: _Node, force: bool) -> bool:
    """Make ``parent`` the parent of ``child`` unless that would make a loop (JWZ 1B/1C).

    Returns True when the link changed.
    """
    if child.id == parent.id or child.parent_id == parent.id:
        return False
    if child.parent_id is not None and not force:
        return False
    # Only a container with children can close a loop (children in the database, or linked
    # earlier in this batch): most links skip the walk up the thread.
    if child.id in batch.with_children and child.id in _ancestors(batch, parent):
        return False
    child.parent_id = parent.id
    child.changed = True
    batch.parent_of[child.id] = parent.id
    batch.with_children.add(parent.id)
    return True


def _merge(batch: _Batch, thread_ids: list[int]) -> int:
    """Fold several threads into the oldest one; returns the survivor's id."""
    keep, rest = thread_ids[0], thread_ids[1:]
    for other in rest:
        batch.connection.execute(update(MESSAGES).where(MESSAGES.c.thread_id == other)
                                 .values(thread_id=keep))
        for node in batch.by_id.values():
            if node.thread_id == other:
                node.thread_id = keep
        batch.session.flush()
        for hook in MERGE_HOOKS:
            hook(batch.session, keep, other)
        batch.connection.execute(delete(THREADS).where(THREADS.c.id == other))
        batch.threads.pop(other, None)
        batch.loaded_threads.discard(keep)  # its rows changed: reload before a loop check
    return keep


MERGE_HOOKS: list = []  # hook(session, kept thread id, merged thread id), before the delete


def _subject_match(batch: _Batch, item: Filed) -> int | None:
    """The recent thread on this list with the same base subject, for reference-less replies."""
    if not is_reply_subject(item.subject):
        return None
    base = thread_subject(item.subject)
    if not base:
        return None
    recent = sorted(batch.threads.values(), key=lambda t: (t.last_activity or datetime.min),
                    reverse=True)  # threads this batch touched are the newest
    for stats in recent:
        if thread_subject(stats.subject) == base:
            return stats.id
    for pk, subject in batch.connection.execute(
            select(THREADS.c.id, THREADS.c.subject).where(THREADS.c.list_id == batch.list_id)
            .order_by(THREADS.c.last_activity.desc()).limit(200)):
        if thread_subject(subject) == base:
            _load_threads(batch, {pk})
            return pk
    return None


def _new_thread(batch: _Batch, item: Filed, when: datetime) -> int:
    pk = batch.connection.execute(_NEW_THREAD, {
        "list": batch.list_id, "root": item.message_id, "subject": item.subject,
        "at": when}).inserted_primary_key[0]
    batch.threads[pk] = _Stats(pk, item.message_id, item.subject, when, when, 1)
    return pk


def _attach_one(batch: _Batch, item: Filed) -> int:
    """Place one stored message in its thread; returns the thread id."""
    node = batch.nodes[item.message_id]
    refs = item.reference_ids
    created = [mid for mid in refs if mid not in batch.nodes]
    containers = [batch.nodes.get(mid) or _ghost(batch, mid) for mid in refs]
    relinked = False
    for older, newer in zip(containers, containers[1:]):
        relinked |= _link(batch, newer, older, force=False)
    if containers:
        _link(batch, node, containers[-1], force=True)
    involved = [node, *containers]
    thread_ids = sorted({n.thread_id for n in involved if n.thread_id is not None})
    when = item.date or utcnow()
    subject_matched = False
    if not thread_ids and not refs:
        matched = _subject_match(batch, item)
        if matched is not None:
            thread_ids, subject_matched = [matched], True
    if not thread_ids:
        thread_id = _new_thread(batch, item, when)
        simple = not refs  # a new root alone: its statistics are its own
        new = True
    else:
        _load_threads(batch, set(thread_ids))
        thread_id = _merge(batch, thread_ids) if len(thread_ids) > 1 else thread_ids[0]
        simple = (item.fresh and not created and not relinked and len(thread_ids) == 1
                  and not subject_matched and bool(containers) and not containers[-1].ghost
                  and node.parent_id == containers[-1].id)
        new = False
    for member in involved:
        if member.thread_id != thread_id:
            member.thread_id = thread_id
            member.changed = True
    stats = batch.threads[thread_id]
    stats.changed = True
    if not simple:
        stats.dirty = True
    elif not new:  # a reply under a known real parent: the root and subject stay
        stats.message_count += 1
        stats.started_at = min(stats.started_at or when, when)
        stats.last_activity = max(stats.last_activity or when, when)
    item.thread_id = thread_id
    return thread_id


def attach(session: Session, items: list[Filed]) -> None:
    """Thread stored messages (in order), creating ghosts and merging threads as needed.

    Sets ``thread_id`` on each item. Replaying it over threaded messages changes nothing.
    """
    by_list: dict[int, list[Filed]] = {}
    for item in items:
        by_list.setdefault(item.list_id, []).append(item)
    for list_id, group in by_list.items():
        batch = _Batch(session, list_id)
        wanted = {item.message_id for item in group}
        for item in group:
            wanted.update(item.reference_ids)
        _load(batch, wanted)
        for item in group:
            _attach_one(batch, item)
        _write(batch)


def _write(batch: _Batch) -> None:
    """Write the changed containers, then every touched thread's statistics."""
    changed = [{"pk": n.id, "parent": n.parent_id, "thread": n.thread_id}
               for n in batch.by_id.values() if n.changed]
    if changed:
        batch.connection.execute(_LINKS, changed)
    rows = []
    for stats in batch.threads.values():
        if not stats.changed:
            continue
        if stats.dirty:
            _recompute(batch, stats)
        rows.append({"pk": stats.id, "root": stats.root_message_id, "subject": stats.subject,
                     "started": stats.started_at, "last": stats.last_activity,
                     "count": stats.message_count})
    if rows:
        batch.connection.execute(_STATS, rows)


def _recompute(batch: _Batch, stats: _Stats) -> None:
    """Recompute a thread's root, subject, dates and count from its messages."""
    rows = batch.connection.execute(_THREAD_MESSAGES, {"thread": stats.id}).all()
    if not rows:
        return
    by_id = {row.id: row for row in rows}
    roots = [row for row in rows if row.parent_id is None or row.parent_id not in by_id]
    real = [row for row in rows if not row.ghost]
    dates = [row.date or row.received_at for row in real] or [utcnow()]
    root = min(roots or rows, key=lambda r: (r.ghost, r.date or r.received_at or utcnow(), r.id))
    depth = thread_tree.depths(rows, by_id)
    # A real root gives the subject; under a ghost root, the shallowest real message does.
    top = min(real, key=lambda r: (depth.get(r.id, 0), r.date or r.received_at, r.id)) if real else None
    stats.root_message_id = root.message_id
    stats.subject = root.subject if not root.ghost else (top.subject if top else "")
    stats.started_at = min(dates)
    stats.last_activity = max(dates)
    stats.message_count = len(real)
