"""A real browser on a real server: the web app served by waitress on an OS-assigned port,
and Debian's Chromium driven by Playwright (never a browser downloaded at run time).

Each screen a browser test reaches can be written as a PNG under ``$RELAIS_SCREENSHOTS``
(default ``var/screenshots``, never committed) with ``shoot(page, name)``.
"""
from __future__ import annotations

import os
import shutil
import threading
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

import pytest
import waitress.server

CHROMIUM = os.environ.get("RELAIS_CHROMIUM", "/usr/bin/chromium")
# As root, with no network and no GPU (the flags this machine needs, see .ci/run).
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]
SCREENSHOTS = Path(os.environ.get("RELAIS_SCREENSHOTS", "var/screenshots"))


@contextmanager
def live_server(settings):
    """Serve the web app for ``settings`` on 127.0.0.1:<free port>; yields (settings, url)
    where the settings' base URL is the server's own, so mailed links open in the browser."""
    from web import create_app
    app = {}  # the port is known once bound, and the app needs it as its base URL
    server = waitress.server.create_server(lambda environ, start: app["wsgi"](environ, start),
                                           host="127.0.0.1", port=0, threads=4, ident="Relais")
    url = f"http://127.0.0.1:{server.effective_port}"
    served = replace(settings, base_url=url)
    app["wsgi"] = create_app(served)
    thread = threading.Thread(target=server.run, daemon=True, name="live-server")
    thread.start()
    try:
        yield served, url
    finally:
        server.close()
        thread.join(timeout=5)


@contextmanager
def chromium_page():
    """A fresh page in headless Chromium (skipped when no Chromium is installed here;
    .ci/run installs Debian's package, so CI always runs these)."""
    if not Path(CHROMIUM).exists() and not shutil.which(CHROMIUM):
        if os.environ.get("CI"):
            pytest.fail(f"no Chromium at {CHROMIUM} in CI")
        pytest.skip(f"no Chromium at {CHROMIUM}")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                             args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(locale="fr-FR")
            yield context.new_page()
        finally:
            browser.close()


def shoot(page, name: str) -> Path:
    """Write the page's screenshot as ``<SCREENSHOTS>/<name>.png``."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
