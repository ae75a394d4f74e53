"""Erasing a message from the console: delete (a tombstone stays) or redact (author and body
hidden, the thread kept), with the reason class that travels to peers and a note for the
audit log. The same functions as ``relais message delete|redact``."""
from __future__ import annotations

from flask import render_template, request
from flask_babel import gettext as _
from sqlalchemy import select

from federation.archive import erasure
from federation.errors import Invalid
from federation.peers import hub
from federation.storage.models import Message

from web.console import access
from web.console.blueprint import bp
from web.session import db, settings

KINDS = ("delete", "redact")


def _words() -> dict:
    return {"author": _("The author asked for it"), "legal": _("A legal reason (a court, the law)"),
            "spam": _("Spam or abuse")}


@bp.route("/l/<address>/erase", methods=["GET", "POST"])
@access.signed_in
def erase(address: str):
    """Find a message of the list by its Message-ID, then delete or redact it (its managers)."""
    ml = access.list_or_404(address, "manage")
    values = request.form if request.method == "POST" else request.args
    mid = (values.get("mid") or "").strip().strip("<>").strip()[:995]
    found = db().scalar(select(Message).where(
        Message.list_id == ml.id, Message.message_id == mid, Message.ghost.is_(False))) \
        if mid else None
    page = dict(ml=ml, mid=mid, found=found, reasons=erasure.REASONS, words=_words(),
                kinds=KINDS)
    if request.method == "GET" or found is None:
        problem = _("No message of this list has that Message-ID.") if mid and found is None \
            else ""
        return render_template("console/erase.html", problem=problem, **page), \
            (404 if problem and request.method == "POST" else 200)
    kind, reason = request.form.get("kind", ""), request.form.get("reason", "")
    if kind not in KINDS or reason not in erasure.REASONS:
        return render_template("console/erase.html", problem=_("Choose what to do and why."),
                               **page), 400
    note = request.form.get("note", "").replace("\r\n", "\n").strip()[:2000]
    try:
        (erasure.delete if kind == "delete" else erasure.redact)(
            db(), mid, ml.address, reason, note=note, actor=access.principal().email,
            channel="console")
    except Invalid as error:
        db().rollback()
        return render_template("console/erase.html", problem=str(error), **page), 400
    db().commit()
    hub.announce(settings(), [ml.id])  # push the tombstone to followers
    return render_template("console/erase.html", done=kind, **{**page, "found": None})
