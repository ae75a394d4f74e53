"""Create or upgrade the schema with Alembic (the only module that imports it)."""
from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config

from federation.storage.datadir import tighten
from federation.storage.db import engine_for, sqlite_path
from federation.settings import Settings

MIGRATIONS = Path(__file__).with_name("migrations")


def _config(settings: Settings) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", settings.database_url.replace("%", "%%"))
    return config


def upgrade(settings: Settings) -> None:
    """Bring the database to the newest revision; running it twice changes nothing.
    The data dir is made owner-only on the way (``relais init`` and ``serve`` come here)."""
    tighten(settings.data_dir, sqlite_path(settings))
    config = _config(settings)
    with engine_for(settings).begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "heads")
        _create_default_themes(connection)


def _create_default_themes(connection) -> None:
    """The default themes come with the schema (issue 4); existing ones are left as they are."""
    from sqlalchemy.orm import Session
    from federation.themes.tagging import ensure_defaults
    with Session(bind=connection) as session:
        ensure_defaults(session)
        session.flush()
