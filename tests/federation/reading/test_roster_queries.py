"""The roster's search and paging on both backends: a prefix of the address, of the name, of
the domain or of any word of the name or address, case and accents aside, through indexes;
keyset pages forwards and backwards."""
from __future__ import annotations

from sqlalchemy import select, text

from federation.lists import membership
from federation.lists.directory import find_list
from federation.reading import roster_queries
from federation.storage.db import session_scope
from federation.storage.models import Member
from federation.storage.models.lists import MemberWord

PEOPLE = [("Élodie Marchand", "elodie.marchand@example.org"),
          ("élise Durand", "e.durand@riseup.net"),
          ("Marie Dupont", "marie@example.org"),
          ("MARC LEBLANC", "Marc.Leblanc@Lists.Example.com"),
          ("Anne 100%", "anne_1@autre.fr")]


def _fill(settings) -> None:
    with session_scope(settings) as session:
        ml = find_list(session, "semences@lists.test")
        membership.add_many(session, ml, ((email, email, name) for name, email in PEOPLE[:3]),
                            "imported from test")
        for name, email in PEOPLE[3:]:  # one at a time: the ORM path keeps the keys too
            membership.add(session, ml, email, name=name)


def _found(settings, search: str, **options) -> list[str]:
    with session_scope(settings, write=False) as session:
        ml = find_list(session, "semences@lists.test")
        return [m.email for m in roster_queries.page(session, ml, search=search,
                                                     **options).members]


def test_the_search_finds_a_prefix_of_address_name_or_domain_in_any_case(lists):
    _fill(lists)
    assert _found(lists, "MARIE") == ["marie@example.org"]  # the address
    assert _found(lists, "marc.") == ["marc.leblanc@lists.example.com"]
    assert _found(lists, "élodie") == ["elodie.marchand@example.org"]  # the name
    assert _found(lists, "ÉLISE d") == ["e.durand@riseup.net"]
    assert _found(lists, "Elise") == ["e.durand@riseup.net"]  # accents aside
    assert _found(lists, "marc le") == ["marc.leblanc@lists.example.com"]
    assert _found(lists, "@example.org") == ["elodie.marchand@example.org",
                                             "marie@example.org"]  # the domain
    assert _found(lists, "riseup") == ["e.durand@riseup.net"]
    assert _found(lists, "@lists.EXAMPLE") == ["marc.leblanc@lists.example.com"]
    assert _found(lists, "anne 100%") == ["anne_1@autre.fr"]
    assert _found(lists, "anne_") == ["anne_1@autre.fr"]
    assert _found(lists, "%") == [] and _found(lists, "a_n") == []  # no wildcards
    by_name = _found(lists, "mar", sort="name")  # "Élodie" goes where the collation puts É
    assert sorted(by_name) == ["elodie.marchand@example.org", "marc.leblanc@lists.example.com",
                               "marie@example.org"]  # and "Marchand" is a word of hers
    assert by_name.index("marc.leblanc@lists.example.com") < by_name.index("marie@example.org")


def test_the_search_finds_the_start_of_any_word_of_the_name_or_address(lists):
    _fill(lists)
    with session_scope(lists) as session:
        membership.add(session, find_list(session, "semences@lists.test"),
                       "jem+listes@autre.fr", name="Jean-Élodie Martin")
    assert _found(lists, "dupont") == ["marie@example.org"]  # a surname (bulk insert)
    assert _found(lists, "Dup") == ["marie@example.org"]
    assert _found(lists, "leblanc") == ["marc.leblanc@lists.example.com"]  # (ORM insert)
    assert _found(lists, "élo") == ["elodie.marchand@example.org", "jem+listes@autre.fr"]
    assert _found(lists, "martin") == ["jem+listes@autre.fr"]
    assert _found(lists, "durand") == ["e.durand@riseup.net"]  # the name and the address
    assert _found(lists, "listes") == ["jem+listes@autre.fr"]  # a "+" tag of the address
    assert _found(lists, "marchand", sort="name") == ["elodie.marchand@example.org"]
    assert _found(lists, "dupont", role="owner") == []  # the filters still apply
    assert _found(lists, "@dupont") == [] and _found(lists, "upont") == []


def test_a_renamed_member_is_found_by_its_new_words_and_a_removed_ones_go(lists):
    _fill(lists)
    with session_scope(lists) as session:
        ml = find_list(session, "semences@lists.test")
        membership.add(session, ml, "marie@example.org", name="Marie Curie")
    assert _found(lists, "curie") == ["marie@example.org"]
    assert _found(lists, "dupont") == []
    with session_scope(lists) as session:
        ml = find_list(session, "semences@lists.test")
        gone = membership.find(session, ml, "marc.leblanc@lists.example.com").id
        assert membership.remove(session, ml, "marc.leblanc@lists.example.com")
    with session_scope(lists, write=False) as session:
        assert session.scalars(select(MemberWord.word).where(
            MemberWord.member_id == gone)).all() == []
    assert _found(lists, "leblanc") == []


