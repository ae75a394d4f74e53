"""``relais peer add|list|poll|remove`` and ``relais message status``: following a real peer
from the command line, its health, and how far an erasure reached."""
from __future__ import annotations

from backends import seed_lists
from command_line import relais
from instances import federate, two_instances
from messages import deliver, mail


def test_follow_poll_erase_and_count_from_the_command_line(settings, tmp_path):
    seed_lists(settings)
    federate(settings, "semences@lists.test")
    deliver(settings, mail("cli-1@example.org", "Bonjour", "Texte."))
    with two_instances(settings, tmp_path) as (origin, url, follower, furl):
        added = relais(follower, "peer", "add", url)
        assert added.exit_code == 0, added.output
        assert f"following {url}" in added.output and "registered" in added.output
        listed = relais(follower, "peer", "list")
        assert "lease expires" in listed.output  # the header names every health column
        row = next(line for line in listed.output.splitlines() if line.startswith(url))
        assert row.split("\t")[1] == "never" and row.split("\t")[3] == "0"
        assert row.endswith("yes")  # registered with the origin
        polled = relais(follower, "peer", "poll")
        assert "stored=1" in polled.output, polled.output
        row = next(line for line in relais(follower, "peer", "list").output.splitlines()
                   if line.startswith(url))
        assert row.split("\t")[1].endswith("s ago") and row.split("\t")[2] == "0s"
        deleted = relais(origin, "message", "delete", "cli-1@example.org", "--reason", "spam")
        # the hub's push has the follower poll at once (erased on 1 of 1 already), else the
        # next poll erases it
        assert "erased on" in deleted.output, deleted.output
        if "erased on 0 of 1 peers" in deleted.output:
            assert "erased=1" in relais(follower, "peer", "poll").output
        status = relais(origin, "message", "status", "cli-1@example.org")
        assert "erased on 1 of 1 peers" in status.output, status.output
        assert f"followed by 1: {furl}" in relais(origin, "peer", "list").output
        removed = relais(follower, "peer", "remove", url + "/")
        assert removed.exit_code == 0 and "could not be told" not in removed.output
        assert url not in relais(follower, "peer", "list").output
        assert "followed by 0" in relais(origin, "peer", "list").output  # it left
        assert "erased on 0 of 0 peers" in relais(origin, "message", "status",
                                                  "cli-1@example.org").output
        assert relais(follower, "peer", "remove", url).exit_code != 0  # not followed any more


def test_adding_a_page_without_a_federation_feed_is_refused(settings, tmp_path):
    seed_lists(settings)
    with two_instances(settings, tmp_path) as (_origin, url, follower, _furl):
        refused = relais(follower, "peer", "add", url + "/l/semences@lists.test/")
        assert refused.exit_code != 0 and "federation" in refused.output
        assert "no peers" in relais(follower, "peer", "list").output
