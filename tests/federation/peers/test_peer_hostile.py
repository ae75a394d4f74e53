"""A peer's feed and raw messages are untrusted: whatever a hostile peer serves, nothing but
well-formed, verified entries from its own host is stored, and the others are not delayed."""
from __future__ import annotations

import hashlib
import time
from dataclasses import replace
from datetime import datetime, timedelta

from sqlalchemy import func, select

from federation.peers import polling
from federation.peers.exposure import Exposed
from federation.peers.fetching import Limits
from federation.storage.db import session_scope
from federation.storage.models import Message, Peer
from feeds.federation import FeedPage, render
from instances import add_peer, crafted_server, poll, seed_follower
from messages import mail

ATOM = {"Content-Type": "application/atom+xml"}
WHEN = datetime(2026, 6, 1, 10, 0)


def _item(mid: str, raw: bytes | None = None, sha256: str = "", **changes) -> Exposed:
    raw = raw if raw is not None else mail(mid, f"Sujet {mid}", "Corps.", to="agora@grenoble.test")
    values = dict(message_id=mid, list_address="agora@grenoble.test",
                  list_id="agora.grenoble.test", list_name="Agora", assembly_slug="grenoble",
                  assembly_name="Grenoble", subject="s", author="a", date=WHEN,
                  changed=WHEN + timedelta(seconds=len(mid)), in_reply_to="", references="",
                  themes=(), size=len(raw), sha256=sha256 or hashlib.sha256(raw).hexdigest(),
                  raw=raw)
    values.update(changes)
    return Exposed(**values)


def _feed(base: str, items, next_url: str = "") -> bytes:
    page = FeedPage(id=base + "/federation/feed", title="Grenoble", self_url=base + "/federation/feed",
                    alternate_url=base + "/", first_url=base + "/federation/feed", updated=WHEN,
                    next_url=next_url)
    return render(page, base, items)


def _stored(settings) -> int:
    with session_scope(settings, write=False) as session:
        return session.scalar(select(func.count()).select_from(Message).where(
            Message.ghost.is_(False)))


def _peer(settings, peer_id: int) -> Peer:
    with session_scope(settings, write=False) as session:
        found = session.get(Peer, peer_id)
        session.expunge(found)
        return found


def test_bad_entries_are_refused_and_the_rest_taken(settings):
    seed_follower(settings)
    routes = {}
    with crafted_server(routes) as (url, _seen):
        good = _item("bon@grenoble.test")
        forged = _item("faux@grenoble.test", sha256="0" * 64)           # sha256 mismatch
        swapped = _item("autre@grenoble.test", raw=mail("pas-lui@x.test", "x", "y"))  # other id
        over_local = _item("local@grenoble.test",  # into a local list of the same address
                           list_address=f"agora@{settings.mail_domain}")
        routes["/federation/feed"] = (200, ATOM, _feed(url, [good, forged, swapped, over_local]))
        peer_id = add_peer(settings, url)
        [result] = poll(settings)
    assert result.status == "new" and result.stored == 1 and result.refused == 3, result
    with session_scope(settings, write=False) as session:
        assert session.scalars(select(Message.message_id).where(
            Message.ghost.is_(False))).all() == ["bon@grenoble.test"]
    assert _peer(settings, peer_id).errors == 0


def test_hostile_documents_change_nothing_and_back_off(settings):
    seed_follower(settings)
    laughs = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
              b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><feed xmlns="http://www.w3.org/2005/Atom">'
              b'<title>&lol2;</title></feed>')
    with crafted_server({"/f": (200, ATOM, b"<feed><entry>")}) as (other, other_seen):
        cases = {
            "/malformed": (200, ATOM, b"<feed xmlns='http://www.w3.org/2005/Atom'><entry>"),
            "/laughs": (200, ATOM, laughs),
            "/huge": (200, ATOM, b"<feed>" + b" " * 200_000 + b"</feed>"),
            "/away": (302, {"Location": other + "/f"}, b""),
            "/not-atom": (200, ATOM, b"<html><body>hello</body></html>"),
        }
        with crafted_server(cases) as (url, _seen):
            ids = [add_peer(settings, url, path) for path in cases]  # a peer for each
            results = polling.poll_all(settings, ids, Limits(feed_bytes=100_000))
    assert [r.status for r in results] == ["error"] * len(cases), results
    assert "not on" in results[3].error  # the redirect to another host was not followed
    assert other_seen == []
    assert _stored(settings) == 0
    for peer_id in ids:
        found = _peer(settings, peer_id)
        assert found.errors == 1 and found.cursor_at is None
        assert found.next_attempt_at >= found.last_attempt_at + polling.backoff(1)


def test_a_hung_peer_delays_no_one(settings):
    seed_follower(settings)
    hang = []

    def never(_handler):
        hang.append(1)
        time.sleep(3)  # longer than the read timeout below
        return None

    with crafted_server({"/federation/feed": never}) as (slow, _s1):
        with crafted_server({}) as (fast, _s2):
            fine = _item("vite@grenoble.test")
            slow_id = add_peer(settings, slow)
            fast_id = add_peer(settings, fast)
            with crafted_server({"/federation/feed": (200, ATOM, _feed(fast, [fine]))}) as (ok, _):
                with session_scope(settings) as session:
                    peer = session.get(Peer, fast_id)
                    peer.origin, peer.feed_url = ok, ok + "/federation/feed"
                results = polling.poll_all(settings, [slow_id, fast_id],
                                           Limits(read_timeout=1, deadline=2))
    assert [r.status for r in results] == ["error", "new"], results
    hung, quick = _peer(settings, slow_id), _peer(settings, fast_id)
    assert quick.last_success_at < hung.last_attempt_at  # recorded before the hung one gave up
    assert _stored(settings) == 1


def test_raw_links_are_fetched_from_the_peer_only_and_checked(settings):
    seed_follower(settings)
    linked = mail("lien@grenoble.test", "Gros message", "Corps.", to="agora@grenoble.test")
    elsewhere = mail("ailleurs@grenoble.test", "Ailleurs", "Corps.", to="agora@grenoble.test")
    with crafted_server({"/m/ailleurs@grenoble.test/raw": (200, {}, elsewhere)}) as (other, seen):
        routes = {"/m/lien@grenoble.test/raw": (200, {}, linked)}
        with crafted_server(routes) as (url, _seen):
            # no inline content: the raw link is fetched
            here = replace(_item("lien@grenoble.test", raw=linked), raw=None)
            away = replace(_item("ailleurs@grenoble.test", raw=elsewhere), raw=None)
            raw_link = "/m/ailleurs@grenoble.test/raw"  # pointed at another host
            body = _feed(url, [here, away]).replace((url + raw_link).encode(),
                                                    (other + raw_link).encode())
            assert (other + raw_link).encode() in body
            routes["/federation/feed"] = (200, ATOM, body)
            add_peer(settings, url)
            [result] = poll(settings)
    assert result.stored == 1 and result.refused == 1, result
    assert seen == []  # the other host was never asked
    with session_scope(settings, write=False) as session:
        assert session.scalars(select(Message.message_id).where(
            Message.ghost.is_(False))).all() == ["lien@grenoble.test"]
