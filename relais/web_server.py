"""``relais web``: the web app under gunicorn, loaded once before the workers fork.

The master process builds the app (``preload_app``), so the workers start as copies of it
and share its memory with it page for page until they write to a page. Two habits keep them
from writing to most of it: the objects alive after loading are moved out of the cyclic
garbage collector's reach (``gc.freeze``, as Instagram does for its prefork web servers: a
collection would otherwise touch every object's header, and copy every page), and no
database connection is opened before the fork (each worker opens its own).
"""
from __future__ import annotations

import gc

from federation.settings import Settings
from federation.storage import db

THREADS = 4


def app_for(settings: Settings):
    """The Flask app, loaded as the master loads it before forking its workers."""
    from web import create_app
    app = create_app(settings)
    _warm(app)
    db.engine_for(settings).dispose()  # a connection is never shared between processes
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
