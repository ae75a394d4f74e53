"""Forum mode on the web: reply to a message or start a thread, confirmed by mail, no account.

The forms (``templates/forum/``) sit under every message of a thread and on the list page of
lists open to the web (``web_posts.open_to_web``). Sending keeps the post and mails a link;
``/forum/publish/<secret>`` shows the post (a GET, which mail scanners make, changes
nothing) and its button files it. A browser that confirmed may be remembered (a revocable
cookie): its next posts from that address are filed at once. Sending is limited per client
and per address (``web.forms.MAILING``), and each link mailed spends the address's daily
quota of automatic mail.
"""
from __future__ import annotations

from flask import (Blueprint, abort, g, jsonify, make_response, redirect, render_template,
                   request)
from flask_babel import get_locale
from flask_babel import gettext as _

from federation.errors import Invalid
from federation.forum import browsers, composition, web_posts
from federation.ingest.outcome import ACCEPTED, DUPLICATE, HELD
from federation.lists import tokens
from federation.reading import queries
from federation.reading.addresses import display_name
from feeds import links

from web import forms
from web.forum import proof
from web.session import db, settings

bp = Blueprint("forum", __name__)
TRAP = "website"  # the honeypot: hidden from people, filled in by form-filling robots
FORM_LIMIT = 512 * 1024  # a 50,000-character body, percent-encoded, fits


def _language() -> str:
    return str(get_locale() or "fr")[:2]


@bp.before_app_request
def bound_body() -> None:
    """The forum's forms carry a whole message: a larger body bound than the site's, set
    before anything (the NUL check, CSRF) reads the form under the site's bound."""
    if request.endpoint in ("forum.preview", "forum.send"):
        request.max_content_length = FORM_LIMIT


def _open_list(address: str):
    """The public list of the URL, open to web posts, or 404."""
    if not forms.valid_list_address(address):
        abort(404)
    ml = queries.public_list(db(), address)
    if ml is None or not web_posts.open_to_web(db(), ml):
        abort(404)
    return ml


def _parent(ml, message_id: str):
    if not message_id:
        return None
    return web_posts.parent_of(db(), ml, message_id) or abort(404)


def _quote(parent) -> str:
    author = display_name(parent.from_name, parent.from_addr)
    return composition.quoted(parent.body_text, _("%(author)s wrote:", author=author))


def _fields(ml, parent) -> dict:
    """The form as typed, with the parent's text put in front when a quote was asked for."""
    form = request.form
    body = form.get("body", "")
    if parent is not None and form.get("quote"):
        body = _quote(parent) + body
    return dict(name=form.get("name", ""), email=form.get("email", "").strip(),
                subject=form.get("subject", ""), body=body)


def _compose(ml, parent, fields: dict, error: str = "", preview: str = "", code: int = 200):
    remembered = browsers.recognise(settings(), request.cookies.get(browsers.COOKIE, ""))
    return render_template("forum/compose.html", ml=ml, parent=parent, fields=fields,
                           error=error, preview=preview, remembered=remembered), code


@bp.get("/forum/<address>/new")
def new_thread(address: str):
    """The form that starts a thread."""
    ml = _open_list(address)
    return _compose(ml, None, dict(name="", email="", subject="", body=""))


@bp.get("/forum/<address>/reply")
def reply(address: str):
    """The form that answers a message, its subject and quoted text filled in."""
    ml = _open_list(address)
    parent = _parent(ml, request.args.get("parent", "")) or abort(404)
    return _compose(ml, parent, dict(name="", email="", body=_quote(parent),
                                     subject=composition.reply_subject(parent.subject)))


@bp.post("/forum/<address>/preview")
def preview(address: str):
    """The post as it will read, and the form again to change it or send it."""
    ml = _open_list(address)
    parent = _parent(ml, request.form.get("parent", ""))
    fields = _fields(ml, parent)
    try:
        written = _draft(ml, parent, fields)
    except Invalid as error:
        return _compose(ml, parent, fields, error=str(error), code=400)
    return _compose(ml, parent, fields, preview=written.body)


def _draft(ml, parent, fields: dict) -> composition.Draft:
    if not forms.valid_email(fields["email"]):
        raise Invalid("Adresse invalide / invalid address")
    return composition.draft(ml.address, fields["name"], fields["email"], fields["subject"],
                             fields["body"], parent.message_id if parent is not None else "")


