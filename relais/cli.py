"""The ``relais`` command: the one composition root allowed to import every package."""
from __future__ import annotations

import logging
import sys
from pathlib import Path

import click

from federation.lists import audit, directory
from federation.peers import hub
from federation.storage.db import session_scope
from federation.errors import Invalid
from federation.settings import Settings
from relais.jobs import register as register_jobs


def _settings() -> Settings:
    return Settings.from_env().with_secret()


def _server_settings(recover: bool = True) -> Settings:
    """Settings for long-running processes: without Redis, jobs go to a background thread,
    and the pipeline is re-queued for any message a previous run archived but never finished,
    and the sending of every copy a previous run planned but never sent.
    """
    from dataclasses import replace
    from federation import queue
    from federation.ingest import jobs
    from mail import retries
    settings = _settings()
    if not settings.redis_url:
        settings = replace(settings, background_jobs=True)
    if recover:
        jobs.recover(settings)
        queue.enqueue(settings, retries.retry_due, 0.0)
    return settings


@click.group()
@click.option("-v", "--verbose", is_flag=True, help="Log debug messages.")
def main(verbose: bool) -> None:
    """Relais: mailing lists, archives, themes and feeds for assemblies of the commons."""
    register_jobs()  # every command below may queue or run the domain's jobs
    logging.basicConfig(level=logging.DEBUG if verbose else logging.INFO,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")


@main.command()
def init() -> None:
    """Create or upgrade the schema (idempotent)."""
    from federation.storage import schema  # Alembic: only the commands that migrate load it
    settings = _settings()
    schema.upgrade(settings)
    click.echo(f"schema ready in {settings.database_url.split('@')[-1]}")


@main.command()
@click.option("--processes", type=click.IntRange(min=1), default=1, show_default=True,
              help="SMTP listener processes sharing the port (one writer process serves them).")
def serve(processes: int) -> None:
    """Web + SMTP + jobs + scheduled tasks (the embedded default): the listener and writer
    processes of 'relais smtp', and a web server (waitress) that also runs the schedule."""
    from federation.storage import db, schema
    from mail import server
    from relais import embedded
    settings = _settings()
    schema.upgrade(settings)
    if not settings.redis_url:
        # Without Redis this command is the only sender: a copy still claimed was claimed
        # by a run that died, and is handed back at once, before any process starts sending.
        from federation.delivery import deliveries
        from federation.storage.models import utcnow
        with session_scope(settings) as session:
            deliveries.release(session, utcnow())
    db.dispose(settings)  # nothing open across the forks: each process opens its own
    smtp_socket = server.bind(settings.smtp_host, settings.smtp_port, processes)
    web_socket = embedded.bind(settings)
    click.echo(f"SMTP listener on {server.address_of(smtp_socket)}")
    click.echo(f"Web archive on {embedded.url_of(web_socket)} (links say {settings.base_url}/)")

    def settings_for(index: int) -> Settings:
        # -1: the parent and the writer; listener 0 recovers unfinished work for everyone
        return _server_settings(recover=index == 0) if index >= 0 else settings

    def web() -> None:
        embedded.serve(_server_settings(recover=False), web_socket)

    server.run_forever(settings_for, processes=processes, sock=smtp_socket,
                       companions={"web": web})


@main.command()
@click.option("--workers", default=2, show_default=True, help="gunicorn worker processes.")
def web(workers: int) -> None:
    """The web server alone (gunicorn), for production."""
    from relais import web_server
    web_server.run(_settings(), workers)


@main.command()
@click.option("--lmtp", is_flag=True, help="Speak LMTP (RFC 2033) for an MTA in front.")
@click.option("--processes", type=click.IntRange(min=1), default=1, show_default=True,
              help="Listener processes sharing the port (one writer process serves them).")
def smtp(lmtp: bool, processes: int) -> None:
    """The SMTP (or LMTP) listener alone: listener processes and one writer process."""
    from mail import server

    def settings_for(index: int) -> Settings:
        # -1: the prefork parent, which only binds; 0 recovers unfinished work for everyone
        return _server_settings(recover=index == 0) if index >= 0 else _settings()

    first = _settings()
    sock = server.bind(first.smtp_host, first.smtp_port, processes)
    click.echo(f"{'LMTP' if lmtp else 'SMTP'} listener on {server.address_of(sock)}")
    server.run_forever(settings_for, lmtp=lmtp, processes=processes, sock=sock)


@main.command()
@click.option("--burst", is_flag=True, help="Stop when the queue is empty.")
def worker(burst: bool) -> None:
    """An rq worker for the jobs (needs REDIS_URL)."""
    from federation import queue
    from mail import retries
    settings = _settings()
    if not settings.redis_url:
        raise click.UsageError("REDIS_URL is not set: without Redis, jobs run in-process")
    # copies a crashed worker planned or claimed (stale claims only: other workers may live)
    queue.enqueue(settings, retries.retry_due, 0.0)
    queue.work(settings, burst=burst)


@main.command()
def cron() -> None:
    """Run scheduled tasks (digests...) forever."""
    from relais import schedule
    schedule.run_forever(_settings())


@main.group()
def assembly() -> None:
    """Manage assemblies."""


@assembly.command("add")
@click.argument("slug")
@click.option("--name", default="", help="Display name, e.g. 'Assemblée des communs de Lille'.")
@click.option("--description", default="")
def assembly_add(slug: str, name: str, description: str) -> None:
    """Create an assembly (or update its name)."""
    settings = _settings()
    try:
        with session_scope(settings) as session:
            created = directory.add_assembly(session, slug, name, description)
            click.echo(f"assembly {created.slug}: {created.name}")
    except Invalid as error:
        raise click.ClickException(str(error))


@main.group("list")
def list_() -> None:
    """Manage mailing lists."""


@list_.command("add")
@click.argument("address")
@click.option("--assembly", "assembly_slug", required=True)
@click.option("--name", default="")
@click.option("--policy", type=click.Choice(directory.POLICIES), default="open", show_default=True)
@click.option("--private", is_flag=True, help="Hide the archive from the public web and feeds.")
@click.option("--federated", is_flag=True,
              help="The owner consents: peers may mirror this list (never a private one).")
@click.option("--description", default="")
def list_add(address: str, assembly_slug: str, name: str, policy: str, private: bool,
             federated: bool, description: str) -> None:
    """Create a list owned by an assembly (an existing list is refused: see 'list edit')."""
    settings = _settings()
    try:
        with session_scope(settings) as session:
            created = directory.add_list(session, address, assembly_slug, settings.mail_domain,
                                         name=name, policy=policy, public=not private,
                                         description=description, federated=federated)
            audit.record(session, "list.create", mailing_list=created, channel="cli",
                         target=created.address, policy=policy, public=not private,
                         federated=federated)
            click.echo(f"list {created.address} ({created.policy}) in {assembly_slug}")
    except Invalid as error:
        raise click.ClickException(str(error))


@list_.command("edit")
@click.argument("address")
@click.option("--name", default=None, help="Display name.")
@click.option("--description", default=None)
@click.option("--policy", type=click.Choice(directory.POLICIES), default=None,
              help="Who may post without moderation.")
@click.option("--private/--public", "private", default=None,
              help="Hide the archive from the public web and feeds, or show it.")
@click.option("--subject-prefix", default=None, help="Put before each subject, e.g. '[Semences]'.")
@click.option("--footer", default=None, help="Text added to each copy (empty: none).")
@click.option("--dmarc", type=click.Choice(directory.DMARC_MODES), default=None,
              help="Rewrite From: always, per the author's DMARC policy, or never (RFC 7489).")
@click.option("--digest", type=click.Choice(directory.DIGEST_FORMATS), default=None,
              help="Digest format: MIME (RFC 1153 with message/rfc822 parts) or plain text.")
@click.option("--bounce-threshold", type=click.FloatRange(min=0, min_open=True), default=None,
              help="Bounce score that disables a member's delivery (default 5).")
@click.option("--complaint-action", type=click.Choice(directory.COMPLAINT_ACTIONS), default=None,
              help="What an abuse complaint (RFC 5965) does to the member.")
@click.option("--emergency-moderation/--no-emergency-moderation", default=None,
              help="Hold every post for the moderators.")
@click.option("--federated/--no-federated", default=None,
              help="The owner's consent for peers to mirror the list (never a private one).")
@click.option("--web-posting/--no-web-posting", default=None,
              help="Let people start and answer threads from the web (confirmed by mail).")
@click.option("--web-first-post-moderation/--no-web-first-post-moderation", default=None,
              help="Hold the first web post of an address the list has never seen.")
@click.option("--delivery-mode", type=click.Choice(directory.DELIVERY_MODES), default=None,
              help="personal: one copy per member (default); batched: several members of "
                   "one domain per transaction, bounces found by VERP probes.")
def list_edit(address: str, name, description, policy, private, subject_prefix, footer, dmarc,
              digest, bounce_threshold, complaint_action, emergency_moderation, federated,
              web_posting, web_first_post_moderation, delivery_mode) -> None:
    """Change the given settings of a list, and only those; print what changed."""
    settings = _settings()
    try:
        with session_scope(settings) as session:
            found = directory.find_list(session, address)
            if found is None:
                raise Invalid(f"aucune liste {address!r} / no list {address!r}")
            changed = directory.edit_list(
                session, found, name=name, description=description, policy=policy,
                public=None if private is None else not private, subject_prefix=subject_prefix,
                footer=footer, dmarc=dmarc, digest=digest, bounce_threshold=bounce_threshold,
                complaint_action=complaint_action, emergency_moderation=emergency_moderation,
                federated=federated, web_posting=web_posting,
                web_first_post_moderation=web_first_post_moderation,
                delivery_mode=delivery_mode)
            if changed:
                audit.record(session, "list.edit", mailing_list=found, channel="cli",
                             target=found.address,
                             changes={k: [old, new] for k, (old, new) in changed.items()})
            list_pk = found.id
    except Invalid as error:
        raise click.ClickException(str(error))
    if "federated" in changed or "public" in changed:
        hub.announce(settings, [list_pk])  # a withdrawal (or a return) is pushed to peers
    if not changed:
        click.echo(f"{address}: rien n'a changé / nothing changed")
    for field, (old, new) in changed.items():
        click.echo(f"{address}: {field}: {old!r} -> {new!r}")


@main.command("import")
@click.argument("address")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--batch", default=500, show_default=True, help="Messages per transaction.")
def import_(address: str, path: Path, batch: int) -> None:
    """Bulk-import an mbox into a list through the normal ingest path."""
    from mail import mbox
    settings = _settings()
    try:
        totals = mbox.import_file(settings, address, path, batch=batch, progress=True)
    except Invalid as error:
        raise click.ClickException(str(error))
    click.echo(f"{totals.archived} archived, {totals.duplicates} duplicates, "
               f"{totals.refused} refused, {totals.seconds:.1f} s "
               f"({totals.rate:.0f} msg/s)")


@main.command()
@click.argument("address")
def export(address: str) -> None:
    """Write a list's archive as mboxrd on stdout."""
    from mail import mbox
    settings = _settings()
    try:
        for chunk in mbox.export_list(settings, address):
            sys.stdout.buffer.write(chunk)
    except Invalid as error:
        raise click.ClickException(str(error))


@main.command()
@click.option("--if-empty", is_flag=True, help="Do nothing when assemblies already exist.")
def demo(if_empty: bool) -> None:
    """Seed four assemblies with lists and French threads, through the real ingest path."""
    from federation.storage import schema
    from relais import demo as seeding
    settings = _settings()
    schema.upgrade(settings)
    count = seeding.seed(settings, if_empty=if_empty)
    click.echo(f"demo: {count} messages delivered" if count else "demo: data already present")


@main.command()
@click.option("--from-raw", is_flag=True,
              help="Drop threads, themes (admins' corrections kept), the search index and the "
                   "parsed fields, and rebuild them from the raw bytes alone. Nothing is mailed.")
def reindex(from_raw: bool) -> None:
    """Replay threading and the pipeline over the whole archive (raw bytes are the truth)."""
    settings = _settings()
    if from_raw:
        from federation.ingest.rebuild import rebuild
        click.echo(f"rebuilt {rebuild(settings)} messages from their raw bytes")
        return
    from federation.ingest import reindex as replay
    count = replay.run(settings)
    click.echo(f"reindexed {count} messages")


from relais.themes import themes as _themes  # noqa: E402  (a group of its own module)
main.add_command(_themes)
from relais.members import member as _member  # noqa: E402
main.add_command(_member)
from relais.digests import digest as _digest  # noqa: E402
main.add_command(_digest)
from relais.messages import message as _message  # noqa: E402
main.add_command(_message)
from relais.peers import peer as _peer  # noqa: E402
main.add_command(_peer)
from relais.admins import admin as _admin  # noqa: E402
main.add_command(_admin)


if __name__ == "__main__":
    main()
