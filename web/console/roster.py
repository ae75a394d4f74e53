"""A list's roster in the console: search, sort and keyset paging (never the whole roster),
adding by pasting or by a CSV file with a preview before anything changes, removing,
role and delivery changes, re-enabling a bounce-disabled member, the CSV export.

Each member keeps how they came (``Member.consent``): "added by <admin> on <date>",
"imported from <source> by <admin> on <date>", "confirmed by mail" (GDPR art. 7(1)).
"""
from __future__ import annotations

import csv
import io
import re
from datetime import date, timedelta

from flask import (Response, abort, redirect, render_template, request, stream_with_context,
                   url_for)
from flask_babel import format_date, gettext as _

from federation.errors import Invalid
from federation.lists import audit, membership, roster as rosters, tokens
from federation.lists.tokens import BadToken
from federation.reading import roster_queries
from federation.storage.models import Member

from web.console import access
from web.console.blueprint import bp
from web.session import db

IMPORT_SIZE = 8 * 1024 * 1024  # a pasted or uploaded roster: about 200,000 addresses
IMPORT_LIFETIME_HOURS = 2
AUDIT_EACH = 200  # up to this many added at once, one audit entry each; more, one in all


_ADDED = re.compile(r"^added by (?P<who>\S+) on (?P<day>[0-9-]+)$")
_IMPORTED = re.compile(r"^imported from (?P<source>.+?)(?: by (?P<who>\S+) on (?P<day>[0-9-]+))?$")


def consent_words(consent: str) -> str:
    """How a member came, in the reader's language (stored in English, one phrase a channel)."""
    if consent in ("confirmed by mail", "confirmed by mail, approved by a moderator"):
        return _("confirmed by mail") if consent == "confirmed by mail" else _(
            "confirmed by mail, approved by a moderator")
    if consent == "added by admin":
        return _("added by an admin (command line)")
    if match := _ADDED.match(consent or ""):
        return _("added by %(who)s on %(day)s", who=match["who"], day=match["day"])
    if match := _IMPORTED.match(consent or ""):
        if match["who"]:
            return _("imported from %(source)s by %(who)s on %(day)s", **match.groupdict())
        return _("imported from %(source)s", source=match["source"])
    return consent or _("not recorded")


@bp.context_processor
def _words() -> dict:
    """Roles, delivery modes, skip reasons and consents in the reader's language."""
    return dict(role_words={"member": _("member"), "moderator": _("moderator"),
                            "owner": _("owner")},
                delivery_mode_words={"each": _("every message"), "digest": _("digest"),
                                     "none": _("no mail")},
                skip_words={"invalid": _("not a valid address"),
                            "duplicate": _("given twice"), "member": _("already a member")},
                consent_words=_memo(consent_words), day=_memo(format_date))


def _memo(words):
    """A words function that translates each distinct value once per page (a roster page
    shows the same few consents fifty times; each gettext call costs a quarter millisecond)."""
    seen: dict[str, str] = {}
    return lambda value: seen[value] if value in seen else seen.setdefault(value, words(value))


def _row_words() -> dict:
    """The words each roster row repeats, translated once per page, not once per row."""
    return dict(address=_("Address"), name=_("Name"), joined=_("Joined"),
                bounces=_("Bounces"), role_delivery=_("Role and delivery"),
                actions=_("Actions"), suspended=_("suspended"), again=_("Deliver again"),
                role_of=_("Role of %(email)s"), delivery_of=_("Delivery of %(email)s"),
                change=_("Change"), remove=_("Remove"))


@bp.before_app_request
def _larger_imports() -> None:
    """The add form takes a whole roster (the site's other forms stay at max_form_size);
    set before any view or the CSRF check reads the body."""
    if request.endpoint == "console.add_members" and request.method == "POST":
        request.max_content_length = IMPORT_SIZE
        request.max_form_memory_size = IMPORT_SIZE


def _filters() -> dict:
    sort = request.args.get("sort", "email")
    role = request.args.get("role", "")
    return dict(search=request.args.get("q", "")[:254],
                sort=sort if sort in roster_queries.SORTS else "email",
                role=role if role in membership.ROLES else "",
                disabled=request.args.get("disabled") == "1")


