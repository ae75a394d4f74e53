"""The console's theme work (issue 14 item 7): taxonomy edits and corrections in the audit log,
the review queue least confident first, corrections as training data, and a retraining job
that stores its held-out quality. Both backends, messages filed through the real path."""
from __future__ import annotations

import re

from sqlalchemy import select

from backends import run_jobs
from federation.ingest import filing
from federation.lists import audit
from federation.lists.directory import find_list
from federation.storage.db import session_scope
from federation.storage.models import Thread
from federation.themes import editing, tagging, training
from messages import mail

import pytest

SEEDS = ("La grainothèque est presque vide : qui a des semences paysannes de tomates, "
         "de courges ou de haricots à partager ? On fera un troc de graines au jardin partagé, "
         "avec les maraîchers de l'AMAP.")
VAGUE = "Bonjour, petite question pour jeudi. Merci."


@pytest.fixture
def themed(lists):
    """Two threads: one plainly about seeds, one the classifier can say little about."""
    with session_scope(lists) as session:
        tagging.ensure_defaults(session)
    for mid, subject, body in (("sure@x.org", "Troc de graines", SEEDS),
                               ("vague@x.org", "Question", VAGUE)):
        (outcome,) = filing.file_post(lists, mail(mid, subject, body), ["semences@lists.test"],
                                      sender="alice@example.org")
        assert outcome.accepted
    run_jobs(lists)
    return lists


def list_ids(settings) -> list[int]:
    with session_scope(settings) as session:
        return [find_list(session, "semences@lists.test").id]


def test_review_queue_least_confident_first_and_reviewed_ones_leave(themed):
    ids = list_ids(themed)
    with session_scope(themed) as session:
        queue = editing.review_queue(session, ids)
        assert [c.root_message_id for c in queue] == ["vague@x.org", "sure@x.org"]
        assert queue[0].confidence < queue[1].confidence
        assert "agriculture-alimentation" in [slug for slug, _s, _src in queue[1].themes]
        sure = session.get(Thread, queue[1].thread_id)
        editing.correct(session, sure, ["agriculture-alimentation"], actor="admin@example.org")
    with session_scope(themed) as session:
        assert [c.root_message_id for c in editing.review_queue(session, ids)] == ["vague@x.org"]
        assert session.scalar(select(Thread).where(Thread.id == sure.id)) is not None
        (entry,) = audit.entries(session, action="thread.themes")
        assert entry.actor == "admin@example.org" and entry.target == "sure@x.org"
        assert entry.details["after"] == ["agriculture-alimentation"]
    with session_scope(themed) as session:  # the review is training data
        assert editing.corrections_count(session) == 1


def test_other_lists_threads_stay_out_of_the_queue(themed):
    with session_scope(themed) as session:
        other = find_list(session, "libre@lists.test").id
        assert editing.review_queue(session, [other]) == []


def test_taxonomy_edits_are_logged(themed):
    with session_scope(themed) as session:
        editing.add(session, "eau", "Eau", "Water", actor="a@example.org")
        editing.rename(session, "eau", "L'eau", actor="a@example.org")
        editing.merge(session, "eau", "ressources-naturelles", actor="a@example.org")
        editing.retire(session, "cartographie", actor="a@example.org")
    with session_scope(themed) as session:
        assert [e.action for e in audit.entries(session)][::-1] == [
            "theme.create", "theme.rename", "theme.merge", "theme.retire"]
        assert training.slug_map(session)["eau"] == "ressources-naturelles"


def test_retraining_job_stores_held_out_quality(themed):
    with session_scope(themed) as session:
        assert editing.model_quality(session) is None
        thread = tagging.thread_of(session, "vague@x.org")
        editing.correct(session, thread, ["vie-des-assemblees"], actor="a@example.org")
    editing.request_retraining(themed)
    run_jobs(themed)
    with session_scope(themed) as session:
        quality = editing.model_quality(session)
        assert quality.version == 1 and quality.corrections == 1
        assert quality.held_out > 100 and 0.5 < quality.micro_f1 <= 1
        assert 0.5 < quality.macro_f1 <= 1
    from command_line import relais  # the same data again: no new fit, the stored figures
    result = relais(themed, "themes", "retrain")
    assert result.exit_code == 0 and "theme model v1 in use" in result.output
    assert re.search(r"held-out \(\d+ examples\) micro-F1 0\.\d{3} macro-F1 0\.\d{3}",
                     result.output)


def test_the_command_line_edits_are_logged(themed):
    from command_line import relais
    assert relais(themed, "themes", "add", "eau", "--fr", "Eau").exit_code == 0
    assert relais(themed, "themes", "set", "vague@x.org", "eau").exit_code == 0
    with session_scope(themed) as session:
        assert [(e.action, e.channel) for e in audit.entries(session)][::-1] == [
            ("theme.create", "cli"), ("thread.themes", "cli")]


def test_a_retraining_asked_for_leaves_scikit_learn_out_of_the_asking_process(themed):
    """Without Redis the console's queued retraining runs where it was asked, the web process
    (as does the weekly one, on the schedule of ``relais serve``): the fit happens in a child
    process, and the asking process never imports scikit-learn."""
    import os
    import subprocess
    import sys
    import textwrap
    from pathlib import Path
    if themed.redis_url:
        pytest.skip("with Redis the job runs on an rq worker, not in the asking process")
    with session_scope(themed) as session:
        thread = tagging.thread_of(session, "vague@x.org")
        editing.correct(session, thread, ["vie-des-assemblees"], actor="a@example.org")
    root = Path(__file__).resolve().parents[3]
    env = dict(os.environ, RELAIS_DATA_DIR=str(themed.data_dir), RELAIS_SECRET_KEY="test",
               DATABASE_URL=themed.database_url, RELAIS_MAIL_DOMAIN=themed.mail_domain,
               PYTHONPATH=str(root))
    env.pop("REDIS_URL", None)
    code = textwrap.dedent("""
        import sys
        from federation.settings import Settings
        from federation.storage.db import session_scope
        from federation.themes import editing
        from relais.jobs import register
        register()
        settings = Settings.from_env()
        editing.request_retraining(settings, actor="a@example.org")
        with session_scope(settings) as session:
            print(editing.model_quality(session).version, "sklearn" in sys.modules)
    """)
    done = subprocess.run([sys.executable, "-c", code], cwd=root, env=env, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["1", "False"]
