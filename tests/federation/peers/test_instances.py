"""Three real instances federating (issue 11, "How it is checked"): A on SQLite, B and C on
PostgreSQL when it is configured (else SQLite), each a ``relais serve`` process with its own
data directory, ports and database. B and C follow A, A follows B; outgoing mail goes to a
sink. The instances start once for the module; the tests run in order and each leaves the
federation as the next expects it.

Scheduled polls are kept out of the way (the peers' next attempt is pushed a day ahead), so
what arrives, arrives by a WebSub push and the poll it rings.
"""
from __future__ import annotations

import time
import urllib.parse
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.utils import format_datetime

import pytest
from sqlalchemy import func, select, update

from command_line import relais
from federation.delivery import digests
from federation.lists import directory
from federation.peers import acks, websub
from federation.storage.db import session_scope
from federation.storage.models import (MailingList, Message, Peer, WebSubSubscriber,
                                       WebSubSubscription, utcnow)
from instances import Instance, peer_database_urls, start_all, stop_all, wait_for
from sink import Sink

LATER = timedelta(days=1)


@dataclass
class Net:
    a: Instance
    b: Instance
    c: Instance
    sink: Sink


def _seed(instance: Instance, *lists: tuple[str, dict]) -> None:
    with session_scope(instance.settings) as session:
        directory.add_assembly(session, instance.name, f"Assemblée {instance.name.upper()}")
        for local, options in lists:
            directory.add_list(session, local, instance.name, instance.mail_domain,
                               name=local.capitalize(), **options)


def _peer_id(follower: Instance, followed: Instance) -> int:
    with session_scope(follower.settings, write=False) as session:
        return session.scalar(select(Peer.id).where(Peer.origin == followed.base_url))


def _hold_polls(follower: Instance, followed: Instance) -> None:
    """Push the follower's next scheduled poll of ``followed`` a day ahead."""
    with session_scope(follower.settings) as session:
        session.execute(update(Peer).where(Peer.origin == followed.base_url)
                        .values(next_attempt_at=utcnow() + LATER))


def _subscribed(follower: Instance, followed: Instance) -> bool:
    with session_scope(follower.settings, write=False) as session:
        return session.scalar(select(WebSubSubscription.id).where(
            WebSubSubscription.peer_id == _peer_id(follower, followed),
            WebSubSubscription.state == "active")) is not None


@pytest.fixture(scope="module")
def net(tmp_path_factory):
    root = tmp_path_factory.mktemp("instances")
    sink = Sink().start()
    databases = peer_database_urls() + ["", ""]
    a = Instance("a", root, relay_port=sink.port)
    b = Instance("b", root, database_url=databases[0], relay_port=sink.port)
    c = Instance("c", root, database_url=databases[1], relay_port=sink.port)
    for instance in (a, b, c):
        instance.prepare()
    _seed(a, ("semences", dict(federated=True)), ("interne", {}),
          ("bureau", dict(federated=True, public=False)))
    _seed(b, ("jardins", dict(federated=True)))
    _seed(c, ("quartier", dict(federated=True)))
    start_all([a, b, c])
    try:
        for follower, followed in ((b, a), (c, a), (a, b)):
            done = relais(follower.settings, "peer", "add", followed.base_url + "/")
            assert done.exit_code == 0, done.output
        for follower, followed in ((b, a), (c, a), (a, b)):
            wait_for(lambda: _subscribed(follower, followed))
            _hold_polls(follower, followed)
        yield Net(a, b, c, sink)
    finally:
        stop_all([a, b, c])
        sink.stop()


def _post(instance: Instance, to: str, mid: str, subject: str, body: str,
          reply_to: str = "") -> None:
    headers = (f"From: Amélie Durand <amelie@example.org>\r\nTo: {to}\r\n"
               f"Subject: {subject}\r\nMessage-ID: <{mid}>\r\n"
               f"Date: {format_datetime(datetime.now().astimezone())}\r\n")
    if reply_to:
        headers += f"In-Reply-To: <{reply_to}>\r\nReferences: <{reply_to}>\r\n"
    raw = (headers + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n"
           "Content-Transfer-Encoding: 8bit\r\n\r\n" + body + "\r\n").encode()
    code, reply = instance.send(raw, to)
    assert code == 250, reply


def _copies(instance: Instance, mid: str, erased: bool = False) -> list[Message]:
    """The mirrored copies of a Message-ID on an instance (live ones, or erased ones)."""
    with session_scope(instance.settings, write=False) as session:
        query = select(Message).where(Message.message_id == mid,
                                      Message.origin_peer_id.is_not(None))
        rows = list(session.scalars(query))
        session.expunge_all()
    return [row for row in rows if bool(row.erased_at) == erased]


