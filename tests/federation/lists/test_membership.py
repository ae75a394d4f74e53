"""Members, tokens, joining and leaving by mail and on the web, one-click unsubscribe, the CLI.

Everything goes through the real SMTP listener (``send``) and the Flask test client; the mails
Relais writes are read back from the Maildir outbox that ``mail.outgoing.send`` fills when no
relay is configured, and parsed with the email package.
"""
from __future__ import annotations

import re
from datetime import timedelta

import pytest
from click.testing import CliRunner
from sqlalchemy import select, update

from backends import run_jobs, seed_lists
from pages import csrf_token
from federation.lists import membership, tokens
from federation.storage.db import session_scope
from federation.lists.directory import find_list
from federation.errors import Invalid
from federation.storage.models import Member, Token, utcnow
from federation.lists.tokens import BadToken
from outbox import mails_to, members_fixture, outbox, reply_to

@pytest.fixture
def lists(lists):
    """The conftest lists, with the data dir present as after ``relais init`` (the outbox's home)."""
    lists.data_dir.mkdir(parents=True, exist_ok=True)
    return lists


def member(settings, address: str, email_: str) -> Member | None:
    with session_scope(settings) as session:
        return membership.find(session, find_list(session, address), email_)


# --- members and tokens, as functions ---

def test_add_find_remove_and_roles(lists):
    with session_scope(lists) as session:
        ml = find_list(session, "semences@lists.test")
        membership.add(session, ml, "Alice@Example.org", role="owner")
        membership.add(session, ml, "bob@example.net", delivery="digest")
        again = membership.add(session, ml, "alice@example.org", delivery="none")
        assert (again.role, again.delivery) == ("owner", "none")  # role kept, delivery updated
        assert [m.email for m in membership.members(session, ml)] == ["alice@example.org",
                                                                       "bob@example.net"]
        assert [m.email for m in membership.moderators(session, ml)] == ["alice@example.org"]
        assert membership.role_of(session, ml, "nobody@x.org", "ALICE@example.org") == "owner"
        with pytest.raises(Invalid):
            membership.add(session, ml, "carol@example.org", role="king")
        with pytest.raises(Invalid):
            membership.add(session, ml, "not an address")
        assert membership.remove(session, ml, "bob@example.net")
        assert not membership.remove(session, ml, "bob@example.net")


def test_tokens_store_only_a_digest_and_are_single_use(lists):
    with session_scope(lists) as session:
        ml = find_list(session, "semences@lists.test")
        secret = tokens.create(session, "subscribe", ml, "camille@example.org", {"language": "fr"})
    with session_scope(lists) as session:
        stored = session.scalar(select(Token))
        assert stored.digest == tokens.digest(secret) and secret not in stored.digest
        with pytest.raises(BadToken) as forged:
            tokens.redeem(session, "subscribe", "A" * 32)
        assert forged.value.kind == "forged"
        with pytest.raises(BadToken):  # a subscribe secret cannot approve a held message
            tokens.redeem(session, "moderate", secret)
        assert tokens.redeem(session, "subscribe", secret).email == "camille@example.org"
    with session_scope(lists) as session, pytest.raises(BadToken) as used:
        tokens.redeem(session, "subscribe", secret)
    assert used.value.kind == "used"
    with session_scope(lists) as session:
        other = tokens.create(session, "unsubscribe", ml, "x@example.org")
        session.execute(update(Token).where(Token.digest == tokens.digest(other))
                        .values(expires_at=utcnow() - timedelta(minutes=1)))
    with session_scope(lists) as session, pytest.raises(BadToken) as expired:
        tokens.redeem(session, "unsubscribe", other)
    assert expired.value.kind == "expired"


def test_unsubscribe_url_is_signed_and_opaque(sqlite_settings):
    url = tokens.unsubscribe_url(sqlite_settings, "semences@lists.test", "Alice@Example.org")
    assert url.startswith("http://relais.test/u/") and "@" not in url
    opaque = url.rsplit("/", 1)[1]
    assert tokens.read_unsubscribe(sqlite_settings, opaque) == ("semences@lists.test",
                                                                "alice@example.org")
    other = tokens.unsubscribe_url(sqlite_settings, "semences@lists.test", "bob@example.org")
    forged = opaque.split(".")[0] + "." + other.rsplit("/", 1)[1].split(".")[1]
    for bad in (forged, "garbage", opaque + "x", ""):
        with pytest.raises(BadToken):
            tokens.read_unsubscribe(sqlite_settings, bad)


