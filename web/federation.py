"""Federation between instances, the web side: the federation feeds peers poll, the follow
handshake and the erasure acknowledgements (issue 11).

``/federation/feed`` (every federated list) and ``/federation/l/<address>/feed`` (one) are
paged newest change first with ``?before=<ISO date>,<Message-ID>`` (RFC 5005), served with
ETag / Last-Modified so a poll with nothing new is a 304. The home page announces the
first with ``<link rel="alternate https://relais.invalid/ns/federation">``. The POST
endpoints are called by peers, never by browsers: no CSRF token, a proof instead (the
follower's answer to our challenge; an HMAC signature on acknowledgements).

A list withdrawn from federation heads the first page of ``/federation/feed`` as a list-level
tombstone, and its own feed answers 410 Gone with that tombstone as its only content: a peer
acts on it only as read from us, never on a push (a push only asks for a poll).
"""
from __future__ import annotations

from datetime import datetime
from urllib.parse import quote, urlsplit

from flask import Blueprint, Response, abort, current_app, jsonify, request

from federation.peers import acks, exposure, following, hub
from federation.storage.db import session_scope
from feeds import links
from feeds.federation import FeedPage, list_feed_path, render

from web.feeds import respond
from web.session import db, settings

bp = Blueprint("federation", __name__)
PAGE = 500  # a backfill's transactions are as big as an import's (bench/README)
FEED_PATH = "/federation/feed"


@bp.app_template_global()
def origin(ml) -> str:
    """The instance a mirrored list comes from ("" for ours), to name it on pages."""
    peer = ml.origin_peer if ml is not None and ml.origin_peer_id else None
    return urlsplit(peer.origin).netloc if peer is not None else ""


def _url(path: str, before: str = "") -> str:
    url = links.absolute(settings().base_url, path)
    return f"{url}?before={quote(before, safe='@:,')}" if before else url


def _build(list_id: int | None, title: str, path: str, alternate: str, gone: bool = False):
    def build() -> tuple[bytes, datetime]:
        before = links.parse_cursor(request.args.get("before"))
        items = [] if gone else exposure.changes(db(), list_id, before, PAGE + 1)
        items, older = items[:PAGE], items[PAGE:]
        # withdrawals are few and head the first page, outside the paging by change
        withdrawn = exposure.withdrawals(db(), list_id) if before is None else []
        next_cursor = links.cursor(items[-1].changed, items[-1].message_id) if older else ""
        updated = max([i.changed for i in items] + [w.changed for w in withdrawn],
                      default=datetime(2000, 1, 1))
        page = FeedPage(
            id=_url(path), title=title, self_url=_url(path, request.args.get("before", "")),
            alternate_url=_url(alternate), first_url=_url(path), updated=updated,
            next_url=_url(path, next_cursor) if next_cursor else "",
            follow_url=_url("/federation/follow"), ack_url=_url("/federation/acks"),
            hub_url=hub.hub_url(settings()))
        return render(page, settings().base_url, items, withdrawn), updated
    return build


@bp.get(FEED_PATH)
def feed():
    """Every federated list's changes, for peers."""
    return respond("federation:all", exposure.stamp(db()),
                   _build(None, "Relais : listes fédérées", FEED_PATH, "/"))


@bp.get("/federation/l/<address>/feed")
def list_feed(address: str):
    """One federated list's changes (404 unless its owner federated it and it is public;
    410 Gone with its withdrawal when it was federated and then withdrawn)."""
    ml = exposure.federated_list(db(), address)
    if ml is None:
        gone = exposure.withdrawn_list(db(), address) or abort(404)
        body, _updated = _build(gone.id, f"{gone.name} ({gone.assembly.name})",
                                list_feed_path(gone.address), links.list_path(gone.address),
                                gone=True)()
        return Response(body, 410, mimetype="application/atom+xml",
                        headers={"Cache-Control": "no-cache"})
    path = list_feed_path(ml.address)
    return respond(f"federation:l:{ml.address}", exposure.stamp(db()),
                   _build(ml.id, f"{ml.name} ({ml.assembly.name})", path,
                          links.list_path(ml.address)))


@bp.post("/federation/follow")
def follow():
    """A peer asks to be counted as a follower; registered once it proved its secret."""
    url, secret = request.form.get("url", ""), request.form.get("secret", "")
    if request.form.get("action") == "unfollow":
        if not following.drop_follower(settings(), url, secret):
            return Response("unknown\n", 403, mimetype="text/plain")
        return Response("left\n", 202, mimetype="text/plain")
    if not url or not following.accept_follower(settings(), url, secret):
        return Response("not verified\n", 403, mimetype="text/plain")
    return Response("registered\n", 202, mimetype="text/plain")


@bp.get("/federation/follow-check")
def follow_check():
    """A peer checks that we follow it: our proof, or 404."""
    answer = following.answer_check(db(), request.args.get("origin", ""),
                                    request.args.get("challenge", ""))
    if answer is None:
        abort(404)
    return Response(answer, 200, mimetype="text/plain",
                    headers={"Cache-Control": "no-store"})


@bp.post("/federation/acks")
def acknowledge():
    """A follower acknowledges erasures, signed with its secret."""
    try:
        with session_scope(settings()) as session:
            taken = acks.receive(session, request.get_data(), request.headers.get(acks.SIGNATURE, ""))
    except acks.Refused as refusal:
        current_app.logger.warning("acknowledgements refused: %s", refusal)
        return Response("refused\n", 403, mimetype="text/plain")
    return jsonify(taken=taken), 202
