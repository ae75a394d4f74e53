"""``relais themes``: the taxonomy, retagging, retraining, corrections and the quality command."""
from __future__ import annotations

from pathlib import Path

import click

from federation.themes import editing, training, tagging as taxonomy
from federation.storage.db import session_scope
from federation.errors import Invalid
from federation.settings import Settings
from federation.themes.taxonomy import DEFAULT_THEMES


def _settings() -> Settings:
    return Settings.from_env().with_secret()


def _run(work):
    """Run ``work(session)`` in a transaction; turn ``Invalid`` into a clean error."""
    try:
        with session_scope(_settings()) as session:
            return work(session)
    except Invalid as error:
        raise click.ClickException(str(error))


@click.group()
def themes() -> None:
    """Themes: the shared taxonomy, tagging and its quality."""


@themes.command("list")
def list_() -> None:
    """Show every theme: slug, labels, state."""
    def show(session):
        for theme in taxonomy.listed(session):
            state = ("retired" if theme.retired else "active") if theme.merged_into_id is None \
                else "merged"
            click.echo(f"{theme.slug:26s} {state:7s} {theme.label_fr} / {theme.label_en}")
    _run(show)


@themes.command("add")
@click.argument("slug")
@click.option("--fr", "label_fr", required=True, help="French label.")
@click.option("--en", "label_en", default="", help="English label.")
@click.option("--description", default="")
@click.option("--synonym", "synonyms", multiple=True, help="A word matched as #hashtag or [tag].")
def add(slug: str, label_fr: str, label_en: str, description: str, synonyms: tuple) -> None:
    """Create a theme (or update and bring back a retired one)."""
    theme = _run(lambda s: editing.add(s, slug, label_fr, label_en, description, synonyms,
                                             channel="cli"))
    click.echo(f"theme {theme.slug}: {theme.label_fr}")


@themes.command("rename")
@click.argument("slug")
@click.option("--fr", "label_fr", default="", help="New French label.")
@click.option("--en", "label_en", default="", help="New English label.")
@click.option("--slug", "new_slug", default="", help="New slug (the old one stays a synonym).")
@click.option("--description", default="")
def rename(slug: str, label_fr: str, label_en: str, new_slug: str, description: str) -> None:
    """Change a theme's labels or slug; its threads stay with it."""
    theme = _run(lambda s: editing.rename(s, slug, label_fr, label_en, new_slug,
                                                description, channel="cli"))
    click.echo(f"theme {theme.slug}: {theme.label_fr} / {theme.label_en}")


@themes.command("merge")
@click.argument("slug")
@click.argument("into")
def merge(slug: str, into: str) -> None:
    """Merge SLUG into INTO: its threads move, its address redirects."""
    theme = _run(lambda s: editing.merge(s, slug, into, channel="cli"))
    click.echo(f"theme {slug} merged into {theme.slug}")


@themes.command("retire")
@click.argument("slug")
def retire(slug: str) -> None:
    """Stop using a theme (``relais themes add SLUG`` brings it back)."""
    theme = _run(lambda s: editing.retire(s, slug, channel="cli"))
    click.echo(f"theme {theme.slug} retired")


@themes.command("set")
@click.argument("message_id")
@click.argument("slugs", nargs=-1)
def set_(message_id: str, slugs: tuple) -> None:
    """Set the themes of the thread of MESSAGE_ID exactly (an admin correction)."""
    _run(lambda s: editing.correct(s, taxonomy.thread_of(s, message_id), slugs,
                                   channel="cli"))
    click.echo(f"themes set: {', '.join(slugs) or '(none)'}")


@themes.command("reject")
@click.argument("message_id")
@click.argument("slug")
def reject(message_id: str, slug: str) -> None:
    """Reject one theme of the thread of MESSAGE_ID (an admin correction)."""
    _run(lambda s: taxonomy.reject(s, taxonomy.thread_of(s, message_id), slug))
    click.echo(f"theme {slug} rejected")


@themes.command("retag")
def retag() -> None:
    """Replay theme tagging over the whole archive (admins' choices are kept)."""
    count = taxonomy.retag(_settings())
    click.echo(f"retagged {count} threads")


@themes.command("retrain")
def retrain() -> None:
    """Train a new model from the seed data plus admins' corrections."""
    version = training.retrain(_settings())
    quality = _run(editing.model_quality) if version else None
    click.echo(f"theme model v{version} in use" if version else
               "no correction yet: the shipped model is in use")
    if quality is not None and quality.micro_f1 is not None:
        click.echo(f"held-out ({quality.held_out} examples) micro-F1 {quality.micro_f1:.3f} "
                   f"macro-F1 {quality.macro_f1:.3f}")


@themes.command("eval")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--cv", "folds", type=int, default=0,
              help="K-fold cross-validation (train on K-1 folds, test on the other) instead.")
def eval_(path: Path, folds: int) -> None:
    """Score the shipped classifier on labelled messages (dev.jsonl format)."""
    from federation.themes import classifier  # numpy, and sklearn for --cv: this command only
    examples = classifier.load_examples(path)
    if not examples:
        raise click.ClickException(f"no labelled message in {path}")
    slugs = [spec.slug for spec in DEFAULT_THEMES]
    if folds > 1:
        report = classifier.cross_validate(examples, slugs, folds)
    else:
        report = classifier.evaluate(classifier.shipped(), examples)
    for line in report.lines():
        click.echo(line)
