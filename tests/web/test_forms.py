"""The public web forms: CSRF tokens (Flask-WTF), rate limits per address and per client
(Flask-Limiter, Redis storage when REDIS_URL is set), bounded size; the RFC 8058 one-click
POST keeps working with no token, no cookie and no login."""
from __future__ import annotations

import email
import email.policy
import mailbox
import re

import pytest
from sqlalchemy import event, select

from backends import backend_or_skip, make_settings, run_jobs, seed_lists
from pages import csrf_token
from federation.lists import membership, tokens
from federation.storage.db import dispose, engine_for, session_scope
from federation.storage.models import DigestSubscriber
from federation.lists.directory import find_list
from web import create_app

LIST_FORM = "/l/semences@lists.test/subscription"


@pytest.fixture(params=["sqlite", "postgresql"])
def settings(request, tmp_path):
    """Settings on each backend with small limits, so a few requests reach them."""
    if request.param == "postgresql":
        backend_or_skip()
    made = make_settings(tmp_path, request.param, form_rate_address="2/hour",
                         form_rate_client="4/hour", max_form_size=4096)
    made.data_dir.mkdir(parents=True, exist_ok=True)
    seed_lists(made)
    yield made
    if request.param == "sqlite":
        dispose(made)


@pytest.fixture
def client(settings):
    return create_app(settings).test_client()


def sent_to(settings, address: str) -> list[email.message.EmailMessage]:
    """Mail written to the outbox for one address."""
    run_jobs(settings)
    if not settings.outbox_dir.exists():
        return []
    box = mailbox.Maildir(settings.outbox_dir, create=False)
    found = [email.message_from_bytes(box.get_bytes(k), policy=email.policy.default)
             for k in box.keys()]
    return [m for m in found if address in (m["To"] or "")]


def test_forms_carry_a_token_and_a_post_without_it_gets_a_clear_400(settings, client):
    for page, form_action in (("/l/semences@lists.test/", LIST_FORM),
                              ("/digests/", "/digests/subscribe")):
        html = client.get(page).get_data(as_text=True)
        assert re.search(r'<input type="hidden" name="csrf_token" value="[^"]+">', html), page
        refused = client.post(form_action, data={"email": "dana@example.org"})
        assert refused.status_code == 400, form_action
        text = refused.get_data(as_text=True)
        assert "Le formulaire a expiré" in text and '<html lang="fr">' in text
        english = client.post(form_action, data={"email": "dana@example.org"},
                              headers={"Accept-Language": "en"})
        assert english.status_code == 400
        assert "The form has expired" in english.get_data(as_text=True)
        forged = client.post(form_action, data={"email": "dana@example.org",
                                                "csrf_token": "forged"})
        assert forged.status_code == 400
    assert sent_to(settings, "dana@example.org") == []
    token = csrf_token(client, "/l/semences@lists.test/")
    accepted = client.post(LIST_FORM, data={"email": "dana@example.org", "csrf_token": token})
    assert accepted.status_code == 200
    assert len(sent_to(settings, "dana@example.org")) == 1


def test_cached_list_page_gives_each_visitor_their_own_token(settings):
    first, second = create_app(settings).test_client(), create_app(settings).test_client()
    one = csrf_token(first, "/l/semences@lists.test/")
    two = csrf_token(second, "/l/semences@lists.test/")   # the page came from the cache
    assert one != two
    page = second.get("/l/semences@lists.test/")
    assert "private" in page.headers.get("Cache-Control", "") and "Cookie" in page.headers["Vary"]
    answer = second.post(LIST_FORM, data={"email": "eve@example.org", "csrf_token": two})
    assert answer.status_code == 200


def test_confirmation_buttons_need_the_token_too(settings, client):
    token = csrf_token(client, "/l/semences@lists.test/")
    client.post(LIST_FORM, data={"email": "fred@example.org", "csrf_token": token})
    [mail] = sent_to(settings, "fred@example.org")
    link = re.search(r"http://relais\.test(/confirm/\S+)", mail.get_content()).group(1)
    assert client.post(link).status_code == 400
    with session_scope(settings) as session:
        assert membership.find(session, find_list(session, "semences@lists.test"),
                               "fred@example.org") is None
    page_token = csrf_token(client, link)
    assert client.post(link, data={"csrf_token": page_token}).status_code == 200
    with session_scope(settings) as session:
        assert membership.find(session, find_list(session, "semences@lists.test"),
                               "fred@example.org") is not None


