"""``relais member add`` with several addresses and ``relais member import`` from a file:
what was added, what was skipped and why, and the added members really get the posts."""
from __future__ import annotations

import email
import email.policy
import mailbox
from email.utils import formatdate

import pytest

from federation.lists import membership
from federation.storage.db import session_scope
from federation.lists.directory import find_list
from command_line import relais

POST = "semences@lists.test"


@pytest.fixture
def lists(lists):
    lists.data_dir.mkdir(parents=True, exist_ok=True)
    return lists


def members(settings) -> dict[str, tuple[str, str, str]]:
    """email → (name, delivery, consent) of every member of semences."""
    with session_scope(settings) as session:
        return {m.email: (m.name, m.delivery, m.consent)
                for m in membership.members(session, find_list(session, POST))}


def delivered_to(settings) -> set[str]:
    mailbox.Maildir(settings.outbox_dir, create=True)
    return {str(email.message_from_bytes(p.read_bytes(), policy=email.policy.default)
                ["Delivered-To"]) for p in (settings.outbox_dir / "new").iterdir()}


def test_member_add_takes_several_addresses(lists):
    relais(lists, "member", "add", POST, "dana@example.org")
    result = relais(lists, "member", "add", POST, "Alice@Example.org", "bob@example.net",
                    "pas-une-adresse", "dana@example.org", "bob@example.net")
    assert result.exit_code == 0, result.output
    out = result.output
    assert "added alice@example.org" in out and "added bob@example.net" in out
    assert "pas-une-adresse" in out and "invalid" in out
    assert "dana@example.org" in out and "already a member" in out
    assert "duplicate" in out
    assert out.strip().splitlines()[-1] == "2 added, 3 skipped"
    assert set(members(lists)) == {"alice@example.org", "bob@example.net", "dana@example.org"}
    assert members(lists)["alice@example.org"][2] == "added by admin"


def test_member_add_with_options_still_updates_one_member(lists):
    relais(lists, "member", "add", POST, "erin@example.org")
    result = relais(lists, "member", "add", POST, "erin@example.org", "--delivery", "digest")
    assert result.exit_code == 0, result.output
    assert "updated erin@example.org" in result.output
    assert members(lists)["erin@example.org"][1] == "digest"


def test_import_plain_lines_then_the_members_get_posts(lists, tmp_path, send):
    roster = tmp_path / "membres.txt"
    roster.write_text("# adhérents 2026\n\nalice@example.org\nBob Martin <bob@example.net>\n"
                      "  chloe@exemple.fr  \nnot an address\nalice@example.org\n",
                      encoding="utf-8")
    result = relais(lists, "member", "import", POST, str(roster))
    assert result.exit_code == 0, result.output
    assert "line 6" in result.output and "invalid" in result.output
    assert "line 7" in result.output and "duplicate" in result.output
    assert result.output.strip().splitlines()[-1] == "3 added, 2 skipped"
    found = members(lists)
    assert found["bob@example.net"][0] == "Bob Martin"
    assert found["chloe@exemple.fr"][2] == "imported from membres.txt"
    raw = (f"From: Dana <dana@example.org>\r\nTo: {POST}\r\nSubject: Bourse aux graines\r\n"
           f"Message-ID: <bourse@example.org>\r\nDate: {formatdate()}\r\n\r\nSamedi.\r\n")
    assert send(raw.encode())[0] == 250
    assert delivered_to(lists) >= {"alice@example.org", "bob@example.net", "chloe@exemple.fr"}
    again = relais(lists, "member", "import", POST, str(roster))
    assert again.output.strip().splitlines()[-1] == "0 added, 5 skipped"
    assert "already a member" in again.output


def test_import_csv_with_a_name_column(lists, tmp_path):
    roster = tmp_path / "export.csv"
    roster.write_text("Nom;Courriel;Ville\nÉlise Durand;elise@example.org;Lille\n"
                      "Farid;farid@example.org;Roubaix\n;;\nx;mauvais@;Lens\n",
                      encoding="utf-8")
    result = relais(lists, "member", "import", POST, str(roster), "--delivery", "digest")
    assert result.exit_code == 0, result.output
    assert result.output.strip().splitlines()[-1] == "2 added, 1 skipped"
    found = members(lists)
    assert found["elise@example.org"][:2] == ("Élise Durand", "digest")
    assert found["farid@example.org"][0] == "Farid"


def test_import_a_windows_1252_export(lists, tmp_path):
    roster = tmp_path / "excel.csv"
    roster.write_bytes("Courriel;Nom\r\ngeraldine@example.org;Géraldine Lefèvre\r\n"
                       .encode("cp1252"))
    result = relais(lists, "member", "import", POST, str(roster))
    assert result.exit_code == 0, result.output
    assert members(lists)["geraldine@example.org"][0] == "Géraldine Lefèvre"


def test_import_csv_without_an_email_column_is_refused(lists, tmp_path):
    roster = tmp_path / "bad.csv"
    roster.write_text("name,phone\nAlice,0601\n", encoding="utf-8")
    result = relais(lists, "member", "import", POST, str(roster))
    assert result.exit_code != 0 and "email" in result.output
    assert members(lists) == {}


def test_import_ten_thousand_in_one_transaction(lists, tmp_path):
    roster = tmp_path / "big.csv"
    roster.write_text("email,name\n" + "".join(f"m{n}@example.net,M {n}\n" for n in range(10000)))
    result = relais(lists, "member", "import", POST, str(roster))
    assert result.exit_code == 0, result.output
    assert result.output.strip().splitlines()[-1] == "10000 added, 0 skipped"
    assert len(members(lists)) == 10000
