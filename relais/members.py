"""``relais member add|remove|list``: members of a list from the command line.

Adding here is the owner's act, as Mailman's ``mailman addmembers``: no confirmation round
trip and no welcome mail (the owner tells people).
"""
from __future__ import annotations

import click

from federation import membership
from federation.db import session_scope
from federation.directory import find_list
from federation.errors import Invalid
from federation.settings import Settings


def _settings() -> Settings:
    return Settings.from_env().with_secret()


def _list(session, address: str):
    found = find_list(session, address)
    if found is None:
        raise click.ClickException(f"no list {address!r}; create it with 'relais list add'")
    return found


@click.group()
def member() -> None:
    """Manage the members of a list."""


@member.command("add")
@click.argument("address")
@click.argument("email")
@click.option("--role", type=click.Choice(membership.ROLES), default=None,
              help="member (default for a new member), moderator or owner.")
@click.option("--delivery", type=click.Choice(membership.DELIVERIES), default=None,
              help="each (default for a new member), digest or none.")
@click.option("--language", type=click.Choice(membership.LANGUAGES), default=None,
              help="Language of the mails Relais sends this member (fr by default).")
def add(address: str, email: str, role: str | None, delivery: str | None,
        language: str | None) -> None:
    """Subscribe EMAIL to the list ADDRESS (or change its role or delivery)."""
    try:
        with session_scope(_settings()) as session:
            found = membership.add(session, _list(session, address), email, role=role,
                                   delivery=delivery, language=language)
            click.echo(f"{found.email} {found.role} {found.delivery} on {address}")
    except Invalid as error:
        raise click.ClickException(str(error))


@member.command("remove")
@click.argument("address")
@click.argument("email")
def remove(address: str, email: str) -> None:
    """Unsubscribe EMAIL from the list ADDRESS."""
    with session_scope(_settings()) as session:
        if not membership.remove(session, _list(session, address), email):
            raise click.ClickException(f"{email} is not a member of {address}")
    click.echo(f"{email} removed from {address}")


@member.command("list")
@click.argument("address")
def list_(address: str) -> None:
    """Print the members of the list ADDRESS: email, role, delivery, state."""
    with session_scope(_settings()) as session:
        for found in membership.members(session, _list(session, address)):
            state = "disabled" if found.disabled else "enabled"
            click.echo(f"{found.email}\t{found.role}\t{found.delivery}\t{state}")
