"""Replay the derived steps over the whole archive: raw bytes are the truth (public-inbox).

Each step is idempotent, so replaying changes nothing that is already right. Steps marked
``replay = False`` (delivery: a replay must never mail members again) are skipped.
"""
from __future__ import annotations

from sqlalchemy import select

from . import pipeline
from .db import session_scope
from .models import Message
from .settings import Settings


def run(settings: Settings, batch: int = 500) -> int:
    """Replay ARCHIVE_STEPS and the replayable PIPELINE steps on every message, oldest first."""
    steps = [*pipeline.ARCHIVE_STEPS,
             *(step for step in pipeline.PIPELINE if getattr(step, "replay", True))]
    done, last_id = 0, 0
    while True:
        with session_scope(settings) as session:
            messages = list(session.scalars(
                select(Message).where(Message.ghost.is_(False), Message.id > last_id)
                .order_by(Message.id).limit(batch)))
            if not messages:
                return done
            for message in messages:
                for step in steps:
                    step(session, settings, message)
            last_id = messages[-1].id
            done += len(messages)
