"""Themes: the shared taxonomy, tagging each thread, and admins' corrections.

A thread carries zero to three themes, each with a score and a source: ``explicit`` (a
#hashtag or [tag] in the subject of any of its messages), ``auto`` (the classifier, over the
root's subject and body and, with less weight, the replies) or ``manual`` (an admin's
choice). ``manual`` and ``rejected`` rows are never touched by an automatic pass. Themes are
derived data: ``retag`` replays tagging over the whole archive. Slugs are stable
identifiers; renaming keeps a theme's threads, merging moves them to the survivor.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from federation.archive import threads
from federation.storage.db import session_scope
from federation.errors import Invalid
from federation.storage.models import Message, Theme, Thread, ThreadTheme, utcnow
from federation.settings import Settings
from federation.themes.taxonomy import DEFAULT_THEMES, ThemeSpec, explicit_themes, fold
from federation.themes.training import Text, current, slug_map, thread_text

if TYPE_CHECKING:
    from federation.themes.classifier import Model

MAX_THEMES = 3
AUTOMATIC = ("explicit", "auto")
_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}$")
_MARKER = re.compile(r"#[^\W_][\w-]*|\[[^\]]{1,60}\]")


# --------------------------------------------------------------------------- the taxonomy

def _synonyms(theme: Theme) -> list[str]:
    return [s.strip() for s in (theme.synonyms or "").split(",") if s.strip()]


def ensure_defaults(session: Session) -> int:
    """Create the default themes that are missing (idempotent); returns how many were created.

    A default whose slug an admin has changed lives on as a synonym of the renamed theme,
    so it is not created again.
    """
    _forget(session)
    known = set()
    for theme in session.scalars(select(Theme)):
        known.update(fold(name) for name in (theme.slug, *_synonyms(theme)))
    created = 0
    for spec in DEFAULT_THEMES:
        if fold(spec.slug) not in known:
            session.add(Theme(slug=spec.slug, label_fr=spec.label_fr, label_en=spec.label_en,
                              description=spec.description, synonyms=", ".join(spec.synonyms)))
            created += 1
    session.flush()
    return created


def find(session: Session, slug: str) -> Theme:
    """The theme with this slug, or ``Invalid`` naming the problem."""
    theme = session.scalar(select(Theme).filter_by(slug=slug.strip().lower()))
    if theme is None:
        raise Invalid(f"no theme {slug!r}; see 'relais themes list'")
    return theme


def _active(session: Session, slug: str) -> Theme:
    """The theme a slug stands for now: the survivor of a merge; retired themes refused."""
    theme, seen = find(session, slug), set()
    while theme.merged_into_id is not None and theme.id not in seen:
        seen.add(theme.id)
        theme = session.get(Theme, theme.merged_into_id)
    if theme.retired:
        raise Invalid(f"theme {theme.slug!r} is retired")
    return theme


def add(session: Session, slug: str, label_fr: str, label_en: str = "", description: str = "",
        synonyms: Sequence[str] = ()) -> Theme:
    """Create a theme, or update and un-retire an existing one (idempotent)."""
    _forget(session)
    slug = slug.strip().lower()
    if not _SLUG.match(slug):
        raise Invalid(f"invalid theme slug {slug!r}: lowercase letters, digits and '-'")
    theme = session.scalar(select(Theme).filter_by(slug=slug))
    if theme is None:
        theme = Theme(slug=slug, label_fr=label_fr or slug, label_en=label_en or label_fr or slug,
                      description=description, synonyms=", ".join(synonyms))
        session.add(theme)
    else:
        theme.label_fr = label_fr or theme.label_fr
        theme.label_en = label_en or theme.label_en
        theme.description = description or theme.description
        theme.synonyms = ", ".join(dict.fromkeys([*_synonyms(theme), *synonyms]))
        theme.retired = False
    session.flush()
    return theme


def rename(session: Session, slug: str, label_fr: str = "", label_en: str = "",
           new_slug: str = "", description: str = "") -> Theme:
    """Change a theme's labels (and its slug only when asked); its threads stay with it."""
    _forget(session)
    theme = find(session, slug)
    if new_slug and new_slug != theme.slug:
        new_slug = new_slug.strip().lower()
        if not _SLUG.match(new_slug):
            raise Invalid(f"invalid theme slug {new_slug!r}: lowercase letters, digits and '-'")
        if session.scalar(select(Theme.id).filter_by(slug=new_slug)) is not None:
            raise Invalid(f"theme {new_slug!r} already exists; merge instead")
        # The old slug keeps working as a #hashtag.
        theme.synonyms = ", ".join(dict.fromkeys([*_synonyms(theme), theme.slug]))
        theme.slug = new_slug
    theme.label_fr = label_fr or theme.label_fr
    theme.label_en = label_en or theme.label_en
    theme.description = description or theme.description
    session.flush()
    return theme


