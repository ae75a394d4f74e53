"""Bulk import and export of mbox archives through the normal ingest path."""
from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

from sqlalchemy import select

from federation import ingest
from federation.db import session_scope
from federation.directory import find_list
from federation.errors import Invalid
from federation.models import Message
from federation.settings import Settings
from feeds import mbox as mboxrd


@dataclass
class Totals:
    """What an import did."""

    archived: int = 0
    duplicates: int = 0
    refused: int = 0
    seconds: float = 0.0

    @property
    def rate(self) -> float:
        return (self.archived + self.duplicates) / self.seconds if self.seconds else 0.0


def _batches(path: Path, size: int) -> Iterator[list[bytes]]:
    batch: list[bytes] = []
    with open(path, "rb") as handle:
        for raw in mboxrd.read(handle):
            batch.append(raw)
            if len(batch) >= size:
                yield batch
                batch = []
    if batch:
        yield batch


def import_file(settings: Settings, address: str, path: Path, batch: int = 500,
                progress: Callable[[int], None] | bool | None = None) -> Totals:
    """Import every message of an mbox into a list; re-importing changes nothing."""
    with session_scope(settings) as session:
        if find_list(session, address) is None:
            raise Invalid(f"no list {address!r}; create it with 'relais list add'")
    bar = None
    if progress is True:
        from tqdm import tqdm  # the progress bar is a command-line nicety only
        bar = tqdm(unit="msg", desc="import", total=None)
        progress = bar.update
    totals = Totals()
    started = time.perf_counter()
    try:
        for raws in _batches(path, batch):
            archived, duplicates, refused = ingest.receive_batch(settings, address, raws)
            totals.archived += archived
            totals.duplicates += duplicates
            totals.refused += refused
            if callable(progress):
                progress(len(raws))
    finally:
        if bar is not None:
            bar.close()
    totals.seconds = time.perf_counter() - started
    return totals


def export_list(settings: Settings, address: str, chunk: int = 500) -> Iterator[bytes]:
    """Yield a list's archive as mboxrd, oldest first, a few hundred messages at a time."""
    with session_scope(settings) as session:
        mailing_list = find_list(session, address)
        if mailing_list is None:
            raise Invalid(f"no list {address!r}")
        last_id = 0
        while True:
            rows = session.execute(
                select(Message.id, Message.raw, Message.from_addr, Message.date)
                .where(Message.list_id == mailing_list.id, Message.ghost.is_(False),
                       Message.id > last_id)
                .order_by(Message.id).limit(chunk)).all()
            if not rows:
                return
            for row in rows:
                yield mboxrd.entry(row.raw, row.from_addr, row.date)
            last_id = rows[-1].id
