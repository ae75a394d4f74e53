"""Every permission boundary of console-a's pages, checked on the server: forged URLs and
forms for another assembly's list, member or assembly answer 404 (or 403 when the object is
visible but the act is not allowed), never 500 and never a change; a role taken away counts
at the next request; CSRF on every form; sign-in rate limits."""
from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import select

from console import make_admin, sign_in
from federation.lists import membership
from federation.lists.directory import find_list
from federation.storage.db import session_scope
from federation.storage.models import Member, MailingList
from pages import csrf_token
from web import create_app

PASSWORD = "correct horse battery"
LIBRE = "/admin/l/libre@lists.test"  # Grenoble's
SEMENCES = "/admin/l/semences@lists.test"  # Lille's


@pytest.fixture
def lille_admin(client, lists):
    """The client signed in as Lille's assembly admin; Grenoble's list has a member."""
    make_admin(lists, "ada@example.org", PASSWORD, assemblies=["lille"])
    with session_scope(lists) as session:
        membership.add(session, find_list(session, "libre@lists.test"), "gina@example.org")
    assert sign_in(client, "ada@example.org", PASSWORD).status_code == 302
    return client


def _grenoble_member(settings) -> int:
    with session_scope(settings) as session:
        return session.scalar(select(Member.id).filter_by(email="gina@example.org"))


def test_another_assemblys_objects_are_not_found(lille_admin, lists):
    client = lille_admin
    for path in (LIBRE + "/", LIBRE + "/settings", LIBRE + "/members", LIBRE + "/members.csv",
                 LIBRE + "/members/add", "/admin/a/grenoble/", "/admin/a/grenoble/edit",
                 "/admin/a/grenoble/lists/new", "/admin/audit?list=libre@lists.test",
                 "/admin/audit?assembly=grenoble", "/admin/l/nope@lists.test/",
                 "/admin/l/not%20a%20list/", "/admin/a/NOT_A_SLUG/"):
        assert client.get(path).status_code == 404, path
    assert client.get("/admin/assemblies/new").status_code == 403  # site admins only
    token = csrf_token(client, SEMENCES + "/settings")
    gina = _grenoble_member(lists)
    forged = [(LIBRE + "/settings", {"name": "Volée", "policy": "open"}),
              (LIBRE + "/archive", {"archived": "1"}),
              (LIBRE + f"/members/{gina}/remove", {}),
              (LIBRE + f"/members/{gina}/edit", {"role": "owner", "delivery": "each"}),
              # Grenoble's member through Lille's list: still not found
              (SEMENCES + f"/members/{gina}/remove", {}),
              (SEMENCES + f"/members/{gina}/edit", {"role": "owner", "delivery": "each"}),
              (LIBRE + "/members/add", {"addresses": "x@example.org"}),
              ("/admin/a/grenoble/edit", {"name": "Volée"}),
              ("/admin/a/grenoble/lists/new", {"address": "volee", "policy": "open"}),
              ("/admin/assemblies/new", {"slug": "volee", "name": "Volée"})]
    for path, form in forged:
        status = client.post(path, data={"csrf_token": token, **form}).status_code
        assert status in (403, 404), (path, status)
    with session_scope(lists) as session:
        libre = find_list(session, "libre@lists.test")
        assert (libre.name, libre.archived_at) == ("Logiciel libre", None)
        assert session.scalar(select(Member).filter_by(email="gina@example.org")).role == "member"
        assert find_list(session, "volee@lists.test") is None


def test_a_moderator_sees_the_list_but_may_not_manage_it(client, lists):
    with session_scope(lists) as session:
        membership.add(session, find_list(session, "semences@lists.test"), "mo@example.org",
                       role="moderator")
        membership.add(session, find_list(session, "libre@lists.test"), "mo@example.org")
    make_admin(lists, "mo@example.org", PASSWORD)  # a password for a member address
    assert sign_in(client, "mo@example.org", PASSWORD).status_code == 302
    assert client.get(SEMENCES + "/").status_code == 200
    assert client.get(SEMENCES + "/settings").status_code == 403  # seen, not theirs to change
    assert client.get(SEMENCES + "/members").status_code == 403
    assert client.get(LIBRE + "/").status_code == 404  # a plain member there: nothing to see
    assert client.get("/admin/a/lille/").status_code == 200
    assert client.get("/admin/a/lille/edit").status_code == 403
    assert client.get("/admin/a/grenoble/").status_code == 404


def test_a_role_taken_away_counts_at_the_next_request(client, lists):
    with session_scope(lists) as session:
        membership.add(session, find_list(session, "semences@lists.test"), "olga@example.org",
                       role="owner")
    make_admin(lists, "olga@example.org", PASSWORD)
    assert sign_in(client, "olga@example.org", PASSWORD).status_code == 302
    assert client.get(SEMENCES + "/settings").status_code == 200
    with session_scope(lists) as session:
        membership.add(session, find_list(session, "semences@lists.test"), "olga@example.org",
                       role="moderator")
    assert client.get(SEMENCES + "/settings").status_code == 403
    with session_scope(lists) as session:
        membership.remove(session, find_list(session, "semences@lists.test"), "olga@example.org")
    assert client.get(SEMENCES + "/").status_code == 302  # no right left: signed out


def test_every_form_needs_its_csrf_token(lille_admin, lists):
    client = lille_admin
    with session_scope(lists) as session:
        member = membership.add(session, find_list(session, "semences@lists.test"),
                                "m@example.org")
        member_id = member.id
    for path, form in ((SEMENCES + "/settings", {"name": "Sans jeton", "policy": "open"}),
                       (SEMENCES + "/archive", {"archived": "1"}),
                       (SEMENCES + f"/members/{member_id}/remove", {}),
                       (SEMENCES + "/members/add", {"addresses": "x@example.org"}),
                       ("/admin/a/lille/edit", {"name": "Sans jeton"}),
                       ("/admin/sign-out", {}),
                       ("/admin/sign-in", {"email": "ada@example.org", "password": PASSWORD})):
        assert client.post(path, data=form).status_code == 400, path
    with session_scope(lists) as session:
        ml = session.scalar(select(MailingList).filter_by(address="semences@lists.test"))
        assert (ml.name, ml.archived_at) == ("Semences paysannes", None)
        assert membership.find(session, ml, "m@example.org") is not None


def test_sign_in_attempts_are_limited_per_address_and_per_client(lists):
    limited = replace(lists, sign_in_rate_address="3/hour", sign_in_rate_client="5/hour")
    make_admin(lists, "ada@example.org", PASSWORD, assemblies=["lille"])
    app = create_app(limited)
    client = app.test_client()
    for _ in range(3):
        assert sign_in(client, "ada@example.org", "wrong password!").status_code == 401
    assert sign_in(client, "ada@example.org", PASSWORD).status_code == 429  # even the right one
    for n in range(2):  # a refused request does not count against the client
        assert sign_in(client, f"other{n}@example.org", "wrong password!").status_code == 401
    assert sign_in(client, "third@example.org", "wrong password!").status_code == 429  # client
    other = app.test_client()  # another client, the same address
    other.environ_base["REMOTE_ADDR"] = "192.0.2.7"
    assert sign_in(other, "ada@example.org", PASSWORD).status_code == 429  # the address still
