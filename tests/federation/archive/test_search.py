"""Search: messages found by a word of their body the moment they are archived, on both
backends, with French stemming, accent folding, filters, private lists left out, and the
results as a page and as an Atom feed."""
from __future__ import annotations

from datetime import date, datetime
from email.message import EmailMessage
from email.utils import format_datetime

import feedparser
import pytest
from sqlalchemy import select

from federation.ingest import filing
from federation.archive import search, snippets
from federation.storage.db import session_scope
from federation.storage.models import Message, Theme, ThreadTheme
from federation.archive.search import Filters


def post(settings, mid, subject, body, to="semences@lists.test", sender="alice@example.org",
         name="Alice Martin", when=datetime(2025, 3, 10, 9, 0), reply_to=""):
    """Archive one message through the real ingest path; returns its SMTP reply line."""
    mail = EmailMessage()
    mail["From"] = f"{name} <{sender}>"
    mail["To"] = to
    mail["Subject"] = subject
    mail["Message-ID"] = f"<{mid}>"
    mail["Date"] = format_datetime(when.replace(tzinfo=__import__("datetime").timezone.utc))
    if reply_to:
        mail["In-Reply-To"] = f"<{reply_to}>"
        mail["References"] = f"<{reply_to}>"
    mail.set_content(body)
    [outcome] = filing.file_post(settings, mail.as_bytes(), [to], sender)
    assert outcome.accepted, outcome
    return outcome


def found(settings, query, **filters):
    """Message-IDs found for a query, in result order."""
    with session_scope(settings) as session:
        results = search.search(session, query, Filters(**filters))
        return [hit.message.message_id for hit in results.hits]


@pytest.fixture
def archive(lists):
    """A few French and English messages over two assemblies and a private list."""
    post(lists, "jardin@x", "Jardin partagé du quartier",
         "Le jardin ouvre samedi ; venez avec vos outils et vos semences.",
         when=datetime(2025, 3, 1, 10))
    post(lists, "ecole@x", "Atelier à l'école Jules Ferry",
         "Une démarche écologique avec les enfants de l'école.",
         to="libre@lists.test", sender="bob@example.net", name="Bob Durand",
         when=datetime(2025, 4, 2, 10))
    post(lists, "garden@x", "Community gardens in Lyon",
         "Our gardens need volunteers this spring.", to="libre@lists.test",
         sender="carol@example.com", name="Carol Smith", when=datetime(2025, 5, 3, 10))
    post(lists, "secret@x", "Budget du bureau",
         "Le jardin secret du bureau : ne pas diffuser.", to="prive@lists.test",
         when=datetime(2025, 3, 5, 10))
    return lists


def test_word_of_the_body_is_found_once_archived(archive):
    assert found(archive, "outils") == ["jardin@x"]
    assert found(archive, "volunteers") == ["garden@x"]
    assert found(archive, "introuvable") == []


def test_french_stemming_and_accent_folding(archive):
    assert found(archive, "jardins") == ["jardin@x"]       # plural → singular stem
    assert found(archive, "ecole") == ["ecole@x"]          # no accent finds "école"
    assert found(archive, "ÉCOLOGIE") == ["ecole@x"]       # "écologique" shares the stem
    assert found(archive, "garden") == ["garden@x"]        # English stemming too
    assert found(archive, "jard*") == ["jardin@x"]         # explicit prefix


def test_phrases_exclusions_and_all_words(archive):
    assert found(archive, '"jardin ouvre"') == ["jardin@x"]
    assert found(archive, '"ouvre jardin"') == []
    assert found(archive, "jardin samedi") == ["jardin@x"]
    assert found(archive, "jardin lundi") == []
    assert found(archive, "ecole -enfants") == []
    assert found(archive, "le jardin") == ["jardin@x"]     # stopwords dropped from a query


def test_private_lists_never_appear(archive):
    assert "secret@x" not in found(archive, "jardin")
    assert found(archive, "diffuser") == []
    with session_scope(archive) as session:
        hits = search.search(session, "diffuser", public_only=False).hits
        assert [h.message.message_id for h in hits] == ["secret@x"]


