"""Assemblies and lists in the console: a site admin creates an assembly (with its city),
its admin creates a list, edits every setting of ``directory.edit_list`` through the form,
archives and brings it back; each change is in the audit log, by the console."""
from __future__ import annotations

from sqlalchemy import select

from console import make_admin, sign_in
from federation.lists import directory
from federation.lists.directory import find_list
from federation.storage.db import session_scope
from federation.storage.models import Assembly, AuditEntry
from pages import csrf_token

PASSWORD = "correct horse battery"
SETTINGS = "/admin/l/jardins@lists.test/settings"


def _log(settings) -> list[tuple[str, str, str]]:
    with session_scope(settings) as session:
        return [(e.action, e.actor, e.channel)
                for e in session.scalars(select(AuditEntry).order_by(AuditEntry.id))]


def test_an_assembly_then_a_list_with_every_setting_then_archived(client, lists):
    make_admin(lists, "root@example.org", PASSWORD, site_admin=True)
    assert sign_in(client, "root@example.org", PASSWORD).status_code == 302
    token = csrf_token(client, "/admin/assemblies/new")
    made = client.post("/admin/assemblies/new", data={
        "csrf_token": token, "slug": "saint-etienne", "name": "Assemblée de Saint-Étienne",
        "city": "Saint-Étienne", "description": "Les communs stéphanois"})
    assert made.status_code == 302 and made.location.endswith("/admin/a/saint-etienne/")
    again = client.post("/admin/assemblies/new", data={
        "csrf_token": token, "slug": "saint-etienne", "name": "Doublon"})
    assert again.status_code == 400
    client.post("/admin/a/saint-etienne/edit", data={
        "csrf_token": token, "name": "Assemblée des communs de Saint-Étienne",
        "city": "Saint-Étienne", "description": ""})
    made = client.post("/admin/a/saint-etienne/lists/new", data={
        "csrf_token": token, "address": "jardins", "name": "Jardins", "policy": "members",
        "public": "1"})
    assert made.status_code == 302, made.get_data(as_text=True)
    page = client.get(SETTINGS).get_data(as_text=True)
    assert 'for="dmarc"' in page and 'id="dmarc"' in page  # every field labelled
    form = {"csrf_token": token, "name": "Jardins partagés", "description": "Semis\r\net récoltes",
            "policy": "moderated", "subject_prefix": "[Jardins]", "footer": "--\r\nÀ bientôt",
            "dmarc": "always", "digest": "plain", "bounce_threshold": "3",
            "complaint_action": "unsubscribe", "delivery_mode": "batched",
            "emergency_moderation": "1", "federated": "1", "web_first_post_moderation": "1"}
    saved = client.post(SETTINGS, data=form)  # public and web posting unticked
    assert saved.status_code == 200 and "Enregistré" in saved.get_data(as_text=True)
    with session_scope(lists) as session:
        ml = find_list(session, "jardins@lists.test")
        assert ml.assembly.city == "Saint-Étienne"
        assert ml.assembly.name == "Assemblée des communs de Saint-Étienne"
        assert (ml.name, ml.description, ml.policy, ml.public, ml.subject_prefix, ml.footer,
                ml.federated) == ("Jardins partagés", "Semis\net récoltes", "moderated", False,
                                  "[Jardins]", "--\nÀ bientôt", True)
        assert directory.list_options(session, ml) == {
            "dmarc": "always", "digest": "plain", "bounce_threshold": "3",
            "complaint_action": "unsubscribe", "emergency_moderation": "true",
            "web_posting": "false", "web_first_post_moderation": "true",
            "delivery_mode": "batched"}
    unchanged = client.post(SETTINGS, data=form).get_data(as_text=True)
    assert "Rien n'a changé" in unchanged or "Rien n&#39;a changé" in unchanged
    bad = client.post(SETTINGS, data={**form, "subject_prefix": "[A]\r\nBcc: x@y.org"})
    assert bad.status_code == 400  # a header line of its own in every copy: refused
    assert client.post("/admin/l/jardins@lists.test/archive",
                       data={"csrf_token": token, "archived": "1"}).status_code == 302
    assert "archivée le" in client.get("/admin/l/jardins@lists.test/").get_data(as_text=True)
    client.post("/admin/l/jardins@lists.test/archive", data={"csrf_token": token,
                                                              "archived": "0"})
    assert [action for action, _a, _c in _log(lists)] == [
        "admin.create", "admin.sign_in", "assembly.create", "assembly.edit", "list.create", "list.edit",
        "list.archive", "list.unarchive"]
    assert {(actor, channel) for _act, actor, channel in _log(lists)[1:]} == {
        ("root@example.org", "console")}  # the account itself was made on the command line


def test_the_console_speaks_english_on_request(client, lists):
    make_admin(lists, "ada@example.org", PASSWORD, assemblies=["lille"])
    assert "Connexion à la console" in client.get("/admin/sign-in").get_data(as_text=True)
    assert "Sign in to the console" in client.get("/admin/sign-in?lang=en").get_data(
        as_text=True)
    sign_in(client, "ada@example.org", PASSWORD)
    page = client.get("/admin/l/semences@lists.test/settings").get_data(as_text=True)
    assert "Bounce threshold" in page and "Seuil de rebonds" not in page
    with session_scope(lists) as session:
        assert session.scalar(select(Assembly.city).filter_by(slug="lille")) == ""


def test_the_console_catalogue_is_compiled_and_complete():
    from pathlib import Path
    from babel.messages.mofile import read_mo
    from babel.messages.pofile import read_po
    import web.console
    po_path = Path(web.console.__file__).parent / "translations/fr/LC_MESSAGES/messages.po"
    def key(value):  # a plural's forms come as a tuple from the .po, a list from the .mo
        return tuple(value) if isinstance(value, (list, tuple)) else value
    with po_path.open("rb") as handle:
        po = {key(m.id): key(m.string) for m in read_po(handle) if m.id}
    with po_path.with_suffix(".mo").open("rb") as handle:
        mo = {key(m.id): key(m.string) for m in read_mo(handle) if m.id}
    assert po == mo and all(po.values()), [k for k, v in po.items() if not v]


def test_every_field_of_every_console_page_has_a_label(client, lists):
    from pages import Tags, assert_inert
    make_admin(lists, "root@example.org", PASSWORD, site_admin=True)
    pages = ["/admin/sign-in", "/admin/password/forgot"]
    anonymous = {path: client.get(path).get_data(as_text=True) for path in pages}
    sign_in(client, "root@example.org", PASSWORD)
    with session_scope(lists) as session:
        from federation.lists import membership
        membership.add(session, find_list(session, "semences@lists.test"), "m@example.org")
    seen = {**anonymous, **{path: client.get(path).get_data(as_text=True) for path in (
        "/admin/", "/admin/assemblies/new", "/admin/a/lille/", "/admin/a/lille/edit",
        "/admin/a/lille/lists/new", "/admin/l/semences@lists.test/",
        "/admin/l/semences@lists.test/settings", "/admin/l/semences@lists.test/members",
        "/admin/l/semences@lists.test/members/add", "/admin/audit")}}
    for path, html in seen.items():
        assert_inert(html)  # no inline script or style (the CSP forbids them anyway)
        found = Tags(html).found
        labelled = {attrs.get("for") for tag, attrs in found if tag == "label"}
        fields = [attrs for tag, attrs in found if tag in ("input", "select", "textarea")
                  and attrs.get("type") not in ("hidden", "submit")]
        assert all(attrs.get("id") in labelled for attrs in fields), (path, [
            a for a in fields if a.get("id") not in labelled])
