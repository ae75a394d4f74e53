"""Two Relais instances in one test: each its own data directory, database and real web
server (``browser.live_server``), one following the other over real HTTP. Plain functions:
the fixtures that use them live in the test modules' callers."""
from __future__ import annotations

from contextlib import ExitStack, contextmanager

from backends import make_settings, run_jobs
from browser import live_server
from federation.lists import directory
from federation.peers import following, polling
from federation.storage import db as dbmod
from federation.storage.db import session_scope


def federate(settings, *addresses: str) -> None:
    """Give the owner's consent to federate these lists."""
    with session_scope(settings) as session:
        for address in addresses:
            directory.edit_list(session, directory.find_list(session, address), federated=True)


def seed_follower(settings) -> None:
    """The second instance's own assembly and federated list (Lyon)."""
    with session_scope(settings) as session:
        directory.add_assembly(session, "lyon", "Assemblée des communs de Lyon")
        directory.add_list(session, "agora", "lyon", settings.mail_domain, name="Agora",
                           federated=True)


@contextmanager
def two_instances(origin_settings, tmp_path):
    """(origin, origin URL, follower, follower URL): the given settings and a second SQLite
    instance for Lyon, both served; the follower's data goes away afterwards."""
    follower = make_settings(tmp_path / "lyon", mail_domain="lyon.test")
    seed_follower(follower)
    with ExitStack() as stack:
        origin, origin_url = stack.enter_context(live_server(origin_settings))
        served, url = stack.enter_context(live_server(follower))
        try:
            yield origin, origin_url, served, url
        finally:
            dbmod.dispose(follower)


def poll(settings, limits=polling.DEFAULT) -> list[polling.Polled]:
    """Poll every followed peer now and run the jobs that follow (tagging)."""
    with session_scope(settings, write=False) as session:
        ids = [peer.id for peer in following.followed(session)]
    results = polling.poll_all(settings, ids, limits)
    run_jobs(settings)
    return results
