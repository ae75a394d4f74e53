"""The cross-assembly digest on the web: the archive of issues, each issue's permalink, the
Atom feed of issues, and the double opt-in subscription with RFC 8058 one-click unsubscribe.

Links in mail only ever lead to a page with a button (GET never changes anything, since
mail scanners fetch links); the button and a mail client's one-click POST
(``List-Unsubscribe=One-Click``) need no login and no cookie.
"""
from __future__ import annotations

import zlib
from datetime import datetime

from flask import Blueprint, abort, render_template, request
from flask_babel import force_locale, get_locale, gettext as _
from markupsafe import Markup

from federation import queue
from federation.delivery import subscriptions as subscriptions, digests
from federation.reading import queries
from federation.lists import quotas
from federation.themes import tagging
from federation.storage.db import session_scope
from feeds import digest as rendering, links
from feeds.atom import EntrySpec, FeedSpec, render_feed

from web import feeds, forms
from web.session import db, settings

bp = Blueprint("digests", __name__)


def _lang() -> str:
    return str(get_locale() or "fr")


def _choices() -> dict:
    return {"assemblies": [a for a, lists in queries.assemblies(db()) if lists],
            "themes": [t for t in tagging.listed(db()) if not t.retired and not t.merged_into_id]}


@bp.get("/digests/")
def archive():
    """Every issue, newest first, and the subscription form."""
    found = digests.readable(db())
    titles = {i.id: rendering.title(content, _lang()) for i, content in found}
    threads = {i.id: content["threads"] for i, content in found}
    return render_template("digests.html", issues=[i for i, _content in found], titles=titles,
                           threads=threads, **_choices())


@bp.get("/digests/<key>/")
def issue(key: str):
    """One issue, by its period ("2025-W11", "2025-03-10") or number."""
    found, content = digests.readable_issue(db(), key) or abort(404)
    body = Markup(rendering.render_html(content, settings().base_url, _lang()))
    return render_template("digest.html", issue=found, body=body,
                           title=rendering.title(content, _lang()))


@bp.get("/digests/atom")
def atom():
    """The issues as an Atom feed, one entry per issue (RFC 4287)."""
    found = digests.readable(db(), limit=50)

    def build() -> tuple[bytes, datetime]:
        base, lang = settings().base_url, settings().language
        entries = [EntrySpec(
            id=rendering.issue_url(base, i.slug), title=rendering.title(content, lang),
            updated=i.created_at, published=i.created_at, link=rendering.issue_url(base, i.slug),
            author="Relais", content_html=rendering.render_html(content, base, lang))
            for i, content in found]
        updated = max((i.created_at for i, _content in found), default=datetime(2000, 1, 1))
        with force_locale(lang):
            title = _("Digests of the assemblies")
        url = links.absolute(base, "/digests/atom")
        spec = FeedSpec(id=url, title=title, self_url=url, updated=updated, language=lang,
                        alternate_url=links.absolute(base, "/digests/"), complete=True)
        return render_feed(spec, entries), updated
    # the content is part of the stamp: an erased message makes its issues be rebuilt
    stamp = tuple((i.id, i.created_at, zlib.crc32(i.content.encode())) for i, _content in found)
    return feeds.respond("digests", stamp, build)


@bp.post("/digests/subscribe")
def subscribe():
    """Send the confirmation mail (double opt-in); nothing is stored until it is confirmed."""
    form = request.form
    if not (forms.valid_email(form.get("email", "")) and forms.valid_slugs(form.getlist("theme"))
            and forms.valid_slugs(form.getlist("assembly"))):
        return render_template("digest_notice.html", message=_(
            "This request cannot be honoured: %(reason)s",
            reason=_("an address and a few themes or assemblies are expected"))), 400
    try:
        token = subscriptions.request(
            settings(), form.get("email", ""), form.get("period", "week"),
            themes=form.getlist("theme"), assemblies=form.getlist("assembly"),
            language=_lang())
    except digests.Invalid as error:
        return render_template("digest_notice.html", message=_("This request cannot be "
                               "honoured: %(reason)s", reason=str(error))), 400
    url = links.absolute(settings().base_url, f"/digests/confirm/{token}")
    email = form.get("email", "").strip().lower()
    raw = rendering.compose_confirmation(settings(), email, url, _lang())
    with session_scope(settings()) as session:  # the backscatter cap, shared with mail
        allowed = quotas.spend(session, email, settings().max_notices_per_day)
    if allowed:  # past it, the same page: nothing tells whether a mail went
        queue.enqueue(settings(), "send", rendering.sender(settings()), [email],
                      raw)
    return render_template("digest_notice.html", message=_(
        "A confirmation link was sent to %(email)s. Nothing will be sent before you open it.",
        email=email))


@bp.route("/digests/confirm/<token>", methods=["GET", "POST"])
def confirm(token: str):
    """GET shows a button; POST confirms the subscription the signed link carries."""
    if request.method == "GET":
        return render_template("digest_notice.html", message=_("Confirm your subscription to "
                               "the digest?"), action=request.path, button=_("Confirm"))
    try:
        with session_scope(settings()) as session:
            email = subscriptions.confirm(session, settings(), token).email
    except digests.Invalid as error:
        return render_template("digest_notice.html", message=str(error)), 400
    return render_template("digest_notice.html", message=_(
        "Subscription confirmed: %(email)s will receive the digest.", email=email))


@bp.route("/digests/u/<token>", methods=["GET", "POST"])
def unsubscribe(token: str):
    """RFC 8058 one-click: a POST (``List-Unsubscribe=One-Click``) unsubscribes at once."""
    if request.method == "GET":
        return render_template("digest_notice.html", message=_("Stop receiving the digest?"),
                               action=request.path, button=_("Unsubscribe"),
                               field=("List-Unsubscribe", "One-Click"))
    try:
        with session_scope(settings()) as session:
            email = subscriptions.unsubscribe(session, settings(), token)
    except digests.Invalid as error:
        return render_template("digest_notice.html", message=str(error)), 400
    message = (_("%(email)s will no longer receive the digest.", email=email) if email
               else _("This address no longer receives the digest."))
    return render_template("digest_notice.html", message=message)
