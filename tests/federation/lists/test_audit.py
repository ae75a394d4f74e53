"""The audit log is append-only and the command line writes to it; the settings shared by
the wave's features (federation consent, web posting, delivery mode) go through edit_list."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from command_line import relais
from federation.errors import Invalid
from federation.lists import audit, directory
from federation.storage.db import session_scope
from federation.storage.models import AuditEntry

LIST = "semences@lists.test"


def test_an_entry_can_be_neither_changed_nor_removed(lists):
    with session_scope(lists) as session:
        found = directory.find_list(session, LIST)
        audit.record(session, "list.edit", mailing_list=found, actor="ana@example.org",
                     channel="console", target=LIST, changes={"policy": ["open", "members"]})
    with pytest.raises(ValueError, match="append-only"):
        with session_scope(lists) as session:
            session.scalar(select(AuditEntry)).actor = "someone-else@example.org"
    with pytest.raises(ValueError, match="append-only"):
        with session_scope(lists) as session:
            session.delete(session.scalar(select(AuditEntry)))
    with session_scope(lists) as session:
        [entry] = audit.entries(session)
        assert (entry.actor, entry.action, entry.details) == (
            "ana@example.org", "list.edit", {"changes": {"policy": ["open", "members"]}})
    with pytest.raises(ValueError, match="unknown audit action"):
        with session_scope(lists) as session:
            audit.record(session, "list.explode")


def test_list_edit_takes_the_new_settings_and_logs_what_changed(lists):
    result = relais(lists, "list", "edit", LIST, "--federated", "--no-web-posting",
                    "--delivery-mode", "batched")
    assert result.exit_code == 0, result.output
    assert "federated: False -> True" in result.output
    with session_scope(lists) as session:
        found = directory.find_list(session, LIST)
        options = directory.list_options(session, found)
        assert (found.federated, options["web_posting"], options["delivery_mode"]) == (
            True, "false", "batched")
        assert options["web_first_post_moderation"] == "true"  # the default, untouched
        assert directory.is_federated(found)
        found.public = False
        assert not directory.is_federated(found)  # a private archive never is
        [entry] = audit.entries(session, list_id=found.id)
        assert entry.channel == "cli" and entry.details["changes"]["delivery_mode"] == [
            "personal", "batched"]
        with pytest.raises(Invalid):
            directory.edit_list(session, found, delivery_mode="sideways")
        with pytest.raises(Invalid):
            directory.edit_list(session, found, colour="blue")


def test_an_erasure_needs_a_reason_class_and_is_logged_with_its_note(thread):
    refused = relais(thread, "message", "delete", "reply-1@example.org", "--reason", "je veux")
    assert refused.exit_code != 0
    done = relais(thread, "message", "delete", "reply-1@example.org", "--reason", "legal",
                  "--note", "réquisition n° 12", "--by", "ana@example.org")
    assert done.exit_code == 0, done.output
    with session_scope(thread) as session:
        [entry] = audit.entries(session, action="message.delete")
        assert entry.target == "<reply-1@example.org>" and entry.actor == "ana@example.org"
        assert entry.details == {"reason": "legal", "note": "réquisition n° 12"}
        assert entry.assembly_id is not None
