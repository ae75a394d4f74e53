"""Signing in to the console: by password, or by a single-use link mailed to the address
(Groups.io's way), a password set or reset by link, and signing out.

Owners and moderators sign in with the address they are members with: no account to create
(one is made the first time they set a password). Every answer that a stranger could read is
the same whether or not the address may sign in, so the console discloses no address. The
POSTs here are rate-limited per client and per address (``web.forms.SIGNING``).
"""
from __future__ import annotations

from flask import redirect, render_template, request, url_for
from flask_babel import get_locale, gettext as _

from federation.lists import accounts, audit, notices, permissions
from federation.lists.tokens import BadToken
from federation.errors import Invalid

from web import forms
from web.console import access
from web.console.blueprint import bp
from web.session import db, settings


def _language() -> str:
    return str(get_locale() or "fr")[:2]


def _email() -> str:
    return request.form.get("email", "").strip().lower()


@bp.route("/sign-in", methods=["GET", "POST"])
def sign_in():
    """The sign-in page; its POST checks a password."""
    target = access.local_target(request.values.get("next"))
    if request.method == "GET":
        if access.principal() is not None:
            return redirect(target)
        return render_template("console/sign_in.html", next=target, email="")
    email = _email()
    account = accounts.check_password(db(), email, request.form.get("password", "")) \
        if forms.valid_email(email) else None
    if account is None or permissions.principal_for(db(), email) is None:
        db().rollback()
        return render_template("console/sign_in.html", next=target, email=email,
                               failed=True), 401
    audit.record(db(), "admin.sign_in", actor=email, channel="console", target=email,
                 method="password")
    db().commit()
    access.begin(email)
    return redirect(target)


def _mail_link(purpose: str, email: str) -> None:
    """Mail a link if the address may sign in (and only then); the caller says the same
    thing either way."""
    if not forms.valid_email(email) or permissions.principal_for(db(), email) is None:
        return
    secret = accounts.make_link(db(), purpose, email)
    db().commit()
    endpoint = "console.link" if purpose == "sign_in" else "console.password"
    link = settings().base_url + url_for(endpoint, secret=secret)
    notices.answer(settings(), accounts.link_mail(settings(), purpose, email, link,
                                                  _language()), email)


def _bad_link(error: BadToken):
    """A link that cannot be used: unknown (404), or expired or spent (410); nothing done."""
    db().rollback()
    return render_template("console/bad_link.html", kind=error.kind), \
        404 if error.kind == "forged" else 410


@bp.post("/sign-in/link")
def send_link():
    """Mail a single-use sign-in link."""
    _mail_link("sign_in", _email())
    return render_template("console/link_sent.html", purpose="sign_in")


@bp.route("/sign-in/<secret>", methods=["GET", "POST"])
def link(secret: str):
    """A sign-in link: GET shows a button (mail scanners open links), POST signs in."""
    if request.method == "GET":
        return render_template("console/link.html", secret=secret)
    try:
        email = accounts.redeem_link(db(), "sign_in", secret)
    except BadToken as error:
        return _bad_link(error)
    if permissions.principal_for(db(), email) is None:
        db().commit()  # the link is spent all the same
        return render_template("console/bad_link.html", kind="rights"), 403
    accounts.stamp_sign_in(db(), email)
    audit.record(db(), "admin.sign_in", actor=email, channel="console", target=email,
                 method="link")
    db().commit()
    access.begin(email)
    return redirect(url_for("console.home"))


@bp.route("/password/forgot", methods=["GET", "POST"])
def forgot():
    """Ask for a link to choose a password (a first one, or a forgotten one)."""
    if request.method == "GET":
        return render_template("console/forgot.html")
    _mail_link("password", _email())
    return render_template("console/link_sent.html", purpose="password")


@bp.route("/password/<secret>", methods=["GET", "POST"])
def password(secret: str):
    """A password link: choose the password, then be signed in (other sessions end)."""
    if request.method == "GET":
        return render_template("console/password.html", secret=secret)
    chosen, again = request.form.get("password", ""), request.form.get("again", "")
    problem = ""
    if chosen != again:
        problem = _("The two passwords differ.")
    elif not accounts.MIN_PASSWORD <= len(chosen) <= accounts.MAX_PASSWORD:
        problem = _("Choose a password of at least %(count)s characters.",
                    count=accounts.MIN_PASSWORD)
    if problem:
        return render_template("console/password.html", secret=secret, problem=problem), 400
    try:
        email = accounts.redeem_link(db(), "password", secret)
        if permissions.principal_for(db(), email) is None:
            raise BadToken("forged")
        accounts.set_password(db(), email, chosen)
    except BadToken as error:
        return _bad_link(error)
    except Invalid:
        db().rollback()
        return render_template("console/password.html", secret=secret,
                               problem=_("Choose another password.")), 400
    db().commit()
    access.begin(email)
    return redirect(url_for("console.home"))


@bp.post("/sign-out")
def sign_out():
    """Sign out (a POST with the CSRF token, so no other site can sign you out)."""
    access.end()
    return redirect(url_for("console.sign_in"))
