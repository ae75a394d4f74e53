"""mbox import and export: the same ingest path, lossless, idempotent."""
from __future__ import annotations

import io
import mailbox

import pytest
from sqlalchemy import func, select

from federation.storage.db import session_scope
from federation.storage.models import Message, Thread
from feeds import mbox as mboxrd
from mail import mbox
from backends import FIXTURES
from messages import mail
NAMES = ("root.eml", "reply-8bit-fr.eml", "reply-latin1.eml", "early-child.eml",
         "late-parent.eml", "rfc2047-html.eml")


def _write_mbox(path, raws):
    path.write_bytes(b"".join(mboxrd.entry(raw, "someone@example.org") for raw in raws))


def test_mboxrd_round_trip_keeps_from_lines():
    raw = b"Subject: x\n\nFrom the start\n>From quoted\n>>From twice\nend\n"
    assert list(mboxrd.read(io.BytesIO(mboxrd.entry(raw)))) == [raw]


@pytest.mark.parametrize("data", [
    b"", b"From a\n", b"From a", b"\nFrom a\nx\n", b"\r\nFrom a\r\nx\r\n\r\n",
    b"junk\nFrom a\nx\n\nFrom b\ny\n", b"From a\nFrom b\n\nFrom c\n\n\n",
    b"From a\r\nx\r\n\r\nFrom b\r\n>From q\r\n>>From r\r\n\r\n",
    b"From a\nx\n\r\r\nFrom b\n", b"From a\n\nFrom b", b"From \n\nFrom \n\n",
    b"From a\nx\n \nFrom b\n>From c\nFrom d\n"])
def test_reading_a_file_finds_what_reading_lines_does(tmp_path, data):
    """``read_file`` (one regular expression over the mapped file) yields the messages that
    ``read`` (line by line) does: separators after a blank line only, mboxrd unquoting."""
    path = tmp_path / "archive.mbox"
    path.write_bytes(data)
    assert list(mboxrd.read_file(path)) == list(mboxrd.read(io.BytesIO(data)))


def test_import_threads_and_is_idempotent(settings, lists, tmp_path):
    raws = [(FIXTURES / name).read_bytes().replace(b"\r\n", b"\n") for name in NAMES]
    path = tmp_path / "archive.mbox"
    _write_mbox(path, raws)
    first = mbox.import_file(settings, "semences@lists.test", path, batch=4)
    assert (first.archived, first.duplicates) == (6, 0)
    again = mbox.import_file(settings, "semences@lists.test", path, batch=4)
    assert (again.archived, again.duplicates) == (0, 6)
    with session_scope(settings) as session:
        assert session.scalar(select(func.count()).select_from(Message).where(
            Message.ghost.is_(False))) == 6
        jardin = session.scalar(select(Thread).where(
            Thread.root_message_id == "root-jardin@example.org"))
        assert jardin.message_count == 3
        stored = {m.message_id: m.raw for m in session.scalars(
            select(Message).where(Message.ghost.is_(False)))}
    assert stored["reply-1@example.org"] == raws[1]


def test_export_reads_back_with_the_stdlib(settings, lists, tmp_path):
    raws = [(FIXTURES / name).read_bytes().replace(b"\r\n", b"\n") for name in NAMES]
    path = tmp_path / "archive.mbox"
    _write_mbox(path, raws)
    mbox.import_file(settings, "semences@lists.test", path)
    exported = tmp_path / "export.mbox"
    exported.write_bytes(b"".join(mbox.export_list(settings, "semences@lists.test")))
    ids = sorted(m["Message-ID"] for m in mailbox.mbox(str(exported)))
    assert ids == sorted(f"<{mid}>" for mid in (
        "root-jardin@example.org", "reply-1@example.org", "reply-2@example.org",
        "early-child@example.org", "late-parent@example.org", "rfc2047@example.org"))
    assert list(mboxrd.read(exported.open("rb"))) == raws


def _two_lists_and_an_mbox(settings, tmp_path):
    """The fixtures as an mbox, and two empty lists (pool@, here@) to import it into."""
    from federation.lists import directory
    raws = [(FIXTURES / name).read_bytes().replace(b"\r\n", b"\n") for name in NAMES]
    path = tmp_path / "archive.mbox"
    _write_mbox(path, raws)
    with session_scope(settings) as session:
        directory.add_assembly(session, "lille", "Lille")
        for local in ("pool", "here"):
            directory.add_list(session, f"{local}@lists.test", "lille", "lists.test")
    return path


def test_import_parsed_by_worker_processes_matches_in_process(sqlite_settings, tmp_path):
    """Parsing in worker processes (big imports) archives exactly what parsing here does."""
    from federation.lists import directory
    path = _two_lists_and_an_mbox(sqlite_settings, tmp_path)
    pooled = mbox.import_file(sqlite_settings, "pool@lists.test", path, batch=2, workers=2)
    here = mbox.import_file(sqlite_settings, "here@lists.test", path, batch=2, workers=0)
    assert (pooled.archived, here.archived) == (6, 6)

    def archived(address):
        with session_scope(sqlite_settings) as session:
            rows = session.execute(select(
                Message.message_id, Message.subject, Message.from_addr, Message.body_text, Message.body_html, Message.references, Message.processed,
                Thread.root_message_id, Thread.message_count)
                .join(Thread, Thread.id == Message.thread_id)
                .where(Message.list_id == directory.find_list(session, address).id,
                       Message.ghost.is_(False)).order_by(Message.message_id)).all()
            return [tuple(row) for row in rows]
    assert archived("pool@lists.test") == archived("here@lists.test")
    assert all(row[6] for row in archived("pool@lists.test"))  # the pipeline ran