def test_filters(archive):
    assert found(archive, "", assembly="grenoble") == ["garden@x", "ecole@x"]
    assert found(archive, "jardin", assembly="grenoble") == []
    assert found(archive, "gardens", list="libre@lists.test") == ["garden@x"]
    assert found(archive, "", author="bob@example.net") == ["ecole@x"]
    assert found(archive, "", author="carol") == ["garden@x"]
    assert found(archive, "", since=date(2025, 4, 1), until=date(2025, 4, 30)) == ["ecole@x"]
    assert found(archive, "", until=date(2025, 3, 1)) == ["jardin@x"]
    with session_scope(archive) as session:
        theme = session.scalar(select(Theme).where(Theme.slug == "agriculture-alimentation"))
        if theme is None:  # the taxonomy may or may not be seeded with the schema
            theme = Theme(slug="agriculture-alimentation", label_fr="Agriculture",
                          label_en="Farming")
            session.add(theme)
            session.flush()
        thread_id = session.scalar(select(Message.thread_id)
                                   .where(Message.message_id == "jardin@x"))
        session.execute(ThreadTheme.__table__.delete())
        session.add(ThreadTheme(thread_id=thread_id, theme_id=theme.id, source="auto"))
    assert found(archive, "", theme="agriculture-alimentation") == ["jardin@x"]
    with session_scope(archive) as session:
        session.scalar(select(ThreadTheme)).source = "rejected"
    assert found(archive, "", theme="agriculture-alimentation") == []


def test_snippet_marks_words_and_escapes_html(lists):
    post(lists, "html@x", "Semis <script>alert(1)</script>",
         "Avant. <b>gras</b> puis les semis de printemps & la suite.")
    with session_scope(lists) as session:
        [hit] = search.search(session, "semis").hits
    assert "<mark>semis</mark>" in hit.snippet_html
    assert "&lt;b&gt;gras&lt;/b&gt;" in hit.snippet_html and "&amp;" in hit.snippet_html
    assert "<script>" not in hit.subject_html and "<mark>Semis</mark>" in hit.subject_html


def test_quoted_lines_are_not_indexed_twice(lists):
    post(lists, "root@x", "Fèves", "Qui a des fèves ?")
    post(lists, "reply@x", "Re: Fèves", "> Qui a des fèves ?\nMoi, trois sachets.",
         reply_to="root@x", when=datetime(2025, 3, 11))
    assert set(found(lists, "feves")) == {"root@x", "reply@x"}   # the reply's subject
    assert found(lists, "sachets") == ["reply@x"]
    assert found(lists, "qui") == ["root@x"]


def test_rebuild_recreates_the_index(archive):
    before = found(archive, "jardin")
    assert search.rebuild(archive) == 4
    assert search.rebuild(archive) == 4
    assert found(archive, "jardin") == before == ["jardin@x"]


def test_paging(lists):
    for n in range(5):
        post(lists, f"p{n}@x", f"Semis numéro {n}", "Des semis encore.",
             when=datetime(2025, 3, 1 + n))
    with session_scope(lists) as session:
        first = search.search(session, "semis", per_page=2, newest=True)
        second = search.search(session, "semis", page=3, per_page=2, newest=True)
    assert [h.message.message_id for h in first.hits] == ["p4@x", "p3@x"] and first.has_next
    assert [h.message.message_id for h in second.hits] == ["p0@x"] and not second.has_next


@pytest.fixture
def client(archive):
    from web import create_app
    app = create_app(archive)
    app.testing = True
    return app.test_client()


def test_search_page_highlights_and_announces_its_feed(client):
    page = client.get("/search?q=jardins").get_data(as_text=True)
    assert "<mark>jardin</mark>" in page or "<mark>Jardin</mark>" in page
    assert "/t/jardin@x/" in page and "secret@x" not in page and "ne pas diffuser" not in page
    assert 'type="application/atom+xml" href="/search.atom?q=jardins"' in page
    assert "Rechercher dans les archives" in page          # French by default
    filtered = client.get("/search?q=&assembly=grenoble&from=2025-05-01").get_data(as_text=True)
    assert "/t/garden@x/" in filtered and "/t/ecole@x/" not in filtered
    assert client.get("/search?q=jardin&from=not-a-date&page=x").status_code == 200


def test_search_page_is_paged(client, archive):
    for n in range(25):
        post(archive, f"s{n}@x", f"Semis {n}", "Des semis.", when=datetime(2025, 6, 1, n % 24))
    first = client.get("/search?q=semis").get_data(as_text=True)
    assert 'rel="next" href="?q=semis&amp;page=2"' in first
    second = client.get("/search?q=semis&page=2").get_data(as_text=True)
    assert second.count('class="subject"') == 5 and 'rel="prev"' in second


