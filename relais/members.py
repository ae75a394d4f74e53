"""``relais member add|import|remove|list``: members of a list from the command line.

Adding here is the owner's act, as Mailman's ``mailman addmembers``: no confirmation round
trip and no welcome mail (the owner tells people).
"""
from __future__ import annotations

from pathlib import Path

import click

from federation.lists import membership, roster
from federation.storage.db import session_scope
from federation.lists.directory import find_list
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


def _report(outcome: membership.Added, updated: list[str]) -> None:
    """Print each address added, updated or skipped (and why), then a summary line."""
    for email in outcome.added:
        click.echo(f"added {email}")
    for email in updated:
        click.echo(f"updated {email}")
    for label, why in outcome.skipped:
        click.echo(f"skipped {label}: {why}")
    summary = f"{len(outcome.added)} added, {len(outcome.skipped)} skipped"
    click.echo(summary + (f", {len(updated)} updated" if updated else ""))


@member.command("add")
@click.argument("address")
@click.argument("emails", nargs=-1, required=True, metavar="EMAIL [EMAIL...]")
@click.option("--role", type=click.Choice(membership.ROLES), default=None,
              help="member (default for a new member), moderator or owner.")
@click.option("--delivery", type=click.Choice(membership.DELIVERIES), default=None,
              help="each (default for a new member), digest or none.")
@click.option("--language", type=click.Choice(membership.LANGUAGES), default=None,
              help="Language of the mails Relais sends this member (fr by default).")
def add(address: str, emails: tuple[str, ...], role: str | None, delivery: str | None,
        language: str | None) -> None:
    """Subscribe each EMAIL to the list ADDRESS; with --role, --delivery or --language, an
    existing member is updated instead of skipped."""
    try:
        with session_scope(_settings()) as session:
            found = _list(session, address)
            updated, fresh = [], []
            for email in emails:
                existing = membership.find(session, found, email)
                if existing is not None and (role or delivery or language):
                    membership.add(session, found, email, role=role, delivery=delivery,
                                   language=language)
                    updated.append(existing.email)
                else:
                    fresh.append((email, email, ""))
            outcome = membership.add_many(session, found, fresh, "added by admin", role=role,
                                          delivery=delivery, language=language)
    except Invalid as error:
        raise click.ClickException(str(error))
    _report(outcome, updated)


@member.command("import")
@click.argument("address")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--role", type=click.Choice(membership.ROLES), default=None,
              help="Role of the imported members (member by default).")
@click.option("--delivery", type=click.Choice(membership.DELIVERIES), default=None,
              help="each (default), digest or none.")
@click.option("--language", type=click.Choice(membership.LANGUAGES), default=None)
def import_(address: str, path: Path, role: str | None, delivery: str | None,
            language: str | None) -> None:
    """Subscribe everyone in PATH (one address per line, or a CSV with an email column and
    optionally a name column), in one transaction; existing members are left as they are."""
    try:
        people = roster.read(roster.decode(path.read_bytes()))
        with session_scope(_settings()) as session:
            outcome = membership.add_many(
                session, _list(session, address),
                [(f"line {line.number}", line.email, line.name) for line in people],
                f"imported from {path.name}", role=role, delivery=delivery, language=language)
    except Invalid as error:
        raise click.ClickException(str(error))
    _report(outcome, [])


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
