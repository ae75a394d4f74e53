"""Install the peers once, idempotently: Mailman 3 from PyPI in a venv, public-inbox from Debian."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

MAILMAN = "mailman==3.3.10"  # the last release; pip resolves its dependencies from PyPI


def python311() -> str:
    """A Python 3.11 interpreter for Mailman's venv (Mailman 3.3 supports 3.9 to 3.11+)."""
    for candidate in ("/usr/bin/python3.11", shutil.which("python3.11"), sys.executable):
        if candidate and Path(candidate).exists():
            return candidate
    sys.exit("no python3.11 for Mailman's venv")


def mailman(venv: Path) -> Path:
    """bench/out/mailman-venv with Mailman installed; created on first use."""
    if not (venv / "bin" / "master").exists():
        print(f"installing {MAILMAN} into {venv} (pip, once)", flush=True)
        if not (venv / "bin" / "pip").exists():
            subprocess.run([python311(), "-m", "venv", str(venv)], check=True)
        subprocess.run([str(venv / "bin" / "pip"), "install", "-q", MAILMAN], check=True)
    return venv


def public_inbox() -> None:
    """Debian's public-inbox package (and its Perl libraries, git and Xapian bindings)."""
    if shutil.which("public-inbox-init") and shutil.which("public-inbox-httpd"):
        return
    print("installing public-inbox (apt-get, once)", flush=True)
    install = ["apt-get", "install", "-y", "-q", "public-inbox"]
    if subprocess.run(install, env={"DEBIAN_FRONTEND": "noninteractive", "PATH": "/usr/sbin:/usr/bin:/sbin:/bin"}).returncode:
        subprocess.run(["apt-get", "update", "-q"], check=True)
        subprocess.run(install, check=True, env={"DEBIAN_FRONTEND": "noninteractive",
                                                 "PATH": "/usr/sbin:/usr/bin:/sbin:/bin"})


def versions(venv: Path) -> dict[str, str]:
    """The versions measured, for the record."""
    found = {}
    done = subprocess.run([str(venv / "bin" / "pip"), "show", "mailman"], capture_output=True,
                          text=True)
    found["mailman"] = next((line.split(":", 1)[1].strip() for line in done.stdout.splitlines()
                             if line.startswith("Version:")), "?")
    done = subprocess.run(["dpkg-query", "-W", "-f", "${Version}", "public-inbox"],
                          capture_output=True, text=True)
    found["public-inbox"] = done.stdout.strip() or "?"
    return found
