"""The roster in the console: paged by keyset, searched, sorted; adding with a preview
first; role, delivery, removal, re-enabling; the CSV export; consent kept and shown."""
from __future__ import annotations

import csv
import io
import re

from console import make_admin, sign_in
from federation.lists import membership
from federation.lists.directory import find_list
from federation.storage.db import session_scope
from federation.storage.models import AuditEntry, Member
from pages import csrf_token
from sqlalchemy import select

PASSWORD = "correct horse battery"
MEMBERS = "/admin/l/semences@lists.test/members"


def _admin(client, lists):
    make_admin(lists, "ada@example.org", PASSWORD, assemblies=["lille"])
    assert sign_in(client, "ada@example.org", PASSWORD).status_code == 302


def _people(settings, count: int) -> None:
    with session_scope(settings) as session:
        ml = find_list(session, "semences@lists.test")
        membership.add_many(session, ml, ((f"p{n:03}", f"p{n:03}@example.org", f"Nom {n:03}")
                                          for n in range(count)), "imported from test")


def _emails(page: str) -> list[str]:
    return re.findall(r'<td data-label="[^"]+">(p\d+@example\.org)</td>', page)


def test_the_roster_is_paged_by_keyset_searched_and_sorted(client, lists):
    _admin(client, lists)
    _people(lists, 120)
    first = client.get(MEMBERS).get_data(as_text=True)
    assert _emails(first) == [f"p{n:03}@example.org" for n in range(50)]
    after = re.search(r'rel="next" href="([^"]+)"', first).group(1).replace("&amp;", "&")
    second = client.get(after).get_data(as_text=True)
    assert _emails(second) == [f"p{n:03}@example.org" for n in range(50, 100)]
    third = client.get(re.search(r'rel="next" href="([^"]+)"', second).group(1)
                       .replace("&amp;", "&")).get_data(as_text=True)
    assert len(_emails(third)) == 20 and 'rel="next"' not in third
    assert 'rel="prev"' not in first
    assert _emails(client.get(MEMBERS + "?q=p11").get_data(as_text=True)) == [
        f"p{n}@example.org" for n in range(110, 120)]
    assert _emails(client.get(MEMBERS + "?q=nom+007").get_data(as_text=True)) == [
        "p007@example.org"]
    assert _emails(client.get(MEMBERS + "?q=%25").get_data(as_text=True)) == []  # literal %
    assert _emails(client.get(MEMBERS + "?q=007").get_data(as_text=True)) == [
        "p007@example.org"]  # a word of the name after its first: a surname
    newest = _emails(client.get(MEMBERS + "?sort=joined").get_data(as_text=True))
    assert newest[0] == "p119@example.org"  # same time: the newest row first


def _link(page: str, rel: str) -> str:
    return re.search(rf'rel="{rel}" href="([^"]+)"', page).group(1).replace("&amp;", "&")


def test_the_previous_page_walks_the_keyset_back(client, lists):
    _admin(client, lists)
    _people(lists, 120)
    for sort in ("email", "name", "joined"):
        first = client.get(f"{MEMBERS}?sort={sort}").get_data(as_text=True)
        second = client.get(_link(first, "next")).get_data(as_text=True)
        third = client.get(_link(second, "next")).get_data(as_text=True)
        back = client.get(_link(third, "prev")).get_data(as_text=True)
        assert _emails(back) == _emails(second) and len(_emails(back)) == 50, sort
        start = client.get(_link(back, "prev")).get_data(as_text=True)
        assert _emails(start) == _emails(first), sort
        assert 'rel="prev"' not in start and _link(start, "next")
        assert "Page précédente" in back  # French first


