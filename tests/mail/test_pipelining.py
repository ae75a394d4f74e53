"""SMTP out, transaction by transaction: pipelined when the relay offers it (RFC 2920), one
command at a time otherwise, over one reused connection, with dot-stuffing done once.

A real aiosmtpd sink stands for the relay; it counts sessions (EHLO) and can refuse a
sender at MAIL or a recipient at RCPT.
"""
from __future__ import annotations

import pytest

from federation.settings import Settings
from mail import outgoing
from sink import Sink

MESSAGE = (b"From: alice@example.org\r\nSubject: Points\r\nMessage-ID: <p@example.org>\r\n\r\n"
           b".une ligne qui commence par un point\r\n..et deux\r\n.\r\nfin\r\n")


class Relay(Sink):
    """A sink that may advertise PIPELINING, counts EHLOs and refuses chosen senders."""

    def __init__(self, pipelining: bool):
        super().__init__()
        self.pipelining = pipelining
        self.sessions = 0
        self.refused_senders: dict[str, str] = {}

    async def handle_EHLO(self, server, session, envelope, hostname, responses):
        session.host_name = hostname
        self.sessions += 1
        if self.pipelining:
            responses = [*responses[:-1], "250-PIPELINING", responses[-1]]
        return responses

    async def handle_MAIL(self, server, session, envelope, address, mail_options):
        if address in self.refused_senders:
            return self.refused_senders.pop(address)
        envelope.mail_from = address
        return "250 OK"


@pytest.fixture(params=[True, False], ids=["pipelining", "one-by-one"])
def relay(request):
    running = Relay(request.param).start()
    yield running
    running.stop()


def connection_to(relay, tmp_path) -> outgoing.Connection:
    return outgoing.Connection(Settings(data_dir=tmp_path,
                                        relay_url=f"smtp://127.0.0.1:{relay.port}"))


def test_one_transaction_reports_each_refused_recipient(relay, tmp_path):
    relay.refuse("bob@example.net", "550 5.1.1 No such user")
    relay.refuse("chloe@exemple.fr", "451 4.3.0 Later")
    with connection_to(relay, tmp_path) as connection:
        refused = connection.deliver("list-bounces@lists.test", [
            "alice@example.org", "bob@example.net", "chloe@exemple.fr"], MESSAGE)
    assert isinstance(refused["bob@example.net"], outgoing.PermanentFailure)
    assert isinstance(refused["chloe@exemple.fr"], outgoing.TemporaryFailure)
    assert [r.recipient for r in relay.received] == ["alice@example.org"]
    assert relay.received[0].raw.replace(b"\r\n", b"\n").endswith(
        b"\n.une ligne qui commence par un point\n..et deux\n.\nfin\n")


def test_failed_transactions_reset_and_the_connection_goes_on(relay, tmp_path):
    relay.refused_senders["refused@lists.test"] = "451 4.7.0 Slow down"
    relay.refuse("bob@example.net", "550 5.1.1 No such user")
    with connection_to(relay, tmp_path) as connection:
        with pytest.raises(outgoing.TemporaryFailure):
            connection.deliver("refused@lists.test", ["alice@example.org"], MESSAGE)
        with pytest.raises(outgoing.PermanentFailure):  # its only recipient refused
            connection.deliver("list-bounces@lists.test", ["bob@example.net"], MESSAGE)
        for n in range(3):
            assert connection.deliver("list-bounces@lists.test", [f"m{n}@example.net"],
                                      MESSAGE) == {}
    assert [r.recipient for r in relay.received] == [f"m{n}@example.net" for n in range(3)]
    assert relay.sessions == 1  # one session for every transaction


def test_the_wire_form_is_stuffed_once_and_reads_back():
    wire = outgoing.Wire.of(MESSAGE)
    assert b"\r\n..une ligne" in wire.data and b"\r\n...et deux" in wire.data
    assert wire.data.endswith(b"\r\n.\r\n") and not wire.eight_bit
    assert wire.raw() == MESSAGE
    assert outgoing.Wire.of("Subject: é\r\n\r\nx".encode()).eight_bit


def test_an_address_with_a_line_break_is_never_written(relay, tmp_path):
    with connection_to(relay, tmp_path) as connection:
        with pytest.raises(outgoing.PermanentFailure):
            connection.deliver("list-bounces@lists.test",
                               ["bob@example.net>\r\nRCPT TO:<eve@example.com"], MESSAGE)
    assert relay.received == []


def test_a_relay_closing_with_421_is_left_and_dialled_again(relay, tmp_path):
    relay.refuse("bob@example.net", "421 4.3.2 Shutting down")
    with connection_to(relay, tmp_path) as connection:
        with pytest.raises(outgoing.TemporaryFailure):
            connection.deliver("list-bounces@lists.test", ["bob@example.net"], MESSAGE)
        assert connection.smtp is None
        assert connection.deliver("list-bounces@lists.test", ["bob@example.net"], MESSAGE) == {}
    assert relay.sessions == 2
