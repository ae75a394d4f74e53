"""The public archive in real headless Chromium: the home page lists the assemblies and a
thread opens from its list page (the harness the console and forum tests build on)."""
from __future__ import annotations

from browser import chromium_page, live_server, shoot


def test_a_reader_opens_a_thread_from_the_home_page(thread):
    with live_server(thread) as (_settings, url), chromium_page() as page:
        page.goto(url + "/")
        assert page.locator("html").get_attribute("lang") == "fr"
        shoot(page, "archive-home")
        page.goto(url + "/t/root-jardin@example.org/")
        body = page.inner_text("body")
        assert "Jardin partagé : on relance les semis ?" in body
        assert page.locator("article").count() >= 2, body  # the root and its reply
        shoot(page, "archive-thread")
