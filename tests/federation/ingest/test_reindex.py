"""Derived data is rebuildable: replaying the archive changes no public identity (public-inbox)."""
from __future__ import annotations

from sqlalchemy import func, select

from federation.ingest import reindex
from federation.archive import search
from federation.storage.db import session_scope
from federation.storage.models import Message, Thread, ThreadTheme
from messages import deliver
from pages import A, FEEDS, fetch


def _snapshot(settings):
    with session_scope(settings) as session:
        threads = sorted((t.root_message_id, t.subject, t.message_count)
                         for t in session.scalars(select(Thread)))
        parents = sorted(session.execute(select(Message.message_id, Message.parent_id)).all())
        themes = session.scalar(select(func.count()).select_from(ThreadTheme))
    return threads, parents, themes


def test_reindex_keeps_threads_feed_ids_and_search(thread, client):
    deliver(thread, "reply-latin1.eml")
    before = _snapshot(thread)
    ids_before = {url: [e.find(A + "id").text for e in fetch(client, url)[0].findall(A + "entry")]
                  for url in FEEDS}
    assert reindex.run(thread) == 3
    assert reindex.run(thread) == 3  # replaying twice is still harmless
    assert _snapshot(thread) == before
    for url, ids in ids_before.items():
        assert [e.find(A + "id").text for e in fetch(client, url)[0].findall(A + "entry")] == ids
    with session_scope(thread) as session:
        found = search.search(session, "arrosoirs")
        assert [hit.message.message_id for hit in found.hits] == ["reply-2@example.org"]
