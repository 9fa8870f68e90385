"""The edition of a build: the project's version and the build date.

The date comes from ``SOURCE_DATE_EPOCH`` when it is set (reproducible builds), else from
the last commit, so that the same commit always says the same thing; in a copy without git
history, it is the day of the build.
"""

from __future__ import annotations

import functools
import os
import subprocess
import time
import tomllib
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]  # this checkout: the default of scripts


@dataclass(frozen=True)
class Edition:
    version: str
    date: str  # YYYY-MM-DD (UTC)
    offline: bool


def current_edition(*, offline: bool, root: Path = ROOT) -> Edition:
    """The version from ``pyproject.toml`` in ``root`` (the project's folder; "unknown" without
    one) and the build date."""
    pyproject = root / "pyproject.toml"
    mtime = pyproject.stat().st_mtime_ns if pyproject.is_file() else 0
    return _edition(root, offline, os.environ.get("SOURCE_DATE_EPOCH", ""), mtime, _head(root))


def _head(root: Path) -> str:
    """The current commit (cheap: read from ``.git``), so that a new commit gives a new date."""
    try:
        head = (root / ".git" / "HEAD").read_text(encoding="utf-8").strip()
        if head.startswith("ref: "):
            ref = root / ".git" / head[5:]
            return ref.read_text(encoding="utf-8").strip() if ref.exists() else head
        return head
    except OSError:
        return ""


@functools.lru_cache(maxsize=8)
def _edition(root: Path, offline: bool, epoch: str, _mtime: int, _head: str) -> Edition:
    pyproject = root / "pyproject.toml"
    try:
        version = str(tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["version"])
    except (OSError, KeyError, TypeError, tomllib.TOMLDecodeError):
        version = "unknown"
    if not epoch:
        try:
            epoch = subprocess.run(
                ["git", "log", "-1", "--format=%ct"], cwd=root, capture_output=True, text=True, check=True
            ).stdout.strip()
        except (OSError, subprocess.CalledProcessError):
            epoch = ""
    # Neither a reproducible date nor a commit (a copy without git history): the day of the build.
    date = time.strftime("%Y-%m-%d", time.gmtime(int(epoch) if epoch.isdigit() else None))
    return Edition(version=version, date=date, offline=offline)
