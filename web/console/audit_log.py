"""The audit log in the console: who did what, when, on what, by which channel (console,
mail, command line…), for the assemblies and lists the principal runs; filtered by list,
action, actor and dates, keyset-paged by id, exported as CSV."""
from __future__ import annotations

import csv
import io
from datetime import date, datetime, timedelta

from flask import Response, render_template, request, stream_with_context
from flask_babel import gettext as _
from sqlalchemy import select

from federation.lists import audit, permissions
from federation.storage.models import Assembly, MailingList

from web.console import access
from web.console.blueprint import bp
from web.session import db

PAGE = 50


def _day(name: str) -> date | None:
    try:
        return date.fromisoformat(request.args.get(name, ""))
    except ValueError:
        return None


def _query() -> tuple[dict, dict]:
    """(the filters as shown in the form, the arguments of ``audit.entries``), checked:
    an assembly or list the principal may not read is a 404 or 403, never a leak."""
    who = access.principal()
    shown = {name: request.args.get(name, "").strip()[:254]
             for name in ("assembly", "list", "action", "actor", "since", "until")}
    scope: dict = {}
    if shown["list"]:
        found = access.list_or_404(shown["list"], "manage")
        scope["list_id"] = found.id
    if shown["assembly"]:
        found_assembly = access.assembly_or_404(shown["assembly"], "manage")
        scope["assembly_ids"] = [found_assembly.id]
    elif not who.site_admin and "list_id" not in scope:
        scope["assembly_ids"] = sorted(who.assembly_ids)
        scope["lists_also"] = sorted(i for i, role in who.list_roles.items() if role == "owner")
    if shown["action"] in audit.ACTIONS:
        scope["action"] = shown["action"]
    else:
        shown["action"] = ""
    if shown["actor"]:
        scope["actor"] = shown["actor"].lower()
    since, until = _day("since"), _day("until")
    if since:
        scope["since"] = datetime.combine(since, datetime.min.time())
    if until:
        scope["until"] = datetime.combine(until + timedelta(days=1), datetime.min.time())
    return shown, scope


def _names(entries) -> tuple[dict, dict]:
    """The lists' addresses and assemblies' names the entries mention (two small queries)."""
    list_ids = {e.list_id for e in entries if e.list_id}
    assembly_ids = {e.assembly_id for e in entries if e.assembly_id}
    lists = dict(db().execute(select(MailingList.id, MailingList.address).where(
        MailingList.id.in_(list_ids))).all()) if list_ids else {}
    assemblies = dict(db().execute(select(Assembly.id, Assembly.name).where(
        Assembly.id.in_(assembly_ids))).all()) if assembly_ids else {}
    return lists, assemblies


@bp.get("/audit")
@access.signed_in
def audit_log():
    """The entries of what the principal runs, newest first, a page at a time."""
    shown, scope = _query()
    before = request.args.get("before", "")
    found = audit.entries(db(), before_id=int(before) if before.isdigit() else None,
                          limit=PAGE + 1, **scope)
    more, found = len(found) > PAGE, found[:PAGE]
    lists, assemblies = _names(found)
    who = access.principal()
    choices = list(db().scalars(permissions.visible_lists(db(), who, "manage")))
    return render_template("console/audit.html", entries=found, filters=shown,
                           lists=lists, assemblies=assemblies, actions=audit.ACTIONS,
                           list_choices=choices,
                           link_filters={k: v for k, v in shown.items() if v},
                           words=dict(when=_("When"), who=_("Who"), what=_("What"),
                                      on=_("On what"), details=_("Details"),
                                      relais=_("Relais")),
                           next_before=found[-1].id if more and found else None)


@bp.get("/audit.csv")
@access.signed_in
def audit_export():
    """The same entries (every page) as CSV, streamed newest first."""
    _shown, scope = _query()

    def rows():
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        buffer.write("\ufeff")
        writer.writerow(("id", "at", "assembly", "list", "actor", "channel", "action",
                         "target", "detail"))
        before = None
        while True:
            batch = audit.entries(db(), before_id=before, limit=1000, **scope)
            lists, assemblies = _names(batch)
            for e in batch:
                writer.writerow((e.id, e.at.isoformat(timespec="seconds"),
                                 assemblies.get(e.assembly_id, ""), lists.get(e.list_id, ""),
                                 e.actor, e.channel, e.action, e.target, e.detail))
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
            if len(batch) < 1000:
                return
            before = batch[-1].id

    return Response(stream_with_context(rows()), mimetype="text/csv", headers={
        "Content-Disposition": 'attachment; filename="audit-log.csv"',
        "Cache-Control": "private, no-store"})


@bp.context_processor
def _words() -> dict:
    """Channels in the reader's language."""
    return {"channel_words": {"console": _("console"), "mail": _("mail"),
                              "cli": _("command line"), "web": _("web"),
                              "peer": _("peer"), "system": _("Relais")}}
