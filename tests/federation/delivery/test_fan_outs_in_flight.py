"""Several fan-outs in flight at once still deliver every copy exactly once (issue 13).

Posts are archived while their list has no member, then members who joined earlier are
planned (``deliveries.plan_message``, as the pipeline does) and the fan-out jobs run
concurrently: from several threads (both backends), with the background jobs of ``relais
serve`` (whose job only hands the work to the sender threads), and on PostgreSQL from
several real ``relais worker`` processes sharing the rq queue. A real aiosmtpd sink takes
the copies, refusing some with a 4xx first; each (message, member) must arrive once.
"""
from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections import Counter
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import insert, select

from backends import backend_or_skip, run_jobs
from federation import queue
from federation.delivery import deliveries
from federation.lists.directory import find_list
from federation.storage.db import session_scope
from federation.storage.models import Member, Message, utcnow
from mail import delivery
from messages import deliver, mail

pytestmark = pytest.mark.relay  # outgoing mail reaches the real SMTP sink

ROOT = Path(__file__).resolve().parents[3]


def planned_posts(settings, posts: int, members: int) -> tuple[list[int], list[str]]:
    """Archive ``posts`` posts, then plan each for ``members`` members joined a day before."""
    for number in range(posts):
        deliver(settings, mail(f"vol-{number}@example.org", f"Envoi {number}", "Bonjour."))
    emails = [f"m{n}@d{n % 7}.example" for n in range(members)]
    with session_scope(settings) as session:
        mailing_list = find_list(session, "semences@lists.test")
        session.execute(insert(Member), [dict(list_id=mailing_list.id, email=email,
                                              created_at=utcnow() - timedelta(days=1))
                                         for email in emails])
    with session_scope(settings) as session:
        messages = list(session.scalars(select(Message).where(Message.posted.is_(True))))
        for message in messages:
            message.received_at = utcnow()
            assert deliveries.plan_message(session, message)
        return [message.id for message in messages], emails


def copies_by_message(sink) -> Counter:
    return Counter((received.message["Message-ID"], received.recipient)
                   for received in sink.received)


def assert_each_once(sink, pks, emails, settings) -> None:
    with session_scope(settings) as session:
        ids = list(session.scalars(select(Message.message_id).where(Message.id.in_(pks))))
    seen = copies_by_message(sink)
    expected = {(f"<{mid}>", email) for mid in ids for email in emails}
    assert set(seen) == expected
    assert max(seen.values()) == 1


def test_fan_outs_from_several_threads_send_each_copy_once(lists, sink):
    pks, emails = planned_posts(lists, posts=3, members=120)
    for email in emails[::17]:
        sink.refuse(email, "451 4.3.0 Try again later")
    jobs = [threading.Thread(target=delivery.fan_out, args=(lists, pk))
            for pk in pks for _ in range(3)]  # three jobs per message, all at once
    for job in jobs:
        job.start()
    for job in jobs:
        job.join(60)
    run_jobs(lists)  # rq: the retry jobs of the 4xx copies
    assert_each_once(sink, pks, emails, lists)
    with session_scope(lists) as session:
        assert {status for status in session.scalars(select(deliveries.Delivery.status))} \
            == {"sent"}


def test_background_fan_outs_are_in_flight_together_off_the_jobs_thread(sqlite_settings, sink):
    from backends import seed_lists
    settings = replace(sqlite_settings, relay_url=f"smtp://127.0.0.1:{sink.port}",
                       delivery_backoff=(0.05, 0.1), retry_delays=(0, 0))
    seed_lists(settings)
    pks, emails = planned_posts(settings, posts=3, members=30)
    background = replace(settings, background_jobs=True)
    sink.gate.clear()  # the relay holds every RCPT
    try:
        for pk in pks:  # what the pipeline's thread does: one job per post, in turn
            delivery.fan_out(background, pk)
        with session_scope(settings) as session:  # it returned with every copy claimed
            claimed = Counter(session.scalars(select(deliveries.Delivery.ref_id).where(
                deliveries.Delivery.status == "sending")))
        assert claimed == {pk: len(emails) for pk in pks}
    finally:
        sink.gate.set()
    deadline = time.monotonic() + 60
    while len(sink.received) < len(pks) * len(emails) and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.2)
    assert_each_once(sink, pks, emails, settings)


def test_several_rq_workers_share_big_fan_outs_without_a_double(settings, lists, sink):
    if not settings.redis_url:
        backend_or_skip()
        pytest.skip("rq workers need Redis (the PostgreSQL backend)")
    members = delivery.CLAIM + 100  # more than one claim: helpers share each message
    pks, emails = planned_posts(lists, posts=2, members=members)
    for pk in pks:
        queue.enqueue(lists, "fan_out", pk)
        queue.enqueue(lists, "fan_out", pk)  # a replayed job too
    env = {**os.environ, "DATABASE_URL": lists.database_url, "REDIS_URL": lists.redis_url,
           "RELAIS_QUEUE": lists.queue_name, "RELAIS_SECRET_KEY": lists.secret_key,
           "RELAIS_RELAY_URL": lists.relay_url, "RELAIS_MAIL_DOMAIN": lists.mail_domain,
           "RELAIS_BASE_URL": lists.base_url, "RELAIS_DATA_DIR": str(lists.data_dir)}
    workers = [subprocess.Popen([sys.executable, "-m", "relais.cli", "worker", "--burst"],
                                cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE) for _ in range(3)]
    for worker in workers:
        assert worker.wait(120) == 0, worker.stderr.read().decode()[-2000:]
    assert_each_once(sink, pks, emails, lists)
    with session_scope(lists) as session:
        claims = set(session.scalars(select(deliveries.Delivery.claim)))
    assert len(claims) > len(pks)  # the messages were claimed in several chunks