def _rank(row: ThreadTheme) -> tuple:
    """Which of two rows for the same thread and theme wins: admins' decisions, then the score."""
    return (row.source == "manual", row.source == "rejected", row.source == "explicit", row.score)


def _absorb(session: Session, keep: ThreadTheme | None, moving: ThreadTheme, **new_home) -> None:
    """Move ``moving`` to its new thread or theme, or fold it into ``keep`` already there."""
    if keep is None:
        for name, value in new_home.items():
            setattr(moving, name, value)
        return
    if _rank(moving) > _rank(keep):
        keep.score, keep.source, keep.reasons = moving.score, moving.source, moving.reasons
        keep.updated_at = utcnow()
    session.delete(moving)


def merge(session: Session, slug: str, into: str) -> Theme:
    """Merge a theme into another: its threads move to the survivor, it stays as a redirect."""
    _forget(session)
    gone, keep = find(session, slug), _active(session, into)
    if gone.id == keep.id:
        raise Invalid("a theme cannot be merged into itself")
    kept = {row.thread_id: row for row in session.scalars(
        select(ThreadTheme).filter_by(theme_id=keep.id))}
    for row in list(session.scalars(select(ThreadTheme).filter_by(theme_id=gone.id))):
        _absorb(session, kept.get(row.thread_id), row, theme_id=keep.id)
    session.flush()
    gone.merged_into_id = keep.id
    session.flush()
    return keep


def retire(session: Session, slug: str) -> Theme:
    """Stop giving a theme to threads and hide it; its rows stay, so ``add`` can bring it back."""
    _forget(session)
    theme = find(session, slug)
    theme.retired = True
    session.flush()
    return theme


def listed(session: Session) -> list[Theme]:
    """Every theme, active ones first, for the command line and the console."""
    return list(session.scalars(select(Theme).order_by(
        Theme.retired, Theme.merged_into_id.is_not(None), Theme.id)))


def _specs(themes: list[Theme], mapping: dict[str, str | None]) -> list[ThemeSpec]:
    """Active themes as taxonomy specs; merged themes' names count as synonyms of the survivor."""
    names: dict[str, list[str]] = {}
    for theme in themes:
        target = mapping.get(theme.slug)
        if target and target != theme.slug:
            names.setdefault(target, []).extend([theme.slug, theme.label_fr, theme.label_en,
                                                 *_synonyms(theme)])
    return [ThemeSpec(t.slug, t.label_fr, t.label_en, t.description,
                      (*_synonyms(t), *names.get(t.slug, ())))
            for t in themes if mapping.get(t.slug) == t.slug]


@dataclass(frozen=True)
class Context:
    """What tagging needs besides the thread, read once per message or per retag batch."""

    specs: list[ThemeSpec]
    ids: dict[str, int]
    mapping: dict[str, str | None]
    model: Model


def context(session: Session, settings: Settings) -> Context:
    """Read the taxonomy (one query) and pick the model in use."""
    rows = list(session.scalars(select(Theme).order_by(Theme.id)))
    mapping = slug_map(session, rows)
    return Context(_specs(rows, mapping), {t.slug: t.id for t in rows}, mapping,
                   current(session, settings))


