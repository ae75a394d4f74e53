"""The daily cap on automatic answers to one address, counted in the database.

Relais answers requests it cannot authenticate (a confirmation to whoever asked, help, a
held notice), so a forger could aim those answers at a third party (backscatter). Mailman
caps autoresponses per address and day (``max_autoresponses_per_day``); we do the same, in
the database, so that every listener process, worker and the web form share one count.
"""
from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import delete
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from federation.storage.models import NoticeQuota, utcnow


def spend(session: Session, email: str, limit: int, today: date | None = None) -> bool:
    """Count one answer to ``email`` today; False (and nothing counted) past ``limit``."""
    today = today or utcnow().date()
    email = (email or "").strip().strip("<>").lower()[:254]
    if not email or limit <= 0:
        return False
    table = NoticeQuota.__table__
    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    # one atomic statement (INSERT … ON CONFLICT DO UPDATE … RETURNING): two processes
    # answering the same address at once cannot both take the last slot
    statement = insert(table).values(email=email, day=today, count=1).on_conflict_do_update(
        index_elements=[table.c.email, table.c.day], set_={"count": table.c.count + 1},
        where=table.c.count < limit).returning(table.c.count)
    counted = session.execute(statement).first() is not None
    session.execute(delete(NoticeQuota).where(NoticeQuota.day < today - timedelta(days=1)))
    return counted