# --- joining and leaving by mail ---

def test_join_by_mail_in_french_with_confirmation_by_reply(send, lists):
    code, reply = send(members_fixture("subscribe-fr.eml"), to="semences-join@lists.test",
                       sender="camille@example.org")
    assert code == 250 and "confirmation" in reply
    assert member(lists, "semences@lists.test", "camille@example.org") is None
    (confirmation,) = mails_to(lists, "camille@example.org")
    assert confirmation["Return-Path"] == "<>"  # null reverse-path: a notice never bounces back
    assert confirmation["Auto-Submitted"] == "auto-replied"
    assert confirmation["In-Reply-To"] == "<abonner-1@example.org>"
    assert confirmation["From"].addresses[0].addr_spec == "semences-request@lists.test"
    assert "Confirmez votre abonnement" in confirmation["Subject"]
    body = confirmation.get_content()
    assert "répondez simplement" in body and "http://relais.test/confirm/" in body

    code, reply = send(reply_to(confirmation, "Camille Durand <camille@example.org>"),
                       to="semences-request@lists.test", sender="camille@example.org")
    assert code == 250 and "subscribed" in reply
    found = member(lists, "semences@lists.test", "camille@example.org")
    assert (found.role, found.delivery, found.language, found.name) == (
        "member", "each", "fr", "Camille Durand")
    welcome = mails_to(lists, "camille@example.org")[-1]
    assert "Bienvenue" in welcome["Subject"] and "semences-leave@lists.test" in welcome.get_content()


def test_subscribe_command_in_english_gets_english_mails(send, lists):
    code, _ = send(members_fixture("subscribe-en.eml"), to="semences-request@lists.test",
                   sender="sam@example.net")
    assert code == 250
    (confirmation,) = mails_to(lists, "sam@example.net")
    assert confirmation["Subject"].startswith("[Semences paysannes] Confirm your subscription")
    assert confirmation["Content-Language"] == "en"
    send(reply_to(confirmation, "sam@example.net", "Yes"), to="semences-request@lists.test",
         sender="sam@example.net")
    assert member(lists, "semences@lists.test", "sam@example.net").language == "en"
    assert "Welcome" in mails_to(lists, "sam@example.net")[-1]["Subject"]


def test_leave_by_mail_with_confirmation_and_goodbye(send, lists):
    with session_scope(lists) as session:
        membership.add(session, find_list(session, "semences@lists.test"), "camille@example.org")
    code, _ = send(members_fixture("leave-fr.eml"), to="semences-leave@lists.test",
                   sender="camille@example.org")
    assert code == 250
    (confirmation,) = mails_to(lists, "camille@example.org")
    assert "désabonnement" in confirmation["Subject"]
    assert member(lists, "semences@lists.test", "camille@example.org") is not None
    send(reply_to(confirmation, "camille@example.org"), to="semences-request@lists.test",
         sender="camille@example.org")
    assert member(lists, "semences@lists.test", "camille@example.org") is None
    assert "Désabonnement" in mails_to(lists, "camille@example.org")[-1]["Subject"]


def test_forged_token_gets_a_clear_answer_and_changes_nothing(send, lists):
    code, reply = send(members_fixture("forged-confirm.eml"), to="semences-request@lists.test",
                       sender="camille@example.org")
    assert code == 250 and "unknown token" in reply
    (answer,) = mails_to(lists, "camille@example.org")
    assert "Confirmation impossible" in answer["Subject"]
    assert "ce jeton est inconnu" in answer.get_content()
    assert member(lists, "semences@lists.test", "camille@example.org") is None


def test_reply_to_an_expired_token(send, lists):
    send(members_fixture("subscribe-fr.eml"), to="semences-join@lists.test", sender="camille@example.org")
    (confirmation,) = mails_to(lists, "camille@example.org")
    with session_scope(lists) as session:  # three days pass
        session.execute(update(Token).values(expires_at=utcnow() - timedelta(seconds=1)))
    code, reply = send(reply_to(confirmation, "camille@example.org"),
                       to="semences-request@lists.test", sender="camille@example.org")
    assert code == 250 and "expired" in reply
    answer = mails_to(lists, "camille@example.org")[-1]
    assert "ce jeton a expiré" in answer.get_content()
    assert member(lists, "semences@lists.test", "camille@example.org") is None


