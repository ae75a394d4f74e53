"""Themes in the console: the shared taxonomy (add, rename, merge, retire: site admins), the
review of threads' themes least confident first (whoever manages the thread's list), and
retraining, queued as a job, with the newest model's held-out quality."""
from __future__ import annotations

from flask import abort, redirect, render_template, request, url_for
from flask_babel import gettext as _

from federation.errors import Invalid
from federation.lists import permissions
from federation.storage.models import Thread
from federation.themes import editing, tagging, training

from web.console import access
from web.console.blueprint import bp
from web.session import db, settings

EDITS = ("add", "rename", "merge", "retire")


def _managed_ids() -> list[int]:
    return [found.id for found in db().scalars(
        permissions.visible_lists(db(), access.principal(), "manage"))]


def _page(problem: str = "", done: str = "", status: int = 200):
    who = access.principal()
    ids = _managed_ids()
    return render_template(
        "console/themes.html", themes=tagging.listed(db()), active=training.active_slugs(db()),
        quality=editing.model_quality(db()), corrections=editing.corrections_count(db()),
        review=editing.review_queue(db(), ids, limit=15) if ids else [],
        may_edit=who.site_admin, problem=problem, done=done), status


@bp.get("/themes")
@access.signed_in
def themes():
    """The taxonomy, the model's quality and the threads to review."""
    if not (access.principal().site_admin or _managed_ids()):
        abort(403)
    return _page(done=request.args.get("done", ""))


@bp.post("/themes/<edit>")
@access.signed_in
def edit_theme(edit: str):
    """One taxonomy edit (site admins: the taxonomy is shared by every assembly)."""
    if edit not in EDITS:
        abort(404)
    who = access.site_admin_or_403().email
    form = {name: request.form.get(name, "").strip() for name in
            ("slug", "label_fr", "label_en", "new_slug", "into", "description")}
    try:
        if edit == "add":
            editing.add(db(), form["slug"], form["label_fr"], form["label_en"],
                        form["description"], actor=who)
        elif edit == "rename":
            editing.rename(db(), form["slug"], form["label_fr"], form["label_en"],
                           form["new_slug"], actor=who)
        elif edit == "merge":
            editing.merge(db(), form["slug"], form["into"], actor=who)
        else:
            editing.retire(db(), form["slug"], actor=who)
    except Invalid as error:
        db().rollback()
        return _page(problem=str(error), status=400)
    db().commit()
    return redirect(url_for("console.themes", done=edit))


@bp.post("/themes/retrain")
@access.signed_in
def retrain():
    """Queue a retraining on the seed data plus every correction (site admins)."""
    who = access.site_admin_or_403().email
    editing.request_retraining(settings(), actor=who)
    return redirect(url_for("console.themes", done="retrain"))


@bp.post("/themes/thread/<int:thread_id>")
@access.signed_in
def correct_thread(thread_id: int):
    """Set a thread's themes as ticked (the others rejected): a correction and training data."""
    thread = db().get(Thread, thread_id)
    if thread is None or not permissions.may_moderate(access.principal(), thread.mailing_list):
        abort(404)
    if not permissions.may_manage_list(access.principal(), thread.mailing_list):
        abort(403)
    slugs = request.form.getlist("theme")
    try:
        editing.correct(db(), thread, slugs, actor=access.principal().email)
    except Invalid as error:
        db().rollback()
        return _page(problem=str(error), status=400)
    db().commit()
    return redirect(url_for("console.themes", done="thread"))


def words() -> dict:
    """What each edit did, for the page's confirmation line."""
    return {"add": _("Theme saved."), "rename": _("Theme renamed."), "merge": _("Themes merged."),
            "retire": _("Theme retired."), "thread": _("Thread's themes saved."),
            "retrain": _("Retraining queued: the new model's quality shows here once it is trained.")}


@bp.context_processor
def _theme_words() -> dict:
    return {"theme_done_words": words()}
