"""A list withdrawn from federation (made private, or its owner's consent taken back) reaches
every copy, as an erasure does: the follower removes its mirrored copies, only on the word
of the origin itself, and mirrors the list again from scratch once it is published again.
Archiving alone withdraws nothing."""
from __future__ import annotations

import json
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from sqlalchemy import func, select

from backends import run_jobs, seed_lists
from federation.lists import directory
from federation.peers import exposure, following, websub, withdrawal
from federation.peers.exposure import Withdrawn
from federation.storage.db import session_scope
from federation.storage.models import (AuditEntry, MailingList, Message, Peer, Thread,
                                       ThreadTheme, WebSubSubscription, utcnow)
from feeds.federation import FeedPage, render
from command_line import relais
from instances import add_peer, crafted_server, federate, poll, two_instances, wait_for
from messages import deliver, mail
from web import create_app

LIST = "semences@lists.test"
ROOT = "graines-rares@example.org"
OTHER = "troc-printemps@example.org"
REPLY = "reponse-lyon@example.org"
ATOM = {"Content-Type": "application/atom+xml"}


def _copies(settings, address: str = LIST) -> list[str]:
    with session_scope(settings, write=False) as session:
        return sorted(session.scalars(select(Message.message_id).join(MailingList).where(
            MailingList.address == address, MailingList.origin_peer_id.is_not(None),
            Message.ghost.is_(False))))


def _derived(settings) -> tuple[int, int]:
    """(threads, theme links) left of the mirrored list."""
    with session_scope(settings, write=False) as session:
        ml = session.scalar(select(MailingList).filter_by(address=LIST))
        threads = session.scalar(select(func.count()).select_from(Thread).where(
            Thread.list_id == ml.id))
        links = session.scalar(select(func.count()).select_from(ThreadTheme).join(
            Thread, Thread.id == ThreadTheme.thread_id).where(Thread.list_id == ml.id))
        return threads, links


def _audit(settings, action: str) -> list[AuditEntry]:
    with session_scope(settings, write=False) as session:
        return list(session.scalars(select(AuditEntry).where(AuditEntry.action == action)))


def _shown(settings) -> dict[str, bool]:
    """Whether the follower's pages, search and feeds still show the mirrored messages (the
    follower's own reply keeps a ghost of its parent: the thread page stays, without it)."""
    client = create_app(settings).test_client()
    with session_scope(settings, write=False) as session:
        via = "via " + urlsplit(session.scalar(select(Peer.origin))).netloc
    search = client.get("/search?q=grainoth%C3%A8que").get_data(as_text=True)
    return {"permalink": client.get(f"/m/{OTHER}").status_code == 302,
            "raw": client.get(f"/m/{ROOT}/raw").status_code == 200,
            "thread": "la grainothèque" in client.get(f"/t/{ROOT}/").get_data(as_text=True),
            "list": client.get(f"/l/{LIST}/").status_code == 200,
            "search": ROOT in search,
            "feed": "Troc de printemps" in client.get("/feeds/all.atom").get_data(as_text=True),
            "theme": via in client.get("/themes/agriculture-alimentation/").get_data(
                as_text=True)}


@pytest.fixture
def followed(settings, tmp_path):
    """The origin (on the ``settings`` backend) with a federated list, followed by Lyon,
    whose own list has a reply to one of the mirrored messages."""
    seed_lists(settings)
    federate(settings, LIST)
    deliver(settings, mail(ROOT, "#agriculture-alimentation Graines rares", "Échange à la grainothèque."))
    deliver(settings, mail(OTHER, "Troc de printemps", "Le troc a lieu samedi."))
    with two_instances(settings, tmp_path) as running:
        origin, url, follower, _furl = running
        following.add(follower, url)
        poll(follower)
        deliver(follower, mail(REPLY, "Re: Graines rares", "Lyon apporte des courges.",
                               refs=ROOT, to="agora@lyon.test", sender="Bob <bob@lyon.test>"),
                to="agora@lyon.test")
        assert _copies(follower) == sorted([ROOT, OTHER])
        assert all(_shown(follower).values()), _shown(follower)
        yield running


def _edit(settings, **fields) -> None:
    """What ``relais list edit`` and the console do (directory.edit_list)."""
    with session_scope(settings) as session:
        directory.edit_list(session, directory.find_list(session, LIST), **fields)


