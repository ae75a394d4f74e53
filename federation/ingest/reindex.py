"""Replay the derived steps over the whole archive: raw bytes are the truth (public-inbox).

Each step is idempotent, so replaying changes nothing that is already right. Steps whose
``Step`` says ``replay=False`` (delivery: a replay must never mail members again) are skipped.
"""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import undefer

from federation.ingest import pipeline
from federation.storage.db import session_scope
from federation.storage.models import Message
from federation.settings import Settings


def run(settings: Settings, batch: int = 500) -> int:
    """Replay ARCHIVE_STEPS and the replayable PIPELINE steps on every message, oldest first."""
    done, last_id = 0, 0
    while True:
        with session_scope(settings) as session:
            messages = list(session.scalars(
                select(Message).options(undefer(Message.body_text))
                .where(Message.ghost.is_(False), Message.id > last_id)
                .order_by(Message.id).limit(batch)))
            if not messages:
                return done
            pipeline.archive_steps(session, settings, [pipeline.filed(m) for m in messages])
            session.expire_all()  # threading wrote with Core: reload what the steps read
            pipeline.run(session, settings, messages, replay=True)
            last_id = messages[-1].id
            done += len(messages)
