"""The data directory: the SQLite file, the outbox, the secret key, owner-only.

Everything in it is private (members' addresses, private lists' mail, the key that signs
unsubscribe links), so directories are 0700 and files 0600 whatever the umask, as Postfix
keeps its queue and Mailman its ``var/``. Files are created with those modes, and ``relais
init`` / ``serve`` tighten a data dir that an older version or a careless copy left open.
"""
from __future__ import annotations

import os
import stat
from pathlib import Path

DIRECTORY, FILE = 0o700, 0o600


def private_dir(path: Path) -> Path:
    """Create a directory (and its missing parents) readable by its owner only."""
    path.mkdir(mode=DIRECTORY, parents=True, exist_ok=True)
    _chmod(path, DIRECTORY)
    return path


def private_file(path: Path) -> Path:
    """Create an empty file readable by its owner only, unless it exists (then tighten it).
    A missing parent is created private; an existing one is left as it is."""
    path.parent.mkdir(mode=DIRECTORY, parents=True, exist_ok=True)
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT, FILE))
    _chmod(path, FILE)
    return path


def _chmod(path: Path, wanted: int) -> None:
    """Directories become exactly ``wanted``; a file loses its group and other bits only
    (an owner's execute bit, on a script someone keeps there, is not ours to take)."""
    try:
        current = stat.S_IMODE(os.lstat(path).st_mode)
        target = wanted if wanted == DIRECTORY else (current & 0o700) | FILE
        if current != target:
            os.chmod(path, target)
    except FileNotFoundError:  # an outbox file sent (removed) meanwhile
        pass


def tighten(data_dir: Path, sqlite_file: Path | None = None) -> None:
    """Make the data dir and everything in it owner-only (symbolic links are left alone),
    and the SQLite file with its -wal and -shm when it lives elsewhere."""
    private_dir(data_dir)
    for folder, dirs, files in os.walk(data_dir):
        for name in dirs:
            if not os.path.islink(os.path.join(folder, name)):
                _chmod(Path(folder, name), DIRECTORY)
        for name in files:
            if not os.path.islink(os.path.join(folder, name)):
                _chmod(Path(folder, name), FILE)
    if sqlite_file is not None:
        for suffix in ("", "-wal", "-shm", "-journal"):
            candidate = Path(f"{sqlite_file}{suffix}")
            if candidate.exists() and not candidate.is_symlink():
                _chmod(candidate, FILE)