# --------------------------------------------------------------------------- tagging

def _list_tags(thread: Thread) -> set[str]:
    """Subject tags a list server adds ("[semences]", RFC 2919 lists): the list, not a theme."""
    mailing_list = thread.mailing_list
    tags = {fold(mailing_list.local_part)}
    prefix = (mailing_list.subject_prefix or "").strip().strip("[]").strip()
    if prefix:
        tags.add(fold(prefix))
    return tags


def _explicit(subjects: Iterable[str], known: list[ThemeSpec],
              list_tags: set[str]) -> dict[str, list[str]]:
    """Slugs named by #hashtags or [tags] in any subject of the thread, with the markers used."""
    found: dict[str, list[str]] = {}
    for subject in subjects:
        for marker in _MARKER.findall(subject):
            if marker.startswith("[") and fold(marker.strip("[] ")) in list_tags:
                continue
            for slug in explicit_themes(marker, known):
                markers = found.setdefault(slug, [])
                if marker not in markers:
                    markers.append(marker)
    return found


def wanted(known: Context, thread: Thread,
           text: Text) -> dict[int, tuple[float, str, list[str]]]:
    """Theme id → (score, source, reasons) the automatic pass proposes for a thread of this
    ``thread_text``, explicit ones first."""
    subject, body, replies, subjects = text
    if not subjects:
        return {}
    wanted: dict[int, tuple[float, str, list[str]]] = {}
    for slug, markers in _explicit(subjects, known.specs, _list_tags(thread)).items():
        wanted.setdefault(known.ids[slug], (1.0, "explicit", markers))
    for prediction in known.model.predict(subject, body, replies):
        slug = known.mapping.get(prediction.slug)
        if slug:
            wanted.setdefault(known.ids[slug], (prediction.score, "auto", list(prediction.reasons)))
    return wanted


def changes(rows: dict, wanted: dict[int, tuple[float, str, list[str]]]):
    """What the automatic pass changes among a thread's rows (theme id → row with ``score``,
    ``source``, ``reasons``): the automatic theme ids to drop, and (theme id, score, source,
    encoded reasons) to set, for new or changed rows only; admins' rows stay as they are."""
    locked = {theme_id for theme_id, row in rows.items() if row.source not in AUTOMATIC}
    room = max(0, MAX_THEMES - sum(row.source == "manual" for row in rows.values()))
    chosen = [(theme_id, found) for theme_id, found in wanted.items()
              if theme_id not in locked][:room]
    chosen_ids = {theme_id for theme_id, _ in chosen}
    dropped = [theme_id for theme_id, row in rows.items()
               if row.source in AUTOMATIC and theme_id not in chosen_ids]
    changed = []
    for theme_id, (score, source, reasons) in chosen:
        encoded = json.dumps(reasons, ensure_ascii=False)
        row = rows.get(theme_id)
        if row is None or (row.score, row.source, row.reasons) != (score, source, encoded):
            changed.append((theme_id, score, source, encoded))
    return dropped, changed


def tag_thread(session: Session, settings: Settings, thread: Thread,
               known: Context | None = None) -> None:
    """Recompute a thread's explicit and automatic themes; admins' rows are left as they are."""
    known = known or context(session, settings)
    rows = {row.theme_id: row for row in session.scalars(
        select(ThreadTheme).filter_by(thread_id=thread.id))}
    dropped, changed = changes(rows, wanted(known, thread, thread_text(session, thread)))
    for theme_id in dropped:
        session.delete(rows[theme_id])
    for theme_id, score, source, encoded in changed:
        row = rows.get(theme_id)
        if row is None:
            row = ThreadTheme(thread_id=thread.id, theme_id=theme_id)
            session.add(row)
        row.score, row.source, row.reasons, row.updated_at = score, source, encoded, utcnow()
    session.flush()


_CONTEXT = "themes.context"


