"""Engines and sessions: one per settings object, opened lazily, closed by the caller."""
from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.orm import Session, sessionmaker

from federation.storage.datadir import private_dir, private_file
from federation.settings import Settings

_ENGINES: dict[str, Engine] = {}


def _tune_sqlite(dbapi_connection, _record) -> None:
    """WAL lets the web read while SMTP writes; FULL sync makes a 250 mean 'on disk'."""
    # pysqlite's own transaction handling breaks SAVEPOINT; SQLAlchemy emits BEGIN instead
    # (the documented pysqlite recipe), which lets writers ask for BEGIN IMMEDIATE.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    # Statement journals (a multi-row statement's undo, inside a write transaction) in
    # memory: as temporary files they cost a bulk import a write(2) per page (half its
    # system time); they live one statement and hold only the pages it changes.
    cursor.execute("PRAGMA temp_store=MEMORY")
    cursor.close()


def _begin_sqlite(connection) -> None:
    """BEGIN, or BEGIN IMMEDIATE for writers: taking the write lock up front means a writer
    never fails half-way on a lock upgrade (SQLITE_BUSY that busy_timeout cannot wait out).

    A transaction that need not survive a power cut (``sqlite_lazy``) runs with
    synchronous=NORMAL, which in WAL mode still survives the process being killed."""
    options = connection.get_execution_options()
    synchronous = "NORMAL" if options.get("sqlite_lazy") else "FULL"
    if connection.info.get("relais.synchronous", "FULL") != synchronous:
        connection.exec_driver_sql(f"PRAGMA synchronous={synchronous}")
        connection.info["relais.synchronous"] = synchronous
    connection.exec_driver_sql("BEGIN IMMEDIATE" if options.get("sqlite_immediate") else "BEGIN")


def sqlite_path(settings: Settings) -> Path | None:
    """The SQLite database file, or None (PostgreSQL, or an in-memory database)."""
    if not settings.is_sqlite:
        return None
    database = make_url(settings.database_url).database
    return Path(database) if database and database != ":memory:" else None


def engine_for(settings: Settings) -> Engine:
    """Return the shared engine for this database URL, creating it on first use."""
    url = settings.database_url
    engine = _ENGINES.get(url)
    if engine is None:
        if url.startswith("sqlite"):
            private_dir(settings.data_dir)
            path = sqlite_path(settings)
            if path is not None and not path.exists():
                private_file(path)  # SQLite gives its -wal and -shm the same mode
            engine = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False},
                                   pool_size=16, max_overflow=16)
            event.listen(engine, "connect", _tune_sqlite)
            event.listen(engine, "begin", _begin_sqlite)
        else:
            engine = create_engine(url, pool_size=10, max_overflow=20, pool_pre_ping=True)
        _ENGINES[url] = engine
    return engine


def analyze(settings: Settings) -> None:
    """Refresh PostgreSQL's planner statistics after a bulk load, before autovacuum gets to it
    (with stale counts it sorts a whole theme's messages instead of walking the date index)."""
    if not settings.is_sqlite:
        with engine_for(settings).connect() as connection:
            connection.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("ANALYZE")


def dispose(settings: Settings) -> None:
    """Close every pooled connection of this database (tests, forks)."""
    engine = _ENGINES.pop(settings.database_url, None)
    if engine is not None:
        _FACTORIES.pop(id(engine), None)
        engine.dispose()


_FACTORIES: dict[int, sessionmaker] = {}


def sessions(settings: Settings) -> sessionmaker:
    """A session factory bound to this settings' database (one per engine)."""
    engine = engine_for(settings)
    factory = _FACTORIES.get(id(engine))
    if factory is None or factory.kw.get("bind") is not engine:
        factory = _FACTORIES[id(engine)] = sessionmaker(bind=engine, expire_on_commit=False)
    return factory


@contextmanager
def session_scope(settings: Settings, write: bool = True,
                  durable: bool = True) -> Iterator[Session]:
    """A transaction: committed on success, rolled back on any error.

    On SQLite a writing transaction takes the write lock at BEGIN (BEGIN IMMEDIATE) so it
    waits its turn instead of failing on a lock upgrade; pass ``write=False`` for reads.
    ``durable=False`` is for records whose loss in a power cut costs nothing but work done
    again (a fan-out's progress): the commit survives a killed process without waiting
    for the disk.
    """
    session = sessions(settings)()
    if write and settings.is_sqlite:
        session.connection(execution_options={"sqlite_immediate": True,
                                              "sqlite_lazy": not durable})
    elif not durable and not settings.is_sqlite:
        session.execute(text("SET LOCAL synchronous_commit TO OFF"))  # PostgreSQL
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()
