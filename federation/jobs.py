"""Job functions: module-level, called with settings and ids, each opening its own session."""
from __future__ import annotations

from .db import session_scope
from .models import Message
from .settings import Settings
from . import pipeline


def process_message(settings: Settings, message_pk: int) -> None:
    """Run the after-commit pipeline on one archived message."""
    with session_scope(settings) as session:
        message = session.get(Message, message_pk)
        if message is not None and not message.ghost:
            pipeline.run(session, settings, message)


def process_messages(settings: Settings, message_pks: list[int]) -> None:
    """Run the pipeline on a batch (bulk import), one transaction for the batch."""
    if not pipeline.PIPELINE:
        return
    with session_scope(settings) as session:
        for pk in message_pks:
            message = session.get(Message, pk)
            if message is not None and not message.ghost:
                pipeline.run(session, settings, message)
