"""The audit log page: an assembly admin reads their assembly's entries (console and mail),
never another's; filters, keyset pages, CSV export."""
from __future__ import annotations

import csv
import io
import re

from console import make_admin, sign_in
from federation.lists import audit
from federation.lists.directory import find_list
from federation.storage.db import session_scope

PASSWORD = "correct horse battery"


def _entries(settings) -> None:
    with session_scope(settings) as session:
        semences = find_list(session, "semences@lists.test")
        libre = find_list(session, "libre@lists.test")
        for n in range(60):
            audit.record(session, "member.join", mailing_list=semences, channel="mail",
                         actor=f"p{n}@example.org", target=f"p{n}@example.org")
        audit.record(session, "member.disable", mailing_list=semences, channel="mail",
                     target="bob@example.net", reason="bounces (5)")
        audit.record(session, "list.edit", mailing_list=libre, channel="console",
                     actor="gina@example.org", target="libre@lists.test")


def test_an_assembly_admin_reads_filters_pages_and_exports_their_log(client, lists):
    make_admin(lists, "ada@example.org", PASSWORD, assemblies=["lille"])
    _entries(lists)
    sign_in(client, "ada@example.org", PASSWORD)
    page = client.get("/admin/audit").get_data(as_text=True)
    assert "member.disable" in page and "bob@example.net" in page
    assert "<span class=\"muted\">mail</span>" in page  # the channel
    assert "libre@lists.test" not in page  # Grenoble's entry is not Lille's business
    assert page.count("<code>member.join</code>") == 49  # 50 a page, the newest first
    older = re.search(r'rel="next" href="([^"]+)"', page).group(1).replace("&amp;", "&")
    rest = client.get(older).get_data(as_text=True)
    assert rest.count("<code>member.join</code>") == 11 and 'rel="next"' not in rest
    only = client.get("/admin/audit?action=member.disable").get_data(as_text=True)
    assert "<code>member.join</code>" not in only and "bob@example.net" in only
    by = client.get("/admin/audit?actor=p7@example.org").get_data(as_text=True)
    assert by.count("<code>member.join</code>") == 1
    assert "<code>member" not in client.get("/admin/audit?since=2999-01-01").get_data(
        as_text=True)
    export = client.get("/admin/audit.csv?list=semences@lists.test")
    rows = list(csv.DictReader(io.StringIO(export.get_data(as_text=True).lstrip("\ufeff"))))
    assert len(rows) == 61  # 60 joins and a disable; the sign-in has no list
    assert rows[0]["action"] == "member.disable" and rows[0]["channel"] == "mail"
    assert {row["list"] for row in rows} == {"semences@lists.test"}
    assert client.get("/admin/audit?assembly=grenoble").status_code == 404
    assert client.get("/admin/audit.csv?list=libre@lists.test").status_code == 404


def test_a_list_owner_reads_their_lists_entries_only(client, lists):
    from federation.lists import membership
    with session_scope(lists) as session:
        membership.add(session, find_list(session, "libre@lists.test"), "olga@example.org",
                       role="owner")
    _entries(lists)
    make_admin(lists, "olga@example.org", PASSWORD)  # a member address with a password
    sign_in(client, "olga@example.org", PASSWORD)
    page = client.get("/admin/audit").get_data(as_text=True)
    assert "<code>list.edit</code>" in page and "<code>member.join</code>" not in page
    assert client.get("/admin/audit?list=libre@lists.test").status_code == 200
    assert client.get("/admin/audit?list=semences@lists.test").status_code == 404
    assert client.get("/admin/audit?assembly=grenoble").status_code == 403  # not its admin