def test_pasted_addresses_are_previewed_then_applied_with_their_consent(client, lists):
    _admin(client, lists)
    _people(lists, 2)
    token = csrf_token(client, MEMBERS + "/add")
    pasted = ("neuve@example.org\nBruno Martin <bruno@example.org>\npas-une-adresse\n"
              "neuve@example.org\nNouveau Nom <p000@example.org>\np001@example.org\n")
    preview = client.post(MEMBERS + "/add", data={"csrf_token": token, "addresses": pasted,
                                                  "role": "member", "delivery": "each"})
    page = preview.get_data(as_text=True)
    assert preview.status_code == 200
    assert "2 à ajouter, 1 à modifier, 3 ignorées" in page, page
    with session_scope(lists) as session:  # nothing changed yet
        assert session.scalar(select(Member).filter_by(email="neuve@example.org")) is None
    secret = re.search(r'name="preview" value="([^"]+)"', page).group(1)
    form = {"csrf_token": csrf_token(client, MEMBERS), "preview": secret}
    assert client.post(MEMBERS + "/apply", data=form).status_code == 302
    assert client.post(MEMBERS + "/apply", data=form).status_code == 410  # applied once
    with session_scope(lists) as session:
        added = session.scalar(select(Member).filter_by(email="bruno@example.org"))
        assert added.name == "Bruno Martin"
        assert re.fullmatch(r"added by ada@example\.org on \d{4}-\d\d-\d\d", added.consent)
        assert session.scalar(select(Member).filter_by(email="p000@example.org")).name == \
            "Nouveau Nom"
        actions = [(e.action, e.target, e.actor, e.channel) for e in
                   session.scalars(select(AuditEntry).order_by(AuditEntry.id))]
    assert ("member.add", "bruno@example.org", "ada@example.org", "console") in actions
    shown = client.get(MEMBERS + "?q=bruno").get_data(as_text=True)
    assert "ajouté·e par ada@example.org le" in shown


def test_a_csv_upload_records_its_source(client, lists):
    _admin(client, lists)
    data = "courriel;nom\r\ncsv@example.org;Célia\r\n".encode("cp1252")
    page = client.post(MEMBERS + "/add", data={
        "csrf_token": csrf_token(client, MEMBERS + "/add"), "role": "member",
        "delivery": "digest", "file": (io.BytesIO(data), "inscrits.csv")},
        content_type="multipart/form-data").get_data(as_text=True)
    secret = re.search(r'name="preview" value="([^"]+)"', page).group(1)
    client.post(MEMBERS + "/apply", data={"csrf_token": csrf_token(client, MEMBERS),
                                          "preview": secret})
    with session_scope(lists) as session:
        member = session.scalar(select(Member).filter_by(email="csv@example.org"))
        assert (member.name, member.delivery) == ("Célia", "digest")
        assert member.consent.startswith("imported from inscrits.csv by ada@example.org on ")


def test_role_delivery_removal_re_enabling_and_export(client, lists):
    _admin(client, lists)
    _people(lists, 3)
    with session_scope(lists) as session:
        member = session.scalar(select(Member).filter_by(email="p001@example.org"))
        member.disabled, member.bounce_score, member.disabled_reason = True, 5.0, "bounces"
        ids = {m.email: m.id for m in session.scalars(select(Member))}
    token = csrf_token(client, MEMBERS)
    base = f"{MEMBERS}/{ids['p000@example.org']}"
    client.post(base + "/edit", data={"csrf_token": token, "role": "moderator",
                                      "delivery": "digest"})
    client.post(f"{MEMBERS}/{ids['p001@example.org']}/enable", data={"csrf_token": token})
    client.post(f"{MEMBERS}/{ids['p002@example.org']}/remove", data={"csrf_token": token})
    with session_scope(lists) as session:
        rows = {m.email: m for m in session.scalars(select(Member))}
        assert (rows["p000@example.org"].role, rows["p000@example.org"].delivery) == (
            "moderator", "digest")
        assert not rows["p001@example.org"].disabled and rows["p001@example.org"].bounce_score == 0
        assert "p002@example.org" not in rows
    export = client.get(MEMBERS + ".csv")
    assert export.mimetype == "text/csv"
    table = list(csv.DictReader(io.StringIO(export.get_data(as_text=True).lstrip("\ufeff"))))
    assert [row["email"] for row in table] == ["p000@example.org", "p001@example.org"]
    assert table[0]["role"] == "moderator" and table[0]["consent"] == "imported from test"


def test_the_member_count_is_on_the_whole_rosters_first_page_only(client, lists):
    _admin(client, lists)
    _people(lists, 60)
    assert "60 membres" in client.get(MEMBERS).get_data(as_text=True)
    assert "membres" not in client.get(MEMBERS + "?q=p01").get_data(as_text=True).split(
        "<h1>")[1].split("</p>")[0]  # a search: the count of 60 would be counted for nothing
