"""The console's moderation and themes in real headless Chromium (issue 14): a moderator
signs in, approves a held message (it reaches a real SMTP sink and the archive), rejects
another with words for the sender, corrects a thread's themes; each screen is shot."""
from __future__ import annotations

import time

import pytest
from sqlalchemy import select

from backends import run_jobs
from browser import chromium_page, live_server, shoot
from console import make_admin
from federation.lists import directory, membership
from federation.lists.directory import find_list
from federation.storage.db import session_scope
from federation.storage.models import Held, Theme, ThreadTheme
from federation.themes import tagging
from messages import mail, post

pytestmark = pytest.mark.relay  # outgoing mail reaches the real SMTP sink
PASSWORD = "correct horse battery"
POST = "semences@lists.test"


def arrived(sink, settings, address: str, mid: str, wait: float = 10.0):
    """The copies of ``mid`` the sink received for ``address`` (waiting for the jobs)."""
    deadline = time.monotonic() + wait
    while True:
        run_jobs(settings)
        found = [r for r in sink.to(address) if mid in (r.message["Message-ID"] or "")
                 or mid in (r.message["In-Reply-To"] or "")]
        if found or time.monotonic() > deadline:
            return found
        time.sleep(0.1)


@pytest.fixture
def queue(lists, send):
    """semences open to members only; lea receives each post; bob's two posts are held."""
    with session_scope(lists) as session:
        tagging.ensure_defaults(session)
        ml = find_list(session, POST)
        directory.edit_list(session, ml, policy="members")
        membership.add(session, ml, "lea@example.org")
        membership.add(session, ml, "alice@example.org", delivery="none")
    post(lists, "jardin@x.org", "Atelier au jardin partagé",
         "On plante des tomates et on échange des semences paysannes samedi.")
    for mid, subject in (("ok@x.net", "Graines de courges"), ("pub@x.net", "Achetez !")):
        code, reply = send(mail(mid, subject, "Bonjour la liste.", sender="Bob <bob@x.net>"),
                           sender="bob@x.net")
        assert code == 250 and "held" in reply
    run_jobs(lists)
    make_admin(lists, "ada@example.org", PASSWORD, assemblies=["lille"])
    return lists


def held_id(settings, mid: str) -> int:
    with session_scope(settings) as session:
        return session.scalar(select(Held.id).where(Held.message_id == mid))


def test_moderator_approves_rejects_and_corrects_themes(queue, sink):
    with live_server(queue) as (served, url), chromium_page() as page:
        page.goto(url + "/admin/moderation")
        page.fill("#password-email", "ada@example.org")
        page.fill("#password", PASSWORD)
        shoot(page, "console-sign-in")
        page.click("form:has(#password) button[type=submit]")
        page.wait_for_url("**/admin/moderation")
        assert "File de modération" in page.inner_text("h1")
        shoot(page, "console-moderation-queue")

        page.click("text=Graines de courges")
        assert "Bonjour la liste." in page.inner_text(".preview")
        shoot(page, "console-held-message")
        page.click("button[value=approve]")
        assert "1 message accepté" in page.inner_text("main")
        shoot(page, "console-approved")
        copies = arrived(sink, served, "lea@example.org", "ok@x.net")
        assert len(copies) == 1 and "semences.lists.test" in copies[0].message["List-Id"]
        page.goto(url + "/t/ok@x.net/")
        assert "Graines de courges" in page.inner_text("body")  # archived

        page.goto(url + "/admin/moderation")
        page.check(f"#h{held_id(served, 'pub@x.net')}")
        page.fill("#note", "Pas de publicité ici, merci.")
        shoot(page, "console-rejecting")
        page.click("button[value=reject]")
        assert "refusé" in page.inner_text("main")
        shoot(page, "console-rejected")
        (refusal,) = [r for r in arrived(sink, served, "bob@x.net", "pub@x.net")
                      if "refusé" in r.message["Subject"]]
        assert "Pas de publicité ici, merci." in refusal.message.get_content()

        page.goto(url + "/admin/themes")
        shoot(page, "console-themes")
        form = page.locator("form.review", has_text="Atelier au jardin partagé")
        for box in form.locator("input[type=checkbox]").all():
            box.uncheck()
        form.locator("input[value=cartographie]").check()
        form.locator("button[type=submit]").click()
        assert "Thèmes du fil enregistrés." in page.inner_text("main")
        shoot(page, "console-themes-corrected")
        page.goto(url + "/admin/activity")
        assert page.locator("figure.chart img").count() == 3
        shoot(page, "console-activity")
    approved = held_id(queue, "ok@x.net")
    with session_scope(queue) as session:
        sources = dict(session.execute(select(Theme.slug, ThreadTheme.source).join(Theme)).all())
        assert sources["cartographie"] == "manual"
        assert session.get(Held, approved).status == "approved"
