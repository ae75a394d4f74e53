"""``relais peer add|list|remove|poll``: following other Relais instances (issue 11)."""
from __future__ import annotations

from datetime import datetime

import click

from federation.errors import Invalid
from federation.peers import following, polling, websub, withdrawal
from federation.settings import Settings
from federation.storage.db import session_scope
from federation.storage.models import utcnow


def _settings() -> Settings:
    return Settings.from_env().with_secret()


@click.group()
def peer() -> None:
    """Follow other Relais instances and mirror their federated lists."""


@peer.command("add")
@click.argument("url")
@click.option("--by", "actor", default="", help="Who asks, for the audit log (an address).")
def add(url: str, actor: str) -> None:
    """Follow the instance at URL (its home page; the feed is discovered from its links)."""
    settings = _settings()
    try:
        found = following.add(settings, url, actor=actor)
    except Invalid as error:
        raise click.ClickException(str(error))
    state = "registered" if found.registered_at else "not registered yet (retried by each poll)"
    click.echo(f"following {found.origin} ({found.title or found.feed_url}); {state}")


@peer.command("remove")
@click.argument("url")
@click.option("--by", "actor", default="", help="Who asks, for the audit log (an address).")
def remove(url: str, actor: str) -> None:
    """Stop following a peer (its mirrored copies stay, read-only)."""
    settings = _settings()
    try:
        with session_scope(settings) as session:
            gone = following.remove(session, url, actor=actor)
            peer_id = gone.id
            session.expunge(gone)
    except Invalid as error:
        raise click.ClickException(str(error))
    websub.unsubscribe(settings, peer_id)  # its hub stops pushing to us
    told = following.unregister(settings, gone)
    websub.unsubscribe(settings, gone.id)  # its hub stops pushing to us
    click.echo(f"no longer following {gone.origin}"
               + ("" if told else " (it could not be told; it keeps counting us)"))


def _ago(when: datetime | None, now: datetime) -> str:
    if when is None:
        return "never"
    seconds = int((now - when).total_seconds())
    return f"{seconds}s ago" if seconds >= 0 else f"in {-seconds}s"


def _lag(newest: datetime | None, cursor: datetime | None) -> str:
    if newest is None:
        return "-"
    return f"{max(0, int((newest - (cursor or datetime.min)).total_seconds()))}s" \
        if cursor else "all"


@peer.command("list")
def list_() -> None:
    """Each peer's health: last success, lag behind its newest entry, errors, next attempt,
    WebSub lease."""
    now = utcnow()
    with session_scope(_settings(), write=False) as session:
        rows = following.followed(session)
        if not rows:
            click.echo("no peers; follow one with 'relais peer add URL'")
        click.echo("origin\tlast success\tlag\terrors\tnext attempt\tlease expires\tregistered")
        for found in rows:
            click.echo("\t".join((
                found.origin, _ago(found.last_success_at, now), _lag(found.newest_at, found.cursor_at),
                str(found.errors) + (f" ({found.last_error[:60]})" if found.errors else ""),
                _ago(found.next_attempt_at, now) if found.next_attempt_at else "now",
                found.lease_expires_at.isoformat(timespec="seconds") if found.lease_expires_at
                else "-", "yes" if found.registered_at else "no")))
        for found in rows:  # lists the origin withdrew from federation: our copies went
            for address, when in withdrawal.withdrawn(session, found.id):
                click.echo(f"withdrawn by {found.origin}: {address} (copies removed {when})")
        followers = following.followers(session)
        click.echo(f"followed by {len(followers)}: " + ", ".join(f.url for f in followers))


@peer.command("poll")
def poll() -> None:
    """Poll every peer now (cron and serve do it every minute)."""
    settings = _settings()
    with session_scope(settings, write=False) as session:
        ids = [found.id for found in following.followed(session)]
    for result in polling.poll_all(settings, ids):
        click.echo(f"{result.origin}: {result.status} pages={result.pages} stored={result.stored} "
                   f"duplicates={result.duplicates} erased={result.erased} refused={result.refused}"
                   f" withdrawn={result.withdrawn} restored={result.restored}"
                   + (f" error={result.error}" if result.error else ""))
