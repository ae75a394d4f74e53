"""Following a peer over real HTTP: consent, backfill, conditional GET, dedupe, cursor."""
from __future__ import annotations

from sqlalchemy import func, select

from backends import run_jobs, seed_lists
from federation.ingest import filing
from federation.peers import following
from federation.storage.db import session_scope
from federation.storage.models import MailingList, Message, Peer
from instances import federate, poll, two_instances
from messages import mail, deliver


def _copies(settings, address: str) -> list[str]:
    with session_scope(settings, write=False) as session:
        return sorted(session.scalars(select(Message.message_id).join(MailingList).where(
            MailingList.address == address, Message.ghost.is_(False))))


def test_only_federated_public_lists_reach_the_follower(settings, tmp_path):
    seed_lists(settings)
    federate(settings, "semences@lists.test", "prive@lists.test")  # a private one: never
    deliver(settings, mail("graine-1@example.org", "Graines", "Des graines."))
    deliver(settings, mail("libre-1@example.org", "Logiciel", "Du libre.",
                           to="libre@lists.test"), to="libre@lists.test")
    deliver(settings, mail("prive-1@example.org", "Bureau", "Secret.",
                           to="prive@lists.test"), to="prive@lists.test")
    with two_instances(settings, tmp_path) as (_origin, url, follower, _furl):
        peer = following.add(follower, url + "/")
        assert peer.registered_at is not None  # the handshake went through
        [result] = poll(follower)
        assert result.status == "new", result
        assert _copies(follower, "semences@lists.test") == ["graine-1@example.org"]
        assert _copies(follower, "libre@lists.test") == []       # not federated
        assert _copies(follower, "prive@lists.test") == []       # private, flag or not
        with session_scope(follower, write=False) as session:
            mirrored = session.scalar(select(MailingList).filter_by(address="semences@lists.test"))
            assert mirrored.origin_peer_id == peer.id
            copy = session.scalar(select(Message).filter_by(list_id=mirrored.id))
            assert copy.origin_peer_id == peer.id and len(copy.sha256) == 64
            assert mirrored.assembly.slug == "lille" and mirrored.assembly.origin_peer_id == peer.id


def test_backfill_then_304_then_only_what_is_new(settings, tmp_path):
    seed_lists(settings)
    federate(settings, "semences@lists.test")
    filing.receive_batch(settings, "semences@lists.test", [  # more than one page of 500
        mail(f"old-{number}@example.org", f"Ancien {number}", "Texte.", minute=number % 60)
        for number in range(600)])
    run_jobs(settings)
    with two_instances(settings, tmp_path) as (_origin, url, follower, _furl):
        following.add(follower, url)
        [first] = poll(follower)
        assert (first.status, first.pages, first.stored) == ("new", 2, 600), first
        [again] = poll(follower)
        assert again.status == "unchanged", again  # conditional GET: 304
        deliver(settings, mail("new-1@example.org", "Nouveau", "Texte."))
        [third] = poll(follower)
        # the walk stops at the cursor (give or take polling.SKEW): only the new one is stored,
        # by this poll or by the one the hub's WebSub push rang first (then this one is a 304)
        assert (third.status, third.stored) in (("new", 1), ("unchanged", 0)), third
        assert len(_copies(follower, "semences@lists.test")) == 601
        with session_scope(follower, write=False) as session:
            peer = session.scalar(select(Peer))
            assert peer.errors == 0 and peer.last_success_at is not None
            assert session.scalar(select(func.count()).select_from(Message).where(
                Message.ghost.is_(False))) == 601  # nothing doubled
