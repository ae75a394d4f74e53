"""Imports flow inward (DESIGN.md, Layers) and each third-party library lives in one module."""
from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ALLOWED = {"federation": set(), "feeds": {"federation"},
           "mail": {"federation", "feeds"}, "web": {"federation", "feeds"}}
# library → the only modules (paths relative to the root) allowed to import it
OWNERS = {
    "mailparser": {"federation/archive/message.py"},
    "feedgen": {"feeds/atom.py"},
    "aiosmtpd": {"mail/server.py"},
    "rq": {"federation/queue.py"},
    "redis": {"federation/queue.py"},
    "nh3": {"federation/archive/sanitize.py"},
    "alembic": {"federation/storage/schema.py", "federation/storage/migrations/"},
    "sklearn": {"federation/themes/classifier.py"},
    "dkim": {"mail/dkim.py"},
    "dns": {"federation/delivery/dmarc.py"},
    "tldextract": {"federation/delivery/dmarc.py"},
    "flufl": {"federation/lists/bounces.py"},
    "flask_wtf": {"web/forms.py"},
    "flask_limiter": {"web/forms.py"},
}
FORBIDDEN_IN_DOMAIN = {"flask", "aiosmtpd", "feedgen", "click", "werkzeug", "jinja2"}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def _modules():
    for package in ALLOWED:
        for path in sorted((ROOT / package).rglob("*.py")):
            yield package, path


def test_packages_only_import_inward():
    bad = []
    for package, path in _modules():
        for name in _imports(path):
            if name in ALLOWED and name != package and name not in ALLOWED[package]:
                bad.append(f"{path.relative_to(ROOT)} imports {name}")
            if package == "federation" and name in FORBIDDEN_IN_DOMAIN:
                bad.append(f"{path.relative_to(ROOT)} imports {name}")
    assert not bad, bad


def test_each_library_has_one_home():
    bad = []
    for _package, path in _modules():
        relative = str(path.relative_to(ROOT))
        for name in _imports(path):
            owners = OWNERS.get(name)
            if owners and not any(relative == o or relative.startswith(o) for o in owners):
                bad.append(f"{relative} imports {name}")
    assert not bad, bad


def test_flask_only_under_web():
    bad = [str(p.relative_to(ROOT)) for pkg, p in _modules()
           if pkg != "web" and "flask" in _imports(p)]
    assert not bad, bad
