"""The web archive: a Flask app factory and noun-named blueprints, each exporting ``bp``.

To add a blueprint, create ``web/<noun>.py`` exporting ``bp`` and add its module name to
BLUEPRINTS. Views keep SQL out: read-side queries live in ``federation/reading/queries.py``.
"""
from __future__ import annotations

from importlib import import_module

from flask import Flask, Response, abort, render_template, request

from federation.settings import Settings

from web import forms, language, session

# Add your blueprint's module here (one line each, alphabetical after the archive).
BLUEPRINTS = (
    "web.archive",
    "web.console",
    "web.digests",
    "web.federation",
    "web.feeds",
    "web.forum",
    "web.opml",
    "web.search",
    "web.subscription",
    "web.themes",
    "web.websub",
)

# No inline script anywhere (CSP without 'unsafe-inline'); archived HTML parts are nh3-cleaned.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
FORMS = ("application/x-www-form-urlencoded", "multipart/form-data")  # bodies read as forms


def secure(response: Response) -> Response:
    """Add the security headers every response carries."""
    response.headers.setdefault("Content-Security-Policy", CSP)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    response.headers.setdefault("X-Frame-Options", "DENY")
    return response


def refuse_nul() -> None:
    """No slug, address or Message-ID holds NUL (RFC 5322 §3.6.4 forbids it in headers), and
    PostgreSQL text cannot: a NUL in the path is a 404, in the query or form a 400."""
    if "\x00" in request.path:
        abort(404)
    for values in (request.args, request.form if request.mimetype in FORMS else {}):
        if any("\x00" in key or any("\x00" in v for v in values.getlist(key)) for key in values):
            abort(400)


def not_found(_error) -> tuple[str, int]:
    """The 404 page, in the reader's language (French by default)."""
    return render_template("404.html"), 404


def create_app(settings: Settings | None = None) -> Flask:
    """Build the web app for these settings (from the environment when None)."""
    settings = settings or Settings.from_env().with_secret()
    app = Flask(__name__)
    # dates are stored in naive UTC and shown in the assemblies' time zone
    app.config.update(SETTINGS=settings, SECRET_KEY=settings.secret_key,
                      BABEL_DEFAULT_TIMEZONE="Europe/Paris")
    session.init_app(app)
    language.init_app(app)
    for name in BLUEPRINTS:
        app.register_blueprint(import_module(name).bp)
    app.before_request(refuse_nul)
    forms.init_app(app, settings)
    app.register_error_handler(404, not_found)
    app.after_request(secure)
    return app
