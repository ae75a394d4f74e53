"""One way in (issue 10.3, 10.7): one function files posts, approval files downstream of the
rules, reply lines are the listener's, role addresses and RFC 3834 answers come from one
place, and ingest and lists import without cycles (imports inside functions included)."""
from __future__ import annotations

import ast
import re
from datetime import datetime, timezone
from email.utils import format_datetime
from pathlib import Path

from sqlalchemy import func, select

from federation.ingest import filing, posting
from federation.lists import directory, membership
from federation.lists.directory import find_list
from federation.storage.db import session_scope
from federation.storage.models import Ban, Held, Message
from backends import run_jobs
from outbox import mails_to

import pytest

ROOT = Path(__file__).resolve().parents[3]
POST = "semences@lists.test"


def post(message_id: str, sender: str = "bob@example.net") -> bytes:
    now = format_datetime(datetime.now(timezone.utc))
    return (f"From: Bob <{sender}>\r\nTo: {POST}\r\nSubject: Graines de tomates\r\n"
            f"Date: {now}\r\nMessage-ID: <{message_id}>\r\nMIME-Version: 1.0\r\n"
            f"Content-Type: text/plain; charset=utf-8\r\n\r\nQui en veut ?\r\n").encode()


def reply_to(notice, sender: str) -> bytes:
    """A moderator's reply to a notice, keeping its subject (what every mail client does)."""
    return (f"From: {sender}\r\nTo: {notice['From'].addresses[0].addr_spec}\r\n"
            f"Subject: Re: {notice['Subject']}\r\nMessage-ID: <ok-{id(notice)}@x.org>\r\n"
            f"In-Reply-To: {notice['Message-ID']}\r\nMIME-Version: 1.0\r\n"
            f"Content-Type: text/plain; charset=utf-8\r\n\r\nOK\r\n").encode()


def archived(settings, message_id: str) -> bool:
    with session_scope(settings) as session:
        return session.scalar(select(func.count()).select_from(Message).where(
            Message.message_id == message_id, Message.ghost.is_(False))) == 1


@pytest.fixture
def moderated(lists):
    """semences as a moderated list with a moderator and a member (the data dir present)."""
    lists.data_dir.mkdir(parents=True, exist_ok=True)
    with session_scope(lists) as session:
        ml = find_list(session, POST)
        directory.edit_list(session, ml, policy="moderated")
        membership.add(session, ml, "modo@example.org", role="moderator")
        membership.add(session, ml, "alice@example.org")
    return lists


def test_approval_files_past_the_rules_that_held_it(send, moderated):
    """As Mailman's moderator: the rules ran when the message came; a ban added while it
    waited does not undo the moderator's decision (they ban and discard instead)."""
    code, reply = send(post("retenu-1@example.net"), sender="bob@example.net")
    assert code == 250 and "held for moderation" in reply
    with session_scope(moderated) as session:
        session.add(Ban(list_id=find_list(session, POST).id, pattern="bob@example.net"))
    (notice,) = mails_to(moderated, "modo@example.org")
    code, reply = send(reply_to(notice, "modo@example.org"),
                       to="semences-request@lists.test", sender="modo@example.org")
    assert code == 250 and "approved" in reply
    run_jobs(moderated)
    assert archived(moderated, "retenu-1@example.net")
    with session_scope(moderated) as session:
        assert session.scalar(select(Held.status)) == "approved"
    assert [m["Message-ID"] for m in mails_to(moderated, "alice@example.org")] == [
        "<retenu-1@example.net>"]


def test_a_web_post_is_filed_like_mail(lists):
    """The one function that files posts takes raw bytes, recipients, the envelope sender and
    how the message came: the web (issue 12) files a post as SMTP does."""
    lists.data_dir.mkdir(parents=True, exist_ok=True)
    with session_scope(lists) as session:
        membership.add(session, find_list(session, POST), "carla@example.org")
        # a first web post from an address the list never saw is held (issue 12, item 3;
        # tests/web/test_forum.py): this list has that hold turned off
        directory.edit_list(session, find_list(session, POST), web_first_post_moderation=False)
    [outcome] = filing.file_post(lists, post("web-1@example.net", "alice@example.org"), [POST],
                                 "alice@example.org", via=posting.WEB)
    assert outcome.accepted and not outcome.duplicate
    run_jobs(lists)
    assert archived(lists, "web-1@example.net")
    assert [m["Message-ID"] for m in mails_to(lists, "carla@example.org")] == [
        "<web-1@example.net>"]
    [again] = filing.file_post(lists, post("web-1@example.net", "alice@example.org"), [POST],
                               "alice@example.org", via=posting.WEB)
    assert again.accepted and again.duplicate


def _strings(package: str):
    for path in sorted((ROOT / package).rglob("*.py")):
        if "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                yield path.relative_to(ROOT), node.value


def test_reply_lines_are_written_by_the_listener_only():
    """The domain returns outcomes; SMTP reply lines ("250 2.0.0 …") live in mail/server.py."""
    line = re.compile(r"^[245]\d\d [245]\.\d{1,3}\.\d{1,3} ")
    found = [str(path) for package in ("federation", "mail") for path, text in _strings(package)
             if line.match(text) and str(path) != "mail/server.py"]
    assert not found, found


def test_role_addresses_are_built_in_one_place():
    """semences-request@, -join@, -leave@, -owner@, -bounces@: MailingList.role_address."""
    role = re.compile(r"^-(request|join|leave|owner|bounces)@")  # an f-string's part
    found = [str(path) for package in ("federation", "mail", "web")
             for path, text in _strings(package)
             if role.search(text) and str(path) != "federation/storage/models.py"
             and "data" not in path.parts]
    assert not found, found


def test_one_rfc3834_answer_check():
    """Whether Relais may answer a mail (RFC 3834 §2) is decided by notices.may_answer only."""
    found = [str(path) for path, text in _strings("federation")
             if text == "Precedence" and str(path) != "federation/lists/notices.py"]
    assert not found, found


def _module_imports(path: Path, name: str) -> set[str]:
    """The federation modules ``path`` imports, at the top or inside functions."""
    package = name.rsplit(".", 1)[0] if path.name != "__init__.py" else name
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[:len(package.split(".")) - node.level + 1]
                                + ([base] if base else []))
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


def test_no_import_cycle_in_ingest_and_lists():
    """ingest → commands → moderation → ingest, and the like, are gone (Tarjan's SCCs)."""
    modules = {}
    for path in (ROOT / "federation").rglob("*.py"):
        name = ".".join(path.relative_to(ROOT).with_suffix("").parts)
        modules[name.removesuffix(".__init__")] = path
    graph = {name: sorted(m for m in _module_imports(path, name)
                          if m in modules and m != name) for name, path in modules.items()}
    index, low, stack, on_stack, cycles = {}, {}, [], set(), []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in graph[node]:
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for name in sorted(graph):
        if name not in index:
            visit(name)
    ours = [c for c in cycles if any(m.startswith(("federation.ingest", "federation.lists"))
                                     for m in c)]
    assert not ours, ours