def _page(instance: Instance, path: str) -> str:
    status, body = instance.get(path)
    assert status == 200, (path, status)
    return body.decode()


def test_a_post_reaches_the_follower_by_push_on_its_theme_page_search_and_digest(net):
    a, b = net.a, net.b
    pushes = _pushes(b)
    _post(a, "semences@lists.a.test", "atelier-1@a.test", "Atelier cartographie #cartographie",
          "On cartographie les jardins partagés jeudi.")
    copy = wait_for(lambda: _copies(b, "atelier-1@a.test"))[0]
    assert _pushes(b) > pushes  # it came by the bell, not by a scheduled poll
    # its themes come with it (the pipeline tags the thread just after it is stored)
    wait_for(lambda: "Atelier cartographie" in _page(b, "/themes/cartographie/"), timeout=10)
    assert "Atelier cartographie" in _page(b, "/search?q=" + urllib.parse.quote("jardins"))
    with session_scope(b.settings, write=False) as session:
        start = copy.received_at - timedelta(hours=1)
        issue = digests.build(session, "week", start, start + timedelta(days=1))
    assert "Atelier cartographie" in str(issue)


def _pushes(instance: Instance) -> int:
    with session_scope(instance.settings, write=False) as session:
        return session.scalar(select(func.coalesce(func.sum(WebSubSubscription.pushes), 0)))


def test_a_cross_instance_reply_threads_on_both_sides(net):
    a, b = net.a, net.b
    _post(a, "semences@lists.a.test", "graines-1@a.test", "Bourse aux graines",
          "Qui apporte des semences de tomates ?")
    wait_for(lambda: _copies(b, "graines-1@a.test"))
    _post(b, "jardins@lists.b.test", "graines-2@b.test", "Re: Bourse aux graines",
          "Nous, à Grenoble : des cœurs de bœuf.", reply_to="graines-1@a.test")
    wait_for(lambda: _copies(a, "graines-2@b.test"))
    # threads are per list; a reply from another list joins its parent's thread page
    # (federation/reading/crossings.py), on the origin's side as on the follower's
    for instance in (a, b):
        page = _page(instance, "/t/graines-1@a.test/")
        assert "cœurs de bœuf" in page and "semences de tomates" in page, instance.name


def test_an_erasure_reaches_every_copy_and_is_acknowledged(net):
    a, b, c = net.a, net.b, net.c
    _post(a, "semences@lists.a.test", "erreur-1@a.test", "Numéro de téléphone",
          "Appelez-moi au 06 12 34 56 78.")
    wait_for(lambda: _copies(b, "erreur-1@a.test") and _copies(c, "erreur-1@a.test"))
    done = relais(a.settings, "message", "delete", "erreur-1@a.test", "--reason", "author")
    assert done.exit_code == 0, done.output
    for follower in (b, c):
        wait_for(lambda: _copies(follower, "erreur-1@a.test", erased=True))
        assert not _copies(follower, "erreur-1@a.test")
        assert "06 12 34" not in _page(follower, "/search?q=telephone")
    def acknowledged():
        with session_scope(a.settings, write=False) as session:
            reach = acks.reach(session, "erreur-1@a.test")
        return reach.acked == reach.followers == 2
    wait_for(acknowledged)


def test_a_follower_that_was_down_catches_up_with_nothing_lost_or_doubled(net):
    a, b = net.a, net.b
    b.stop()
    sent = [f"absent-{n}@a.test" for n in range(5)]
    for n, mid in enumerate(sent):
        _post(a, "semences@lists.a.test", mid, f"Pendant la panne {n}", f"Message {n}.")
    with session_scope(b.settings) as session:  # down long enough for its poll to be due
        session.execute(update(Peer).values(next_attempt_at=None))
    b.start()
    wait_for(lambda: all(_copies(b, mid) for mid in sent), timeout=30)
    _hold_polls(b, a)
    _post(a, "semences@lists.a.test", "retour-1@a.test", "De retour", "Et par la cloche.")
    wait_for(lambda: _copies(b, "retour-1@a.test"))
    with session_scope(b.settings, write=False) as session:
        counts = dict(session.execute(select(Message.message_id, func.count()).where(
            Message.message_id.in_(sent + ["retour-1@a.test"]))
            .group_by(Message.message_id)).all())
    assert counts == {mid: 1 for mid in sent + ["retour-1@a.test"]}


