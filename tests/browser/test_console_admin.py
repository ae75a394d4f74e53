"""The admin console in real headless Chromium: an assembly admin signs in, creates a list,
pastes members and confirms the preview, and reads the audit log; each screen is shot, and
the roster once more at a phone's width."""
from __future__ import annotations

from browser import chromium_page, live_server, shoot
from console import make_admin

PASSWORD = "correct horse battery"


def test_an_admin_creates_a_list_adds_members_and_reads_the_log(lists):
    make_admin(lists, "ada@example.org", PASSWORD, assemblies=["lille"])
    with live_server(lists) as (_settings, url), chromium_page() as page:
        page.goto(url + "/admin/")
        assert "/admin/sign-in" in page.url
        shoot(page, "console-sign-in")
        page.fill("#password-email", "ada@example.org")
        page.fill("#password", PASSWORD)
        page.click("form[action$='/admin/sign-in'] button[type=submit]")
        page.wait_for_url(url + "/admin/")
        assert "Semences paysannes" in page.inner_text("main")
        shoot(page, "console-home")

        page.goto(url + "/admin/a/lille/")
        page.get_by_role("link", name="Nouvelle liste", exact=True).click()
        page.fill("#address", "jardins")
        page.fill("#name", "Jardins partagés")
        page.select_option("#policy", "members")
        shoot(page, "console-list-new")
        page.click("main button[type=submit]")
        page.wait_for_url(url + "/admin/l/jardins@lists.test/")
        assert "Jardins partagés" in page.inner_text("h1")
        shoot(page, "console-list")

        page.get_by_role("link", name="Membres", exact=True).click()
        page.get_by_role("link", name="Ajouter des membres", exact=True).click()
        page.fill("#addresses", "alice@example.org\nBruno Martin <bruno@example.org>\n"
                                "pas une adresse\nalice@example.org\n")
        page.fill("#source", "fiche d'inscription du 12 mars")
        shoot(page, "console-members-paste")
        page.click("main button[type=submit]")
        summary = page.inner_text("p.summary")
        assert "2 à ajouter, 0 à modifier, 2 ignorées" in summary, summary
        assert "ce n'est pas une adresse valide" in page.inner_text("table.skipped")
        shoot(page, "console-members-preview")
        page.get_by_role("button", name="Appliquer").click()
        page.wait_for_url("**/members?**")
        roster = page.inner_text("table.rows")
        assert "bruno@example.org" in roster and "Bruno Martin" in roster
        assert "importé·e depuis fiche d'inscription du 12 mars par ada@example.org" in roster
        shoot(page, "console-members")
        page.set_viewport_size({"width": 390, "height": 844})  # a phone
        shoot(page, "console-members-phone")
        page.set_viewport_size({"width": 1280, "height": 900})

        page.locator("header nav").get_by_role("link", name="Journal d'audit").click()
        log = page.inner_text("table.audit")
        assert "list.create" in log and "member.add" in log and "bruno@example.org" in log
        shoot(page, "console-audit-log")