def _withdrawn_everywhere(origin, url, follower) -> None:
    poll(follower)  # a push from the origin's hub may have rung one already: either applies it
    wait_for(lambda: _audit(follower, "peer.withdraw"))
    assert _copies(follower) == []
    assert _derived(follower) == (0, 0)
    assert not any(_shown(follower).values()), _shown(follower)
    client = create_app(follower).test_client()  # the follower's own list and reply stay
    assert "Lyon apporte des courges." in client.get(f"/t/{REPLY}/").get_data(as_text=True)
    [entry] = _audit(follower, "peer.withdraw")
    assert entry.channel == "peer" and entry.actor == url and entry.target == LIST
    assert json.loads(entry.detail)["removed"] == 2
    with session_scope(follower, write=False) as session:
        peer_id = following.followed(session)[0].id
        assert [address for address, _when in withdrawal.withdrawn(session, peer_id)] == [LIST]
    # the origin's own list feed says so, 410 Gone with the tombstone; its messages stay there
    answer = create_app(origin).test_client().get(f"/federation/l/{LIST}/feed")
    assert answer.status_code == 410 and b"withdrawn" in answer.data
    assert f"withdrawn by {url}: {LIST}" in relais(follower, "peer", "list").output
    [again] = poll(follower)  # applied once
    assert again.withdrawn == 0
    assert [e.id for e in _audit(follower, "peer.withdraw")] == [entry.id]


def test_unfederating_a_list_withdraws_the_peers_copies(followed):
    origin, url, follower, _furl = followed
    edited = relais(origin, "list", "edit", LIST, "--no-federated")
    assert edited.exit_code == 0, edited.output
    _withdrawn_everywhere(origin, url, follower)


def test_making_a_list_private_withdraws_the_peers_copies(followed):
    origin, url, follower, _furl = followed
    _edit(origin, public=False)
    _withdrawn_everywhere(origin, url, follower)


def test_archiving_a_list_withdraws_nothing(followed):
    origin, _url, follower, _furl = followed
    with session_scope(origin) as session:
        directory.archive_list(session, directory.find_list(session, LIST), True)
    poll(follower)
    assert _copies(follower) == sorted([ROOT, OTHER]) and all(_shown(follower).values())
    _edit(origin, federated=False)  # withdrawn while archived: now they go
    [result] = poll(follower)
    assert result.withdrawn == 1 and _copies(follower) == []


def _withdrawal_feed(base: str) -> bytes:
    gone = Withdrawn(list_address=LIST, list_id="semences.lists.test", list_name="Semences",
                     assembly_slug="lille", assembly_name="Lille", changed=utcnow())
    page = FeedPage(id=base + "/federation/feed", title="Faux", self_url=base + "/federation/feed",
                    alternate_url=base + "/", first_url=base + "/federation/feed",
                    updated=utcnow())
    return render(page, base, [], [gone])


def test_a_forged_withdrawal_changes_nothing(followed):
    origin, url, follower, _furl = followed
    body = _withdrawal_feed(url)  # what the origin would say, said by someone else
    run_jobs(origin)  # the hub verifies our subscription (an rq job with Redis)
    with session_scope(follower, write=False) as session:
        subscription = session.scalar(select(WebSubSubscription))
        assert subscription is not None and subscription.state == "active"
        callback = websub.callback_url(follower, subscription)
    for signature in ({}, {"X-Hub-Signature": websub.sign("guessed", body)}):
        assert websub.http("POST", callback, body, {**ATOM, **signature}).status == 202
    # another peer we follow claims the withdrawal of a list it does not own
    routes = {}
    with crafted_server(routes) as (third, _seen):
        routes["/federation/feed"] = (200, ATOM, _withdrawal_feed(third))
        add_peer(follower, third)
        assert {r.origin: r.withdrawn for r in poll(follower)}[third] == 0
    assert _copies(follower) == sorted([ROOT, OTHER]) and all(_shown(follower).values())
    assert _audit(follower, "peer.withdraw") == []
    _edit(origin, federated=False)  # the origin's own word is taken
    [result] = [r for r in poll(follower) if r.origin == url]
    assert result.withdrawn == 1 and _copies(follower) == []


def test_a_re_federated_list_comes_back_from_scratch(followed):
    origin, url, follower, _furl = followed
    _edit(origin, federated=False)
    poll(follower)
    assert _copies(follower) == []
    deliver(origin, mail("pendant@example.org", "Pendant la pause", "Posté hors fédération."))
    poll(follower)  # still withdrawn: nothing comes back
    assert _copies(follower) == []
    with session_scope(follower) as session:  # as after a long busy while: the cursor is
        session.scalar(select(Peer)).cursor_at = utcnow() + timedelta(hours=1)  # far past them
    _edit(origin, federated=True)
    with session_scope(origin, write=False) as session:
        assert exposure.withdrawals(session) == []
    [result] = poll(follower)
    assert result.restored == 1, result
    assert _copies(follower) == sorted([ROOT, OTHER, "pendant@example.org"])
    assert all(_shown(follower).values()), _shown(follower)
    [entry] = _audit(follower, "peer.restore")
    assert json.loads(entry.detail)["stored"] == 3
