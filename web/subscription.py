"""Joining and leaving on the web: the list page's form, confirmation links, one-click unsubscribe.

``/u/<opaque>`` is the RFC 8058 endpoint named in every member's ``List-Unsubscribe``: a
POST (body ``List-Unsubscribe=One-Click``) unsubscribes with no login, no cookie and no
further step; a GET, which mail scanners and link previews make, only shows a button.
Confirmation links work the same way: GET shows, POST acts.
"""
from __future__ import annotations

from flask import Blueprint, abort, render_template, request
from flask_babel import get_locale

from federation.ingest import commands
from federation.reading import queries
from federation.lists import tokens
from federation.errors import Invalid
from federation.storage.models import MailingList
from federation.lists.tokens import BadToken

from web import forms
from web.session import db, settings

bp = Blueprint("subscription", __name__)
ACTIONS = ("subscribe", "unsubscribe")
WEB_PURPOSES = ("subscribe", "unsubscribe")  # moderation decisions are taken by mail or console


def _language() -> str:
    return str(get_locale() or "fr")[:2]


@bp.post("/l/<address>/subscription")
def ask(address: str):
    """Mail a confirmation link; the same answer whether or not the address is a member."""
    if not forms.valid_list_address(address):
        abort(404)
    action = request.form.get("action", "subscribe")
    if action not in ACTIONS:
        abort(400)
    ml = queries.public_list(db(), address) or abort(404)
    if ml.origin_peer_id is not None:  # a peer's list mirrored here: one subscribes there
        abort(404)
    if not forms.valid_email(request.form.get("email", "")):
        return render_template("subscription/sent.html", ml=ml, invalid=True), 400
    try:
        commands.request(settings(), ml.address, request.form.get("email", ""), action,
                         language=_language())
    except Invalid:
        return render_template("subscription/sent.html", ml=ml, invalid=True), 400
    return render_template("subscription/sent.html", ml=ml, invalid=False)


def _bad(error: BadToken):
    return render_template("subscription/bad.html", kind=error.kind), \
        404 if error.kind == "forged" else 410


@bp.get("/confirm/<secret>")
def show_confirmation(secret: str):
    """What the link will do, and a button to do it (a GET never changes anything)."""
    try:
        token = tokens.find(db(), secret)
    except BadToken as error:
        return _bad(error)
    if token.purpose not in WEB_PURPOSES or token.list_id is None:
        return _bad(BadToken("forged"))
    ml = db().get(MailingList, token.list_id)
    return render_template("subscription/confirm.html", ml=ml, purpose=token.purpose,
                           email=token.email, secret=secret)


@bp.post("/confirm/<secret>")
def confirm(secret: str):
    """Redeem the token: subscribe (with a welcome) or unsubscribe (with a goodbye)."""
    try:
        done = commands.confirm(settings(), secret, purposes=WEB_PURPOSES)
    except BadToken as error:
        return _bad(error)
    return render_template("subscription/done.html", done=done)


@bp.get("/u/<opaque>")
def show_unsubscribe(opaque: str):
    """A page with one button that posts the one-click form (RFC 8058 §3.1)."""
    try:
        address, email = tokens.read_unsubscribe(settings(), opaque)
    except BadToken as error:
        return _bad(error)
    return render_template("subscription/unsubscribe.html", address=address, email=email,
                           opaque=opaque)


@bp.post("/u/<opaque>")
def unsubscribe(opaque: str):
    """RFC 8058 one-click: unsubscribe now; no login, no cookie, no CSRF token to present."""
    try:
        address, email = tokens.read_unsubscribe(settings(), opaque)
    except BadToken as error:
        return _bad(error)
    commands.leave(settings(), address, email)
    return render_template("subscription/left.html", address=address, email=email)