def test_one_click_unsubscribe_needs_no_token_and_sets_no_cookie(settings, client):
    with session_scope(settings) as session:
        membership.add(session, find_list(session, "semences@lists.test"), "gus@example.org")
    path = tokens.unsubscribe_url(settings, "semences@lists.test", "gus@example.org")[
        len("http://relais.test"):]
    mail_client = create_app(settings).test_client(use_cookies=False)
    answer = mail_client.post(path, data="List-Unsubscribe=One-Click",
                              content_type="application/x-www-form-urlencoded")
    assert answer.status_code == 200 and "Set-Cookie" not in answer.headers
    with session_scope(settings) as session:
        assert membership.find(session, find_list(session, "semences@lists.test"),
                               "gus@example.org") is None
    page = mail_client.get(path).get_data(as_text=True)
    assert "csrf_token" not in page


def test_digest_one_click_unsubscribe_needs_no_token(settings, client):
    from federation.delivery import subscriptions
    with session_scope(settings) as session:
        subscriber = DigestSubscriber(email="hal@example.org", confirmed_at=None)
        session.add(subscriber)
        session.flush()
        path = "/digests/u/" + subscriptions.unsubscribe_token(settings, subscriber)
    mail_client = create_app(settings).test_client(use_cookies=False)
    answer = mail_client.post(path, data="List-Unsubscribe=One-Click",
                              content_type="application/x-www-form-urlencoded")
    assert answer.status_code == 200 and "Set-Cookie" not in answer.headers
    with session_scope(settings) as session:
        assert session.scalar(select(DigestSubscriber)) is None


def test_rate_limited_per_address_whatever_the_client(settings):
    answers, app = [], create_app(settings)
    for number in range(3):  # three clients, one address: the limit is 2/hour
        client = app.test_client()
        client.environ_base["REMOTE_ADDR"] = f"192.0.2.{number + 1}"
        token = csrf_token(client, "/digests/")
        answers.append(client.post("/digests/subscribe", data={
            "email": "ida@example.org", "csrf_token": token},
            headers={"Accept-Language": "en" if number == 2 else "fr"}))
    assert [a.status_code for a in answers] == [200, 200, 429]
    text = answers[2].get_data(as_text=True)
    assert "Too many requests" in text and '<html lang="en">' in text
    assert len(sent_to(settings, "ida@example.org")) == 2


def test_rate_limited_per_client_whatever_the_address(settings):
    app = create_app(settings)
    client = app.test_client()
    token = csrf_token(client, "/l/semences@lists.test/")
    codes = [client.post(LIST_FORM, data={"email": f"user{n}@example.org",
                                          "csrf_token": token}).status_code
             for n in range(5)]  # one client: the limit is 4/hour
    assert codes == [200, 200, 200, 200, 429]
    assert "Trop de demandes" in client.post(LIST_FORM, data={
        "email": "late@example.org", "csrf_token": token}).get_data(as_text=True)
    other = app.test_client()
    other.environ_base["REMOTE_ADDR"] = "198.51.100.7"
    assert other.post(LIST_FORM, data={"email": "late@example.org",
                                       "csrf_token": csrf_token(other, "/digests/")}
                      ).status_code == 200


def test_oversized_form_gets_a_413_page(settings, client):
    token = csrf_token(client, "/digests/")
    answer = client.post("/digests/subscribe", data={
        "email": "jo@example.org", "csrf_token": token, "theme": ["x" * 100] * 100})
    assert answer.status_code == 413
    assert "trop volumineuse" in answer.get_data(as_text=True)
    assert sent_to(settings, "jo@example.org") == []


def test_bad_slugs_and_addresses_are_refused_before_any_query(settings, client):
    token = csrf_token(client, "/digests/")
    statements = []
    engine = engine_for(settings)

    def count(*_args):
        statements.append(1)
    event.listen(engine, "before_cursor_execute", count)
    try:
        for number, data in enumerate((
                {"email": "kim@example.org", "theme": "../../etc"},
                {"email": "kim@example.org", "assembly": "Lille Centre"},
                {"email": "kim@example.org", "theme": [f"t{n}" for n in range(60)]},
                {"email": "x" * 300 + "@example.org"})):
            data = {**data, "email": data["email"].replace("kim@", f"kim{number}@")}
            answer = client.post("/digests/subscribe", data={**data, "csrf_token": token},
                                 environ_overrides={"REMOTE_ADDR": f"192.0.2.{number}"})
            assert answer.status_code == 400, data
        for number, address in enumerate(("x" * 300 + "@lists.test", "no-at-sign",
                                          "a b@lists.test")):
            answer = client.post(f"/l/{address}/subscription",
                                 data={"email": f"lee{number}@example.org", "csrf_token": token},
                                 environ_overrides={"REMOTE_ADDR": f"198.51.100.{number}"})
            assert answer.status_code == 404, address
    finally:
        event.remove(engine, "before_cursor_execute", count)
    assert statements == []
    answer = client.post(LIST_FORM, data={"email": "y" * 300 + "@example.org",
                                          "csrf_token": token})
    assert answer.status_code == 400