_FORKED_IMPORT = """
import sys
from pathlib import Path
from federation.settings import Settings
from federation.storage.db import session_scope
from federation.storage.models import Message
from relais.jobs import register
from mail import mbox
register()
settings = Settings(data_dir=Path(sys.argv[1]), database_url=sys.argv[2], secret_key="test-secret",
                    mail_domain="lists.test")
with session_scope(settings) as session:  # a pooled connection the fork must not carry
    session.query(Message).count()
assert mbox._start_method(settings) == "fork", "a lone thread forks its workers"
totals = mbox.import_file(settings, "pool@lists.test", Path(sys.argv[3]), batch=2, workers=2)
print(totals.archived)
"""


def test_import_forked_from_a_lone_thread_matches_in_process(sqlite_settings, tmp_path):
    """``relais import`` (one thread) forks its workers; they archive what parsing here
    does, and the connection this process had open does not cross the fork."""
    import subprocess
    import sys
    path = _two_lists_and_an_mbox(sqlite_settings, tmp_path)
    done = subprocess.run([sys.executable, "-c", _FORKED_IMPORT, str(sqlite_settings.data_dir),
                           sqlite_settings.database_url, str(path)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["6"]
    here = mbox.import_file(sqlite_settings, "here@lists.test", path, batch=2, workers=0)
    assert here.archived == 6
    assert _archived(sqlite_settings, "pool@lists.test") == _archived(sqlite_settings,
                                                                      "here@lists.test")


def _archived(settings, address):
    from federation.lists import directory
    with session_scope(settings) as session:
        rows = session.execute(select(
            Message.message_id, Message.subject, Message.from_addr, Message.body_text,
            Message.body_html, Message.references, Message.processed,
            Thread.root_message_id, Thread.message_count)
            .join(Thread, Thread.id == Message.thread_id)
            .where(Message.list_id == directory.find_list(session, address).id,
                   Message.ghost.is_(False)).order_by(Message.message_id)).all()
        return [tuple(row) for row in rows]


def _themes(settings) -> dict[str, list[tuple[str, str, float, str]]]:
    """Thread root → its (theme slug, source, score, reasons) rows, sorted."""
    from federation.storage.models import Theme, ThreadTheme
    with session_scope(settings) as session:
        rows = session.execute(select(Thread.root_message_id, Theme.slug, ThreadTheme.source,
                                      ThreadTheme.score, ThreadTheme.reasons)
                               .join(ThreadTheme, ThreadTheme.thread_id == Thread.id)
                               .join(Theme, Theme.id == ThreadTheme.theme_id)).all()
    found: dict[str, list] = {}
    for root, *row in sorted(rows):
        found.setdefault(root, []).append(tuple(row))
    return found


@pytest.mark.parametrize("workers", [0, 2])
def test_import_tags_threads_spread_over_batches_as_a_replay_would(lists, tmp_path, workers):
    """Themes are proposed batch by batch (by the worker processes when there are some): a
    thread whose later messages come batches after its root ends with the themes of its
    whole text, a thread merged into another leaves none behind, every message is processed."""
    from federation.themes import tagging
    raws = [mail("velo@example.org", "Atelier vélo", "On répare des vélos samedi.", minute=1),
            mail("jardin@example.org", "Jardin partagé", "Qui vient bêcher ?", minute=2),
            mail("orphan@example.org", "Re: Inventaire", "Voici la suite de l'inventaire.",
                 refs="late@example.org", minute=3),
            mail("r1@example.org", "Re: Jardin partagé", "Moi !", refs="jardin@example.org",
                 minute=4),
            mail("r2@example.org", "Re: Atelier vélo #semences", "Et un troc de graines.",
                 refs="velo@example.org", minute=5),
            mail("late@example.org", "Inventaire #logiciel-libre", "Le wiki de l'inventaire.",
                 minute=6)]
    path = tmp_path / "archive.mbox"
    _write_mbox(path, [raw.replace(b"\r\n", b"\n") for raw in raws])
    totals = mbox.import_file(lists, "semences@lists.test", path, batch=2, workers=workers)
    assert totals.archived == 6
    imported = _themes(lists)
    assert ("agriculture-alimentation", "explicit") in [r[:2] for r in imported["velo@example.org"]]
    assert ("logiciel-libre", "explicit") in [r[:2] for r in imported["late@example.org"]]
    tagging.retag(lists)
    assert _themes(lists) == imported
    with session_scope(lists) as session:
        assert session.scalar(select(func.count()).select_from(Message).where(
            Message.ghost.is_(False), Message.processed.is_(False))) == 0
