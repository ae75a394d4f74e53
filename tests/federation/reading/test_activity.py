"""Activity figures for the console (issue 14 item 8): messages per week per assembly, list and
theme, rising themes across assemblies, top threads, held and bouncing counts. Both backends,
messages filed through the real path with dates chosen week by week."""
from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import update

from backends import run_jobs
from federation.ingest import filing
from federation.lists import directory, membership
from federation.lists.directory import find_list
from federation.reading import activity
from federation.storage.db import session_scope
from federation.storage.models import MailingList, Member
from federation.themes import tagging
from messages import mail, post

NOW = datetime(2026, 11, 26, 12, 0)  # a Thursday: its week starts on Monday 23 November


def ids(settings) -> list[int]:
    with session_scope(settings) as session:
        return [ml.id for ml in session.query(MailingList).order_by(MailingList.id)]


def test_weekly_counts_rising_themes_top_threads_and_what_waits(lists):
    with session_scope(lists) as session:
        tagging.ensure_defaults(session)
    # semences (Lille): two messages this week (#cartographie), one five weeks ago (#cartographie)
    post(lists, "c1@x.org", "Carte des jardins #cartographie", "Où sont-ils ?",
         when=NOW - timedelta(days=1))
    post(lists, "c2@x.org", "Re: Carte des jardins #cartographie", "Ici.",
         when=NOW - timedelta(days=2), reply_to="c1@x.org")
    post(lists, "old@x.org", "Annuaire #cartographie", "Ancien.", when=NOW - timedelta(weeks=5))
    # libre (Grenoble): one this week on the same theme, one long before the window
    post(lists, "g1@x.org", "Carte OSM #cartographie", "OSM", to="libre@lists.test",
         when=NOW - timedelta(days=3))
    post(lists, "ancient@x.org", "Vieux", "…", to="libre@lists.test",
         when=NOW - timedelta(weeks=40))
    run_jobs(lists)
    with session_scope(lists) as session:
        ml = find_list(session, "semences@lists.test")
        directory.edit_list(session, ml, policy="members")
        membership.add(session, ml, "lea@example.org")
        membership.add(session, ml, "max@example.org")
        session.execute(update(Member).where(Member.email == "lea@example.org")
                        .values(bounce_score=1.0))
        session.execute(update(Member).where(Member.email == "max@example.org")
                        .values(bounce_score=5.0, disabled=True))
    (held,) = filing.file_post(lists, mail("h@x.org", "Hors", "…", sender="Bob <bob@x.net>"),
                               ["semences@lists.test"], "bob@x.net")
    assert held.status == "held"
    every = ids(lists)
    with session_scope(lists) as session:
        figures = activity.summary(session, every, NOW, weeks=12)
    assert figures.weeks[-1] == datetime(2026, 11, 23) and len(figures.weeks) == 12
    assert figures.by_list["semences@lists.test"][-1] == 2
    assert figures.by_list["semences@lists.test"][-6] == 1
    assert sum(figures.by_list["libre@lists.test"]) == 1  # the ancient one is out of the window
    assert figures.by_assembly["Assemblée des communs de Lille"][-1] == 2
    assert figures.by_theme["cartographie"][-1] == 3
    assert figures.rising[0] == ("cartographie", 1, 3, 2)  # 1 before, 3 lately, 2 assemblies
    assert figures.top_threads[0][:2] == ("c1@x.org", "Carte des jardins #cartographie")
    assert figures.top_threads[0][3] == 2
    assert figures.held == {"semences@lists.test": 1}
    assert figures.bouncing == {"semences@lists.test": (2, 1)}


def test_only_the_given_lists_count(lists):
    post(lists, "c1@x.org", "Carte", "…", when=NOW - timedelta(days=1))
    with session_scope(lists) as session:
        other = find_list(session, "libre@lists.test").id
        figures = activity.summary(session, [other], NOW)
        assert figures.by_list == {} and figures.top_threads == []
        assert activity.summary(session, [], NOW).by_assembly == {}
