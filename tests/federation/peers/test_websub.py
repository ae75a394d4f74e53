"""WebSub (W3C Recommendation 2018) between two real web servers: intent verification by a
GET challenge, leases and their renewal, the HMAC of pushes, and pushes that only ring the
bell (issue 11, item 3). The hub runs on the ``settings`` backend, the subscriber on SQLite.
"""
from __future__ import annotations

import secrets
import urllib.parse
from datetime import timedelta

import pytest
from sqlalchemy import select

from backends import make_settings, run_jobs
from browser import live_server
from federation.peers import hub, websub
from federation.storage import db as dbmod
from federation.storage.db import session_scope
from federation.storage.models import Follower, WebSubSubscriber, WebSubSubscription, utcnow

TOPIC = "http://hub.test/federation/feed"


@pytest.fixture
def subscriber(tmp_path):
    """A second instance (SQLite) served for real: the one that subscribes."""
    made = make_settings(tmp_path / "subscriber")
    with live_server(made) as (served, url):
        yield served
    dbmod.dispose(made)


def _follower(hub_settings, subscriber) -> None:
    """The subscriber registered as a follower of the hub (``following``'s handshake)."""
    with session_scope(hub_settings) as session:
        session.add(Follower(url=subscriber.base_url, secret="0" * 64))


def _subscription(settings, state="requested", topic=TOPIC, peer_id=7) -> WebSubSubscription:
    with session_scope(settings) as session:
        row = WebSubSubscription(peer_id=peer_id, hub="http://hub.test/websub/hub", topic=topic,
                                 token=secrets.token_urlsafe(24), secret="s3cret", state=state)
        session.add(row)
    return row


def _verify(settings, row, **query) -> tuple[int, bytes]:
    values = {"hub.mode": "subscribe", "hub.topic": row.topic, "hub.challenge": "c-123",
              "hub.lease_seconds": "3600", **query}
    answer = websub.http("GET", websub.callback_url(settings, row) + "?"
                         + urllib.parse.urlencode(values))
    return answer.status, answer.body


def test_signature_is_an_hmac_of_the_body_with_the_subscription_secret():
    body = b"<feed/>"
    header = websub.sign("k", body)
    assert header.startswith("sha256=")
    assert websub.signature_valid("k", body, header)
    assert websub.signature_valid("k", body, websub.sign("k", body, "sha512"))
    assert not websub.signature_valid("other", body, header)
    assert not websub.signature_valid("k", body + b" ", header)
    assert not websub.signature_valid("k", body, header.replace("sha256", "sha1"))
    assert not websub.signature_valid("k", body, "")
    assert not websub.signature_valid("k", body, "sha256")


def test_the_callback_echoes_the_challenge_only_for_a_subscription_we_asked_for(subscriber):
    row = _subscription(subscriber)
    assert _verify(subscriber, row, **{"hub.topic": "http://hub.test/other"})[0] == 404
    assert _verify(subscriber, row, **{"hub.mode": "unsubscribe"})[0] == 404
    stranger = WebSubSubscription(token="not-ours", topic=TOPIC)
    assert _verify(subscriber, stranger)[0] == 404
    assert _verify(subscriber, row) == (200, b"c-123")
    with session_scope(subscriber) as session:
        active = session.get(WebSubSubscription, row.id)
        assert active.state == "active" and active.lease_seconds == 3600
        assert timedelta(minutes=59) < active.expires_at - utcnow() <= timedelta(hours=1)
        assert websub.lease_expiry(session, 7) == active.expires_at


def test_a_push_rings_only_when_signed_with_the_subscription_secret(subscriber):
    row = _subscription(subscriber, state="active")
    url, body = websub.callback_url(subscriber, row), b"<feed xmlns='http://www.w3.org/2005/Atom'/>"
    assert websub.http("POST", url, body).status == 202  # unsigned: dropped, same answer
    assert websub.http("POST", url, body, {"X-Hub-Signature": websub.sign("guess", body)}
                       ).status == 202
    assert websub.http("POST", url + "x", body,
                       {"X-Hub-Signature": websub.sign("s3cret", body)}).status == 410
    with session_scope(subscriber) as session:
        seen = session.get(WebSubSubscription, row.id)
        assert (seen.pushes, seen.refused_pushes) == (0, 2)
        # a valid one is counted and asks for a poll of peer 7 (which does not exist here:
        # the poll finds nothing to do)
        assert websub.receive(session, row.token, body, websub.sign("s3cret", body)).peer_id == 7
        assert seen.pushes == 1


def test_the_hub_calls_back_only_instances_that_follow_it(settings, subscriber):
    from federation.errors import Invalid
    row = _subscription(subscriber)
    with session_scope(settings) as session, pytest.raises(Invalid):
        hub.request(session, mode="subscribe", topic=TOPIC, list_id=None,
                    callback=websub.callback_url(subscriber, row), secret="s3cret")
    with session_scope(settings) as session:
        assert hub.subscribers(session) == []


def test_the_hub_verifies_intent_before_a_subscription_counts(settings, subscriber):
    _follower(settings, subscriber)
    row = _subscription(subscriber)
    callback = websub.callback_url(subscriber, row)
    with session_scope(settings) as session:
        pk = hub.request(session, mode="subscribe", topic=TOPIC, list_id=None,
                         callback=callback, secret="s3cret", lease_seconds="999999999")
    assert hub.verify_intent(settings, pk)
    with session_scope(settings) as session:
        granted = session.get(WebSubSubscriber, pk)
        assert granted.secret == "s3cret" and granted.lease_seconds == hub.MAX_LEASE
    with session_scope(subscriber) as session:
        assert session.get(WebSubSubscription, row.id).lease_seconds == hub.MAX_LEASE
    # a callback that does not echo (nobody asked for this topic there) leaves nothing behind
    with session_scope(settings) as session:
        refused = hub.request(session, mode="subscribe", topic=TOPIC + "?x", list_id=None,
                              callback=callback, secret="s3cret")
    assert not hub.verify_intent(settings, refused)
    with session_scope(settings) as session:
        assert session.get(WebSubSubscriber, refused) is None
        assert session.get(WebSubSubscriber, pk).verified_at is not None


