"""The cross-assembly digest: one issue per period, grouped by theme then by assembly.

An issue covers a complete period (a UTC day, or an ISO week from Monday) of public lists:
per theme and assembly, the threads started in the period and the most active others
(messages, participants), each with a short excerpt. The issue is built once and stored
(``digest_issues``) so its permalink never changes; sending it is idempotent per
subscriber (``digest_deliveries``). Subscribing is double opt-in: the confirmation link
carries the reader's choices in an HMAC-signed string, and only a confirmed reader gets a
row in ``digest_subscribers``. Unsubscribe links are signed too (RFC 8058: no login).
"""
from __future__ import annotations

import json
from datetime import datetime, timedelta
from urllib.parse import urlsplit

from sqlalchemy import (func, select)
from sqlalchemy.orm import Session, undefer

from federation.reading.addresses import obfuscate
from federation.storage.models import DigestIssue, MailingList, Message, Theme, Thread, ThreadTheme, utcnow

PERIODS = {"day": timedelta(days=1), "week": timedelta(weeks=1)}
NEW_PER_GROUP = 10
ACTIVE_PER_GROUP = 5
EXCERPT = 280
CONFIRM_DAYS = 3


class Invalid(ValueError):
    """A subscription request or a signed link that cannot be honoured; str() says why."""


def bounds(period: str, now: datetime) -> tuple[datetime, datetime]:
    """The last complete period before ``now`` (naive UTC): [start, end)."""
    end = now.replace(hour=0, minute=0, second=0, microsecond=0)
    if period == "week":
        end -= timedelta(days=end.weekday())  # ISO weeks start on Monday
    return end - PERIODS[period], end


def slug_of(period: str, start: datetime) -> str:
    """The public name of an issue: its day, or its ISO week ("2025-W11")."""
    if period == "week":
        year, week, _ = start.isocalendar()
        return f"{year}-W{week:02d}"
    return start.date().isoformat()


def _excerpt(text: str) -> str:
    lines = [line for line in (text or "").splitlines() if not line.lstrip().startswith(">")]
    flat = " ".join(" ".join(lines).split())
    return obfuscate(flat if len(flat) <= EXCERPT else flat[:EXCERPT].rsplit(" ", 1)[0] + " …")


def _activity(session: Session, start: datetime, end: datetime) -> dict[int, tuple]:
    """thread id → (messages, participants, last message date) in the period, public lists."""
    rows = session.execute(
        select(Message.thread_id, func.count(Message.id),
               func.count(func.distinct(Message.from_addr)), func.max(Message.date))
        .join(MailingList, Message.list_id == MailingList.id)
        .where(MailingList.public.is_(True), Message.ghost.is_(False),
               Message.deleted.is_(False), Message.thread_id.is_not(None),
               Message.date >= start, Message.date < end)
        .group_by(Message.thread_id))
    return {row[0]: tuple(row[1:]) for row in rows}


def _thread_item(session: Session, thread: Thread, stats: tuple, start: datetime) -> dict:
    """What an issue says about one thread: subject, numbers, excerpt, ids to link and reply."""
    messages = list(session.scalars(
        select(Message).options(undefer(Message.body_text))
        .where(Message.thread_id == thread.id, Message.ghost.is_(False),
               Message.deleted.is_(False)).order_by(Message.date, Message.id)))
    root = next((m for m in messages if m.message_id == thread.root_message_id), messages[0])
    latest = messages[-1]
    ml = thread.mailing_list
    # a peer's list mirrored here (issue 11) is named with the instance it comes from
    origin = urlsplit(ml.origin_peer.origin).netloc if ml.origin_peer_id else ""
    return {"subject": obfuscate(thread.subject or root.subject), "root": root.message_id,
            "latest": latest.message_id, "list": ml.address, "origin": origin,
            "list_name": f"{ml.name} · via {origin}" if origin else ml.name,
            "messages": stats[0], "participants": stats[1], "total": len(messages),
            "new": thread.started_at >= start, "excerpt": _excerpt(root.body_text)}


def _themes_of(session: Session, thread_ids: list[int]) -> dict[int, list[Theme]]:
    found: dict[int, list[Theme]] = {}
    for thread_id, theme in session.execute(
            select(ThreadTheme.thread_id, Theme).join(Theme, ThreadTheme.theme_id == Theme.id)
            .where(ThreadTheme.thread_id.in_(thread_ids), ThreadTheme.source != "rejected")
            .order_by(ThreadTheme.score.desc())):
        found.setdefault(thread_id, []).append(theme)
    return found


