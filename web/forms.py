"""The public forms' defences: CSRF tokens, rate limits and size bounds (the only module that
imports Flask-WTF and Flask-Limiter).

Every POST needs the session's CSRF token (Flask-WTF), except the RFC 8058 one-click
endpoints that mail clients call with no cookie (their signed URL is the proof). The forms
that send mail are rate-limited per client and per address asked for (Flask-Limiter; memory
storage in the embedded default, Redis when REDIS_URL is set), and every request body is
bounded (``MAX_CONTENT_LENGTH``). Templates write ``{{ csrf_field() }}``: a marker that each
response fills with the visitor's own token, so a page from the page cache never carries
another visitor's.
"""
from __future__ import annotations

import re

from flask import Flask, Response, render_template, request
from flask_babel import gettext as _
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_wtf.csrf import CSRFError, CSRFProtect, generate_csrf
from markupsafe import Markup

from federation.lists import membership
from federation.settings import Settings

# endpoints a mail client POSTs to without a token (RFC 8058 §3.1: no cookie, no context)
ONE_CLICK = ("subscription.unsubscribe", "digests.unsubscribe")
# endpoints peers POST to, never browsers: a proof replaces the token (web/federation.py)
PEERS = ("federation.follow", "federation.acknowledge")
# endpoints that mail a confirmation to the address given: limited per client and address
MAILING = ("subscription.ask", "digests.subscribe", "forum.send")
# WebSub's machine endpoints (a hub's requests and pushes carry no cookie): the hub checks
# intent by a GET challenge, a push its HMAC; the hub is limited per client like a form
MACHINE = ("websub.hub_request", "websub.push")
HUB = ("websub.hub_request",)
HUB_RATE = "120/minute"
# console sign-in: a password tried or a link asked for, per client and per address given
SIGNING = ("console.sign_in", "console.send_link", "console.forgot")
MARK = b"relais-csrf-token-to-fill"
_FIELD = '<input type="hidden" name="csrf_token" value="{}">'
SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}$")
# list addresses are stored lowercased, domains in their IDNA ASCII form (federation.lists.directory)
_LIST = re.compile(r"^[a-z0-9][a-z0-9._+-]{0,63}@[a-z0-9][a-z0-9.-]{0,189}$", re.IGNORECASE)
MAX_CHOICES = 50  # themes or assemblies ticked in one digest form


def asked_address() -> str:
    """The address a form asks mail for (the per-address limit's key), or the client's."""
    given = request.form.get("email", "").strip().lower()
    return "email:" + given if membership.is_email(given) else "client:" + get_remote_address()


def valid_email(value: str) -> bool:
    """A plausible address (``membership.is_email``, as mail and imports check), before queries."""
    return membership.is_email(value.strip())


def valid_list_address(value: str) -> bool:
    """Whether a path segment can name a list at all (checked before any query)."""
    return bool(_LIST.match(value))


def valid_slugs(values: list[str]) -> bool:
    """Whether a form's theme or assembly choices are a few slugs (checked before any query)."""
    return len(values) <= MAX_CHOICES and all(SLUG.match(v) for v in values)


def csrf_field() -> Markup:
    """The hidden CSRF input; its value is filled in per response (see ``fill``)."""
    return Markup(_FIELD.format(MARK.decode()))


def fill(response: Response) -> Response:
    """Put this visitor's token in place of the marker, and keep such pages out of shared caches."""
    if response.direct_passthrough or response.is_streamed or response.mimetype != "text/html":
        return response
    body = response.get_data()
    if MARK not in body:
        return response
    response.set_data(body.replace(MARK, generate_csrf().encode()))
    response.headers["Cache-Control"] = "private, no-cache"
    response.vary.add("Cookie")
    return response


def _refusal(title: str, message: str, code: int):
    return render_template("refusal.html", title=title, message=message), code


def csrf_refused(_error: CSRFError):
    """400 for a POST without a valid token: the page was old, or the form came from elsewhere."""
    return _refusal(_("The form has expired"), _(
        "For your safety this form can only be sent from its page on this site. Go back, "
        "reload the page and send it again."), 400)


def too_large(_error):
    """413 for a body over ``max_form_size``."""
    return _refusal(_("Request too large"), _(
        "What was sent is too large for this form. Nothing was done."), 413)


def too_many(_error):
    """429 once a client or an address has asked too often (the limits are settings)."""
    return _refusal(_("Too many requests"), _(
        "Too many requests came from you or for this address. Nothing was sent; please try "
        "again later."), 429)


def init_app(app: Flask, settings: Settings) -> None:
    """Protect every POST with CSRF, limit the mailing forms, bound request bodies."""
    app.config.update(MAX_CONTENT_LENGTH=settings.max_form_size,
                      # the session only holds the CSRF token: never sent cross-site, nor in
                      # clear text when the site is served over https
                      SESSION_COOKIE_SAMESITE="Lax", SESSION_COOKIE_HTTPONLY=True,
                      SESSION_COOKIE_SECURE=settings.base_url.startswith("https://"),
                      WTF_CSRF_TIME_LIMIT=None,  # valid for the session: pages come from caches
                      RATELIMIT_STORAGE_URI=settings.redis_url or "memory://",
                      RATELIMIT_KEY_PREFIX=f"{settings.queue_name}-forms",
                      RATELIMIT_HEADERS_ENABLED=True)
    csrf = CSRFProtect(app)
    limiter = Limiter(get_remote_address, app=app)
    for endpoint in ONE_CLICK + PEERS + MACHINE:
        csrf.exempt(app.view_functions[endpoint])
    for endpoint in HUB:
        app.view_functions[endpoint] = limiter.limit(HUB_RATE, key_func=get_remote_address)(
            app.view_functions[endpoint])
    for endpoint in MAILING:
        view = app.view_functions[endpoint]
        view = limiter.limit(lambda: settings.form_rate_address, key_func=asked_address,
                             methods=["POST"])(view)
        app.view_functions[endpoint] = limiter.limit(
            lambda: settings.form_rate_client, key_func=get_remote_address, methods=["POST"])(view)
    for endpoint in SIGNING:
        view = limiter.limit(lambda: settings.sign_in_rate_address, key_func=asked_address,
                             methods=["POST"])(app.view_functions[endpoint])
        app.view_functions[endpoint] = limiter.limit(
            lambda: settings.sign_in_rate_client, key_func=get_remote_address,
            methods=["POST"])(view)
    app.register_error_handler(CSRFError, csrf_refused)
    app.register_error_handler(413, too_large)
    app.register_error_handler(429, too_many)
    app.add_template_global(csrf_field)
    app.after_request(fill)
