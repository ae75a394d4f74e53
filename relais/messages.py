"""``relais message delete|redact``: erasure and privacy requests from the command line."""
from __future__ import annotations

import click

from federation.archive import erasure
from federation.peers import hub
from federation.storage.db import session_scope
from federation.errors import Invalid
from federation.settings import Settings


def _settings() -> Settings:
    return Settings.from_env().with_secret()


@click.group()
def message() -> None:
    """Delete or redact archived messages."""


_LIST = click.option("--list", "list_address", default=None,
                     help="Only on this list (a cross-posted message is on several).")
_REASON = click.option("--reason", type=click.Choice(erasure.REASONS), default="author",
                       show_default=True,
                       help="The reason class kept on the tombstone (it travels to peers): "
                            "the author's request, a legal demand, or spam.")
_NOTE = click.option("--note", default="",
                     help="Free text for the audit log (kept here, never sent to peers).")
_ACTOR = click.option("--by", "actor", default="",
                      help="Who asks, for the audit log (an address).")


@message.command("delete")
@click.argument("message_id")
@_LIST
@_REASON
@_NOTE
@_ACTOR
def delete(message_id: str, list_address: str | None, reason: str, note: str,
           actor: str) -> None:
    """Erase a message: raw bytes, body, author and attachments go, a tombstone stays, and no
    page, feed, mbox, digest or search shows it again; unsent copies are cancelled."""
    _erase(erasure.delete, "deleted", message_id, list_address, reason, note, actor)


@message.command("redact")
@click.argument("message_id")
@_LIST
@_REASON
@_NOTE
@_ACTOR
def redact(message_id: str, list_address: str | None, reason: str, note: str,
           actor: str) -> None:
    """Hide a message's author and body behind a "message masqué" notice, keeping its
    subject and its place in the thread (a privacy request)."""
    _erase(erasure.redact, "redacted", message_id, list_address, reason, note, actor)


def _erase(action, done_word: str, message_id: str, list_address: str | None,
           reason: str, note: str, actor: str) -> None:
    """Run one erasure in a transaction and say what it touched, list by list."""
    try:
        with session_scope(_settings()) as session:
            rows = action(session, message_id, list_address, reason, note=note, actor=actor,
                          channel="cli")
            done = [(row.message_id, row.mailing_list.address) for row in rows]
            changed = {row.list_id for row in rows}
        hub.announce(_settings(), changed)  # the tombstone is in the feeds: push it
    except Invalid as error:
        raise click.ClickException(str(error))
    for mid, address in done:
        click.echo(f"{done_word} <{mid}> on {address} ({reason})")
    _reach(message_id)


def _reach(message_id: str) -> None:
    from federation.peers import acks
    with session_scope(_settings(), write=False) as session:
        reach = acks.reach(session, message_id)
    if reach.followers:
        click.echo(f"peers: {reach} (their acknowledgements come as they poll)")


@message.command("status")
@click.argument("message_id")
def status(message_id: str) -> None:
    """How far an erasure reached: "erased on N of M peers" (their acknowledgements)."""
    from federation.peers import acks
    with session_scope(_settings(), write=False) as session:
        click.echo(str(acks.reach(session, message_id)))
