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