def test_search_feed_parses_and_answers_304(client):
    response = client.get("/search.atom?q=jardin")
    feed = feedparser.parse(response.data)
    assert not feed.bozo, feed.bozo_exception
    assert [e.id for e in feed.entries] == ["mid:jardin@x"]
    assert feed.feed.title and feed.feed.id.startswith("http://relais.test/search.atom")
    assert feed.entries[0].link.startswith("http://relais.test/t/jardin@x/")
    again = client.get("/search.atom?q=jardin", headers={"If-None-Match": response.headers["ETag"]})
    assert again.status_code == 304
    private = feedparser.parse(client.get("/search.atom?q=diffuser").data)
    assert not private.bozo and private.entries == []


def test_search_page_cache_sees_new_and_deleted_messages(client, archive):
    """A cached search page is rebuilt once a message arrives or is deleted."""
    assert "/t/fourche@x/" not in client.get("/search?q=fourche").get_data(as_text=True)
    assert "/t/fourche@x/" not in client.get("/search?q=fourche").get_data(as_text=True)
    post(archive, "fourche@x", "Une fourche à prêter", "Qui veut une fourche ?")
    page = client.get("/search?q=fourche")
    assert "/t/fourche@x/" in page.get_data(as_text=True)
    assert client.get("/search?q=fourche", headers={"If-None-Match": page.headers["ETag"]}
                      ).status_code == 304
    with session_scope(archive) as session:
        session.scalar(select(Message).where(Message.message_id == "fourche@x")).deleted = True
    assert "/t/fourche@x/" not in client.get("/search?q=fourche").get_data(as_text=True)


def test_search_page_cache_keeps_languages_and_pages_apart(client, archive):
    french = client.get("/search?q=jardin").get_data(as_text=True)
    english = client.get("/search?q=jardin&lang=en").get_data(as_text=True)
    assert "Rechercher dans les archives" in french and "Rechercher dans les archives" not in english
    assert "/t/garden@x/" in client.get("/search?q=garden").get_data(as_text=True)
    assert "/t/garden@x/" not in client.get("/search?q=garden&assembly=lille").get_data(as_text=True)


def test_snippet_is_the_earliest_densest_window():
    marker = snippets.Marker.of(search.parse_query("semis"))
    text = "semis " + "mot " * 40 + "semis autre semis fin " + "mot " * 40 + "semis semis"
    snippet = marker.snippet(text, width=5)
    assert snippet == "… mot mot <mark>semis</mark> autre <mark>semis</mark> …"
    assert marker.snippet("rien ici", width=5) == "rien ici"
    assert marker.snippet("", width=5) == ""



def test_bounded_ranking_with_a_broad_filter_finds_what_ranking_everything_finds(lists,
                                                                                monkeypatch):
    """Ranking only the best BEST_OF matches, then filtering, gives the same pages."""
    for n in range(8):
        post(lists, f"r{n}@x", f"Semis {n}", " ".join(["semis"] * (n % 4 + 1) + ["mot"] * n),
             to="libre@lists.test" if n % 2 else "semences@lists.test",
             when=datetime(2025, 3, 1 + n))
    broad = [Filters(), Filters(assembly="grenoble"), Filters(list="semences@lists.test")]

    def pages():
        with session_scope(lists) as session:
            return [[(h.message.message_id, h.snippet_html)
                     for n in range(1, 6)
                     for h in search.search(session, "semis", f, page=n, per_page=1).hits]
                    for f in broad]
    everything = pages()
    assert [len(p) for p in everything] == [5, 4, 4]
    monkeypatch.setattr(search, "BEST_OF", 6)  # rank the best 6 of the 8 matches, then filter
    assert pages() == everything



def test_planner_settings_are_put_back_after_a_search(lists):
    """On PostgreSQL the GIN-only plan's settings last for the ranking query alone."""
    post(lists, "plan@x", "Semis", "Des semis.")
    assert found(lists, "semis") == ["plan@x"]
    if not lists.database_url.startswith("postgres"):
        return
    from sqlalchemy import text
    with session_scope(lists) as session:
        before = session.execute(text("SHOW max_parallel_workers_per_gather")).scalar()
        assert [h.message.message_id for h in search.search(session, "semis").hits] == ["plan@x"]
        assert session.execute(text("SHOW enable_seqscan")).scalar() == "on"
        assert session.execute(text("SHOW max_parallel_workers_per_gather")).scalar() == before
