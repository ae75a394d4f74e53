"""Rebuildable means rebuilt: from the raw bytes alone, the archive shows what it showed.

An archive is built the way it grows, through the real listener: two lists, a reply before
its parent, a reply whose parent never comes (a ghost), themes from a #hashtag and from the
classifier, an admin's correction, erased messages. Then ``relais reindex --from-raw``
drops threads, themes, the search index and the parsed fields, and rebuilds them: every
thread page, its order, the ids of every Atom feed, search results and theme pages must be
what they were (public-inbox's ``reindex --rebuild``). Both backends.
"""
from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select

from federation.archive import erasure
from federation.storage.db import session_scope
from federation.storage.models import Message, ThreadTheme
from federation.themes import tagging
from messages import mail
from command_line import relais
from web import create_app, feeds as page_cache

SOFTWARE = ("Nous migrons les serveurs de l'association vers Debian et Nextcloud : "
            "que du logiciel libre, hébergé chez un chaton. Qui peut aider à installer "
            "Linux sur les vieux ordinateurs du local ?")
SEEDS = ("La grainothèque est presque vide : qui a des semences paysannes de tomates, "
         "de courges ou de haricots à partager ? On fera un troc de graines au jardin partagé.")
LISTS = ("semences@lists.test", "libre@lists.test")
QUERIES = ("graines", "serveurs", "retard", "secretnom", "jardin")


def grow(settings, send) -> None:
    """Build the archive message by message, as mail arrives."""
    posts = [
        (mail("troc@x.org", "Troc de graines #semences", SEEDS, minute=1), LISTS[0]),
        (mail("troc-re1@x.org", "Re: Troc de graines", "J'apporte des courges.",
              refs="troc@x.org", minute=2, sender="Benoit <benoit@example.org>"), LISTS[0]),
        # a reply before its parent: a ghost first, filled when the parent comes
        ("early-child.eml", LISTS[0]),
        (mail("serveurs@x.org", "Migration des serveurs", SOFTWARE, minute=3), LISTS[1]),
        ("late-parent.eml", LISTS[0]),
        # a reply to a message this archive never gets: its parent stays a ghost
        (mail("orphan@x.org", "Re: Réunion d'hier", "Merci pour le compte rendu, jardin.",
              refs="jamais-recu@x.org", minute=4), LISTS[0]),
        (mail("serveurs-re@x.org", "Re: Migration des serveurs", "Je peux aider, Secretnom.",
              refs="serveurs@x.org", minute=5, sender="Dana <dana@example.org>"), LISTS[1]),
        (mail("troc-re2@x.org", "Re: Troc de graines", "Et moi des haricots, jardin.",
              refs="troc@x.org troc-re1@x.org", minute=6), LISTS[0]),
        (mail("cartes@x.org", "Carte des jardins #cartographie", SEEDS, minute=7), LISTS[1]),
    ]
    for message, to in posts:
        code, reply = send(message, to=to)
        assert code == 250, reply
    with session_scope(settings) as session:  # an admin's correction, and an erasure
        tagging.set_manual(session, tagging.thread_of(session, "serveurs@x.org"),
                           ["cartographie"])
        erasure.delete(session, "serveurs-re@x.org", reason="author", note="demande de la personne")
        erasure.delete(session, "late-parent@example.org")  # it gave its thread its title


def _get(client, url: str) -> str:
    """A page or feed as text, less its forms' CSRF tokens (new for every session)."""
    response = client.get(url)
    assert response.status_code == 200, url
    return re.sub(r"<input[^>]*csrf_token[^>]*>", "", response.get_data(as_text=True))


def _ids(atom: str) -> list[str]:
    """The feed's id, then its entries' ids, in order (tombstones have a ref, not an id)."""
    return re.findall(r"<id>([^<]*)</id>|<at:deleted-entry ref=\"([^\"]*)\"", atom)


