"""The data directory, the SQLite file (with its -wal and -shm), the outbox and the secret key
are readable by their owner only (0700 directories, 0600 files), whatever the umask."""
from __future__ import annotations

import os
import stat
from email.utils import formatdate
from pathlib import Path

import pytest
from click.testing import CliRunner

from federation.lists import membership
from federation.storage.db import session_scope
from federation.lists.directory import find_list
from relais.cli import main


@pytest.fixture
def loose_umask():
    """The umask of a careless shell: files 0644, directories 0755 unless Relais says so."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def mode(path: Path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


def loose(root: Path) -> list[str]:
    """Everything under root that its group or others could read, with its mode."""
    found = [] if mode(root) == 0o700 else [f"{root} {oct(mode(root))}"]
    for folder, dirs, files in os.walk(root):
        for name in dirs:
            if mode(Path(folder, name)) != 0o700:
                found.append(f"{Path(folder, name)} {oct(mode(Path(folder, name)))}")
        for name in files:
            if mode(Path(folder, name)) != 0o600:
                found.append(f"{Path(folder, name)} {oct(mode(Path(folder, name)))}")
    return found


def relais(data_dir: Path, *args: str):
    return CliRunner().invoke(main, list(args), env={"RELAIS_DATA_DIR": str(data_dir),
                                                     "DATABASE_URL": "", "RELAIS_SECRET_KEY": ""})


def test_init_makes_a_private_data_dir(tmp_path, loose_umask):
    data_dir = tmp_path / "var"
    result = relais(data_dir, "init")
    assert result.exit_code == 0, result.output
    assert (data_dir / "relais.sqlite3").exists() and (data_dir / "secret_key").exists()
    assert loose(data_dir) == []


def test_init_tightens_an_existing_data_dir(tmp_path, loose_umask):
    data_dir = tmp_path / "var"
    assert relais(data_dir, "init").exit_code == 0
    for path in [data_dir, *data_dir.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    (data_dir / "outbox" / "new").mkdir(parents=True)
    (data_dir / "outbox" / "new" / "1.copy").write_bytes(b"Subject: x\r\n\r\nsecret\r\n")
    assert loose(data_dir)
    assert relais(data_dir, "init").exit_code == 0
    assert loose(data_dir) == []


def test_stored_and_sent_messages_stay_private(lists, send, loose_umask):
    """After a post is archived (SQLite file, -wal, -shm) and copied to the outbox."""
    with session_scope(lists) as session:
        membership.add(session, find_list(session, "semences@lists.test"), "bob@example.net")
    raw = (f"From: Alice <alice@example.org>\r\nTo: semences@lists.test\r\n"
           f"Subject: Graines\r\nMessage-ID: <graines@example.org>\r\nDate: {formatdate()}\r\n"
           "\r\nDes graines.\r\n").encode()
    assert send(raw)[0] == 250
    data_dir = lists.data_dir
    if lists.is_sqlite:
        assert (data_dir / "relais.sqlite3-wal").exists()
        assert (data_dir / "relais.sqlite3-shm").exists()
    assert list((data_dir / "outbox" / "new").iterdir())  # bob's copy
    assert loose(data_dir) == []
