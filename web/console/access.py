"""Who is signed in to the console, and the server-side checks every view makes.

The signed session cookie (Flask's, HttpOnly, SameSite=Lax, Secure on https: web/forms.py)
holds only the address and when it signed in; the rights are read again from the database
on every request (``principal``), so a role taken away counts at the next click, and a
password change signs out every other session. An object the principal may not see is a
404 (its existence is not disclosed); one they see but may not act on is a 403.
"""
from __future__ import annotations

import functools
import time
from datetime import timezone
from urllib.parse import urlsplit

from flask import abort, g, redirect, render_template, request, session, url_for

from federation.lists import accounts, directory, permissions
from federation.lists.permissions import Principal
from federation.storage.models import Assembly, MailingList

from web import forms
from web.console.blueprint import bp
from web.session import db

KEY = "console"  # the session entry: {"email": ..., "at": epoch seconds of the sign-in}


def principal() -> Principal | None:
    """The person signed in, with their rights as the database has them now; None if nobody."""
    if "console_principal" not in g:
        g.console_principal = _read()
    return g.console_principal


def _read() -> Principal | None:
    data = session.get(KEY)
    if not isinstance(data, dict) or not isinstance(data.get("email"), str):
        return None
    account = accounts.find(db(), data["email"])
    changed = account.password_changed_at if account is not None else None
    # a session older than the last password change was signed out by that change
    if changed is not None and \
            float(data.get("at") or 0) < changed.replace(tzinfo=timezone.utc).timestamp():
        return None
    return permissions.principal_for(db(), data["email"])


def begin(email: str) -> None:
    """Start a signed-in session for this address (a fresh cookie: no fixation)."""
    session.clear()
    session[KEY] = {"email": email.strip().lower(), "at": time.time()}
    g.pop("console_principal", None)


def end() -> None:
    """Sign out: forget the session (and its CSRF token)."""
    session.clear()
    g.pop("console_principal", None)


def local_target(value: str | None) -> str:
    """Where to go after signing in: a console path of this site, never another site."""
    parts = urlsplit(value or "")
    if parts.scheme or parts.netloc or not parts.path.startswith("/admin") \
            or value.startswith("//") or "\\" in value:
        return url_for("console.home")
    return value


def signed_in(view):
    """The view needs someone signed in; otherwise, off to the sign-in page (and back)."""
    @functools.wraps(view)
    def wrapped(*args, **kwargs):
        if principal() is None:
            return redirect(url_for("console.sign_in", next=request.full_path.rstrip("?")))
        return view(*args, **kwargs)
    return wrapped


def list_or_404(address: str, need: str = "moderate") -> MailingList:
    """The list at this address if the principal may ``need`` ("moderate" or "manage") it:
    404 when they may not see it at all, 403 when they see it but may not do this."""
    if need not in permissions.NEEDS:
        raise ValueError(need)
    if not forms.valid_list_address(address or ""):
        abort(404)
    found = directory.find_list(db(), address)
    who = principal()
    if found is None or not permissions.may_moderate(who, found):
        abort(404)
    if need == "manage" and not permissions.may_manage_list(who, found):
        abort(403)
    return found


def assembly_or_404(slug: str, need: str = "manage") -> Assembly:
    """The assembly with this slug if the principal may ``need`` ("see" or "manage") it:
    404 when it is none of theirs, 403 when they only have a role on one of its lists."""
    if need not in ("see", "manage"):
        raise ValueError(need)
    if not forms.SLUG.match(slug or ""):
        abort(404)
    found = directory.find_assembly(db(), slug)
    who = principal()
    if found is None or not permissions.may_see_assembly(db(), who, found.id):
        abort(404)
    if need == "manage" and not permissions.may_manage_assembly(who, found.id):
        abort(403)
    return found


def site_admin_or_403() -> Principal:
    """Only site admins create assemblies and see every one."""
    who = principal()
    if who is None or not who.site_admin:
        abort(403)
    return who


@bp.context_processor
def _console_globals() -> dict:
    """``principal`` for the console's templates (the nav shows what one may do)."""
    return {"principal": principal()}


@bp.errorhandler(403)
def forbidden(_error):
    """403 in the console's words: the object exists for you, the action is not yours."""
    return render_template("console/refusal.html"), 403