@bp.get("/l/<address>/members")
@access.signed_in
def members(address: str):
    """The roster: searchable, sorted, keyset-paged."""
    found = access.list_or_404(address, "manage")
    filters = _filters()
    cursor = request.args.get("after", "")[:500]
    before = request.args.get("before", "")[:500]
    shown = roster_queries.page(db(), found, cursor=cursor, before=before, **filters)
    # counting 100,000 rows costs more than the page itself (and than a search, 0017): on
    # the first page of the whole roster only
    return render_template("console/members.html", ml=found, page=shown, filters=filters,
                           total=None if cursor or before or filters["search"]
                           else roster_queries.count(db(), found),
                           roles=membership.ROLES, deliveries=membership.DELIVERIES,
                           sorts=roster_queries.SORTS, back=request.full_path,
                           words=_row_words())


def _member(address: str, member_id: int) -> tuple:
    found = access.list_or_404(address, "manage")
    member = db().get(Member, member_id)
    if member is None or member.list_id != found.id:
        abort(404)  # another list's member: none of this list's business
    return found, member


def _back(found) -> Response:
    return redirect(access.local_target(request.form.get("back"))
                    if request.form.get("back") else url_for("console.members",
                                                             address=found.address))


@bp.post("/l/<address>/members/<int:member_id>/edit")
@access.signed_in
def edit_member(address: str, member_id: int):
    """Change a member's role and delivery mode."""
    found, member = _member(address, member_id)
    role, delivery = request.form.get("role", member.role), request.form.get(
        "delivery", member.delivery)
    if role not in membership.ROLES or delivery not in membership.DELIVERIES:
        abort(400)
    changes = {k: [getattr(member, k), v] for k, v in (("role", role), ("delivery", delivery))
               if getattr(member, k) != v}
    if changes:
        member.role, member.delivery = role, delivery
        audit.record(db(), "member.edit", mailing_list=found, actor=access.principal().email,
                     channel="console", target=member.email, changes=changes)
    db().commit()
    return _back(found)


@bp.post("/l/<address>/members/<int:member_id>/remove")
@access.signed_in
def remove_member(address: str, member_id: int):
    """Unsubscribe a member (no goodbye mail: the owner's act, as ``relais member remove``)."""
    found, member = _member(address, member_id)
    email = member.email
    db().delete(member)
    audit.record(db(), "member.remove", mailing_list=found, actor=access.principal().email,
                 channel="console", target=email)
    db().commit()
    return _back(found)


@bp.post("/l/<address>/members/<int:member_id>/enable")
@access.signed_in
def enable_member(address: str, member_id: int):
    """Deliver to a member again after bounces disabled them (their score starts afresh)."""
    found, member = _member(address, member_id)
    if member.disabled:
        reason = member.disabled_reason
        member.disabled, member.disabled_reason = False, ""
        member.bounce_score, member.last_bounce_at = 0.0, None
        audit.record(db(), "member.enable", mailing_list=found,
                     actor=access.principal().email, channel="console", target=member.email,
                     was=reason)
    db().commit()
    return _back(found)


def _consent(source: str) -> str:
    who, today = access.principal().email, date.today().isoformat()
    if source:
        return f"imported from {source} by {who} on {today}"
    return f"added by {who} on {today}"