def test_unfederated_and_private_lists_never_reach_a_peer(net):
    a, b = net.a, net.b
    _post(a, "interne@lists.a.test", "interne-1@a.test", "Ordre du jour interne", "Interne.")
    _post(a, "bureau@lists.a.test", "bureau-1@a.test", "Réunion du bureau", "Privé.")
    _post(a, "semences@lists.a.test", "sentinelle-1@a.test", "Sentinelle", "Publique.")
    wait_for(lambda: _copies(b, "sentinelle-1@a.test"))
    with session_scope(b.settings, write=False) as session:
        leaked = session.scalar(select(func.count()).select_from(Message).where(
            Message.message_id.in_(("interne-1@a.test", "bureau-1@a.test"))))
        addresses = set(session.scalars(select(MailingList.address).where(
            MailingList.origin_peer_id.is_not(None))))
    assert leaked == 0
    assert addresses == {"semences@lists.a.test"}


def _last_poll(instance: Instance, peer_id: int):
    with session_scope(instance.settings, write=False) as session:
        return session.get(Peer, peer_id).last_attempt_at


def _quiet(instance: Instance, peer_id: int):
    """The peer's last poll once no poll has happened for 1.5 s."""
    def settled():
        seen = _last_poll(instance, peer_id)
        time.sleep(1.5)
        return (seen,) if _last_poll(instance, peer_id) == seen else None
    return wait_for(settled)[0]


def test_forged_pushes_change_nothing(net):
    a, b = net.a, net.b
    with session_scope(b.settings, write=False) as session:
        row = session.scalar(select(WebSubSubscription).where(
            WebSubSubscription.peer_id == _peer_id(b, a)))
        session.expunge(row)
    before = _quiet(b, row.peer_id)  # the polls rung by earlier tests are over
    path = websub.CALLBACK_PATH + row.token
    body = b"<feed xmlns='http://www.w3.org/2005/Atom'/>"
    assert b.post(path, body, {"Content-Type": "application/atom+xml"}) == 202
    assert b.post(path, body, {"X-Hub-Signature": websub.sign("guessed", body)}) == 202
    assert b.post(websub.CALLBACK_PATH + "forged", body,
                  {"X-Hub-Signature": websub.sign(row.secret, body)}) == 410
    time.sleep(1.5)  # a poll, had one been rung, would have been made by now
    with session_scope(b.settings, write=False) as session:
        seen = session.get(WebSubSubscription, row.id)
        assert seen.refused_pushes == row.refused_pushes + 2
        assert session.get(Peer, row.peer_id).last_attempt_at == before


def test_a_hostile_feed_changes_nothing_and_delays_no_other_peer(net):
    from instances import add_peer, crafted_server
    a, b = net.a, net.b
    bomb = (b'<?xml version="1.0"?><!DOCTYPE f [<!ENTITY a "aaaaaaaaaa">'
            b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><feed>&b;</feed>')
    atom = {"Content-Type": "application/atom+xml"}
    with crafted_server({"/federation/feed": (200, atom, bomb)}) as (url, seen):
        hostile = add_peer(b.settings, url)
        with session_scope(b.settings, write=False) as session:
            before = session.scalar(select(func.count()).select_from(Message))
        _post(a, "semences@lists.a.test", "pendant-1@a.test", "Pendant l'attaque", "Rien.")
        done = relais(b.settings, "peer", "poll")
        assert done.exit_code == 0, done.output
        assert seen  # it was asked, and refused
    wait_for(lambda: _copies(b, "pendant-1@a.test"))  # the honest peer went on
    with session_scope(b.settings, write=False) as session:
        assert session.scalar(select(func.count()).select_from(Message)) == before + 1
        refused = session.get(Peer, hostile)
        assert refused.errors == 1 and refused.last_error
        assert session.scalar(select(func.count()).select_from(Message).where(
            Message.origin_peer_id == hostile)) == 0


def test_peer_list_shows_the_lease_and_remove_ends_the_subscription(net):
    a, c = net.a, net.c
    listed = relais(c.settings, "peer", "list")
    assert listed.exit_code == 0, listed.output
    line = next(row for row in listed.output.splitlines() if row.startswith(a.base_url))
    assert line.split("\t")[5] != "-"  # the lease of our subscription to its hub
    with session_scope(a.settings, write=False) as session:
        callbacks = set(session.scalars(select(WebSubSubscriber.callback)))
    assert any(url.startswith(c.base_url) for url in callbacks)
    done = relais(c.settings, "peer", "remove", a.base_url + "/")
    assert done.exit_code == 0, done.output

    def dropped():  # the hub verified the unsubscription with us, and forgot us
        with session_scope(a.settings, write=False) as session:
            return not any(url.startswith(c.base_url) for url in session.scalars(
                select(WebSubSubscriber.callback)))
    wait_for(dropped)
    with session_scope(c.settings, write=False) as session:
        assert session.scalar(select(func.count()).select_from(WebSubSubscription)) == 0
