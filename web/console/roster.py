"""A list's roster in the console (filled in below the skeleton)."""
from __future__ import annotations

from flask import render_template

from web.console import access
from web.console.blueprint import bp


@bp.get("/l/<address>/members")
@access.signed_in
def members(address: str):
    """The roster: searchable, sorted, keyset-paged."""
    found = access.list_or_404(address, "manage")
    return render_template("console/members.html", ml=found, page=[])
