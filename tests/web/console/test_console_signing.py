"""Signing in to the console: password, single-use link, password by link, sign-out, the
cookie's flags, CSRF and the rate limits; the rights re-read on every request."""
from __future__ import annotations

import re

from backends import run_jobs
from console import make_admin, sign_in
from federation.lists import membership
from federation.storage.db import session_scope
from federation.lists.directory import find_list
from outbox import mails_to
from pages import csrf_token

PASSWORD = "correct horse battery"


def _page(response) -> str:
    """A page without its CSRF token (signed with the time: it changes every second)."""
    return re.sub(r'name="csrf_token" value="[^"]+"', "", response.get_data(as_text=True))


def test_an_admin_signs_in_with_a_password_and_out_again(client, lists):
    make_admin(lists, "ada@example.org", PASSWORD, assemblies=["lille"])
    assert client.get("/admin/").status_code == 302  # nobody signed in: to the sign-in page
    answer = sign_in(client, "ada@example.org", PASSWORD)
    assert answer.status_code == 302 and answer.location.endswith("/admin/")
    cookie = answer.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Secure" not in cookie
    home = client.get("/admin/").get_data(as_text=True)
    assert "Semences paysannes" in home and "Logiciel libre" not in home  # Lille's, not Grenoble's
    token = csrf_token(client, "/admin/")
    assert client.post("/admin/sign-out", data={"csrf_token": token}).status_code == 302
    assert client.get("/admin/").status_code == 302


def test_a_wrong_password_or_an_unknown_address_is_refused_alike(client, lists):
    make_admin(lists, "ada@example.org", PASSWORD, assemblies=["lille"])
    wrong = sign_in(client, "ada@example.org", "not the password")
    unknown = sign_in(client, "nobody@example.org", PASSWORD)
    assert wrong.status_code == unknown.status_code == 401
    assert _page(wrong) == _page(unknown).replace("nobody@", "ada@")
    assert client.get("/admin/").status_code == 302


def test_a_list_owner_signs_in_by_a_link_mailed_to_the_member_address(client, lists):
    with session_scope(lists) as session:
        membership.add(session, find_list(session, "semences@lists.test"), "olga@example.org",
                       role="owner")
    token = csrf_token(client, "/admin/sign-in")
    page = client.post("/admin/sign-in/link", data={"csrf_token": token,
                                                    "email": "olga@example.org"})
    stranger = client.post("/admin/sign-in/link", data={"csrf_token": token,
                                                        "email": "eve@example.org"})
    assert _page(page) == _page(stranger)  # no address disclosed
    run_jobs(lists)
    assert mails_to(lists, "eve@example.org") == []
    [mail] = mails_to(lists, "olga@example.org")
    assert mail["Auto-Submitted"] == "auto-generated"
    link = re.search(r"http://relais.test(/admin/sign-in/\S+)",
                     mail.get_body().get_content()).group(1)
    assert client.get(link).status_code == 200  # a GET (a mail scanner's) signs nobody in
    assert client.get("/admin/").status_code == 302
    button = csrf_token(client, link)
    assert client.post(link, data={"csrf_token": button}).status_code == 302
    assert "Semences paysannes" in client.get("/admin/").get_data(as_text=True)
    assert client.post(link, data={"csrf_token": button}).status_code == 400  # a new session
    again = csrf_token(client, link)
    assert client.post(link, data={"csrf_token": again}).status_code == 410  # single use


def test_a_password_set_by_link_signs_in_and_signs_out_older_sessions(client, lists):
    with session_scope(lists) as session:
        membership.add(session, find_list(session, "semences@lists.test"), "mo@example.org",
                       role="moderator")
    from web import create_app
    elsewhere = create_app(lists).test_client()  # signed in earlier, on another device
    token = csrf_token(client, "/admin/password/forgot")
    client.post("/admin/password/forgot", data={"csrf_token": token, "email": "mo@example.org"})
    run_jobs(lists)
    [mail] = mails_to(lists, "mo@example.org")
    link = re.search(r"http://relais.test(/admin/password/\S+)",
                     mail.get_body().get_content()).group(1)
    form = {"csrf_token": csrf_token(client, link), "password": "too short", "again": "too short"}
    assert client.post(link, data=form).status_code == 400
    form.update(password=PASSWORD, again=PASSWORD + "!")
    assert client.post(link, data=form).status_code == 400  # the two differ
    form.update(again=PASSWORD)
    assert client.post(link, data=form).status_code == 302
    assert client.get("/admin/l/semences@lists.test/").status_code == 200
    assert client.post(link, data={**form, "csrf_token": csrf_token(client, link)}
                       ).status_code == 410  # the link is spent
    assert sign_in(elsewhere, "mo@example.org", PASSWORD).status_code == 302
    token = csrf_token(client, "/admin/password/forgot")  # a second change, from the first
    client.post("/admin/password/forgot", data={"csrf_token": token, "email": "mo@example.org"})
    run_jobs(lists)
    link = re.search(r"http://relais.test(/admin/password/\S+)",
                     mails_to(lists, "mo@example.org")[-1].get_body().get_content()).group(1)
    client.post(link, data={"csrf_token": csrf_token(client, link),
                            "password": "another long one", "again": "another long one"})
    assert client.get("/admin/").status_code == 200
    assert elsewhere.get("/admin/").status_code == 302  # signed out by the change


def test_the_cookie_is_secure_when_the_site_is_https(lists):
    from dataclasses import replace
    from web import create_app
    secure = create_app(replace(lists, base_url="https://relais.test")).test_client()
    make_admin(lists, "ada@example.org", PASSWORD, assemblies=["lille"])
    answer = sign_in(secure, "ada@example.org", PASSWORD)
    assert answer.status_code == 302 and "Secure" in answer.headers["Set-Cookie"]


def test_after_signing_in_you_go_back_where_you_were_never_elsewhere(client, lists):
    make_admin(lists, "ada@example.org", PASSWORD, assemblies=["lille"])
    bounce = client.get("/admin/l/semences@lists.test/members?q=a")
    assert bounce.status_code == 302 and "next=" in bounce.location
    back = sign_in(client, "ada@example.org", PASSWORD,
                   next_path="/admin/l/semences@lists.test/members?q=a")
    assert back.location.endswith("/admin/l/semences@lists.test/members?q=a")
    for target in ("https://evil.example/admin", "//evil.example/admin", "/elsewhere"):
        fresh = client.application.test_client()
        assert sign_in(fresh, "ada@example.org", PASSWORD, next_path=target
                       ).location.endswith("/admin/")


def test_admin_create_refuses_an_unknown_assembly_and_may_leave_the_password_unset(lists):
    from command_line import relais
    refused = relais(lists, "admin", "create", "ada@example.org", "--assembly", "nulle-part")
    assert refused.exit_code != 0 and "nulle-part" in refused.output
    made = relais(lists, "admin", "create", "ada@example.org", "--assembly", "lille")
    assert made.exit_code == 0 and "sign-in by link" in made.output
    from web import create_app
    client = create_app(lists).test_client()
    assert sign_in(client, "ada@example.org", "").status_code == 401  # no password: link only
