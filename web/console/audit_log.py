"""The audit log in the console (filled in below the skeleton)."""
from __future__ import annotations

from flask import render_template

from web.console import access
from web.console.blueprint import bp


@bp.get("/audit")
@access.signed_in
def audit_log():
    """The entries of what the principal runs, newest first."""
    return render_template("console/audit.html", entries=[])
