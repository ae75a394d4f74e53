"""Erasure that reaches every copy: tombstones applied by the follower, acknowledged back,
signed, and counted at the origin ("erased on N of M peers")."""
from __future__ import annotations

import json

import pytest
from sqlalchemy import select
from sqlalchemy.orm import undefer

from backends import seed_lists
from federation.archive import erasure
from federation.peers import acks, following
from federation.peers.fetching import post
from federation.storage.db import session_scope
from federation.storage.models import Follower, MailingList, Message, OutgoingAck, PeerAck
from instances import federate, poll, two_instances
from messages import deliver, mail


def _copy(settings, mid: str) -> Message | None:
    with session_scope(settings, write=False) as session:
        return session.scalar(select(Message).options(undefer(Message.raw), undefer(
            Message.body_text)).join(MailingList).where(
            Message.message_id == mid, MailingList.origin_peer_id.is_not(None)))


@pytest.fixture
def followed(settings, tmp_path):
    seed_lists(settings)
    federate(settings, "semences@lists.test")
    deliver(settings, mail("a-effacer@example.org", "Données perso", "Mon adresse: 12 rue X."))
    deliver(settings, mail("a-masquer@example.org", "Mon avis", "Un avis signé Alice."))
    deliver(settings, mail("reste@example.org", "Reste", "Ceci reste."))
    with two_instances(settings, tmp_path) as running:
        following.add(running[2], running[1])
        poll(running[2])
        yield running


def test_tombstone_erases_the_copy_and_the_origin_records_the_ack(followed):
    origin, _url, follower, _furl = followed
    assert _copy(follower, "a-effacer@example.org").raw is not None
    with session_scope(origin) as session:
        erasure.delete(session, "a-effacer@example.org", reason="legal")
        erasure.redact(session, "a-masquer@example.org", reason="author")
    with session_scope(origin, write=False) as session:
        assert str(acks.reach(session, "a-effacer@example.org")).endswith("erased on 0 of 1 peers")
    [result] = poll(follower)
    assert result.erased == 2, result
    gone = _copy(follower, "a-effacer@example.org")
    assert gone.deleted and gone.raw is None and gone.erasure_reason == "legal"
    hidden = _copy(follower, "a-masquer@example.org")
    assert hidden.erased_at is not None and "Alice" not in hidden.body_text
    assert _copy(follower, "reste@example.org").erased_at is None
    with session_scope(origin, write=False) as session:
        assert acks.reach(session, "a-effacer@example.org").acked == 1
        assert str(acks.reach(session, "a-masquer@example.org")).endswith("erased on 1 of 1 peers")
        assert {(a.message_id, a.action) for a in session.scalars(select(PeerAck))} == {
            ("a-effacer@example.org", "delete"), ("a-masquer@example.org", "redact")}
    with session_scope(follower, write=False) as session:
        assert all(a.sent_at is not None for a in session.scalars(select(OutgoingAck)))
    [again] = poll(follower)  # nothing applied twice, nothing owed again
    assert again.erased == 0 and again.stored == 0


def test_a_stranger_cannot_fake_an_acknowledgement(followed):
    origin, url, _follower, furl = followed
    with session_scope(origin) as session:
        erasure.delete(session, "a-effacer@example.org")
    body = json.dumps({"follower": furl, "acks": [
        {"message_id": "a-effacer@example.org", "action": "delete"}]}).encode()
    for signature in ("", "sha256=" + "0" * 64,
                      "sha256=" + following.sign("f" * 64, body)):  # a secret of its own
        answer = post(url + "/federation/acks", url, body,
                      {"Content-Type": "application/json", acks.SIGNATURE: signature})
        assert answer.status == 403
    # nor register itself in the follower's place with a secret of its own
    answer = post(url + "/federation/follow", url, f"url={furl}&secret={'f' * 64}".encode(),
                  {"Content-Type": "application/x-www-form-urlencoded"})
    assert answer.status == 403
    # nor make the origin stop counting it
    answer = post(url + "/federation/follow", url,
                  f"url={furl}&secret={'f' * 64}&action=unfollow".encode(),
                  {"Content-Type": "application/x-www-form-urlencoded"})
    assert answer.status == 403
    with session_scope(origin, write=False) as session:
        assert session.scalars(select(PeerAck)).all() == []
        assert acks.reach(session, "a-effacer@example.org").followers == 1
        [follower] = session.scalars(select(Follower)).all()
        assert follower.secret != "f" * 64
