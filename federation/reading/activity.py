"""Activity at a glance for the console: messages per week per assembly, list and theme, the
themes rising across assemblies, the busiest threads, and what waits (held messages, bounces).

Every figure is one grouped query over a window of weeks, on the messages' ``Date`` (the
index on (list, date) serves it); weeks are counted back from the given day, so the same
call gives the same buckets on SQLite and PostgreSQL.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import Integer, case, cast, func, literal, or_, select
from sqlalchemy.orm import Session

from federation.storage.models import (Assembly, Held, MailingList, Member, Message, Theme,
                                       Thread, ThreadTheme)

WEEK = 7 * 24 * 3600


@dataclass
class Activity:
    """The figures behind the activity page; ``weeks`` are the Mondays of the window."""

    weeks: list[datetime]
    by_assembly: dict[str, list[int]] = field(default_factory=dict)
    by_list: dict[str, list[int]] = field(default_factory=dict)
    by_theme: dict[str, list[int]] = field(default_factory=dict)
    rising: list[tuple[str, int, int, int]] = field(default_factory=list)  # slug, before, now, assemblies
    top_threads: list[tuple[str, str, str, int]] = field(default_factory=list)  # mid, subject, list, n
    held: dict[str, int] = field(default_factory=dict)
    bouncing: dict[str, tuple[int, int]] = field(default_factory=dict)  # list → (scored, disabled)


def window(now: datetime, weeks: int) -> list[datetime]:
    """The Mondays (00:00) starting each of the last ``weeks`` weeks, the current one last."""
    monday = (now - timedelta(days=now.weekday())).replace(hour=0, minute=0, second=0,
                                                            microsecond=0)
    return [monday - timedelta(weeks=weeks - 1 - k) for k in range(weeks)]


def _week_of(session: Session, column, start: datetime):
    """The week number (0 = the window's first) of a datetime column, in SQL."""
    if session.get_bind().dialect.name == "sqlite":
        days = func.julianday(column) - func.julianday(literal(start.isoformat(sep=" ")))
    else:
        days = func.extract("epoch", column - literal(start)) / 86400.0
    return cast(func.floor(days / 7), Integer)


def _counts(session: Session, key, list_ids, weeks: list[datetime], join=None):
    """(key, week number, messages) over the window for these lists."""
    start, end = weeks[0], weeks[-1] + timedelta(weeks=1)
    week = _week_of(session, Message.date, start)
    query = select(key, week.label("week"), func.count()).select_from(Message)
    if join is not None:
        query = join(query)
    query = query.where(Message.list_id.in_(list_ids), Message.date >= start,
                        Message.date < end, Message.ghost.is_(False),
                        Message.deleted.is_(False)).group_by(key, week)
    return session.execute(query).all()


def _series(rows, names: dict, length: int) -> dict[str, list[int]]:
    series: dict[str, list[int]] = {}
    for key, week, count in rows:
        name = names.get(key)
        if name is None or week is None or not 0 <= week < length:
            continue
        series.setdefault(name, [0] * length)[week] += count
    return dict(sorted(series.items(), key=lambda item: -sum(item[1])))


def _themed(query):
    return (query.join(ThreadTheme, ThreadTheme.thread_id == Message.thread_id)
            .where(ThreadTheme.source != "rejected"))


def summary(session: Session, list_ids: list[int], now: datetime, weeks: int = 12,
            top: int = 10) -> Activity:
    """Every figure of the activity page for these lists (the ones the viewer may see)."""
    weeks_ = window(now, weeks)
    activity = Activity(weeks_)
    if not list_ids:
        return activity
    lists = session.execute(select(MailingList.id, MailingList.address, Assembly.name)
                            .join(Assembly, Assembly.id == MailingList.assembly_id)
                            .where(MailingList.id.in_(list_ids))).all()
    per_list = _counts(session, Message.list_id, list_ids, weeks_)
    activity.by_list = _series(per_list, {r.id: r.address for r in lists}, weeks)
    activity.by_assembly = _series(per_list, {r.id: r[2] for r in lists}, weeks)
    themes = {t.id: t.slug for t in session.scalars(select(Theme))}
    per_theme = _counts(session, ThreadTheme.theme_id, list_ids, weeks_, _themed)
    activity.by_theme = _series(per_theme, themes, weeks)
    activity.rising = _rising(session, list_ids, weeks_, themes)
    activity.top_threads = _top_threads(session, list_ids, weeks_[-4], top)
    activity.held = _held(session, list_ids, lists)
    activity.bouncing = _bouncing(session, list_ids, lists)
    return activity


def _rising(session: Session, list_ids, weeks: list[datetime], themes: dict,
            span: int = 4) -> list[tuple[str, int, int, int]]:
    """Themes whose messages grew from the ``span`` weeks before to the last ``span`` weeks,
    with how many assemblies spoke of them lately; the biggest growth first."""
    recent, before = weeks[-span], weeks[-span] - timedelta(weeks=span)
    late = case((Message.date >= recent, 1), else_=0)
    rows = session.execute(
        select(ThreadTheme.theme_id, func.sum(late), func.count(),
               func.count(func.distinct(case((Message.date >= recent, MailingList.assembly_id)))))
        .select_from(Message)
        .join(ThreadTheme, ThreadTheme.thread_id == Message.thread_id)
        .join(MailingList, MailingList.id == Message.list_id)
        .where(ThreadTheme.source != "rejected", Message.list_id.in_(list_ids),
               Message.date >= before, Message.date < weeks[-1] + timedelta(weeks=1),
               Message.ghost.is_(False), Message.deleted.is_(False))
        .group_by(ThreadTheme.theme_id)).all()
    found = [(themes[theme], int(total) - int(now_), int(now_), int(places))
             for theme, now_, total, places in rows if theme in themes]
    return sorted((r for r in found if r[2] > r[1]),
                  key=lambda r: (-(r[2] - r[1]), -r[3], r[0]))


def _top_threads(session: Session, list_ids, since: datetime, top: int):
    """The threads with the most messages since ``since``."""
    count = func.count(Message.id)
    rows = session.execute(
        select(Thread.root_message_id, Thread.subject, MailingList.address, count)
        .select_from(Message).join(Thread, Thread.id == Message.thread_id)
        .join(MailingList, MailingList.id == Thread.list_id)
        .where(Message.list_id.in_(list_ids), Message.date >= since,
               Message.ghost.is_(False), Message.deleted.is_(False))
        .group_by(Thread.id, Thread.root_message_id, Thread.subject, MailingList.address)
        .order_by(count.desc(), Thread.id).limit(top)).all()
    return [tuple(row) for row in rows]


def _held(session: Session, list_ids, lists) -> dict[str, int]:
    names = {r.id: r.address for r in lists}
    rows = session.execute(select(Held.list_id, func.count()).where(
        Held.list_id.in_(list_ids), Held.status == "held").group_by(Held.list_id)).all()
    return {names[list_id]: count for list_id, count in rows}


def _bouncing(session: Session, list_ids, lists) -> dict[str, tuple[int, int]]:
    names = {r.id: r.address for r in lists}
    rows = session.execute(
        select(Member.list_id, func.count(), func.sum(case((Member.disabled.is_(True), 1),
                                                           else_=0)))
        .where(Member.list_id.in_(list_ids),
               or_(Member.bounce_score > 0, Member.disabled.is_(True)))
        .group_by(Member.list_id)).all()
    return {names[list_id]: (int(count), int(disabled or 0)) for list_id, count, disabled in rows}
