"""Shared by the benchmarks: generate (once) and read the shared corpus of realistic mail."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GENERATOR = ROOT.parent / "shared" / "bench" / "gen_corpus.py"
CACHE = ROOT / "bench" / "out"


def corpus_path(count: int, seed: int = 1) -> Path:
    """The path of a generated mboxrd corpus of ``count`` messages, generating it if needed."""
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"corpus-{count}-{seed}.mbox"
    if not path.exists():
        if not GENERATOR.exists():
            sys.exit(f"corpus generator not found at {GENERATOR} (../shared beside the checkout)")
        tmp = path.with_suffix(".tmp")
        subprocess.run([sys.executable, str(GENERATOR), "--n", str(count), "--seed", str(seed),
                        "--out", str(tmp)], check=True)
        tmp.rename(path)
    return path


def messages(path: Path, crlf: bool = False) -> list[bytes]:
    """Every raw message of an mboxrd file (with CRLF line ends, as SMTP carries them)."""
    sys.path.insert(0, str(ROOT))
    from feeds.mbox import read
    with open(path, "rb") as handle:
        raws = list(read(handle))
    if crlf:  # smtplib sends bytes as they are: bare LFs would be one endless SMTP line
        raws = [raw.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n") for raw in raws]
    return raws
