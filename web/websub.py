"""WebSub over HTTP (W3C Recommendation, 2018): this instance's hub, and the callbacks of its
own subscriptions to peers' hubs.

- ``POST /websub/hub``: a (un)subscription request for one of our federation feeds (§5.1),
  answered 202 and verified by a GET challenge to the callback (§5.3) before it counts.
- ``GET /websub/callback/<token>``: a hub verifying an intent; we echo the challenge only for
  a subscription we asked for, for that topic and mode.
- ``POST /websub/callback/<token>``: a push; a correctly signed one asks for a poll of its
  peer, nothing more. Anything else is dropped and logged, and still answered 202 (§8 allows
  it: a forger learns nothing about the signature); an unknown token gets 410 Gone.
"""
from __future__ import annotations

import threading
from urllib.parse import urlsplit

from flask import Blueprint, Response, current_app, request
from werkzeug.exceptions import HTTPException

from federation import queue
from federation.errors import Invalid
from federation.peers import exposure, hub, polling, websub
from federation.settings import Settings

from web.session import db, settings

bp = Blueprint("websub", __name__)
# the endpoints whose URLs are topics of our hub, and the view argument naming the list
# (the instance-wide federation feed has none)
TOPICS = {"federation.feed": None, "federation.list_feed": "address"}


def _plain(text: str, status: int) -> Response:
    return Response(text, status=status, mimetype="text/plain")


def topic_list(topic: str) -> tuple[bool, int | None]:
    """Whether ``topic`` is one of our federation feeds, and the list whose feed it is."""
    base, parts = urlsplit(settings().base_url), urlsplit(topic)
    if (parts.scheme, parts.netloc) != (base.scheme, base.netloc):
        return False, None
    path = parts.path[len(base.path.rstrip("/")):] if base.path else parts.path
    try:
        endpoint, arguments = current_app.url_map.bind("localhost").match(path, method="GET")
    except HTTPException:
        return False, None
    if endpoint not in TOPICS:
        return False, None
    if TOPICS[endpoint] is None:
        return True, None
    mailing_list = exposure.federated_list(db(), str(arguments.get(TOPICS[endpoint], "")))
    if mailing_list is None:
        return False, None
    return True, mailing_list.id


@bp.post(hub.HUB_PATH)
def hub_request():
    """A subscriber asks to (un)subscribe to a topic of ours (§5.1)."""
    form = request.form
    topic, callback = form.get("hub.topic", ""), form.get("hub.callback", "")
    known, list_id = topic_list(topic)
    if not known:
        return _plain("hub.topic is not a federation feed of this hub", 400)
    session = db()
    try:
        subscriber_id = hub.request(session, mode=form.get("hub.mode", ""), topic=topic,
                                    list_id=list_id, callback=callback,
                                    secret=form.get("hub.secret", ""),
                                    lease_seconds=form.get("hub.lease_seconds"))
    except Invalid as refusal:
        session.rollback()
        return _plain(str(refusal), 400)
    session.commit()
    queue.enqueue(settings(), hub.verify_intent, subscriber_id)
    return _plain("", 202)


@bp.get(websub.CALLBACK_PATH + "<token>")
def verification(token: str):
    """A hub verifies our intent (§5.3), or tells us it denied the subscription (§5.2)."""
    args, session = request.args, db()
    mode, topic = args.get("hub.mode", ""), args.get("hub.topic", "")
    if mode == "denied":
        found = websub.deny(session, token, topic, args.get("hub.reason", ""))
        session.commit()
        return _plain("", 200 if found else 404)
    challenge = websub.verify(session, token, mode, topic, args.get("hub.challenge", ""),
                              args.get("hub.lease_seconds", ""))
    session.commit()
    if challenge is None:
        return _plain("", 404)
    return _plain(challenge, 200)


@bp.post(websub.CALLBACK_PATH + "<token>")
def push(token: str):
    """A hub pushes (§7.3): check the HMAC (§8), then only ask for a poll of that peer."""
    session = db()
    received = websub.receive(session, token, request.get_data(cache=False),
                              request.headers.get("X-Hub-Signature"))
    session.commit()
    if received.gone:
        return _plain("", 410)
    if received.peer_id is not None:
        ring(settings(), received.peer_id)
    return _plain("", 202)


_RINGING: set[tuple[str, int]] = set()  # (database, peer): polls queued by this process
_RINGING_LOCK = threading.Lock()


def ring(settings_: Settings, peer_id: int) -> None:
    """Queue a poll of the peer a valid push came from: the poll, not the push, brings in
    whatever changed. In-process, a poll queued and not started yet takes the new push too
    (a burst of pushes is one poll; a push during a poll queues the next one)."""
    if not settings_.redis_url and settings_.background_jobs:
        key = (settings_.database_url, peer_id)
        with _RINGING_LOCK:
            if key in _RINGING:
                return
            _RINGING.add(key)
    queue.enqueue(settings_, poll_rung, peer_id)


def poll_rung(settings_: Settings, peer_id: int) -> None:
    """The job a push queues: poll that one peer now."""
    with _RINGING_LOCK:
        _RINGING.discard((settings_.database_url, peer_id))
    polling.poll(settings_, peer_id)
