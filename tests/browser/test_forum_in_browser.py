"""Forum mode in real headless Chromium: open a thread, write a reply under a message,
preview it, send it, follow the link mailed to the sink, and see the reply in the thread."""
from __future__ import annotations

import re
from dataclasses import replace

import pytest

from backends import run_jobs
from browser import chromium_page, live_server, shoot

pytestmark = pytest.mark.relay


def test_a_reader_replies_from_the_thread_page_and_confirms_by_mail(thread, sink):
    with live_server(thread) as (served, url), chromium_page() as page:
        page.goto(url + "/t/root-jardin@example.org/")
        first = page.locator("article").first
        first.locator("summary", has_text="Répondre").click()
        form = first.locator("form.forum")
        form.locator("input[name=name]").fill("Amélie Lefèvre")
        form.locator("input[name=email]").fill("amelie@example.org")
        form.locator("textarea[name=body]").fill("Je viens avec des plants de tomates.")
        shoot(page, "forum-reply-form")
        form.locator("button", has_text="Prévisualiser").click()
        page.wait_for_selector("section.forum-preview")
        preview = page.inner_text("section.forum-preview")
        assert "> Bonjour à toutes et tous," in preview and "tomates" in preview
        shoot(page, "forum-preview")
        page.locator("form.forum button", has_text="Envoyer").click()
        page.wait_for_selector("text=Consultez votre messagerie")
        shoot(page, "forum-check-your-mail")
        run_jobs(served)
        [mail] = sink.to("amelie@example.org")
        link = re.search(re.escape(url) + r"/forum/publish/[A-Za-z0-9_-]+",
                         mail.message.get_body().get_content()).group(0)
        page.goto(link)
        shoot(page, "forum-publish")
        page.locator("button", has_text="Publier").click()
        page.wait_for_url(re.compile(r".*/t/.*"))
        run_jobs(served)
        body = page.inner_text("body")
        assert "Je viens avec des plants de tomates." in body
        assert "envoyé depuis le web" in body
        assert page.locator("article").count() == 3
        shoot(page, "forum-published")


def test_with_a_proof_of_work_the_browser_solves_it_before_sending(thread, sink):
    asking = replace(thread, forum_proof_of_work=3000)
    with live_server(asking) as (served, url), chromium_page() as page:
        page.goto(url + "/l/semences@lists.test/")
        page.locator("summary", has_text="Nouveau fil").click()
        form = page.locator("form.forum")
        form.locator("input[name=name]").fill("Benoit Durand")
        form.locator("input[name=email]").fill("benoit@example.org")
        form.locator("input[name=subject]").fill("Troc de graines")
        form.locator("textarea[name=body]").fill("Samedi, place du marché.")
        form.locator("button", has_text="Envoyer").click()
        page.wait_for_selector("text=Consultez votre messagerie")
        shoot(page, "forum-proof-of-work-sent")
        run_jobs(served)
        assert len(sink.to("benoit@example.org")) == 1