def _session_context(session: Session, settings: Settings) -> Context:
    """The tagging context, read once per session (a pipeline batch tags many threads)."""
    known = session.info.get(_CONTEXT)
    if known is None:
        known = session.info[_CONTEXT] = context(session, settings)
    return known


def _forget(session: Session) -> None:
    """The taxonomy changed in this session: read it again before the next tagging."""
    session.info.pop(_CONTEXT, None)


def tag(session: Session, settings: Settings, message: Message) -> None:
    """Pipeline step: retag the message's thread, so its themes follow every reply."""
    if message.thread_id is not None:
        thread = session.get(Thread, message.thread_id)
        if thread is not None:
            tag_thread(session, settings, thread, _session_context(session, settings))


def retag(settings: Settings, batch: int = 500) -> int:
    """Replay tagging over every thread of the archive; returns the number of threads."""
    with session_scope(settings) as session:
        thread_ids = list(session.scalars(select(Thread.id).order_by(Thread.id)))
    for start in range(0, len(thread_ids), batch):
        with session_scope(settings) as session:
            known = context(session, settings)
            chunk = thread_ids[start:start + batch]
            for thread in session.scalars(select(Thread).where(Thread.id.in_(chunk))
                                          .options(joinedload(Thread.mailing_list))):
                tag_thread(session, settings, thread, known)
    return len(thread_ids)


def follow_merge(session: Session, keep_id: int, gone_id: int) -> None:
    """Thread merge hook: move the themes of a thread about to be deleted to the survivor."""
    kept = {row.theme_id: row for row in session.scalars(
        select(ThreadTheme).filter_by(thread_id=keep_id))}
    for row in list(session.scalars(select(ThreadTheme).filter_by(thread_id=gone_id))):
        _absorb(session, kept.get(row.theme_id), row, thread_id=keep_id)
    session.flush()


if follow_merge not in threads.MERGE_HOOKS:
    threads.MERGE_HOOKS.append(follow_merge)


# --------------------------------------------------------------------------- corrections

def thread_of(session: Session, message_id: str) -> Thread:
    """The thread of an archived message, found by its Message-ID (angle brackets optional)."""
    thread_id = session.scalar(select(Message.thread_id).where(
        Message.message_id == message_id.strip().strip("<>"), Message.ghost.is_(False))
        .order_by(Message.id).limit(1))
    if thread_id is None:
        raise Invalid(f"no archived message <{message_id.strip().strip('<>')}>")
    return session.get(Thread, thread_id)


def _decide(session: Session, thread: Thread, theme: Theme, source: str) -> ThreadTheme:
    """Record an admin's decision on one theme of one thread."""
    row = session.scalar(select(ThreadTheme).filter_by(thread_id=thread.id, theme_id=theme.id))
    if row is None:
        row = ThreadTheme(thread_id=thread.id, theme_id=theme.id, score=1.0, reasons="[]")
        session.add(row)
    row.source, row.updated_at = source, utcnow()
    session.flush()
    return row


def confirm(session: Session, thread: Thread, slug: str) -> ThreadTheme:
    """An admin confirms (or adds) a theme: it becomes manual, kept by every later pass."""
    return _decide(session, thread, _active(session, slug), "manual")


def reject(session: Session, thread: Thread, slug: str) -> ThreadTheme:
    """An admin rejects a theme: hidden, never re-added automatically, a negative example."""
    return _decide(session, thread, _active(session, slug), "rejected")


def set_manual(session: Session, thread: Thread, slugs: Sequence[str]) -> list[ThreadTheme]:
    """An admin sets a thread's themes exactly: these become manual, every other one rejected."""
    chosen = [_active(session, slug) for slug in slugs]
    ids = {theme.id for theme in chosen}
    for row in session.scalars(select(ThreadTheme).filter_by(thread_id=thread.id)):
        if row.theme_id not in ids and row.source != "rejected":
            row.source, row.updated_at = "rejected", utcnow()
    return [_decide(session, thread, theme, "manual") for theme in chosen]

