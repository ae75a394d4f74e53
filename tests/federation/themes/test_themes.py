"""Theme tagging on a real archive: explicit tags, the classifier, admins' corrections, feeds."""
from __future__ import annotations

import json
import re

import feedparser
import pytest
from click.testing import CliRunner
from sqlalchemy import select

from federation.themes import classifier, training, tagging
from federation.ingest import filing
from federation.reading import theme_queries
from federation.storage.db import session_scope
from federation.storage.models import Message, Theme, ThreadTheme
from relais.cli import main
from relais.schedule import TASKS
from backends import run_jobs, seed_lists
from messages import mail
from web import create_app

DEV = "/work/shared/themes/dev.jsonl"
SOFTWARE = ("Nous migrons les serveurs de l'association vers Debian et Nextcloud : "
            "que du logiciel libre, hébergé chez un chaton. Qui peut aider à installer "
            "Linux sur les vieux ordinateurs du local ?")
SEEDS = ("La grainothèque est presque vide : qui a des semences paysannes de tomates, "
         "de courges ou de haricots à partager ? On fera un troc de graines au jardin partagé, "
         "avec les maraîchers de l'AMAP.")


def deliver(settings, raw: bytes, to: str = "semences@lists.test") -> None:
    """Archive through the real ingest path, then run the queued pipeline jobs."""
    outcomes = filing.file_post(settings, raw, [to], sender="alice@example.org")
    assert all(o.accepted for o in outcomes), outcomes
    run_jobs(settings)


@pytest.fixture
def themed(lists):
    """The lists plus the default themes (PostgreSQL tests empty every table between tests)."""
    with session_scope(lists) as session:
        tagging.ensure_defaults(session)
    return lists


def tags(settings, mid: str) -> dict[str, tuple[str, float, list]]:
    """slug → (source, score, reasons) of the thread holding this Message-ID."""
    with session_scope(settings) as session:
        thread_id = session.scalar(select(Message.thread_id).filter_by(message_id=mid))
        rows = session.execute(select(ThreadTheme, Theme.slug).join(Theme)
                               .where(ThreadTheme.thread_id == thread_id)).all()
        return {slug: (row.source, row.score, json.loads(row.reasons or "[]"))
                for row, slug in rows}


def decide(settings, mid: str, action, *args) -> None:
    """Apply an admin correction to the thread of a message."""
    with session_scope(settings) as session:
        action(session, tagging.thread_of(session, mid), *args)


def test_default_themes_come_with_the_schema(sqlite_settings):
    with session_scope(sqlite_settings) as session:
        slugs = [t.slug for t in tagging.listed(session)]
        assert "agriculture-alimentation" in slugs and len(slugs) == 11
        assert tagging.ensure_defaults(session) == 0


def test_classifier_tags_a_thread_with_its_reasons(themed, send):
    code, _ = send(mail("soft@example.org", "Migration des serveurs", SOFTWARE))
    assert code == 250
    found = tags(themed, "soft@example.org")
    assert found["logiciel-libre"][0] == "auto"
    assert 0.5 <= found["logiciel-libre"][1] <= 1.0
    assert found["logiciel-libre"][2]                   # the words that weighed most
    assert len(found) <= 3


def test_hashtags_beat_the_classifier(themed):
    guess = [p.slug for p in classifier.shipped().predict("Migration des serveurs", SOFTWARE)]
    assert "logiciel-libre" in guess and "cartographie" not in guess
    deliver(themed, mail("tag@example.org", "Migration des serveurs #Cartographie", SOFTWARE))
    found = tags(themed, "tag@example.org")
    assert found["cartographie"] == ("explicit", 1.0, ["#Cartographie"])
    # a [tag] with accents and case folded, matched to a synonym
    deliver(themed, mail("eco@example.org", "[ÉCOLOGIE] Sortie nature", "On se retrouve samedi."))
    assert tags(themed, "eco@example.org")["ressources-naturelles"][0] == "explicit"
    # a list's own subject tag is the list, not a theme (RFC 2919 list servers add it)
    deliver(themed, mail("pref@example.org", "[semences] Migration des serveurs", SOFTWARE))
    assert "agriculture-alimentation" not in tags(themed, "pref@example.org")


def test_themes_follow_replies(themed):
    deliver(themed, mail("root@example.org", "Une question", "On en parle jeudi ?"))
    assert tags(themed, "root@example.org") == {}
    deliver(themed, mail("re1@example.org", "Re: Une question #fablab", SEEDS,
                         refs="root@example.org", minute=5))
    found = tags(themed, "root@example.org")
    assert found["tiers-lieux"][0] == "explicit"
    assert found.get("agriculture-alimentation", ("auto",))[0] == "auto"
    assert len(found) <= 3


