"""Storing messages: raw bytes once per (list, Message-ID), parsed fields beside them.

A batch (a group commit, an import batch) is stored with a few Core statements: one query
finds what the list already has, new rows go in with one multi-row INSERT, ghosts are filled
in place, attachments follow in one more statement.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Protocol

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.orm import Session

from federation.archive.message import Parsed
from federation.storage.models import Attachment, Message, utcnow
from federation.archive.threads import Filed, chunks

MESSAGES = Message.__table__
ATTACHMENTS = Attachment.__table__
# Built once: constructing a statement costs more than running it.
_EXISTING = select(MESSAGES.c.id, MESSAGES.c.message_id, MESSAGES.c.ghost).where(
    MESSAGES.c.list_id == bindparam("list"),
    MESSAGES.c.message_id.in_(bindparam("ids", expanding=True)))
_INSERT = insert(MESSAGES).returning(MESSAGES.c.id, sort_by_parameter_order=True)
_INSERT_MANY = insert(MESSAGES)
_FILL = update(MESSAGES).where(MESSAGES.c.id == bindparam("pk"))
_ATTACH = insert(ATTACHMENTS)


class Entry(Protocol):
    """What storing reads of a message (``ingest.posting.Posting`` is one)."""

    raw: bytes
    parsed: Parsed
    message_id: str  # its own, or ``generated_message_id``
    document: dict | None  # search.document of it, analysed before the write turn
    posted: bool  # a post to deliver to the members (not an import)


@dataclass(frozen=True)
class Stored:
    """What became of one entry: its row id, and whether this call created it."""

    pk: int
    created: bool
    filed: Filed | None = None  # set when created: what threading and indexing need


def generated_message_id(raw: bytes, domain: str) -> str:
    """A Message-ID for a message that has none: derived from its bytes, so a redelivery of
    the same bytes is still recognised as a duplicate (HyperKitty generates one on import)."""
    return f"relais.{hashlib.sha256(raw).hexdigest()[:32]}@{domain}"


def _existing(session: Session, list_id: int, message_ids: list[str]) -> dict[str, tuple[int, bool]]:
    """Message-ID → (row id, ghost) of the rows this list already has among these ids."""
    found: dict[str, tuple[int, bool]] = {}
    for chunk in chunks(sorted(set(message_ids))):
        for row in session.connection().execute(_EXISTING, {"list": list_id, "ids": chunk}):
            found[row.message_id] = (row.id, bool(row.ghost))
    return found


def _inserted(session: Session, list_id: int, message_ids: list[str], rows: list[dict]) -> list[int]:
    """Insert new rows; their ids, in order. SQLite returns ids in order only one row per
    statement, each a turn through SQLAlchemy; one ``executemany`` then one query of the
    ids by Message-ID (unique per list, distinct in a batch) does the same work for less."""
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        return connection.execute(_INSERT, rows).scalars().all()
    connection.execute(_INSERT_MANY, rows)
    found = _existing(session, list_id, message_ids)
    return [found[mid][0] for mid in message_ids]


def _fields(entry: Entry, received_at) -> dict:
    parsed = entry.parsed
    return dict(ghost=False, raw=entry.raw, size=len(entry.raw), from_name=parsed.from_name,
                from_addr=parsed.from_addr, subject=parsed.subject,
                date=parsed.date or received_at, in_reply_to=parsed.in_reply_to,
                references=parsed.references, body_text=parsed.body_text,
                body_html=parsed.body_html, parse_defect=parsed.defect,
                generated_id=entry.message_id != parsed.message_id, received_at=received_at,
                posted=entry.posted)


def store(session: Session, list_id: int, entries: list[Entry]) -> list[Stored]:
    """Archive raw bytes once per (list, Message-ID); a redelivery gets the first copy's id.

    A ghost container of the same Message-ID (created when a reply arrived first) is filled
    in place, which re-links the replies that were waiting for it. Nothing is threaded here.
    """
    connection = session.connection()
    existing = _existing(session, list_id, [e.message_id for e in entries])
    received_at = utcnow()
    results: list[Stored | None] = [None] * len(entries)
    first: dict[str, int] = {}  # Message-ID → index of its first entry in this batch
    inserts, fills = [], []
    for index, entry in enumerate(entries):
        mid = entry.message_id
        if mid in first:
            continue  # the same message twice in one batch: answered below with the first
        first[mid] = index
        found = existing.get(mid)
        if found is not None and not found[1]:
            results[index] = Stored(found[0], False)
        elif found is not None:
            fills.append((index, found[0]))
        else:
            inserts.append(index)
    if inserts:
        rows = [dict(list_id=list_id, message_id=entries[i].message_id,
                     **_fields(entries[i], received_at)) for i in inserts]
        pks = _inserted(session, list_id, [entries[i].message_id for i in inserts], rows)
        for index, pk in zip(inserts, pks):
            results[index] = Stored(pk, True, _filed(pk, list_id, entries[index], True, received_at))
    if fills:
        connection.execute(
            _FILL, [dict(pk=pk, **_fields(entries[i], received_at)) for i, pk in fills])
        for index, pk in fills:
            results[index] = Stored(pk, True, _filed(pk, list_id, entries[index], False, received_at))
    parts = [dict(message_pk=stored.pk, position=position, filename=part.filename,
                  content_type=part.content_type, size=part.size)
             for stored, entry in zip(results, entries) if stored is not None and stored.created
             for position, part in enumerate(entry.parsed.attachments)]
    if parts:
        connection.execute(_ATTACH, parts)
    for index, entry in enumerate(entries):
        if results[index] is None:
            results[index] = Stored(results[first[entry.message_id]].pk, False)
    return results


def _filed(pk: int, list_id: int, entry: Entry, fresh: bool, received_at) -> Filed:
    parsed = entry.parsed
    return Filed(id=pk, list_id=list_id, message_id=entry.message_id,
                 references=parsed.references, in_reply_to=parsed.in_reply_to,
                 subject=parsed.subject, date=parsed.date or received_at, fresh=fresh,
                 body_text=parsed.body_text, from_name=parsed.from_name,
                 from_addr=parsed.from_addr, document=entry.document)
