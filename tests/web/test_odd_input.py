"""Every web endpoint answers below 500 to odd input, and no redirect leaves the site.

The test walks ``app.url_map``: every rule, every method, each path argument replaced by
hostile values (huge and negative numbers, dates out of range, malformed cursors, NUL, very
long or non-UTF-8 segments), then every query argument the code reads (and unknown ones)
given the same values.
"""
from __future__ import annotations

import re
from urllib.parse import quote, urlsplit

import pytest

from backends import FIXTURES, run_jobs
from pages import csrf_token
from federation.delivery import digests
from federation.ingest import filing
from federation.storage.db import session_scope
from web import create_app

HUGE = "1" + "0" * 30
HOSTILE = [
    "0", "-1", HUGE, "-" + HUGE, "1e309", "NaN", "9999-99-99", "0000-01-01", "0001-01-01",
    "9999-12-31", "1" + "0" * 20, "9999-12-31T23:59:59.999999,x", "0001-01-01T00:00:00,",
    "2026-13-45T99:99:99,abc@x", ",", ",,,", "zzzz", "AAAA====", "eyJhIjoxfQ", "%00", "\x00",
    "a\x00b", "é" * 300, "x" * 5000, "<script>alert(1)</script>", "../../etc/passwd", "%",
    "%2F", "/", "//evil.example/", "\r\nX-Injected: 1", "2026-06-01,\x00", " ", "²", "٣",
]
# percent-escapes that are not UTF-8, written into the path as they are
RAW_SEGMENTS = ["%FF%FE", "%C3%28", "%ED%A0%80", "%00", "%E2%82", "a%2Fb"]
QUERY_KEYS = ["before", "after", "page", "q", "assembly", "list", "theme", "author", "from",
              "to", "since", "until", "sort", "lang", "period", "email", "action", "cursor",
              "unknown", "_external", "_scheme", "_anchor", "_method"]
VALID = {"slug": "lille", "address": "semences@lists.test", "message_id": "root-jardin@example.org",
         "key": "1", "token": "x", "secret": "x", "opaque": "x", "position": "0",
         "filename": "relais.css"}


@pytest.fixture
def client(lists):
    for name in ("root.eml", "reply-8bit-fr.eml"):
        [outcome] = filing.file_post(lists, (FIXTURES / name).read_bytes(),
                                   ["semences@lists.test"], sender="alice@example.org")
        assert outcome.accepted
    run_jobs(lists)
    with session_scope(lists) as session:
        digests.publish(session, "week")
    client = create_app(lists).test_client()
    client.token = csrf_token(client, "/digests/")
    return client


def rules(client):
    """(rule, methods) for every routed endpoint."""
    for rule in client.application.url_map.iter_rules():
        yield rule, sorted(rule.methods - {"HEAD", "OPTIONS"})


def build(rule, values: dict[str, str]) -> str:
    """The rule's path with each argument replaced by a raw (already quoted) segment."""
    return re.sub(r"<(?:[a-z]+:)?([a-z_]+)>", lambda m: values[m.group(1)], rule.rule)


def call(client, method: str, path: str, query: dict | None = None):
    """GET with the query, or POST it as a form with a valid CSRF token, so the hostile
    values reach the view (each POST from its own client address: no rate limit)."""
    if method == "GET":
        return client.get(path, query_string=query)
    call.count = getattr(call, "count", 0) + 1
    form = {**(query or {}), "csrf_token": client.token}
    return client.open(path, method=method, data=form, query_string=query,
                       environ_overrides={"REMOTE_ADDR": f"10.{call.count // 65536 % 256}."
                                          f"{call.count // 256 % 256}.{call.count % 256}"})


def test_every_endpoint_survives_hostile_path_arguments(client):
    seen, failed = 0, []
    for rule, methods in rules(client):
        for argument in rule.arguments:
            for value in [quote(v, safe="") for v in HOSTILE] + RAW_SEGMENTS:
                values = {a: VALID.get(a, "x") for a in rule.arguments}
                values[argument] = value
                path = build(rule, values)
                for method in methods:
                    answer = call(client, method, path)
                    seen += 1
                    if answer.status_code >= 500:
                        failed.append((method, path, answer.status_code))
    assert not failed, failed
    assert seen > 500


def test_every_endpoint_survives_hostile_query_arguments(client):
    failed = []
    for rule, methods in rules(client):
        path = build(rule, {a: quote(VALID.get(a, "x"), safe="") for a in rule.arguments})
        for value in HOSTILE:
            for method in methods:
                answer = call(client, method, path, {k: value for k in QUERY_KEYS})
                location = answer.headers.get("Location", "")
                if answer.status_code >= 500 or (urlsplit(location).netloc and not
                                                 location.startswith("http://relais.test/")):
                    failed.append((method, path, value, answer.status_code, location))
    assert not failed, failed


def test_merged_theme_redirect_never_leaves_the_site(lists, client):
    from federation.themes import tagging
    with session_scope(lists) as session:
        first, second = [t.slug for t in tagging.listed(session)][:2]
        tagging.merge(session, first, into=second)
    for query in ("_external=1", "_external=1&_scheme=https", "_anchor=x&_external=1",
                  "_external=1&_method=POST", "assembly=lille&_external=1"):
        answer = client.get(f"/themes/{first}/?{query}",
                            headers={"Host": "evil.example", "X-Forwarded-Host": "evil.example"})
        assert answer.status_code == 301, query
        location = answer.headers["Location"]
        assert "evil.example" not in location, (query, location)
        assert location.startswith(f"/themes/{second}/"), (query, location)
    kept = client.get(f"/themes/{first}/?assembly=lille&before=x&junk=1")
    assert kept.headers["Location"].startswith(f"/themes/{second}/?")
    assert "assembly=lille" in kept.headers["Location"] and "junk" not in kept.headers["Location"]


HOSTILE_HEADERS = [
    {"If-Modified-Since": "garbage"}, {"If-Modified-Since": "Mon, 01 Jan 0001 00:00:00 GMT"},
    {"If-Modified-Since": "Fri, 31 Dec 9999 23:59:59 GMT"}, {"If-None-Match": "x" * 5000},
    {"If-None-Match": '"unterminated'}, {"Accept-Language": "*;q=x, ,;;, fr-FR;q=9"},
    {"Cookie": "lang=\x7f; session=garbage"}, {"Range": "bytes=99999999999999999999-"},
    {"Host": "evil.example"}, {"Accept-Language": "é" * 2000},
]


def test_every_page_survives_hostile_headers(client):
    failed = []
    for rule, methods in rules(client):
        if "GET" not in methods:
            continue
        path = build(rule, {a: quote(VALID.get(a, "x"), safe="") for a in rule.arguments})
        for headers in HOSTILE_HEADERS:
            answer = client.get(path, headers=headers)
            if answer.status_code >= 500:
                failed.append((path, headers, answer.status_code))
    assert not failed, failed
