"""``relais web``: the web app under gunicorn, loaded once before the workers fork.

The master process builds the app (``preload_app``), so the workers start as copies of it
and share its memory with it page for page until they write to a page. Two habits keep them
from writing to most of it: the objects alive after loading are moved out of the cyclic
garbage collector's reach (``gc.freeze``, as Instagram does for its prefork web servers: a
collection would otherwise touch every object's header, and copy every page), and no
database connection is kept across the fork (each worker opens its own).

What a worker would otherwise build for itself on its first requests is built once in the
master instead: the locales' CLDR data (babel loads it lazily, about 5 MB), SQLAlchemy's
compiled statements and Jinja's per-template state, by rendering the home page, a list page,
a thread and a feed in each language before forking. The workers' SQLite connections keep a
small page cache (the operating system's file cache already holds the pages, once for all).
"""
from __future__ import annotations

import gc

from sqlalchemy import event, select

from federation.settings import Settings
from federation.storage import db

THREADS = 4
SQLITE_CACHE_KIB = 256  # per connection, against SQLite's default of 2,000 KiB


def app_for(settings: Settings):
    """The Flask app, loaded as the master loads it before forking its workers."""
    from web import create_app
    app = create_app(settings)
    engine = db.engine_for(settings)
    if settings.is_sqlite:
        event.listen(engine, "connect", _small_page_cache)
    _warm(app)
    _render_samples(app, settings)
    engine.dispose()  # a connection is never shared between processes
    gc.collect()
    gc.freeze()
    return app


def _warm(app) -> None:
    """Load now what the first requests would load in each worker: the ORM's mappers, every
    template compiled, the translation catalogues."""
    from sqlalchemy.orm import configure_mappers
    configure_mappers()
    for name in app.jinja_env.list_templates(filter_func=lambda n: n.endswith(".html")):
        app.jinja_env.get_template(name)
    with app.test_request_context("/"):
        from flask_babel import get_translations
        get_translations()
    from babel import Locale
    from web import language
    for name in language.LANGUAGES:
        locale = Locale.parse(name)
        for data in ("date_formats", "datetime_formats", "time_formats", "decimal_formats",
                     "percent_formats", "plural_form", "list_patterns", "time_zones"):
            getattr(locale, data)


def _small_page_cache(dbapi_connection, _record) -> None:
    """A web reader's SQLite page cache, kept small: one per connection and thread."""
    dbapi_connection.execute(f"PRAGMA cache_size=-{SQLITE_CACHE_KIB}")


def _render_samples(app, settings: Settings) -> None:
    """GET a few public pages in the master, in each language, so what they build lazily is
    built before the fork; then forget the pages themselves. Read-only; a database not yet
    initialised, or empty, just renders less."""
    from feeds import links
    from federation.storage.models import MailingList, Thread
    from web import feeds, language
    paths = ["/"]
    try:
        with db.session_scope(settings, write=False) as session:
            found = session.execute(
                select(MailingList.address, Thread.root_message_id)
                .join(Thread, Thread.list_id == MailingList.id)
                .where(MailingList.public.is_(True)).limit(1)).first()
    except Exception:  # noqa: BLE001 - no schema yet: the home page is all there is to warm
        found = None
    if found:
        paths += [links.list_path(found[0]), links.list_path(found[0]) + "atom",
                  links.thread_path(found[1])]
    client = app.test_client()
    for name in language.LANGUAGES:
        for path in paths:
            client.get(path, headers={"Accept-Language": name})
    feeds.forget()


def run(settings: Settings, workers: int) -> None:
    """Serve the web archive with ``workers`` processes of ``THREADS`` threads each."""
    from gunicorn.app.base import BaseApplication

    class Server(BaseApplication):
        def load_config(self):
            self.cfg.set("bind", f"{settings.web_host}:{settings.web_port}")
            self.cfg.set("workers", workers)
            self.cfg.set("threads", THREADS)
            self.cfg.set("preload_app", True)

        def load(self):
            return app_for(settings)

    Server().run()
