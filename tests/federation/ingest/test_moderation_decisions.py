"""The one set of moderation actions (issue 14 item 4): approve, approve and trust, reject with
a reason, discard, ban; idempotent under two moderators at once; each in the audit log;
reasons in plain words; similar messages grouped. Both backends, the real filing path."""
from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from sqlalchemy import func, select, update

from backends import run_jobs
from federation.ingest import filing, holding, moderation
from federation.lists import audit, directory, membership
from federation.lists.directory import find_list
from federation.storage.db import session_scope
from federation.storage.models import Ban, Held, Member, Message, utcnow
from messages import mail
from outbox import mails_to, outbox, reply_to

POST = "semences@lists.test"

@pytest.fixture
def lists(lists):
    """semences on the members policy, with a moderator and a member who receives each post."""
    lists.data_dir.mkdir(parents=True, exist_ok=True)
    with session_scope(lists) as session:
        ml = find_list(session, POST)
        directory.edit_list(session, ml, policy="members")
        membership.add(session, ml, "modo@example.org", role="moderator", delivery="none")
        membership.add(session, ml, "lea@example.org")
    return lists

def hold(settings, mid: str, sender: str = "bob@example.net", subject: str = "Tomates") -> int:
    """A non-member's post, held through the real filing path; its Held id."""
    raw = mail(mid, subject, "Des graines de tomates à échanger ?", sender=f"Bob <{sender}>")
    (outcome,) = filing.file_post(settings, raw, [POST], sender)
    assert outcome.status == "held", outcome
    run_jobs(settings)
    return outcome.held_pk

def archived(settings, mid: str) -> int:
    with session_scope(settings) as session:
        return session.scalar(select(func.count()).select_from(Message).where(
            Message.message_id == mid, Message.ghost.is_(False)))

def copies(settings, mid: str, to: str = "lea@example.org") -> int:
    return sum(1 for m in mails_to(settings, to) if m["Message-ID"] == f"<{mid}>")

def actions(settings) -> list[tuple[str, str, str]]:
    with session_scope(settings) as session:
        return [(e.action, e.actor, e.channel) for e in audit.entries(session)][::-1]

def test_approve_files_delivers_and_is_logged(lists):
    pk = hold(lists, "a1@example.net")
    done = moderation.decide(lists, pk, "approve", actor="modo@example.org")
    run_jobs(lists)
    assert done.done and done.status == "approved"
    assert archived(lists, "a1@example.net") == 1 and copies(lists, "a1@example.net") == 1
    assert ("held.approve", "modo@example.org", "console") in actions(lists)
    again = moderation.decide(lists, pk, "reject", actor="other@example.org")
    assert not again.done and again.status == "approved" and again.by == "modo@example.org"