def test_a_re_request_changes_nothing_until_verified(settings, subscriber):
    _follower(settings, subscriber)
    row = _subscription(subscriber)
    callback = websub.callback_url(subscriber, row)
    with session_scope(settings) as session:
        pk = hub.request(session, mode="subscribe", topic=TOPIC, list_id=None,
                         callback=callback, secret="first")
    assert hub.verify_intent(settings, pk)
    with session_scope(subscriber) as session:  # the subscriber gives up on it
        session.get(WebSubSubscription, row.id).state = "unsubscribing"
    with session_scope(settings) as session:
        hub.request(session, mode="subscribe", topic=TOPIC, list_id=None, callback=callback,
                    secret="second")
    assert not hub.verify_intent(settings, pk)
    with session_scope(settings) as session:
        kept = session.get(WebSubSubscriber, pk)
        assert kept.secret == "first" and kept.verified_at is not None and not kept.pending_mode


def test_bad_requests_are_refused():
    from federation.errors import Invalid
    for callback in ("ftp://x.test/c", "/relative", "http:///nohost"):
        with pytest.raises(Invalid):
            hub.request(None, mode="subscribe", topic=TOPIC, list_id=None, callback=callback)
    with pytest.raises(Invalid):
        hub.request(None, mode="publish", topic=TOPIC, list_id=None, callback="http://x.test/")
    with pytest.raises(Invalid):
        hub.request(None, mode="subscribe", topic=TOPIC, list_id=None,
                    callback="http://x.test/", secret="x" * 200)


def test_leases_are_renewed_before_they_end():
    now = utcnow()
    row = WebSubSubscription(state="active", lease_seconds=7 * 24 * 3600,
                             expires_at=now + timedelta(days=3), requested_at=now)
    assert not websub.renewal_due(row, now)
    row.expires_at = now + timedelta(hours=20)  # within a day of its end
    assert websub.renewal_due(row, now)
    hours = WebSubSubscription(state="active", lease_seconds=8 * 3600,
                               expires_at=now + timedelta(hours=3), requested_at=now)
    assert not websub.renewal_due(hours, now)
    hours.expires_at = now + timedelta(hours=1, minutes=50)  # within a quarter of its lease
    assert websub.renewal_due(hours, now)
    short = WebSubSubscription(state="active", lease_seconds=400,
                               expires_at=now + timedelta(seconds=390), requested_at=now)
    assert websub.renewal_due(short, now)  # would end before the schedule's next run
    asked = WebSubSubscription(state="requested", requested_at=now - timedelta(minutes=20))
    assert websub.renewal_due(asked, now)  # asked long ago, never verified: ask again
    assert not websub.renewal_due(WebSubSubscription(state="denied", requested_at=now), now)


def test_renewal_asks_the_hub_again_with_the_same_secret(settings, subscriber):
    """A lease about to end is asked for again (the hub verifies it like a new one)."""
    with live_server(settings) as (hub_settings, hub_base):
        row = _subscription(subscriber, state="active", topic=hub_base + "/nowhere")
        with session_scope(subscriber) as session:
            seen = session.get(WebSubSubscription, row.id)
            seen.hub, seen.lease_seconds = hub_base + hub.HUB_PATH, 3600
            seen.expires_at = utcnow() + timedelta(minutes=5)
        assert websub.renew_due(subscriber) == 1
        run_jobs(hub_settings)
        with session_scope(subscriber) as session:
            seen = session.get(WebSubSubscription, row.id)
            # the hub refuses a topic that is not one of its feeds, and says why
            assert seen.secret == "s3cret" and "400" in seen.error


def test_the_hub_takes_only_its_own_federation_feeds_as_topics(client, lists):
    from federation.storage.models import MailingList
    with session_scope(lists) as session:  # the flag on, and a private list all the same
        for row in session.scalars(select(MailingList).where(MailingList.address.in_(
                ("semences@lists.test", "prive@lists.test")))):
            row.federated = True
    base = lists.base_url

    def ask(topic, callback="http://follower.test/websub/callback/x"):
        return client.post(hub.HUB_PATH, data={"hub.mode": "subscribe", "hub.topic": topic,
                                               "hub.callback": callback})
    assert ask("http://elsewhere.test/federation/feed").status_code == 400
    assert ask(base + "/feeds/all").status_code == 400  # a feed, not a federation feed
    assert ask(base + "/federation/l/prive@lists.test/feed").status_code == 400  # private
    assert ask(base + "/federation/l/libre@lists.test/feed").status_code == 400  # no consent
    # a federation feed, but nobody that follows us asked: never called back
    answer = ask(base + "/federation/l/semences@lists.test/feed")
    assert answer.status_code == 400 and b"follows" in answer.data
    with session_scope(lists) as session:
        session.add(Follower(url="http://follower.test", secret="0" * 64))
    assert ask(base + "/federation/feed").status_code == 202
    with session_scope(lists) as session:
        # the challenge went unanswered (no such host): no subscription came of it
        assert [row.verified_at for row in hub.subscribers(session)] in ([], [None])
