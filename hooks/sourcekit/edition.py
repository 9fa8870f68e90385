"""The edition of a build: the project's version and the build date.

The date comes from ``SOURCE_DATE_EPOCH`` when it is set (reproducible builds), else from
the last commit, so that the same commit always says the same thing.
"""

from __future__ import annotations

import os
import subprocess
import time
import tomllib
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Edition:
    version: str
    date: str  # YYYY-MM-DD (UTC)
    offline: bool


def current_edition(*, offline: bool) -> Edition:
    """The version from ``pyproject.toml`` and the build date."""
    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if not epoch:
        try:
            epoch = subprocess.run(
                ["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True, check=True
            ).stdout.strip()
        except (OSError, subprocess.CalledProcessError):
            epoch = ""
    date = time.strftime("%Y-%m-%d", time.gmtime(int(epoch))) if epoch.isdigit() else "unknown"
    return Edition(version=version, date=date, offline=offline)
