"""Interface language: French by default, English on request (?lang=en, cookie, Accept-Language).

The catalogues live in web/translations/<lang>/LC_MESSAGES/messages.po and, for a part of the
site with many strings of its own, in web/<part>/translations/ (the console, the forum: kept
apart so that parts built side by side do not edit one file); flask-babel merges them. Each
.mo is rebuilt at app start whenever its .po is newer, so no make step is needed.
"""
from __future__ import annotations

from datetime import datetime, timezone
from io import BytesIO
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from flask import Flask, Response, request
import flask_babel
from flask_babel import Babel, get_locale

LANGUAGES = ("fr", "en")
CATALOGUE_DATE = datetime(2026, 1, 1, tzinfo=timezone.utc)
COOKIE = "lang"
TRANSLATIONS = Path(__file__).parent / "translations"


def catalogue_roots() -> list[Path]:
    """The site's translation folder, then each part's (web/<part>/translations)."""
    return [TRANSLATIONS, *sorted(Path(__file__).parent.glob("*/translations"))]


def compile_catalogues(root: Path | None = None) -> list[Path]:
    """Write each messages.mo that is missing or older than its .po and differs from what
    the .po compiles to (a fresh checkout's mtimes say nothing); returns those written."""
    written = []
    roots = [root] if root is not None else catalogue_roots()
    for po_path in sorted(p for r in roots for p in r.glob("*/LC_MESSAGES/messages.po")):
        mo_path = po_path.with_suffix(".mo")
        if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
            continue
        with po_path.open("rb") as handle:
            catalog = read_po(handle)
        # babel stamps a catalogue without POT-Creation-Date with the time it is read: a fixed
        # stamp keeps the .mo the same bytes for the same .po, so a fresh checkout writes none
        catalog.creation_date = CATALOGUE_DATE
        compiled = BytesIO()
        write_mo(compiled, catalog)
        if mo_path.exists() and mo_path.read_bytes() == compiled.getvalue():
            mo_path.touch()  # up to date: only the clock was behind
            continue
        mo_path.write_bytes(compiled.getvalue())
        written.append(mo_path)
    return written


def choose() -> str:
    """The language of this request: ?lang=, then the cookie, then Accept-Language, then fr."""
    asked = request.args.get("lang") or request.cookies.get(COOKIE)
    if asked in LANGUAGES:
        return asked
    return request.accept_languages.best_match(LANGUAGES, default=LANGUAGES[0])


def remember(response: Response) -> Response:
    """Keep an explicit ?lang= choice in a cookie for the following pages."""
    asked = request.args.get("lang")
    if asked in LANGUAGES:
        response.set_cookie(COOKIE, asked, max_age=365 * 24 * 3600, samesite="Lax")
    if request.args.get("lang") or request.cookies.get(COOKIE):
        response.vary.add("Cookie")
    response.vary.add("Accept-Language")
    return response


def init_app(app: Flask) -> None:
    """Compile the catalogues if needed and install flask-babel with our locale selector."""
    try:
        compile_catalogues()
    except OSError:
        pass  # a read-only install: the committed .mo files are used as they are
    Babel(app, locale_selector=choose,
          default_translation_directories=";".join(str(r) for r in catalogue_roots()))
    app.after_request(remember)
    app.context_processor(formatters)


def formatters() -> dict:
    """The request language and flask-babel's formatters, for every template."""
    names = ("format_datetime", "format_date", "format_time", "format_timedelta",
             "format_number", "format_decimal", "format_percent")
    helpers = {name: getattr(flask_babel, name) for name in names}
    return {"lang": str(get_locale() or LANGUAGES[0]), **helpers}