@bp.post("/forum/<address>/send")
def send(address: str):
    """Keep the post and mail its link (or file it at once for a remembered browser)."""
    ml = _open_list(address)
    parent = _parent(ml, request.form.get("parent", ""))
    fields = _fields(ml, parent)
    if request.form.get(TRAP):  # a robot: answered as a person would be, and nothing done
        return render_template("forum/sent.html", ml=ml, email=fields["email"])
    if proof.enabled(settings()) and not proof.verified(settings(), request.form.get(proof.FIELD)):
        return _compose(ml, parent, fields, code=400, error=_(
            "Your browser did not finish its anti-robot computation: let it run (it needs "
            "JavaScript), then send again."))
    try:
        written = _draft(ml, parent, fields)
        if browsers.recognise(settings(), request.cookies.get(browsers.COOKIE, "")) \
                == written.email:
            return _published(web_posts.post_confirmed(settings(), written))
        web_posts.submit(settings(), written, language=_language())
    except Invalid as error:
        return _compose(ml, parent, fields, error=str(error), code=400)
    except web_posts.TooMany:
        return forms.too_many(None)
    return render_template("forum/sent.html", ml=ml, email=written.email)


def _bad(error: tokens.BadToken):
    return render_template("forum/bad.html", kind=error.kind), \
        404 if error.kind == "forged" else 410


@bp.get("/forum/challenge")
def proof_challenge():
    """A fresh proof-of-work challenge for the forum's script (never cached)."""
    if not proof.enabled(settings()):
        abort(404)
    response = jsonify(proof.challenge(settings()))
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.get("/forum/publish/<secret>")
def show_pending(secret: str):
    """The post a link stands for, and the button that publishes it."""
    try:
        post = web_posts.pending(settings(), secret)
    except tokens.BadToken as error:
        return _bad(error)
    ml = queries.public_list(db(), post.mailing_list.address) if post.list_id else None
    if ml is None:
        return _bad(tokens.BadToken("forged"))
    return render_template("forum/publish.html", post=post, ml=ml, secret=secret)


@bp.post("/forum/publish/<secret>")
def publish(secret: str):
    """File the post; remember this browser for its address when asked to."""
    try:
        result = web_posts.confirm(settings(), secret)
    except tokens.BadToken as error:
        return _bad(error)
    except Invalid as error:
        return render_template("refusal.html", title=_("Message not published"),
                               message=str(error)), 403
    response = make_response(_published(result))
    if request.form.get("remember") and result.status in (ACCEPTED, DUPLICATE, HELD):
        response.set_cookie(browsers.COOKIE, browsers.remember(settings(), result.email),
                            max_age=int(browsers.LIFETIME.total_seconds()), httponly=True,
                            samesite="Lax", secure=settings().base_url.startswith("https://"))
    return response


def _published(result: web_posts.Result):
    """Where a filed post leads: its place in the thread, the moderation page, a refusal."""
    if result.status in (ACCEPTED, DUPLICATE):
        return redirect(links.message_path(result.message_id), 303)
    if result.status == HELD:
        return render_template("forum/held.html", result=result,
                               reason=result.reason), 202
    code = 403 if result.reason else 503
    return render_template("forum/refused.html", result=result), code


@bp.post("/forum/forget")
def forget():
    """Forget this browser: its cookie is revoked here and now, and removed."""
    browsers.forget(settings(), request.cookies.get(browsers.COOKIE, ""))
    response = make_response(render_template("forum/forgotten.html"))
    response.delete_cookie(browsers.COOKIE)
    return response


@bp.app_template_global("forum_open")
def forum_open(ml) -> bool:
    """Whether a list's pages show the forum's forms (asked once per request and list:
    a thread page asks under every message)."""
    known = g.setdefault("forum_open", {})
    if ml.id not in known:
        known[ml.id] = web_posts.open_to_web(db(), ml)
    return known[ml.id]


@bp.app_template_global("from_web")
def from_web(message) -> bool:
    """Whether an archived message was written in the forum form (one query per thread)."""
    known = g.setdefault("forum_web_ids", {})
    if message.thread_id not in known:
        known[message.thread_id] = web_posts.web_message_ids(db(), message.thread_id)
    return message.message_id in known[message.thread_id]


@bp.app_template_global("forum_proof")
def forum_proof() -> bool:
    """Whether the forum's forms carry the proof-of-work script."""
    return proof.enabled(settings())


@bp.app_template_global("reply_subject")
def reply_subject(subject: str) -> str:
    """The subject a reply form offers."""
    return composition.reply_subject(subject)