def test_manual_theme_survives_retagging(themed):
    deliver(themed, mail("man@example.org", "Migration des serveurs", SOFTWARE))
    decide(themed, "man@example.org", tagging.set_manual, ["cartographie"])
    assert tagging.retag(themed) >= 1
    found = tags(themed, "man@example.org")
    assert found["cartographie"][0] == "manual"
    assert found["logiciel-libre"][0] == "rejected"       # set exactly: the rest is rejected
    deliver(themed, mail("man-re@example.org", "Re: Migration", SOFTWARE, refs="man@example.org",
                         minute=9))
    assert tags(themed, "man@example.org")["cartographie"][0] == "manual"


def test_rejected_theme_is_not_added_again(themed):
    deliver(themed, mail("rej@example.org", "Migration des serveurs", SOFTWARE))
    assert tags(themed, "rej@example.org")["logiciel-libre"][0] == "auto"
    decide(themed, "rej@example.org", tagging.reject, "logiciel-libre")
    deliver(themed, mail("rej-re@example.org", "Re: Migration des serveurs", SOFTWARE,
                         refs="rej@example.org", minute=3))
    tagging.retag(themed)
    assert tags(themed, "rej@example.org")["logiciel-libre"][0] == "rejected"


def test_rename_keeps_threads_and_old_slug(themed):
    deliver(themed, mail("ren@example.org", "Troc #semences", SEEDS))
    with session_scope(themed) as session:
        tagging.rename(session, "agriculture-alimentation", label_fr="Agriculture paysanne",
                      new_slug="agriculture")
        assert tagging.ensure_defaults(session) == 0     # the old slug is not created again
    assert tags(themed, "ren@example.org")["agriculture"][0] == "explicit"
    deliver(themed, mail("ren2@example.org", "Question #agriculture-alimentation", "Bonjour"))
    assert "agriculture" in tags(themed, "ren2@example.org")
    client = create_app(themed).test_client()
    page = client.get("/themes/agriculture/").get_data(as_text=True)
    assert "Agriculture paysanne" in page and "Troc #semences" in page


def test_merge_moves_threads(themed):
    deliver(themed, mail("m1@example.org", "Carte des jardins #carto", "Bonjour"))
    deliver(themed, mail("m2@example.org", "Les cartes #carto #logiciel-libre", "Bonjour"))
    decide(themed, "m2@example.org", tagging.confirm, "logiciel-libre")
    with session_scope(themed) as session:
        tagging.merge(session, "cartographie", "logiciel-libre")
    assert tags(themed, "m1@example.org")["logiciel-libre"][0] == "explicit"
    assert tags(themed, "m2@example.org") == {"logiciel-libre": ("manual", 1.0, ["#logiciel-libre"])}
    tagging.retag(themed)       # a #carto hashtag now means the survivor
    assert tags(themed, "m1@example.org")["logiciel-libre"][0] == "explicit"
    client = create_app(themed).test_client()
    moved = client.get("/themes/cartographie/")
    assert moved.status_code == 301 and moved.location.endswith("/themes/logiciel-libre/")


def test_thread_merge_carries_themes(themed):
    deliver(themed, mail("a@example.org", "Premier fil", "Bonjour", minute=1))
    deliver(themed, mail("b@example.org", "Second fil", "Bonjour", minute=2))
    decide(themed, "b@example.org", tagging.confirm, "tiers-lieux")
    deliver(themed, mail("c@example.org", "Re: les deux", "Bonjour", refs="a@example.org b@example.org",
                         minute=3))
    with session_scope(themed) as session:
        assert len(set(session.scalars(select(Message.thread_id)))) == 1
    assert tags(themed, "a@example.org")["tiers-lieux"][0] == "manual"


