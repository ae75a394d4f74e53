"""A benchmark's database emptied before it is built again, on either backend."""
from __future__ import annotations

from federation.settings import Settings


def empty(settings: Settings) -> None:
    """Remove the SQLite files of the data directory, or drop PostgreSQL's public schema."""
    if settings.is_sqlite:
        for leftover in settings.data_dir.glob("relais.sqlite3*"):
            leftover.unlink()
    else:
        from sqlalchemy import text
        from federation.storage.db import engine_for
        with engine_for(settings).begin() as connection:
            connection.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
    settings.data_dir.mkdir(parents=True, exist_ok=True)
