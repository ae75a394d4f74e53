"""``relais list add`` never changes an existing list; ``relais list edit`` changes only what
it is given, and every setting the delivery code reads is reachable from it. Both backends."""
from __future__ import annotations

import email
import email.policy
import mailbox
from email.utils import formatdate

import pytest
from sqlalchemy import select

from federation.lists import directory, membership
from federation.ingest import holding
from federation.storage.db import session_scope
from federation.lists.directory import find_list
from federation.errors import Invalid
from federation.storage.models import ListSetting
from command_line import relais

PRIVATE = "prive@lists.test"
POST = "semences@lists.test"


@pytest.fixture
def lists(lists):
    """The conftest lists, the data dir present (the outbox's home), one member on semences."""
    lists.data_dir.mkdir(parents=True, exist_ok=True)
    with session_scope(lists) as session:
        membership.add(session, find_list(session, POST), "bob@example.net")
    return lists


@pytest.fixture
def client(lists):
    from web import create_app
    app = create_app(lists)
    app.testing = True
    return app.test_client()


def outbox(settings) -> list[email.message.EmailMessage]:
    """Every mail Relais sent, parsed back."""
    mailbox.Maildir(settings.outbox_dir, create=True)
    return [email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
            for path in sorted((settings.outbox_dir / "new").iterdir())]


def post(subject: str, sender: str = "alice@example.org") -> bytes:
    return (f"From: Alice <{sender}>\r\nTo: {POST}\r\nSubject: {subject}\r\n"
            f"Message-ID: <{subject.replace(' ', '-')}@example.org>\r\nDate: {formatdate()}\r\n"
            "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
            "Des graines pour tout le monde.\r\n").encode()


def test_list_add_on_an_existing_list_changes_nothing(lists, client):
    relais(lists, "list", "edit", PRIVATE, "--policy", "moderated")
    result = relais(lists, "list", "add", PRIVATE, "--assembly", "lille")
    assert result.exit_code != 0
    assert "existe déjà" in result.output and "already exists" in result.output
    assert "relais list edit" in result.output
    assert client.get(f"/l/{PRIVATE}/").status_code == 404  # still private
    with session_scope(lists) as session:
        found = find_list(session, PRIVATE)
        assert (found.public, found.policy, found.name) == (False, "moderated", "Bureau")


def test_list_edit_changes_only_what_is_given(lists, client):
    assert client.get(f"/l/{PRIVATE}/").status_code == 404
    result = relais(lists, "list", "edit", PRIVATE, "--public", "--description", "Le bureau")
    assert result.exit_code == 0, result.output
    assert "public" in result.output and "description" in result.output
    assert "name" not in result.output  # only what changed is printed
    page = client.get(f"/l/{PRIVATE}/")
    assert page.status_code == 200 and "Bureau" in page.get_data(as_text=True)
    again = relais(lists, "list", "edit", PRIVATE, "--public")
    assert again.exit_code == 0 and "nothing changed" in again.output
    missing = relais(lists, "list", "edit", "nulle@lists.test", "--public")
    assert missing.exit_code != 0 and "no list" in missing.output


def test_list_edit_policy_holds_a_strangers_post(lists, send, client):
    assert relais(lists, "list", "edit", POST, "--policy", "moderated").exit_code == 0
    assert send(post("Graines de tomates"))[0] == 250
    page = client.get(f"/l/{POST}/").get_data(as_text=True)
    assert "Graines de tomates" not in page  # held for the moderators, not archived
    with session_scope(lists) as session:
        assert find_list(session, POST).name == "Semences paysannes"


def test_delivery_settings_reach_members_copies(lists, send):
    result = relais(lists, "list", "edit", POST, "--subject-prefix", "[Semences]",
                    "--footer", "Pied de page de la liste", "--dmarc", "always")
    assert result.exit_code == 0, result.output
    assert send(post("Haricots"))[0] == 250
    copy, = [m for m in outbox(lists) if m["Delivered-To"] == "bob@example.net"]
    assert str(copy["Subject"]) == "[Semences] Haricots"
    assert "Pied de page de la liste" in copy.get_body(("plain",)).get_content()
    assert "alice@example.org" not in str(copy["From"])  # DMARC "always": From rewritten


def test_every_list_setting_is_reachable(lists):
    result = relais(lists, "list", "edit", POST, "--name", "Graines", "--digest", "plain",
                    "--bounce-threshold", "3", "--complaint-action", "unsubscribe",
                    "--emergency-moderation", "--dmarc", "never")
    assert result.exit_code == 0, result.output
    with session_scope(lists) as session:
        found = find_list(session, POST)
        stored = dict(session.execute(select(ListSetting.key, ListSetting.value)
                                      .where(ListSetting.list_id == found.id)).all())
        assert found.name == "Graines"
    assert stored == {"digest_format": "plain", "bounce_threshold": "3",
                      "complaint_action": "unsubscribe", "emergency_moderation": "true",
                      "dmarc_mode": "never"}
    off = relais(lists, "list", "edit", POST, "--no-emergency-moderation")
    assert off.exit_code == 0 and "emergency" in off.output
    with session_scope(lists) as session:
        assert not holding.under_emergency(session, find_list(session, POST))
        holding.set_emergency(session, find_list(session, POST), True)
    same = relais(lists, "list", "edit", POST, "--emergency-moderation")
    assert "nothing changed" in same.output


@pytest.mark.parametrize("changes", [{"policy": "closed"}, {"dmarc": "sometimes"},
                                     {"digest": "pdf"}, {"bounce_threshold": "many"},
                                     {"complaint_action": "shout"}, {"name": " "}])
def test_edit_list_refuses_bad_values_and_changes_nothing(lists, changes):
    with session_scope(lists) as session:
        with pytest.raises(Invalid):
            directory.edit_list(session, find_list(session, POST),
                                description="changed", **changes)
    with session_scope(lists) as session:
        found = find_list(session, POST)
        assert (found.description, found.policy) == ("", "open")
        assert session.scalar(select(ListSetting).where(ListSetting.list_id == found.id)) is None


def test_cli_refuses_a_bad_dmarc_value(lists):
    result = relais(lists, "list", "edit", POST, "--dmarc", "sometimes")
    assert result.exit_code != 0 and "sometimes" in result.output