def test_theme_pages_and_feeds(themed):
    deliver(themed, mail("f1@example.org", "Troc de graines #semences", SEEDS))
    deliver(themed, mail("f2@example.org", "Graines pour le jardin #semences", SEEDS,
                         to="libre@lists.test"), to="libre@lists.test")
    deliver(themed, mail("f3@example.org", "Secret #semences", SEEDS, to="prive@lists.test"),
            to="prive@lists.test")
    with session_scope(themed) as session:
        counted = {c.theme.slug: c for c in theme_queries.counts(session)}
    assert counted["agriculture-alimentation"].by_assembly == {"lille": 1, "grenoble": 1}
    client = create_app(themed).test_client()
    index = client.get("/themes/").get_data(as_text=True)
    assert 'type="application/atom+xml" href="/themes/atom"' in index
    assert "Agriculture et alimentation" in index and "Assemblée des communs de Grenoble" in index
    page = client.get("/themes/agriculture-alimentation/").get_data(as_text=True)
    assert 'href="/themes/agriculture-alimentation/atom"' in page
    assert "Troc de graines" in page and "Graines pour le jardin" in page and "Secret" not in page
    only = client.get("/themes/agriculture-alimentation/?assembly=lille").get_data(as_text=True)
    assert "Troc de graines" in only and "Graines pour le jardin" not in only
    for url in ("/themes/atom", "/themes/agriculture-alimentation/atom"):
        response = client.get(url)
        assert response.status_code == 200 and "atom" in response.content_type
        feed = feedparser.parse(response.data)
        assert not feed.bozo, feed.bozo_exception
        titles = [e.title for e in feed.entries]
        assert "Troc de graines #semences" in titles and "Secret #semences" not in titles
        entry = feed.entries[titles.index("Troc de graines #semences")]
        assert entry.id == "mid:f1@example.org"
        assert "agriculture-alimentation" in [t.term for t in entry.tags]
    assert client.get("/themes/nope/").status_code == 404
    assert "Farming and food" in client.get("/themes/?lang=en").get_data(as_text=True)
    assert "/themes/agriculture-alimentation/atom" in client.get("/feeds.opml").get_data(as_text=True)
    thread_page = client.get("/t/f1@example.org/").get_data(as_text=True)
    assert 'href="/themes/agriculture-alimentation/"' in thread_page and "#semences" in thread_page


def test_theme_page_walks_every_thread_once(themed):
    raws = [mail(f"p{n}@example.org", f"Fil {n} #semences", "Bonjour", minute=n % 60)
            for n in range(31)]
    assert filing.receive_batch(themed, "semences@lists.test", raws)[0] == 31
    run_jobs(themed)
    client = create_app(themed).test_client()
    first = client.get("/themes/agriculture-alimentation/").get_data(as_text=True)
    older = re.search(r'rel="next" href="([^"]+)"', first).group(1).replace("&amp;", "&")
    second = client.get("/themes/agriculture-alimentation/" + older).get_data(as_text=True)
    seen = re.findall(r">Fil (\d+) #semences<", first) + re.findall(r">Fil (\d+) #semences<", second)
    assert sorted(map(int, seen)) == list(range(31))


def test_eval_prints_per_theme_lines_then_f1(tmp_path):
    sample = tmp_path / "sample.jsonl"
    lines = open(DEV, encoding="utf-8").read().splitlines()[:40]
    sample.write_text("\n".join(lines) + "\n", encoding="utf-8")
    for args in (["themes", "eval", str(sample)], ["themes", "eval", str(sample), "--cv", "2"]):
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 0, result.output
        out = result.output.strip().splitlines()
        assert re.fullmatch(r"micro-F1 \d\.\d{3} macro-F1 \d\.\d{3}", out[-1])
        assert out[0].startswith("agriculture-alimentation") and len(out) == 12


def test_retraining_with_a_correction_changes_the_model_version(sqlite_settings, tmp_path):
    settings = sqlite_settings
    seed_lists(settings)
    seed = tmp_path / "seed.jsonl"
    seed.write_text("\n".join(open(DEV, encoding="utf-8").read().splitlines()[:60]) + "\n",
                    encoding="utf-8")
    assert training.retrain(settings) is None         # nothing learnt yet: shipped model
    deliver(settings, mail("learn@example.org", "Migration des serveurs", SOFTWARE))
    decide(settings, "learn@example.org", tagging.set_manual, ["tiers-lieux"])
    first = training.retrain(settings, seed)
    assert first == 1 and training.retrain(settings, seed) == 1   # unchanged data
    decide(settings, "learn@example.org", tagging.confirm, "cartographie")
    assert training.retrain(settings, seed) == 2
    with session_scope(settings) as session:
        model = training.current(session, settings)
        assert model.meta["corrections"] == 1 and "tiers-lieux" in model.slugs
    from relais import retraining  # weekly, in a process of its own
    assert ("themes-retrain", 7 * 24 * 3600, retraining.retrain_apart) in TASKS