@pytest.mark.parametrize("action", ["approve", "reject"])
def test_two_moderators_at_once_one_decision_one_mail(lists, action):
    pk = hold(lists, "race@example.net")
    before = len(mails_to(lists, "bob@example.net"))
    start, results = threading.Barrier(2), []

    def moderator(name):
        start.wait()
        results.append(moderation.decide(lists, pk, action, actor=name, note="hors sujet"))

    workers = [threading.Thread(target=moderator, args=(f"m{i}@example.org",)) for i in (1, 2)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    run_jobs(lists)
    assert sorted(r.done for r in results) == [False, True]
    loser = next(r for r in results if not r.done)
    assert loser.status in ("approved", "approving", "rejected")
    if action == "approve":
        assert archived(lists, "race@example.net") == 1
        assert copies(lists, "race@example.net") == 1
    else:
        assert len(mails_to(lists, "bob@example.net")) == before + 1  # one refusal, not two
    assert [a for a, _, _ in actions(lists)].count(f"held.{action}") == 1

def test_reject_tells_the_poster_the_reason(lists):
    pk = hold(lists, "r1@example.net")
    assert moderation.decide(lists, pk, "reject", actor="modo@example.org",
                             note="Merci de poster sur la liste locale.").done
    run_jobs(lists)
    refusal = mails_to(lists, "bob@example.net")[-1]
    assert "refusé" in refusal["Subject"]
    assert "Merci de poster sur la liste locale." in refusal.get_content()
    assert archived(lists, "r1@example.net") == 0
    with session_scope(lists) as session:
        (entry,) = audit.entries(session, action="held.reject")
        assert entry.details["note"] == "Merci de poster sur la liste locale."

def test_discard_sends_nothing(lists):
    pk = hold(lists, "d1@example.net")
    before = len(outbox(lists))
    assert moderation.decide(lists, pk, "discard", actor="modo@example.org").done
    run_jobs(lists)
    assert len(outbox(lists)) == before and archived(lists, "d1@example.net") == 0

def test_trust_makes_a_posting_only_member_whose_next_post_passes(lists):
    pk = hold(lists, "t1@example.net")
    assert moderation.decide(lists, pk, "trust", actor="modo@example.org").done
    with session_scope(lists) as session:
        member = session.scalar(select(Member).where(Member.email == "bob@example.net"))
        assert member.delivery == "none" and "modo@example.org" in member.consent
    raw = mail("t2@example.net", "Encore", "Merci !", sender="Bob <bob@example.net>")
    (outcome,) = filing.file_post(lists, raw, [POST], "bob@example.net")
    assert outcome.status == "accepted"
    assert ("sender.trust", "modo@example.org", "console") in actions(lists)

def test_ban_refuses_the_next_post_and_discards_the_others(lists):
    first, second = hold(lists, "b1@example.net"), hold(lists, "b2@example.net", subject="Pub")
    done = moderation.decide(lists, first, "ban", actor="modo@example.org")
    assert done.done
    with session_scope(lists) as session:
        assert session.scalar(select(Ban.pattern)) == "bob@example.net"
        assert session.get(Held, second).status == "discarded"
    raw = mail("b3@example.net", "Re", "…", sender="Bob <bob@example.net>")
    (outcome,) = filing.file_post(lists, raw, [POST], "bob@example.net")
    assert outcome.status == "refused"
    assert "sender.ban" in [a for a, _, _ in actions(lists)]

def test_reasons_in_plain_words_and_similar_messages_grouped(lists):
    hold(lists, "g1@example.net", subject="Tomates")
    hold(lists, "g2@example.net", subject="Re: [Semences] Tomates")
    hold(lists, "g3@example.net", sender="zoe@example.net", subject="Tomates")
    with session_scope(lists) as session:
        ml = find_list(session, POST)
        waiting = holding.waiting(session, [ml.id])
        assert holding.count_waiting(session, [ml.id]) == 3
        groups = holding.grouped(waiting)
        assert [(g.sender, len(g.items)) for g in groups] == [("bob@example.net", 2),
                                                              ("zoe@example.net", 1)]
        assert holding.reason_words(waiting[0].reason, "fr") == "l'expéditeur n'est pas abonné"
        assert holding.reason_words(waiting[0].reason, "en") == "not a member"

def test_decide_many_tells_which_were_already_done(lists):
    one, two = hold(lists, "m1@example.net"), hold(lists, "m2@example.net", subject="Autre")
    moderation.decide(lists, one, "discard")
    results = moderation.decide_many(lists, [one, two, two], "discard", actor="modo@example.org")
    assert [(r.held_id, r.done) for r in results] == [(one, False), (two, True)]

def test_rejection_by_reply_is_the_same_action_logged_with_its_reason(send, lists):

    hold(lists, "mail1@example.net")
    (notice,) = [m for m in mails_to(lists, "modo@example.org") if "modérer" in m["Subject"]]
    code, reply = send(reply_to(notice, "modo@example.org", "Rejeter : hors sujet ici"),
                       to="semences-request@lists.test", sender="modo@example.org")
    assert code == 250 and "rejected" in reply
    with session_scope(lists) as session:
        (entry,) = audit.entries(session, action="held.reject")
        assert (entry.actor, entry.channel, entry.details["note"]) == (
            "modo@example.org", "mail", "hors sujet ici")
    assert "hors sujet ici" in mails_to(lists, "bob@example.net")[-1].get_content()


def test_an_approval_cut_off_by_a_crash_is_finished_once(lists):
    pk = hold(lists, "crash@example.net")
    with session_scope(lists) as session:  # the claim committed, then the process died
        session.execute(update(Held).where(Held.id == pk).values(
            status=moderation.APPROVING, decided_at=utcnow() - timedelta(hours=1)))
    assert not moderation.decide(lists, pk, "approve").done  # in the hands of the first
    assert moderation.resume(lists) == 1
    run_jobs(lists)
    assert archived(lists, "crash@example.net") == 1 and copies(lists, "crash@example.net") == 1
    assert moderation.resume(lists) == 0
    with session_scope(lists) as session:
        assert session.get(Held, pk).status == "approved"
