"""A list in the console: creating one in an assembly, its overview, every setting of
``directory.edit_list`` (each explained next to its field), archiving and bringing back."""
from __future__ import annotations

from flask import redirect, render_template, request, url_for
from flask_babel import gettext as _

from federation.lists import audit, directory, permissions
from federation.errors import Invalid
from federation.peers import hub

from web.console import access
from web.console.blueprint import bp
from web.session import db, settings

# the settings form's checkboxes (an unticked box is absent from the form: False)
CHECKBOXES = ("public", "emergency_moderation", "federated", "web_posting",
              "web_first_post_moderation")
TEXTS = ("name", "subject_prefix", "bounce_threshold")
CHOICES = {"policy": directory.POLICIES, "dmarc": directory.DMARC_MODES,
           "digest": directory.DIGEST_FORMATS, "complaint_action": directory.COMPLAINT_ACTIONS,
           "delivery_mode": directory.DELIVERY_MODES}


@bp.context_processor
def _words() -> dict:
    """The settings' choices in plain words, in the reader's language."""
    return dict(
        policy_words={"open": _("Anyone"), "members": _("Members (others are moderated)"),
                      "moderated": _("Everyone is moderated"),
                      "announce": _("Announcements: moderators and owners only")},
        dmarc_words={"always": _("Always"),
                     "policy": _("When the author's domain asks for it (recommended)"),
                     "never": _("Never")},
        digest_words={"mime": _("Each message attached (MIME)"), "plain": _("Plain text")},
        delivery_words={"personal": _("Personal (recommended)"), "batched": _("Batched")},
        complaint_words={"disable": _("Stop sending to them"),
                         "unsubscribe": _("Unsubscribe them")})


def _text(name: str) -> str:
    # browsers send a textarea's lines with CRLF; we store LF (footers are re-folded on output)
    return request.form.get(name, "").replace("\r\n", "\n").replace("\r", "\n")


def _submitted() -> dict:
    """The settings form, as ``edit_list`` arguments (every field: the form shows them all)."""
    fields = {name: request.form.get(name, "").strip() for name in TEXTS}
    fields.update({name: request.form.get(name, "") for name in CHOICES})
    fields.update({name: name in request.form for name in CHECKBOXES})
    fields.update(description=_text("description"), footer=_text("footer"))
    return fields


@bp.route("/a/<slug>/lists/new", methods=["GET", "POST"])
@access.signed_in
def new_list(slug: str):
    """Create a list in an assembly (its admins)."""
    found = access.assembly_or_404(slug, "manage")
    if request.method == "GET":
        return render_template("console/list_new.html", assembly=found, values={},
                               policies=directory.POLICIES, domain=settings().mail_domain)
    values = request.form
    try:
        created = directory.add_list(
            db(), values.get("address", ""), found.slug, settings().mail_domain,
            name=values.get("name", "").strip(), policy=values.get("policy", "open"),
            public="public" in values, description=_text("description"),
            federated="federated" in values)
    except Invalid as error:
        db().rollback()
        return render_template("console/list_new.html", assembly=found, values=values,
                               policies=directory.POLICIES, domain=settings().mail_domain,
                               problem=str(error)), 400
    audit.record(db(), "list.create", mailing_list=created, actor=access.principal().email,
                 channel="console", target=created.address, policy=created.policy,
                 public=created.public, federated=created.federated)
    db().commit()
    return redirect(url_for("console.list_home", address=created.address))


@bp.get("/l/<address>/")
@access.signed_in
def list_home(address: str):
    """A list's overview: its state and what the principal may do with it."""
    found = access.list_or_404(address, "moderate")
    who = access.principal()
    return render_template("console/list_home.html", ml=found,
                           options=directory.list_options(db(), found),
                           may_manage=permissions.may_manage_list(who, found))


@bp.route("/l/<address>/settings", methods=["GET", "POST"])
@access.signed_in
def list_settings(address: str):
    """Every setting of the list, explained; the POST changes those that differ."""
    found = access.list_or_404(address, "manage")
    values = {**directory.list_options(db(), found),
              **{name: getattr(found, name) for name in
                 ("name", "description", "policy", "public", "subject_prefix", "footer",
                  "federated")}}
    if request.method == "GET":
        return render_template("console/list_settings.html", ml=found, values=values,
                               choices=CHOICES)
    try:
        changed = directory.edit_list(db(), found, **_submitted())
    except Invalid as error:
        db().rollback()
        return render_template("console/list_settings.html", ml=found,
                               values={**values, **_submitted()}, choices=CHOICES,
                               problem=str(error)), 400
    if changed:
        audit.record(db(), "list.edit", mailing_list=found, actor=access.principal().email,
                     channel="console", target=found.address,
                     changes={k: [old, new] for k, (old, new) in changed.items()})
    db().commit()
    if "federated" in changed or "public" in changed:
        hub.announce(settings(), [found.id])  # a withdrawal (or a return) is pushed to peers
    return render_template("console/list_settings.html", ml=found,
                           values={**values, **_submitted()}, choices=CHOICES,
                           saved=sorted(changed))


@bp.post("/l/<address>/archive")
@access.signed_in
def archive(address: str):
    """Archive the list (no more posts, every message stays) or bring it back."""
    found = access.list_or_404(address, "manage")
    archived = request.form.get("archived") == "1"
    if directory.archive_list(db(), found, archived):
        audit.record(db(), "list.archive" if archived else "list.unarchive",
                     mailing_list=found, actor=access.principal().email, channel="console",
                     target=found.address)
    db().commit()
    return redirect(url_for("console.list_home", address=found.address))