def test_a_language_we_do_not_parse_gets_help_in_french_and_english(send, lists):
    code, reply = send(members_fixture("unknown-language.eml"), to="semences-request@lists.test",
                       sender="jonas@example.de")
    assert code == 250 and "help" in reply
    (help_mail,) = mails_to(lists, "jonas@example.de")
    body = help_mail.get_content()
    assert "désabonner" in body and "unsubscribe" in body
    assert help_mail["Content-Language"] == "fr, en"
    assert member(lists, "semences@lists.test", "jonas@example.de") is None


def test_auto_replies_to_request_are_never_answered(send, lists):
    code, reply = send(members_fixture("auto-reply.eml"), to="semences-request@lists.test",
                       sender="camille@example.org")
    assert code == 250 and "ignored" in reply
    code, _ = send(members_fixture("subscribe-fr.eml"), to="semences-request@lists.test", sender="")
    assert code == 250  # null envelope sender (a bounce): never answered either
    assert outbox(lists) == []


def test_our_own_notice_coming_back_is_dropped(send, lists):
    send(members_fixture("subscribe-en.eml"), to="semences-request@lists.test", sender="sam@example.net")
    (notice,) = outbox(lists)
    del notice["Auto-Submitted"]  # even a relay that strips it cannot start a loop (X-Loop)
    code, reply = send(notice.as_bytes(), to="semences-request@lists.test",
                       sender="sam@example.net")
    assert code == 250 and "ignored" in reply
    assert len(outbox(lists)) == 1


def test_listener_accepts_every_list_address_and_only_those(smtp):
    import smtplib
    accepted = ("semences-join", "semences-leave", "semences-request", "semences-owner",
                "semences-bounces", "semences-bounces+alice=example.org", "SEMENCES-Join")
    refused = ("inconnue-join", "semences-request+x", "semences-nimporte", "-join")
    with smtplib.SMTP("127.0.0.1", smtp.port) as client:
        client.ehlo()
        client.docmd("MAIL FROM:<alice@example.org>")
        for local in accepted:
            assert client.docmd(f"RCPT TO:<{local}@lists.test>")[0] == 250, local
        for local in refused:
            code, reply = client.docmd(f"RCPT TO:<{local}@lists.test>")
            assert code == 550 and b"5.1.1" in reply, local


def test_owner_address_forwards_to_owners(send, lists):
    with session_scope(lists) as session:
        ml = find_list(session, "semences@lists.test")
        membership.add(session, ml, "owner@example.org", role="owner")
        membership.add(session, ml, "plain@example.org")
    code, reply = send(members_fixture("non-member-post.eml"), to="semences-owner@lists.test",
                       sender="bob@example.net")
    assert code == 250 and "owners" in reply
    (forwarded,) = outbox(lists)
    assert forwarded["Delivered-To"] == "owner@example.org"
    assert forwarded["X-Loop"] == "semences-owner@lists.test"
    assert forwarded["Message-ID"] == "<tomates-1@example.net>"
    code, reply = send(members_fixture("non-member-post.eml"), to="libre-owner@lists.test")
    assert code == 550 and "no owner" in reply


# --- the web: form, confirmation link, RFC 8058 one-click ---

@pytest.fixture
def client(lists):
    from web import create_app
    app = create_app(lists)
    app.testing = True
    return app.test_client()


def test_web_form_and_confirmation_link(client, lists):
    page = client.get("/l/semences@lists.test/").get_data(as_text=True)
    assert 'action="/l/semences@lists.test/subscription"' in page
    assert "Votre adresse électronique" in page  # French first
    token = csrf_token(client, "/l/semences@lists.test/")
    answer = client.post("/l/semences@lists.test/subscription",
                         data={"email": "dana@example.org", "action": "subscribe",
                               "csrf_token": token},
                         headers={"Accept-Language": "en"})
    assert answer.status_code == 200
    run_jobs(lists)
    (confirmation,) = mails_to(lists, "dana@example.org")
    link = re.search(r"http://relais\.test(/confirm/\S+)", confirmation.get_content()).group(1)
    shown = client.get(link)  # a link preview must not subscribe anyone
    assert shown.status_code == 200 and "Confirmer l'abonnement" in shown.get_data(as_text=True)
    assert member(lists, "semences@lists.test", "dana@example.org") is None
    done = client.post(link, data={"csrf_token": token})
    run_jobs(lists)
    assert done.status_code == 200
    assert member(lists, "semences@lists.test", "dana@example.org").language == "en"
    assert client.post(link, data={"csrf_token": token}).status_code == 410  # single use
    assert client.get("/confirm/" + "B" * 32).status_code == 404
    bad = client.post("/l/semences@lists.test/subscription",
                      data={"email": "nope", "csrf_token": token})
    assert bad.status_code == 400
    assert client.post("/l/prive@lists.test/subscription",
                       data={"email": "e@example.org", "csrf_token": token}).status_code == 404


