"""The moderation queue in the console: every list one may moderate, oldest first, similar
messages grouped, each with its age, its reason in plain words, a sanitised preview and its
raw bytes; decisions on one or several at once, through ``federation.ingest.moderation`` (the
very actions a moderator's reply by mail takes). Canned replies are edited by the owners."""
from __future__ import annotations

from datetime import timedelta

from flask import Response, abort, redirect, render_template, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _

from federation.archive.message import header_value, parse
from federation.archive.sanitize import clean_html
from federation.errors import Invalid
from federation.ingest import holding, moderation
from federation.lists import permissions
from federation.storage.models import Held, MailingList, utcnow

from web.console import access
from web.console.blueprint import bp
from web.session import db, settings

PAGE = 50  # waiting messages on one page (a phone screen or two); a longer queue pages on


def _language() -> str:
    return str(get_locale() or "fr")[:2]


def _queue(lists: list[MailingList], title: str, ml: MailingList | None = None):
    offset = max(0, request.args.get("from", 0, type=int) or 0)
    ids = [found.id for found in lists]
    waiting = holding.waiting(db(), ids, limit=PAGE, offset=offset) if ids else []
    total = holding.count_waiting(db(), ids) if ids else 0
    now, language = utcnow(), _language()
    return render_template(
        "console/moderation.html", title=title, ml=ml, now=now, total=total, offset=offset,
        groups=holding.grouped(waiting), lists={found.id: found for found in lists},
        day=timedelta(days=1), more=offset + PAGE < total, page=PAGE,
        reason=lambda code: holding.reason_words(code, language),
        replies=moderation.replies(db(), ml) if ml is not None else [])


@bp.get("/moderation")
@access.signed_in
def moderation_queue():
    """Every message waiting on the lists the principal moderates."""
    lists = list(db().scalars(permissions.visible_lists(db(), access.principal(), "moderate")))
    return _queue(lists, _("Moderation queue"))


@bp.get("/l/<address>/moderation")
@access.signed_in
def list_moderation(address: str):
    """The messages waiting on one list."""
    ml = access.list_or_404(address, "moderate")
    return _queue([ml], _("Moderation queue of %(name)s", name=ml.name), ml)


def held_or_404(pk: int) -> Held:
    """A held message of a list the principal moderates; any other is a 404 (never shown)."""
    held = db().get(Held, pk)
    if held is None or not permissions.may_moderate(access.principal(), held.mailing_list):
        abort(404)
    return held


@bp.get("/held/<int:pk>")
@access.signed_in
def held_message(pk: int):
    """One held message: its headers, a sanitised preview, and the decisions."""
    held = held_or_404(pk)
    parsed = parse(held.raw)
    preview_html = clean_html(parsed.body_html) if not parsed.body_text.strip() and \
        parsed.body_html else ""
    return render_template(
        "console/held.html", held=held, ml=held.mailing_list, parsed=parsed,
        preview_html=preview_html, author=header_value(held.raw, "From"), now=utcnow(),
        day=timedelta(days=1), reason=holding.reason_words(held.reason, _language()),
        replies=moderation.replies(db(), held.mailing_list),
        trust=held.mailing_list.policy == "members")


@bp.get("/held/<int:pk>/raw")
@access.signed_in
def held_raw(pk: int):
    """The held message's bytes as they came, as plain text (never rendered as HTML)."""
    held = held_or_404(pk)
    return Response(held.raw, mimetype="text/plain", headers={
        "Content-Security-Policy": "sandbox; default-src 'none'",
        "Content-Disposition": "inline"})


@bp.post("/moderation/decide")
@access.signed_in
def decide():
    """Apply one decision to the ticked messages (each one checked against the principal)."""
    action = request.form.get("action", "")
    if action not in moderation.ACTIONS:
        abort(400)
    # a ticked message, or a ticked group of alike messages ("12 13 14")
    values = request.form.getlist("held") + " ".join(request.form.getlist("group")).split()
    pks = list(dict.fromkeys(int(value) for value in values if value.isdigit()))
    if not pks:
        abort(400)
    helds = [held_or_404(pk) for pk in pks]  # a forged id of another list: 404, nothing done
    note = _note(helds) if action == "reject" else ""
    who = access.principal().email
    db().rollback()  # the decisions write in their own transactions
    results = moderation.decide_many(settings(), pks, action, actor=who, channel="console",
                                     note=note)
    back = request.form.get("back", "")
    return render_template("console/decided.html", results=results, action=action,
                           back=access.local_target(back))


def _note(helds: list[Held]) -> str:
    """A rejection's text: the canned reply chosen (of the message's own list) and any words."""
    words = request.form.get("note", "").replace("\r\n", "\n").strip()[:2000]
    reply_id = request.form.get("reply", "")
    if reply_id.isdigit():
        texts = []
        for ml_id in {held.list_id for held in helds}:
            ml = db().get(MailingList, ml_id)
            chosen = [r for r in moderation.replies(db(), ml) if r.id == int(reply_id)]
            if not chosen:
                abort(400)  # a reply of another list
            texts.append(chosen[0].body)
        words = "\n\n".join(t for t in (texts[0], words) if t)
    return words


@bp.route("/l/<address>/replies", methods=["GET", "POST"])
@access.signed_in
def canned_replies(address: str):
    """The list's canned rejection replies: the owners write and rewrite them."""
    ml = access.list_or_404(address, "manage")
    problem, status = "", 200
    if request.method == "POST":
        who = access.principal().email
        try:
            if request.form.get("delete", "").isdigit():
                moderation.delete_reply(db(), ml, int(request.form["delete"]), actor=who)
            else:
                reply_id = request.form.get("reply", "")
                moderation.save_reply(db(), ml, request.form.get("title", ""),
                                      request.form.get("body", "").replace("\r\n", "\n"),
                                      int(reply_id) if reply_id.isdigit() else None, actor=who)
            db().commit()
            return redirect(url_for("console.canned_replies", address=ml.address))
        except Invalid as error:
            db().rollback()
            problem, status = str(error), 400
    return render_template("console/replies.html", ml=ml, problem=problem,
                           replies=moderation.replies(db(), ml)), status


@bp.context_processor
def _status_words() -> dict:
    """A held message's state in words."""
    return {"held_status_words": {
        "held": _("waiting"), "approving": _("being approved"), "approved": _("approved"),
        "rejected": _("rejected"), "discarded": _("discarded"), "missing": _("gone")}}


@bp.app_template_filter("age")
def age(delta: timedelta) -> str:
    """How long a message has waited, in words."""
    minutes = int(delta.total_seconds() // 60)
    if minutes < 60:
        return _("%(n)d min", n=max(minutes, 0))
    if minutes < 48 * 60:
        return _("%(n)d h", n=minutes // 60)
    return _("%(n)d days", n=minutes // (24 * 60))