def test_a_search_by_surname_is_paged_by_keyset(lists):
    with session_scope(lists) as session:
        ml = find_list(session, "semences@lists.test")
        membership.add_many(session, ml, ((f"p{n:02}", f"p{n:02}@example.org",
                                           f"Prénom{n} Dupont-Dupuis") for n in range(25)),
                            "test")  # two words each that "dup" begins: one member still
    for sort in ("email", "name"):
        with session_scope(lists, write=False) as session:
            ml = find_list(session, "semences@lists.test")
            pages = [roster_queries.page(session, ml, search="dup", sort=sort, size=10)]
            while pages[-1].next_cursor:
                pages.append(roster_queries.page(session, ml, search="dup", sort=sort,
                                                 size=10, cursor=pages[-1].next_cursor))
            assert [len(p.members) for p in pages] == [10, 10, 5], sort
            assert len({m.id for p in pages for m in p.members}) == 25
            back = roster_queries.page(session, ml, search="dup", sort=sort, size=10,
                                       before=pages[2].previous_cursor)
            assert [m.id for m in back.members] == [m.id for m in pages[1].members], sort


def test_a_name_changed_later_is_found_by_its_new_name(lists):
    _fill(lists)
    with session_scope(lists) as session:
        membership.add(session, find_list(session, "semences@lists.test"),
                       "marie@example.org", name="Zoé Martin")
    assert _found(lists, "zoe") == ["marie@example.org"]
    assert _found(lists, "marie d") == []


def test_the_search_reads_an_index_not_every_member(lists):
    _fill(lists)
    with session_scope(lists) as session:  # enough others for PostgreSQL's planner to choose
        ml = find_list(session, "semences@lists.test")
        membership.add_many(session, ml, ((str(n), f"user{n}@filler{n % 10}.org",
                                           f"Filler {n}") for n in range(3000)), "test")
    if not lists.is_sqlite:  # as autovacuum would; SQLite's plan needs no statistics
        with session_scope(lists) as session:
            session.execute(text("ANALYZE members"))
    with session_scope(lists, write=False) as session:
        ml = find_list(session, "semences@lists.test")
        query = roster_queries._query(ml.id, "mar", session.get_bind().dialect.name, [],
                                      (Member.email,), 51, by_address=True)
        compiled = query.compile(session.get_bind(), compile_kwargs={"literal_binds": True})
        if lists.is_sqlite:
            plan = " ".join(str(row[-1]) for row in session.execute(
                text(f"EXPLAIN QUERY PLAN {compiled}")))
            assert "SCAN members" not in plan, plan  # (SCAN of a subquery is no table scan)
            assert "ix_members_list_name_key" in plan and "ix_members_list_domain" in plan
            assert "ix_member_words_list_word" in plan
        else:
            # at 3,000 rows reading the whole table to fetch 31 found by index is cheaper:
            # forbid it, so that a search with no index path (a substring) shows its scan
            session.execute(text("SET LOCAL enable_seqscan = off"))
            plan = " ".join(row[0] for row in session.execute(text(f"EXPLAIN {compiled}")))
            assert "Seq Scan" not in plan, plan
            assert "ix_members_list_name_key" in plan and "ix_members_list_domain" in plan
            assert "ix_member_words_list_word" in plan


def test_pages_go_forwards_and_back_by_keyset(lists):
    with session_scope(lists) as session:
        ml = find_list(session, "semences@lists.test")
        membership.add_many(session, ml, ((f"p{n:02}", f"p{n:02}@example.org", f"Nom {n % 7}")
                                          for n in range(25)), "imported from test")
    for sort in ("email", "name", "joined"):
        with session_scope(lists, write=False) as session:
            ml = find_list(session, "semences@lists.test")
            pages = [roster_queries.page(session, ml, sort=sort, size=10)]
            assert pages[0].previous_cursor == ""
            while pages[-1].next_cursor:
                pages.append(roster_queries.page(session, ml, sort=sort, size=10,
                                                 cursor=pages[-1].next_cursor))
            assert [len(p.members) for p in pages] == [10, 10, 5]
            back = roster_queries.page(session, ml, sort=sort, size=10,
                                       before=pages[2].previous_cursor)
            assert [m.id for m in back.members] == [m.id for m in pages[1].members], sort
            first = roster_queries.page(session, ml, sort=sort, size=10,
                                        before=back.previous_cursor)
            assert [m.id for m in first.members] == [m.id for m in pages[0].members], sort
            assert first.previous_cursor == "" and first.next_cursor
            again = roster_queries.page(session, ml, sort=sort, size=10,
                                        cursor=first.next_cursor)
            assert [m.id for m in again.members] == [m.id for m in pages[1].members]


def test_the_migration_fills_the_keys_of_the_members_already_there(lists):
    from alembic import command
    from federation.storage import schema
    from federation.storage.db import engine_for
    config = schema._config(lists)
    with engine_for(lists).begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0016_forum")
    with engine_for(lists).begin() as connection:
        list_id = connection.execute(text(
            "SELECT id FROM lists WHERE address = 'semences@lists.test'")).scalar()
        connection.execute(text(
            "INSERT INTO members (list_id, email, name, role, delivery, digest_period, "
            "language, bounce_score, disabled, disabled_reason, consent, created_at) VALUES "
            "(:list, 'zoe@exemple.fr', 'Zoé Ørsted', 'member', 'each', 'day', 'fr', 0, "
            ":no, '', '', CURRENT_TIMESTAMP)"), {"list": list_id, "no": False})
    schema.upgrade(lists)
    assert _found(lists, "ZOE ør") == _found(lists, "@exemple.fr") == ["zoe@exemple.fr"]
    assert _found(lists, "ørsted") == ["zoe@exemple.fr"]  # a word after the first
