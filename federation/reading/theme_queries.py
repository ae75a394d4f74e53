"""Read-side queries for reading by theme: counts, threads and messages of a theme.

Public lists only, like ``federation.reading.queries``: a thread of a private list never shows on a
theme page or feed. Rejected rows and retired or merged themes are never shown.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session, contains_eager, undefer

from federation.storage.models import Assembly, MailingList, Message, Theme, Thread, ThreadTheme

SHOWN = ("manual", "explicit", "peer", "auto")  # peer: the origin's, on a mirrored copy
Cursor = tuple[datetime, str]


@dataclass(frozen=True)
class ThemeCount:
    """A theme with its number of public threads, in total and per assembly slug."""

    theme: Theme
    total: int
    by_assembly: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class ShownTheme:
    """A theme of a thread as the thread page shows it: why it was given, and by whom."""

    slug: str
    label_fr: str
    label_en: str
    score: float
    source: str
    reasons: tuple[str, ...]

    def label(self, lang: str) -> str:
        return self.label_en if lang == "en" else self.label_fr


def _active():
    return and_(Theme.retired.is_(False), Theme.merged_into_id.is_(None))


def active_themes(session: Session) -> list[Theme]:
    """Themes that can be read, in taxonomy order."""
    return list(session.scalars(select(Theme).where(_active()).order_by(Theme.id)))


def readable(session: Session, slug: str) -> Theme | None:
    """The theme a slug names now: the survivor when it was merged; None if unknown or retired."""
    found, seen = session.scalar(select(Theme).where(Theme.slug == slug)), set()
    while found is not None and found.merged_into_id is not None and found.id not in seen:
        seen.add(found.id)
        found = session.get(Theme, found.merged_into_id)
    return None if found is None or found.retired else found


def _public_tags(query):
    """Restrict a query joined to ThreadTheme to shown rows on threads of public lists."""
    return (query.join(Thread, Thread.id == ThreadTheme.thread_id)
            .join(MailingList, MailingList.id == Thread.list_id)
            .where(MailingList.public.is_(True), ThreadTheme.source.in_(SHOWN)))


def counts(session: Session) -> list[ThemeCount]:
    """Every active theme with its public thread counts per assembly."""
    query = _public_tags(select(ThreadTheme.theme_id, Assembly.slug, func.count())
                         .select_from(ThreadTheme))
    query = query.join(Assembly, Assembly.id == MailingList.assembly_id)
    per: dict[int, dict[str, int]] = {}
    for theme_id, assembly_slug, count in session.execute(
            query.group_by(ThreadTheme.theme_id, Assembly.slug)):
        per.setdefault(theme_id, {})[assembly_slug] = count
    return [ThemeCount(t, sum(per.get(t.id, {}).values()), per.get(t.id, {}))
            for t in active_themes(session)]


def threads(session: Session, found: Theme, assembly_slug: str = "",
            before: Cursor | None = None, limit: int = 30) -> list[Thread]:
    """Public threads of a theme, from every assembly or one, newest activity first (keyset)."""
    query = _public_tags(select(Thread).select_from(ThreadTheme)).where(
        ThreadTheme.theme_id == found.id)
    query = query.options(contains_eager(Thread.mailing_list)
                          .selectinload(MailingList.assembly))
    if assembly_slug:
        query = query.join(Assembly, Assembly.id == MailingList.assembly_id).where(
            Assembly.slug == assembly_slug)
    if before is not None:
        when, root = before
        query = query.where(or_(Thread.last_activity < when,
                                and_(Thread.last_activity == when, Thread.root_message_id < root)))
    query = query.order_by(Thread.last_activity.desc(), Thread.root_message_id.desc()).limit(limit)
    return list(session.scalars(query))


def shown(session: Session, thread_id: int) -> list[ShownTheme]:
    """A thread's themes with their reasons: admins' and explicit ones first, then by score."""
    rows = session.execute(select(ThreadTheme, Theme).join(Theme, Theme.id == ThreadTheme.theme_id)
                           .where(ThreadTheme.thread_id == thread_id,
                                  ThreadTheme.source.in_(SHOWN), _active())).all()
    order = {source: rank for rank, source in enumerate(SHOWN)}
    rows.sort(key=lambda r: (order[r.ThreadTheme.source], -r.ThreadTheme.score, r.Theme.id))
    return [ShownTheme(r.Theme.slug, r.Theme.label_fr, r.Theme.label_en, r.ThreadTheme.score,
                       r.ThreadTheme.source, _reasons(r.ThreadTheme.reasons)) for r in rows]


def _reasons(encoded: str) -> tuple[str, ...]:
    try:
        found = json.loads(encoded or "[]")
    except ValueError:
        return ()
    return tuple(str(word) for word in found) if isinstance(found, list) else ()


def slugs_of(session: Session, thread_ids: set[int]) -> dict[int, list[str]]:
    """The shown theme slugs of several threads (Atom categories)."""
    if not thread_ids:
        return {}
    rows = session.execute(select(ThreadTheme.thread_id, Theme.slug)
                           .join(Theme, Theme.id == ThreadTheme.theme_id)
                           .where(ThreadTheme.thread_id.in_(thread_ids),
                                  ThreadTheme.source.in_(SHOWN), _active())
                           .order_by(ThreadTheme.thread_id, Theme.id))
    found: dict[int, list[str]] = {}
    for thread_id, slug in rows:
        found.setdefault(thread_id, []).append(slug)
    return found


def _tagged(found: Theme | None):
    """Thread ids carrying this theme (any active theme when None), shown rows only."""
    query = select(ThreadTheme.thread_id).where(ThreadTheme.source.in_(SHOWN))
    if found is not None:
        return query.where(ThreadTheme.theme_id == found.id)
    return query.join(Theme, Theme.id == ThreadTheme.theme_id).where(_active())


def messages(session: Session, found: Theme | None, limit: int = 50) -> list[Message]:
    """Newest public messages of the threads of a theme (of any theme when None), for feeds."""
    query = (select(Message).join(MailingList, MailingList.id == Message.list_id)
             .where(Message.ghost.is_(False), Message.deleted.is_(False),
                    MailingList.public.is_(True), Message.thread_id.in_(_tagged(found)))
             .options(undefer(Message.body_text), undefer(Message.body_html))
             .order_by(Message.date.desc(), Message.message_id.desc()).limit(limit))
    return list(session.scalars(query))


def freshness(session: Session, found: Theme | None) -> tuple:
    """A cheap stamp that changes when a theme's threads or tags change (feed cache validation)."""
    tags = select(func.max(ThreadTheme.updated_at), func.count()).where(
        ThreadTheme.source.in_(SHOWN))
    if found is not None:
        tags = tags.where(ThreadTheme.theme_id == found.id)
    # the newest arrival anywhere: one index probe (a reply that leaves the tags unchanged
    # still shows); an arrival elsewhere only costs a rebuild of this feed
    newest = session.execute(select(func.max(Message.received_at))).scalar()
    # and the newest erasure anywhere (index probe): a deleted or redacted message goes at once
    erased = session.execute(select(func.max(Message.erased_at))).scalar()
    return (*session.execute(tags).one(), newest, erased)
