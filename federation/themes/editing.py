"""Admins' theme work from the console: taxonomy edits and thread corrections, in the audit log,
and the review queue that shows the threads the classifier is least sure of first.

The edits themselves are ``tagging``'s (the command line uses the same ones); corrections
are training data (``training.labelled``), and a retraining runs as a job, never in a web
request: the console asks for one (``request_retraining``) and shows the stored quality of
the newest model (``model_quality``), measured on examples held out of a first fit.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Sequence

from sqlalchemy import and_, exists, func, select
from sqlalchemy.orm import Session

from federation import queue
from federation.lists import audit
from federation.settings import Settings
from federation.storage.models import Theme, ThemeModel, Thread, ThreadTheme
from federation.themes import tagging

REVIEWED = ("manual", "rejected")


def add(session: Session, slug: str, label_fr: str, label_en: str = "", description: str = "",
        synonyms: Sequence[str] = (), *, actor: str = "", channel: str = "console") -> Theme:
    """Create a theme (or bring a retired one back) and log it."""
    theme = tagging.add(session, slug, label_fr, label_en, description, synonyms)
    audit.record(session, "theme.create", actor=actor, channel=channel, target=theme.slug,
                 label_fr=theme.label_fr, label_en=theme.label_en)
    return theme


def rename(session: Session, slug: str, label_fr: str = "", label_en: str = "",
           new_slug: str = "", description: str = "", *, actor: str = "",
           channel: str = "console") -> Theme:
    """Change a theme's labels (or slug) and log it; its threads stay with it."""
    theme = tagging.rename(session, slug, label_fr, label_en, new_slug, description)
    audit.record(session, "theme.rename", actor=actor, channel=channel, target=theme.slug,
                 was=slug, label_fr=theme.label_fr, label_en=theme.label_en)
    return theme


def merge(session: Session, slug: str, into: str, *, actor: str = "",
          channel: str = "console") -> Theme:
    """Merge a theme into another and log it; its threads move to the survivor."""
    keep = tagging.merge(session, slug, into)
    audit.record(session, "theme.merge", actor=actor, channel=channel, target=slug,
                 into=keep.slug)
    return keep


def retire(session: Session, slug: str, *, actor: str = "", channel: str = "console") -> Theme:
    """Stop giving a theme to threads and log it."""
    theme = tagging.retire(session, slug)
    audit.record(session, "theme.retire", actor=actor, channel=channel, target=theme.slug)
    return theme


def correct(session: Session, thread: Thread, slugs: Sequence[str], *, actor: str = "",
            channel: str = "console") -> list[ThreadTheme]:
    """Set a thread's themes exactly (confirming the right ones, rejecting the rest) and log it."""
    before = themes_of(session, thread.id)
    rows = tagging.set_manual(session, thread, list(dict.fromkeys(slugs)))
    audit.record(session, "thread.themes", mailing_list=thread.mailing_list, actor=actor,
                 channel=channel, target=thread.root_message_id,
                 before=[slug for slug, _score, _source in before],
                 after=[session.get(Theme, row.theme_id).slug for row in rows])
    return rows


def themes_of(session: Session, thread_id: int) -> list[tuple[str, float, str]]:
    """A thread's themes as (slug, score, source), rejected ones left out, surest first."""
    return [tuple(row) for row in session.execute(
        select(Theme.slug, ThreadTheme.score, ThreadTheme.source)
        .join(Theme, Theme.id == ThreadTheme.theme_id)
        .where(ThreadTheme.thread_id == thread_id, ThreadTheme.source != "rejected")
        .order_by(ThreadTheme.score.desc()))]


@dataclass(frozen=True)
class Candidate:
    """A thread to review: its best automatic score (0 when it has no theme)."""

    thread_id: int
    subject: str
    root_message_id: str
    list_id: int
    confidence: float
    themes: tuple[tuple[str, float, str], ...]


def review_queue(session: Session, list_ids, limit: int = 20) -> list[Candidate]:
    """Threads no admin has reviewed yet, the classifier's least sure first (its best score)."""
    best = func.coalesce(func.max(ThreadTheme.score), 0.0)
    reviewed = exists().where(ThreadTheme.thread_id == Thread.id,
                              ThreadTheme.source.in_(REVIEWED)).correlate(Thread)
    rows = session.execute(
        select(Thread.id, Thread.subject, Thread.root_message_id, Thread.list_id,
               best.label("confidence"))
        .outerjoin(ThreadTheme, and_(ThreadTheme.thread_id == Thread.id,
                                     ThreadTheme.source.in_(tagging.AUTOMATIC)))
        .where(Thread.list_id.in_(list_ids), ~reviewed, Thread.message_count > 0)
        .group_by(Thread.id, Thread.subject, Thread.root_message_id, Thread.list_id)
        .order_by(best, Thread.last_activity.desc(), Thread.id).limit(limit)).all()
    return [Candidate(r.id, r.subject, r.root_message_id, r.list_id, float(r.confidence),
                      tuple(themes_of(session, r.id))) for r in rows]


def corrections_count(session: Session) -> int:
    """How many threads an admin has reviewed (the training data beyond the seed)."""
    return session.scalar(select(func.count(func.distinct(ThreadTheme.thread_id)))
                          .where(ThreadTheme.source.in_(REVIEWED))) or 0


@dataclass(frozen=True)
class Quality:
    """The newest trained model: its version, data, and held-out micro/macro F1."""

    version: int
    created_at: datetime
    examples: int
    corrections: int
    held_out: int
    micro_f1: float | None
    macro_f1: float | None


def model_quality(session: Session) -> Quality | None:
    """The newest stored model's figures (None: the shipped model is still in use)."""
    row = session.execute(select(
        ThemeModel.version, ThemeModel.created_at, ThemeModel.examples, ThemeModel.corrections,
        ThemeModel.held_out, ThemeModel.micro_f1, ThemeModel.macro_f1)
        .order_by(ThemeModel.version.desc()).limit(1)).first()
    return Quality(*row) if row is not None else None


def request_retraining(settings: Settings, *, actor: str = "") -> None:
    """Queue a retraining (a job, run in a process of its own: the fit never runs inside a
    web request, and scikit-learn never stays in the web process)."""
    queue.enqueue(settings, "retrain")