def ghosts(settings) -> list:
    """Each ghost's Message-ID and when it was first heard of: it orders a ghost among its
    siblings on a thread page, so a rebuild must not move it to the rebuild's date."""
    with session_scope(settings) as session:
        return sorted(session.execute(select(Message.message_id, Message.received_at)
                                      .where(Message.ghost.is_(True))).all())


def snapshot(settings) -> dict:
    """What readers see: every page and feed of the lists, threads, searches and themes."""
    page_cache._cache.clear()  # pages are cached under a stamp a rebuild leaves as it was
    client = create_app(settings).test_client()
    seen: dict[str, object] = {}
    threads: list[str] = []
    for address in LISTS:
        listing = _get(client, f"/l/{address}/")
        seen[f"/l/{address}/"] = listing
        seen[f"/l/{address}/atom"] = _ids(_get(client, f"/l/{address}/atom"))
        threads += re.findall(r'href="/t/([^"/]+)/"', listing)
    assert len(set(threads)) == 5  # troc, late-root (a ghost root), orphan, serveurs, cartes
    for root in sorted(set(threads)):
        seen[f"/t/{root}/"] = _get(client, f"/t/{root}/")  # messages, order and depth
        seen[f"/t/{root}/atom"] = _ids(_get(client, f"/t/{root}/atom"))
        seen[f"/t/{root}/mbox"] = re.findall(r"(?m)^Message-ID: (.*)$",
                                             _get(client, f"/t/{root}/mbox"))
    for url in ("/", "/a/lille/", "/a/grenoble/", "/themes/"):
        seen[url] = _get(client, url)
    for url in ("/feeds/all.atom", "/a/lille/atom", "/themes/atom"):
        seen[url] = _ids(_get(client, url))
    for query in QUERIES:
        seen[f"/search?q={query}"] = _get(client, f"/search?q={query}")
        seen[f"/search.atom?q={query}"] = _ids(_get(client, f"/search.atom?q={query}"))
    for slug in re.findall(r'href="/themes/([a-z0-9-]+)/"', seen["/themes/"]):
        seen[f"/themes/{slug}/"] = _get(client, f"/themes/{slug}/")
        seen[f"/themes/{slug}/atom"] = _ids(_get(client, f"/themes/{slug}/atom"))
    return seen


@pytest.fixture
def archive(lists, send):
    """The grown archive."""
    with session_scope(lists) as session:
        tagging.ensure_defaults(session)
    grow(lists, send)
    return lists


def test_archive_rebuilt_from_raw_bytes_shows_what_it_showed(archive):
    before, ghosts_before = snapshot(archive), ghosts(archive)
    # what the archive shows is what was built: the check below compares something real
    assert "#semences" in before["/t/troc@x.org/"]
    assert before["/t/troc@x.org/mbox"] == ["<troc@x.org>", "<troc-re1@x.org>",
                                            "<troc-re2@x.org>"]
    assert before["/t/late-root@example.org/mbox"] == ["<early-child@example.org>"]
    assert "Re: Parent en retard" in before["/l/semences@lists.test/"]  # retitled
    assert len(before["/search.atom?q=graines"]) > 1 and len(before["/search.atom?q=secretnom"]) == 1
    themed = [url for url in before if re.fullmatch(r"/themes/[a-z0-9-]+/", url)]
    assert len(themed) >= 3  # by #hashtag, by the classifier, by an admin
    with session_scope(archive) as session:
        manual = session.scalar(select(func.count()).select_from(ThreadTheme)
                                .where(ThreadTheme.source.in_(("manual", "rejected"))))
        assert manual >= 2

    result = relais(archive, "reindex", "--from-raw")
    assert result.exit_code == 0, result.output
    assert "rebuilt 9 messages" in result.output  # every one, the erased ones included

    assert len(ghosts_before) == 2 and ghosts(archive) == ghosts_before  # made again, as they were
    after = snapshot(archive)
    assert after.keys() == before.keys()
    for key in before:
        assert after[key] == before[key], key