def test_one_click_unsubscribe(client, lists):
    with session_scope(lists) as session:
        membership.add(session, find_list(session, "semences@lists.test"), "erin@example.org")
    path = tokens.unsubscribe_url(lists, "semences@lists.test", "erin@example.org")[
        len("http://relais.test"):]
    shown = client.get(path)
    assert shown.status_code == 200 and 'value="One-Click"' in shown.get_data(as_text=True)
    assert member(lists, "semences@lists.test", "erin@example.org") is not None
    answer = client.post(path, data="List-Unsubscribe=One-Click",
                         content_type="application/x-www-form-urlencoded")
    run_jobs(lists)
    assert answer.status_code == 200 and "Set-Cookie" not in answer.headers
    assert member(lists, "semences@lists.test", "erin@example.org") is None
    assert "Désabonnement" in mails_to(lists, "erin@example.org")[-1]["Subject"]
    again = client.post(path, data="List-Unsubscribe=One-Click",
                        content_type="application/x-www-form-urlencoded")
    assert again.status_code == 200  # idempotent, and no second goodbye
    run_jobs(lists)
    assert len(mails_to(lists, "erin@example.org")) == 1
    assert client.post(path[:-3] + "AAA", data="List-Unsubscribe=One-Click").status_code == 404


# --- the command line ---

def test_member_commands(sqlite_settings):
    from relais.cli import main
    seed_lists(sqlite_settings)
    env = {"RELAIS_DATA_DIR": str(sqlite_settings.data_dir),
           "DATABASE_URL": sqlite_settings.database_url, "RELAIS_SECRET_KEY": "k"}
    runner = CliRunner()
    result = runner.invoke(main, ["member", "add", "semences@lists.test", "Owner@Example.org",
                                  "--role", "owner", "--delivery", "digest"], env=env)
    assert result.exit_code == 0, result.output
    runner.invoke(main, ["member", "add", "semences@lists.test", "m@example.org"], env=env)
    listed = runner.invoke(main, ["member", "list", "semences@lists.test"], env=env).output
    assert listed.splitlines() == ["m@example.org\tmember\teach\tenabled",
                                   "owner@example.org\towner\tdigest\tenabled"]
    result = runner.invoke(main, ["member", "remove", "semences@lists.test", "m@example.org"],
                           env=env)
    assert result.exit_code == 0
    result = runner.invoke(main, ["member", "remove", "semences@lists.test", "m@example.org"],
                           env=env)
    assert result.exit_code != 0 and "not a member" in result.output
    result = runner.invoke(main, ["member", "add", "nulle@lists.test", "x@example.org"], env=env)
    assert result.exit_code != 0 and "no list" in result.output


ODD_ADDRESSES = ["alice@example.org", "Alice@Example.ORG", "a@b", "root@localhost",
                 'a"b@example.org', "a,b@example.org", "a;b@example.org", "a b@example.org",
                 "x@@example.org", "x@exa mple.org", "é@exemple.fr",
                 "a" * 64 + "@example.org", "a" * 65 + "@example.org",
                 "a@" + "b" * 245 + ".org", "a@" + "b" * 246 + ".org", "x@example.", ""]


def test_forms_and_the_roster_agree_on_what_an_address_is():
    """One test of an address for web forms (subscription, digests, forum, sign-in) and for
    mail commands, imports and the console: a form never accepts what filing then refuses."""
    from web import forms
    for value in ODD_ADDRESSES:
        try:
            membership.normalize_email(value)
            taken = True
        except membership.Invalid:
            taken = False
        assert forms.valid_email(value.lower()) is taken, value
