"""The forum form cannot flood anyone's inbox: sending is limited per client and per address
(Flask-Limiter), each link mailed spends the address's daily quota of automatic mail, and an
instance may ask browsers for a proof of work (ALTCHA)."""
from __future__ import annotations

import base64
import hashlib
import json

import pytest
from sqlalchemy import func, select

from backends import backend_or_skip, make_settings, run_jobs, seed_lists
from messages import deliver
from outbox import mails_to
from pages import csrf_token
from federation.storage.db import dispose, session_scope
from federation.storage.models import WebPost
from web import create_app

THREAD = "/t/root-jardin@example.org/"
SEND = "/forum/semences@lists.test/send"


@pytest.fixture(params=["sqlite", "postgresql"])
def limited(request, tmp_path):
    """Make settings on the test's backend with the given limits, and the thread fixture."""
    if request.param == "postgresql":
        backend_or_skip()
    made = []

    def make(**limits):
        made.append(make_settings(tmp_path / str(len(made)), request.param, **limits))
        made[-1].data_dir.mkdir(parents=True, exist_ok=True)
        seed_lists(made[-1])
        deliver(made[-1], "root.eml")
        return made[-1]
    yield make
    for settings in made:
        if settings.is_sqlite:
            dispose(settings)


def send_from(app, client_ip: str, email: str):
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = client_ip
    return client.post(SEND, data=dict(csrf_token=csrf_token(client, THREAD), name="X",
                                       email=email, subject="Re: semis", body="Bonjour",
                                       parent="root-jardin@example.org"))


def pending_posts(settings) -> int:
    with session_scope(settings) as session:
        return session.scalar(select(func.count(WebPost.id)))


def test_one_address_gets_no_more_than_its_share_whatever_the_client(limited):
    per_address = limited(form_rate_address="2/hour", form_rate_client="50/hour")
    app = create_app(per_address)
    codes = [send_from(app, f"192.0.2.{n}", "victim@example.net").status_code
             for n in range(1, 4)]
    assert codes == [200, 200, 429]
    run_jobs(per_address)
    assert len(mails_to(per_address, "victim@example.net")) == 2
    assert pending_posts(per_address) == 2
    assert send_from(app, "192.0.2.9", "other@example.net").status_code == 200


def test_the_daily_quota_of_automatic_mail_holds_across_forms(limited):
    per_day = limited(form_rate_address="50/hour", form_rate_client="50/hour",
                      max_notices_per_day=2)
    app = create_app(per_day)
    codes = [send_from(app, f"192.0.2.{n}", "victim@example.net").status_code
             for n in range(1, 4)]
    assert codes[:2] == [200, 200] and codes[2] == 429
    run_jobs(per_day)
    assert len(mails_to(per_day, "victim@example.net")) == 2
    assert pending_posts(per_day) == 2  # nothing kept for the refused one


def test_one_client_cannot_write_to_a_crowd(limited):
    per_client = limited(form_rate_address="50/hour", form_rate_client="2/hour")
    app = create_app(per_client)
    codes = [send_from(app, "192.0.2.7", f"person{n}@example.net").status_code
             for n in range(3)]
    assert codes == [200, 200, 429]
    assert send_from(app, "192.0.2.8", "person9@example.net").status_code == 200


def solved(client) -> str:
    """Answer the forum's proof-of-work challenge as its browser script does (ALTCHA v1)."""
    found = client.get("/forum/challenge")
    assert found.headers["Cache-Control"] == "no-store"
    c = found.get_json()
    number = next(n for n in range(c["maxNumber"] + 1) if hashlib.sha256(
        (c["salt"] + str(n)).encode()).hexdigest() == c["challenge"])
    return base64.b64encode(json.dumps(dict(
        algorithm=c["algorithm"], challenge=c["challenge"], number=number, salt=c["salt"],
        signature=c["signature"])).encode()).decode()


def test_a_proof_of_work_when_the_instance_asks_for_one(limited):
    settings = limited(forum_proof_of_work=300)
    client = create_app(settings).test_client()
    page = client.get(THREAD).get_data(as_text=True)
    assert 'data-challenge="/forum/challenge"' in page and "forum-proof.js" in page
    form = dict(csrf_token=csrf_token(client, THREAD), name="X", email="x@example.net",
                subject="Re: semis", body="Bonjour", parent="root-jardin@example.org")
    refused = client.post(SEND, data=form)
    assert refused.status_code == 400 and "calcul anti-robots" in refused.get_data(as_text=True)
    answer = solved(client)
    forged = json.loads(base64.b64decode(answer))
    forged["signature"] = "0" * 64
    assert client.post(SEND, data=dict(form, altcha=base64.b64encode(
        json.dumps(forged).encode()).decode())).status_code == 400
    assert client.post(SEND, data=dict(form, altcha="pas du base64")).status_code == 400
    assert client.post(SEND, data=dict(form, altcha=answer)).status_code == 200
    assert pending_posts(settings) == 1
    off = create_app(limited()).test_client()
    assert off.get("/forum/challenge").status_code == 404
    assert "forum-proof.js" not in off.get(THREAD).get_data(as_text=True)
