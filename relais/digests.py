"""``relais digest …`` and the scheduled digest task: publish the issue, mail its readers.

Publishing and sending are idempotent: an issue is built once per period, and each
subscriber's copy is recorded before it is queued, so running the task twice (the cron
process and ``relais digest send`` together) never mails anyone twice.
"""
from __future__ import annotations

from datetime import datetime

import click
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from federation import queue
from federation.delivery import subscriptions as subscriptions, digests
from federation.storage.db import session_scope
from federation.storage.models import DigestIssue, DigestSubscriber
from federation.settings import Settings
from feeds import digest as rendering
from mail import outgoing


def unsubscribe_url(settings: Settings, subscriber: DigestSubscriber) -> str:
    """The RFC 8058 one-click link of a subscriber."""
    return (f"{settings.base_url}/digests/u/"
            f"{subscriptions.unsubscribe_token(settings, subscriber)}")


def _copy(settings: Settings, issue_id: int, subscriber_id: int) -> bytes | None:
    """Record one subscriber's copy and return its bytes (None: nothing they chose)."""
    with session_scope(settings) as session:
        issue = session.get(DigestIssue, issue_id)
        subscriber = session.get(DigestSubscriber, subscriber_id)
        if subscriber is None:
            return None
        themes, assemblies = subscriptions.choices(subscriber)
        content = digests.selection(digests.visible(session, issue.data), themes, assemblies)
        subscriptions.record(session, issue, subscriber, sent=bool(content["themes"]))
        if not content["themes"]:
            return None
        return rendering.compose(settings, issue.slug, content, subscriber.email,
                                 unsubscribe_url(settings, subscriber), subscriber.language)


def send(settings: Settings, period: str = "week", now: datetime | None = None
         ) -> tuple[str, int]:
    """Publish the last complete period's issue and mail it; returns (slug, copies sent)."""
    with session_scope(settings) as session:
        issue = digests.publish(session, period, now)
        if issue is None:
            return "", 0
        slug, issue_id = issue.slug, issue.id
        readers = [(s.id, s.email) for s in subscriptions.pending(session, issue)]
    sent = 0
    for subscriber_id, email in readers:
        try:
            raw = _copy(settings, issue_id, subscriber_id)
        except IntegrityError:
            continue  # another process has this copy already
        if raw is not None:
            queue.enqueue(settings, outgoing.send, rendering.sender(settings),
                          [email], raw)
            sent += 1
    return slug, sent


def send_due(settings: Settings) -> None:
    """The scheduled task: the weekly issue always, the daily one when someone reads it."""
    send(settings, "week")
    with session_scope(settings) as session:
        daily = session.scalar(select(DigestSubscriber.id).where(
            DigestSubscriber.period == "day", DigestSubscriber.confirmed_at.is_not(None))
            .limit(1))
    if daily is not None:
        send(settings, "day")


@click.group("digest")
def digest() -> None:
    """The cross-assembly digest."""


@digest.command("send")
@click.option("--period", type=click.Choice(sorted(digests.PERIODS)), default="week",
              show_default=True, help="The last complete day or ISO week.")
def send_command(period: str) -> None:
    """Publish the last complete period's issue and mail it to confirmed subscribers."""
    settings = Settings.from_env().with_secret()
    slug, sent = send(settings, period)
    if not slug:
        click.echo(f"no activity in the last {period}: no issue")
    else:
        click.echo(f"issue {slug}: {sent} copies sent")
