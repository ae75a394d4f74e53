"""The federation feed, read back with an XML parser: consent, what an entry carries, the
exact raw bytes behind their sha256, RFC 5005 paging, RFC 6721 tombstones with the reason."""
from __future__ import annotations

import base64
import hashlib
import xml.etree.ElementTree as ET

from backends import run_jobs
from federation.archive import erasure
from federation.ingest import filing
from federation.storage.db import session_scope
from instances import federate
from messages import deliver, mail

A = "{http://www.w3.org/2005/Atom}"
AT = "{http://purl.org/atompub/tombstones/1.0}"
R = "{https://relais.invalid/ns/federation/1}"


def _feed(client, url: str = "/federation/feed") -> ET.Element:
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    assert response.mimetype == "application/atom+xml"
    return ET.fromstring(response.get_data())


def _ids(root: ET.Element) -> list[str]:
    return [node.findtext(f"{R}message-id") for node in root
            if node.tag in (f"{A}entry", f"{AT}deleted-entry")]


def test_only_federated_public_lists_are_published(client, lists):
    deliver(lists, mail("graine@example.org", "Graines", "Texte."))
    deliver(lists, mail("bureau@example.org", "Bureau", "Secret.", to="prive@lists.test"),
            to="prive@lists.test")
    assert _ids(_feed(client)) == []  # no consent yet
    federate(lists, "semences@lists.test", "prive@lists.test")
    assert _ids(_feed(client)) == ["graine@example.org"]
    assert client.get("/federation/l/prive@lists.test/feed").status_code == 404
    assert client.get("/federation/l/libre@lists.test/feed").status_code == 404
    assert _ids(_feed(client, "/federation/l/semences@lists.test/feed")) == ["graine@example.org"]
    home = client.get("/").get_data(as_text=True)
    assert 'rel="alternate https://relais.invalid/ns/federation"' in home


def test_an_entry_carries_what_a_mirror_needs(client, thread):
    federate(thread, "semences@lists.test")
    root = _feed(client)
    entries = {e.findtext(f"{R}message-id"): e for e in root.findall(f"{A}entry")}
    reply = next(e for mid, e in entries.items() if e.findtext(f"{R}in-reply-to"))
    listed, assembly = reply.find(f"{R}list"), reply.find(f"{R}assembly")
    assert listed.get("address") == "semences@lists.test"
    assert listed.get("list-id") == "semences.lists.test"
    assert assembly.get("slug") == "lille"
    assert reply.findtext(f"{R}references")
    raw_link = next(link.get("href") for link in reply.findall(f"{A}link")
                    if link.get("rel") == "enclosure")
    raw = client.get(raw_link.replace("http://relais.test", "")).get_data()
    assert hashlib.sha256(raw).hexdigest() == reply.findtext(f"{R}sha256")
    assert base64.b64decode(reply.findtext(f"{A}content")) == raw  # the exact bytes inline
    links = {link.get("rel"): link.get("href") for link in root.findall(f"{A}link")}
    assert links["https://relais.invalid/ns/federation/ack"].endswith("/federation/acks")
    assert links["https://relais.invalid/ns/federation/follow"].endswith("/federation/follow")


def test_pages_go_back_to_the_first_message_and_304_when_unchanged(client, lists):
    federate(lists, "semences@lists.test")
    filing.receive_batch(lists, "semences@lists.test",
                         [mail(f"m{n}@example.org", f"Sujet {n}", "x", minute=n % 60)
                          for n in range(530)])
    run_jobs(lists)
    seen, url = [], "/federation/feed"
    while url:
        root = _feed(client, url)
        seen += _ids(root)
        url = next((link.get("href").replace("http://relais.test", "")
                    for link in root.findall(f"{A}link") if link.get("rel") == "next"), "")
    assert len(seen) == len(set(seen)) == 530
    first = client.get("/federation/feed")
    again = client.get("/federation/feed", headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304


def test_erasures_come_first_with_their_reason_class(client, thread):
    federate(thread, "semences@lists.test")
    with session_scope(thread) as session:
        [row] = erasure.delete(session, "root-jardin@example.org", reason="legal", note="tribunal")
    root = _feed(client)
    first = [node for node in root if node.tag in (f"{A}entry", f"{AT}deleted-entry")][0]
    assert first.tag == f"{AT}deleted-entry"  # its change is the newest: peers see it first
    assert first.findtext(f"{R}message-id") == "root-jardin@example.org"
    erased = first.find(f"{R}erased")
    assert (erased.get("action"), erased.get("reason")) == ("delete", "legal")
    assert b"tribunal" not in client.get("/federation/feed").get_data()  # the note stays here
