"""JWZ threading: references, ghosts, late parents, loops, subject fallback."""
from __future__ import annotations

from sqlalchemy import func, select

from federation.ingest import filing
from federation.archive import thread_tree, threads
from federation.storage.db import session_scope
from federation.storage.models import Message, Thread
from backends import FIXTURES
def _post(settings, raw: bytes, to="semences@lists.test"):
    outcome = filing.file_post(settings, raw, [to])[0]
    assert outcome.accepted, outcome
    return outcome


def _mail(mid, subject="Sujet", refs="", irt="", body="texte"):
    head = f"From: a@example.org\r\nTo: semences@lists.test\r\nSubject: {subject}\r\nMessage-ID: <{mid}>\r\n"
    if refs:
        head += f"References: {refs}\r\n"
    if irt:
        head += f"In-Reply-To: {irt}\r\n"
    return (head + "\r\n" + body + "\r\n").encode()


def _thread_of(session, mid):
    message = session.scalar(select(Message).where(Message.message_id == mid))
    return session.get(Thread, message.thread_id)


def test_replies_join_their_root(lists):
    for name in ("root.eml", "reply-8bit-fr.eml", "reply-latin1.eml"):
        _post(lists, (FIXTURES / name).read_bytes())
    with session_scope(lists) as session:
        thread = _thread_of(session, "reply-2@example.org")
        assert thread.root_message_id == "root-jardin@example.org"
        assert thread.message_count == 3
        order = [(m.message_id, depth) for m, depth in thread_tree.ordered(session, thread)]
        assert order == [("root-jardin@example.org", 0), ("reply-1@example.org", 1),
                         ("reply-2@example.org", 2)]


def test_reply_before_parent_is_relinked_when_parent_arrives(lists):
    _post(lists, (FIXTURES / "early-child.eml").read_bytes())
    with session_scope(lists) as session:
        thread = _thread_of(session, "early-child@example.org")
        assert thread.message_count == 1
        ghost = session.scalar(select(Message).where(Message.message_id == "late-parent@example.org"))
        assert ghost.ghost
    _post(lists, (FIXTURES / "late-parent.eml").read_bytes())
    with session_scope(lists) as session:
        child = session.scalar(select(Message).where(Message.message_id == "early-child@example.org"))
        parent = session.scalar(select(Message).where(Message.message_id == "late-parent@example.org"))
        assert not parent.ghost and child.parent_id == parent.id
        assert child.thread_id == parent.thread_id
        thread = session.get(Thread, parent.thread_id)
        assert thread.message_count == 2
        # the root is still the (ghost) late-root, shown through its first real message
        assert thread.root_message_id == "late-root@example.org"
        assert thread.subject == "Parent en retard"


def test_two_threads_merge_when_a_common_parent_arrives(lists):
    _post(lists, _mail("c1@x", "Re: Assemblée", "<p@x>", "<p@x>"))
    _post(lists, _mail("c2@x", "Re: Assemblée", "<other@x> <p@x>", "<p@x>"))
    _post(lists, _mail("p@x", "Assemblée"))
    with session_scope(lists) as session:
        assert session.scalar(select(func.count()).select_from(Thread)) == 1
        thread = session.scalar(select(Thread))
        assert thread.message_count == 3


def test_reference_loop_does_not_hang(lists):
    _post(lists, _mail("a@loop", "A", "<b@loop>", "<b@loop>"))
    _post(lists, _mail("b@loop", "B", "<a@loop>", "<a@loop>"))
    with session_scope(lists) as session:
        thread = _thread_of(session, "a@loop")
        shown = [m.message_id for m, _ in thread_tree.ordered(session, thread)]
        assert sorted(shown) == ["a@loop", "b@loop"]


def test_deep_chain_is_threaded_without_recursion(lists):
    refs = []
    for i in range(300):
        _post(lists, _mail(f"d{i}@deep", "Re: profond" if i else "profond",
                           " ".join(refs[-50:]), refs[-1] if refs else ""))
        refs.append(f"<d{i}@deep>")
    with session_scope(lists) as session:
        thread = _thread_of(session, "d299@deep")
        ordered = thread_tree.ordered(session, thread)
        assert len(ordered) == 300 and ordered[-1][1] == 299


def test_subject_fallback_only_without_references(lists):
    _post(lists, _mail("s1@x", "Réunion mardi"))
    _post(lists, _mail("s2@x", "Re: Réunion mardi"))            # no references: by subject
    _post(lists, _mail("s3@x", "Réunion mardi"))                # not a reply: a new thread
    _post(lists, _mail("s4@x", "Re: Réunion mardi", "<elsewhere@x>", "<elsewhere@x>"))
    with session_scope(lists) as session:
        t1, t2 = _thread_of(session, "s1@x"), _thread_of(session, "s2@x")
        assert t1.id == t2.id
        assert _thread_of(session, "s3@x").id != t1.id
        assert _thread_of(session, "s4@x").id != t1.id


def test_thread_subject_strips_prefixes():
    assert threads.thread_subject("RE : [semences] Fwd: TR: Re: Graines") == "graines"
    assert threads.thread_subject("Rép: AW: Graines") == "graines"
