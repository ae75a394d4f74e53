"""The console's home and assemblies: what the principal runs, creating an assembly (site
admins) and editing its name, city and description (its admins)."""
from __future__ import annotations

from flask import redirect, render_template, request, url_for
from flask_babel import gettext as _
from sqlalchemy import select

from federation.lists import audit, directory, permissions
from federation.errors import Invalid
from federation.storage.models import Assembly

from web.console import access
from web.console.blueprint import bp
from web.session import db

FIELDS = (("name", 200), ("city", 200), ("description", 5000))


@bp.get("/")
@access.signed_in
def home():
    """Every assembly and list the principal has something to do with."""
    who = access.principal()
    visible = list(db().scalars(permissions.visible_lists(db(), who, "moderate")))
    ids = {ml.assembly_id for ml in visible} | set(who.assembly_ids)
    query = select(Assembly).order_by(Assembly.name)
    if not who.site_admin:
        query = query.where(Assembly.id.in_(sorted(ids)))
    shown = list(db().scalars(query))
    by_assembly = {a.id: [ml for ml in visible if ml.assembly_id == a.id] for a in shown}
    return render_template("console/home.html", assemblies=shown, lists=by_assembly,
                           may_manage=lambda a: permissions.may_manage_assembly(who, a.id),
                           may_manage_list=lambda ml: permissions.may_manage_list(who, ml))


def _fields() -> dict[str, str]:
    values = {name: request.form.get(name, "").strip() for name, _limit in FIELDS}
    for name, limit in FIELDS:
        if len(values[name]) > limit or (name != "description" and "\n" in values[name]):
            raise Invalid(_("%(field)s is too long.", field=name))
    if not values["name"]:
        raise Invalid(_("Give the assembly a name."))
    return values


@bp.route("/assemblies/new", methods=["GET", "POST"])
@access.signed_in
def new_assembly():
    """Create an assembly (site admins only)."""
    who = access.site_admin_or_403()
    if request.method == "GET":
        return render_template("console/assembly_form.html", assembly=None, values={})
    slug = request.form.get("slug", "").strip().lower()
    try:
        values = _fields()
        if directory.find_assembly(db(), slug) is not None:
            raise Invalid(_("An assembly already has this short name."))
        created = directory.add_assembly(db(), slug, values["name"], values["description"])
    except Invalid as error:
        db().rollback()
        return render_template("console/assembly_form.html", assembly=None,
                               values=request.form, problem=str(error)), 400
    created.city = values["city"]
    audit.record(db(), "assembly.create", assembly=created, actor=who.email,
                 channel="console", target=created.slug, **values)
    db().commit()
    return redirect(url_for("console.assembly", slug=created.slug))


@bp.get("/a/<slug>/")
@access.signed_in
def assembly(slug: str):
    """An assembly's lists (those the principal may see)."""
    found = access.assembly_or_404(slug, "see")
    who = access.principal()
    lists = [ml for ml in db().scalars(permissions.visible_lists(db(), who, "moderate"))
             if ml.assembly_id == found.id]
    return render_template("console/assembly.html", assembly=found, lists=lists,
                           may_manage=permissions.may_manage_assembly(who, found.id),
                           may_manage_list=lambda ml: permissions.may_manage_list(who, ml))


@bp.route("/a/<slug>/edit", methods=["GET", "POST"])
@access.signed_in
def edit_assembly(slug: str):
    """Change an assembly's name, city and description (its admins)."""
    found = access.assembly_or_404(slug, "manage")
    if request.method == "GET":
        return render_template("console/assembly_form.html", assembly=found,
                               values={n: getattr(found, n) for n, _l in FIELDS})
    try:
        values = _fields()
    except Invalid as error:
        return render_template("console/assembly_form.html", assembly=found,
                               values=request.form, problem=str(error)), 400
    changes = {name: [getattr(found, name), value] for name, value in values.items()
               if getattr(found, name) != value}
    for name, (_old, value) in changes.items():
        setattr(found, name, value)
    if changes:
        audit.record(db(), "assembly.edit", assembly=found, actor=access.principal().email,
                     channel="console", target=found.slug, changes=changes)
    db().commit()
    return redirect(url_for("console.assembly", slug=found.slug))
