"""Jobs carry ids, not settings: what rq keeps in Redis holds no secret key (issue 10, item 5)."""
from __future__ import annotations

import zlib

import pytest
from redis import Redis

from federation.lists.directory import find_list
from federation.storage.db import session_scope
from federation.storage.models import Member
from outbox import mails_to


POST = (b"From: Alice <alice@example.org>\r\nTo: semences@lists.test\r\n"
        b"Subject: Graines de tomates\r\nMessage-ID: <graines-ids@example.org>\r\n"
        b"Date: Tue, 01 Dec 2026 10:00:00 +0000\r\n\r\nQui a des graines ?\r\n")


def _payloads(settings) -> list[bytes]:
    """The pickled call (function and arguments) of every job rq keeps for this queue."""
    redis = Redis.from_url(settings.redis_url)
    found = []
    for key in redis.scan_iter("rq:job:*"):
        if redis.type(key) == b"hash" and redis.hget(key, "origin") == settings.queue_name.encode():
            found.append(zlib.decompress(redis.hget(key, "data")))
    return found


def test_jobs_in_redis_hold_ids_not_the_secret_key(send, lists):
    if not lists.redis_url:
        pytest.skip("without Redis, jobs run in-process and nothing is pickled")
    with session_scope(lists) as session:
        session.add(Member(list_id=find_list(session, "semences@lists.test").id,
                           email="bob@example.net"))
    code, _reply = send(POST)
    assert code == 250
    payloads = _payloads(lists)
    assert len(payloads) >= 2  # the pipeline's job and the fan-out it queued
    assert all(lists.secret_key.encode() not in payload for payload in payloads)
    assert all(b"Settings" not in payload for payload in payloads)
    # the worker ran them with its own settings: Bob got his copy
    assert [m["Message-ID"] for m in mails_to(lists, "bob@example.net")] == \
        ["<graines-ids@example.org>"]