def build(session: Session, period: str, start: datetime, end: datetime) -> dict:
    """The content of an issue: {"themes": [{slug, label_fr, label_en, assemblies: [{slug,
    name, new: [thread], active: [thread]}]}]}; a thread with no theme goes under slug ""."""
    activity = _activity(session, start, end)
    threads = list(session.scalars(select(Thread).where(Thread.id.in_(list(activity)))))
    themes = _themes_of(session, [t.id for t in threads])
    groups: dict[str, dict] = {}
    for thread in sorted(threads, key=lambda t: (-activity[t.id][0], -activity[t.id][1], t.id)):
        item = _thread_item(session, thread, activity[thread.id], start)
        assembly = thread.mailing_list.assembly
        for theme in themes.get(thread.id) or [None]:
            key = theme.slug if theme else ""
            group = groups.setdefault(key, {
                "slug": key, "label_fr": theme.label_fr if theme else "Autres sujets",
                "label_en": theme.label_en if theme else "Other subjects", "assemblies": {}})
            place = group["assemblies"].setdefault(assembly.slug, {
                "slug": assembly.slug, "name": assembly.name, "new": [], "active": []})
            kind, cap = ("new", NEW_PER_GROUP) if item["new"] else ("active", ACTIVE_PER_GROUP)
            if len(place[kind]) < cap:
                place[kind].append(item)
    ordered = sorted(groups.values(), key=lambda g: (g["slug"] == "", -sum(
        len(a["new"]) + len(a["active"]) for a in g["assemblies"].values()), g["slug"]))
    for group in ordered:
        group["assemblies"] = sorted(group["assemblies"].values(), key=lambda a: a["name"])
    return {"period": period, "start": start.isoformat(), "end": end.isoformat(),
            "threads": len(threads), "messages": sum(a[0] for a in activity.values()),
            "themes": ordered}


def publish(session: Session, period: str, now: datetime | None = None) -> DigestIssue | None:
    """The issue of the last complete period, built and stored once; None if nothing happened."""
    if period not in PERIODS:
        raise Invalid(f"unknown period {period!r}: day or week")
    start, end = bounds(period, now or utcnow())
    slug = slug_of(period, start)
    existing = session.scalar(select(DigestIssue).where(DigestIssue.slug == slug))
    if existing is not None:
        return existing
    content = build(session, period, start, end)
    if not content["threads"]:
        return None
    issue = DigestIssue(slug=slug, period=period, starts_at=start, ends_at=end,
                        content=json.dumps(content, ensure_ascii=False))
    session.add(issue)
    session.flush()
    return issue


def issues(session: Session, limit: int = 200) -> list[DigestIssue]:
    """Published issues, newest first."""
    return list(session.scalars(select(DigestIssue).order_by(DigestIssue.ends_at.desc(),
                                                             DigestIssue.id.desc()).limit(limit)))


def issue(session: Session, key: str) -> DigestIssue | None:
    """An issue by its slug ("2025-W11", "2025-03-10") or its number."""
    found = session.scalar(select(DigestIssue).where(DigestIssue.slug == key))
    if found is None and key.isascii() and key.isdigit() and len(key) <= 9:  # fits any INTEGER
        found = session.get(DigestIssue, int(key))
    return found


def visible(session: Session, content: dict) -> dict:
    """An issue's content as it may be read now: threads of lists made private since it was
    published are left out (and out of its counts), so visibility is always the current one."""
    public = set(session.scalars(select(MailingList.address).where(MailingList.public.is_(True))))
    kept, gone = [], {}
    for group in content["themes"]:
        places = []
        for place in group["assemblies"]:
            shown = {kind: [i for i in place[kind] if i["list"] in public]
                     for kind in ("new", "active")}
            gone.update((i["root"], i["messages"]) for kind in ("new", "active")
                        for i in place[kind] if i["list"] not in public)
            if shown["new"] or shown["active"]:
                places.append({**place, **shown})
        if places:
            kept.append({**group, "assemblies": places})
    return {**content, "themes": kept, "threads": max(0, content["threads"] - len(gone)),
            "messages": max(0, content["messages"] - sum(gone.values()))}


def readable(session: Session, limit: int = 200) -> list[tuple[DigestIssue, dict]]:
    """Published issues with what may be read of them now, newest first; empty ones left out."""
    found = [(i, visible(session, i.data)) for i in issues(session, limit)]
    return [(i, content) for i, content in found if content["themes"]]


def readable_issue(session: Session, key: str) -> tuple[DigestIssue, dict] | None:
    """One issue (``issue``) with what may be read of it now; None when nothing is left."""
    found = issue(session, key)
    content = visible(session, found.data) if found is not None else None
    return (found, content) if content and content["themes"] else None


def selection(content: dict, themes: list[str], assemblies: list[str]) -> dict:
    """The part of an issue a reader chose (empty choices keep everything)."""
    kept = []
    for group in content["themes"]:
        if themes and group["slug"] not in themes:
            continue
        places = [a for a in group["assemblies"] if not assemblies or a["slug"] in assemblies]
        if places:
            kept.append({**group, "assemblies": places})
    return {**content, "themes": kept}


def _split(value: str) -> list[str]:
    return [v for v in value.split(",") if v]
