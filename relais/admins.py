"""``relais admin create``: accounts for the web console (site and assembly admins).

A list's owners and moderators need no account: they sign in with their member address.
"""
from __future__ import annotations

import sys

import click

from federation.errors import Invalid
from federation.lists import accounts, audit, directory
from federation.settings import Settings
from federation.storage.db import session_scope


@click.group()
def admin() -> None:
    """Manage the console's admin accounts."""


@admin.command("create")
@click.argument("email")
@click.option("--assembly", "assemblies", multiple=True, metavar="SLUG",
              help="An assembly this admin runs (every list of it); repeat for several.")
@click.option("--site-admin", is_flag=True, help="May do everything, in every assembly.")
@click.option("--password-stdin", is_flag=True,
              help="Read a password from the first line of standard input (otherwise the "
                   "admin signs in by a link mailed to EMAIL, and may set a password then).")
def create(email: str, assemblies: tuple[str, ...], site_admin: bool,
           password_stdin: bool) -> None:
    """Create an admin account for EMAIL, or give an existing one more assemblies."""
    password = sys.stdin.readline().rstrip("\r\n") if password_stdin else None
    settings = Settings.from_env().with_secret()
    try:
        with session_scope(settings) as session:
            account = accounts.create_admin(session, email, list(assemblies),
                                            password=password, site_admin=site_admin)
            for slug in assemblies:
                audit.record(session, "admin.create", channel="cli", target=account.email,
                             assembly=directory.find_assembly(session, slug.strip().lower()),
                             site_admin=account.site_admin)
            if not assemblies:
                audit.record(session, "admin.create", channel="cli", target=account.email,
                             site_admin=account.site_admin)
            kind = "site admin" if account.site_admin else "admin"
    except Invalid as error:
        raise click.ClickException(str(error))
    where = f" of {', '.join(assemblies)}" if assemblies else ""
    click.echo(f"{kind} {account.email}{where}"
               + (" (password set)" if password is not None else " (sign-in by link)"))