@bp.route("/l/<address>/members/add", methods=["GET", "POST"])
@access.signed_in
def add_members(address: str):
    """Paste addresses or upload a CSV; the POST shows what would happen, and changes nothing."""
    found = access.list_or_404(address, "manage")
    if request.method == "GET":
        return render_template("console/members_add.html", ml=found, values={},
                               roles=membership.ROLES, deliveries=membership.DELIVERIES)
    upload = request.files.get("file")
    text = request.form.get("addresses", "")
    source = request.form.get("source", "").strip().replace("\n", " ")[:200]
    if upload is not None and upload.filename:
        text = rosters.decode(upload.read())
        source = source or upload.filename[:200]
    role = request.form.get("role", "member")
    delivery = request.form.get("delivery", "each")
    try:
        if role not in membership.ROLES or delivery not in membership.DELIVERIES:
            raise Invalid(_("Choose a role and a delivery mode."))
        people = rosters.read(text)
        if not people:
            raise Invalid(_("No address found: paste one address per line, or choose a file."))
    except Invalid as error:
        return render_template("console/members_add.html", ml=found, values=request.form,
                               roles=membership.ROLES, deliveries=membership.DELIVERIES,
                               problem=str(error)), 400
    planned = rosters.preview(db(), found, people)
    consent = _consent(source)
    secret = tokens.create(db(), "roster_import", found, access.principal().email, {
        "add": planned.add, "change": planned.change, "consent": consent, "role": role,
        "delivery": delivery, "source": source}, lifetime=timedelta(hours=IMPORT_LIFETIME_HOURS))
    db().commit()
    return render_template("console/members_preview.html", ml=found, planned=planned,
                           consent=consent, role=role, delivery=delivery, secret=secret)


@bp.post("/l/<address>/members/apply")
@access.signed_in
def apply_members(address: str):
    """Do what the preview showed (once: the preview is a single-use token of this admin's)."""
    found = access.list_or_404(address, "manage")
    who = access.principal()
    try:
        token = tokens.find(db(), request.form.get("preview", ""))
        if token.purpose != "roster_import" or token.list_id != found.id \
                or token.email != who.email:
            raise BadToken("forged")
        tokens.redeem(db(), "roster_import", request.form.get("preview", ""))
    except BadToken as error:
        db().rollback()
        return render_template("console/refusal.html", message=_(
            "This preview was already applied, or has expired: nothing was done.")), \
            404 if error.kind == "forged" else 410
    data = tokens.payload(token)
    planned = rosters.Preview([tuple(p) for p in data["add"]],
                              [tuple(c) for c in data["change"]], [])
    added = rosters.apply(db(), found, planned, data["consent"], role=data["role"],
                          delivery=data["delivery"])
    _record_added(found, who.email, added.added, planned.change, data)
    db().commit()
    return redirect(url_for("console.members", address=found.address, added=len(added.added),
                            changed=len(planned.change)))


def _record_added(found, actor: str, emails: list[str], changes: list, data: dict) -> None:
    """One audit entry per address for a handful, one for the whole import beyond that."""
    if len(emails) <= AUDIT_EACH:
        for email in emails:
            audit.record(db(), "member.add", mailing_list=found, actor=actor,
                         channel="console", target=email, consent=data["consent"],
                         role=data["role"])
    else:
        audit.record(db(), "member.add", mailing_list=found, actor=actor, channel="console",
                     target=f"{len(emails)} addresses", count=len(emails),
                     consent=data["consent"], role=data["role"], first=emails[:20])
    for email, old, new in changes:
        audit.record(db(), "member.edit", mailing_list=found, actor=actor, channel="console",
                     target=email, changes={"name": [old, new]})


EXPORT_COLUMNS = ("email", "name", "role", "delivery", "joined", "consent", "disabled",
                  "bounce_score")


@bp.get("/l/<address>/members.csv")
@access.signed_in
def export_members(address: str):
    """Every member as CSV (UTF-8 with a BOM, as spreadsheets expect), streamed."""
    found = access.list_or_404(address, "manage")
    list_id = found.id

    def rows():
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        buffer.write("\ufeff")
        writer.writerow(EXPORT_COLUMNS)
        for member in roster_queries.every(db(), db().get(type(found), list_id)):
            writer.writerow([member.email, member.name, member.role, member.delivery,
                             member.created_at.isoformat(timespec="seconds"), member.consent,
                             "yes" if member.disabled else "", f"{member.bounce_score:g}"])
            if buffer.tell() > 64 * 1024:
                yield buffer.getvalue()
                buffer.seek(0)
                buffer.truncate()
        yield buffer.getvalue()

    audit.record(db(), "member.export", mailing_list=found, actor=access.principal().email,
                 channel="console", target=found.address)
    db().commit()
    filename = f"{found.local_part}-members.csv"
    return Response(stream_with_context(rows()), mimetype="text/csv", headers={
        "Content-Disposition": f'attachment; filename="{filename}"',
        "Cache-Control": "private, no-store"})
