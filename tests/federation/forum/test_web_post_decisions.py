"""A web post held for a moderator (a first post from the web) follows the decision taken on
its held message through ``moderation.decide``: accepted, rejected or discarded."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from federation.forum import composition, web_posts
from federation.ingest import moderation
from federation.storage.db import session_scope
from federation.storage.models import Held, Message, WebPost


def _held_web_post(settings, email: str) -> tuple[int, int]:
    """A first web post from an unseen address: held (the list's first-post moderation)."""
    written = composition.draft("semences@lists.test", "Nouvelle", email, "Bonjour",
                                "Je découvre la liste.")
    result = web_posts.post_confirmed(settings, written)
    assert result.status == "held" and result.reason == "first-web-post"
    with session_scope(settings) as session:
        post = session.scalar(select(WebPost).where(WebPost.message_id == result.message_id))
        held = session.scalar(select(Held).where(Held.sender == email, Held.status == "held"))
        assert post.status == "held"
        return post.id, held.id


def _status(settings, post_id: int) -> str:
    with session_scope(settings, write=False) as session:
        return session.get(WebPost, post_id).status


def test_an_approved_web_post_is_accepted_and_archived(thread):
    post_id, held_id = _held_web_post(thread, "newcomer@example.org")
    assert moderation.decide(thread, held_id, "approve", actor="modo@example.org").done
    assert _status(thread, post_id) == "accepted"
    with session_scope(thread, write=False) as session:
        assert session.scalar(select(Message.id).where(
            Message.message_id == session.get(WebPost, post_id).message_id)) is not None


@pytest.mark.parametrize("action, status", [("reject", "rejected"), ("discard", "discarded"),
                                            ("ban", "discarded")])
def test_a_refused_web_post_says_so(thread, action, status):
    post_id, held_id = _held_web_post(thread, "newcomer@example.org")
    assert moderation.decide(thread, held_id, action, actor="modo@example.org").done
    assert _status(thread, post_id) == status
    # a second decision changes neither the held message nor the post
    assert not moderation.decide(thread, held_id, "approve").done
    assert _status(thread, post_id) == status


def test_a_ban_discards_the_authors_other_held_web_posts(thread):
    first_post, first_held = _held_web_post(thread, "newcomer@example.org")
    second_post, _ = _held_web_post(thread, "newcomer@example.org")
    other_post, _ = _held_web_post(thread, "someone@example.org")
    assert moderation.decide(thread, first_held, "ban", actor="modo@example.org").done
    assert _status(thread, first_post) == _status(thread, second_post) == "discarded"
    assert _status(thread, other_post) == "held"
