"""Build the site atomically: into a staging folder, then swap it into place.

A failed build leaves the previous ``site/`` untouched. ``SOURCE_DATE_EPOCH`` defaults
to the time of the last commit, so that the same commit builds the same bytes.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def source_date_epoch() -> str:
    """The time of the last commit, or 0 outside a git checkout."""
    try:
        out = subprocess.run(
            ["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout.strip()
        return out or "0"
    except (OSError, subprocess.CalledProcessError):
        return "0"


def build(site_dir: Path, *, extra_args: list[str] | None = None) -> int:
    """Build into a staging folder beside ``site_dir`` and swap it in on success."""
    env = dict(os.environ)
    env.setdefault("SOURCE_DATE_EPOCH", source_date_epoch())
    env.setdefault("NO_MKDOCS_2_WARNING", "1")
    site_dir = site_dir.resolve()
    staging = Path(tempfile.mkdtemp(prefix=f"{site_dir.name}.staging-", dir=site_dir.parent))
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(staging), *(extra_args or [])]
    result = subprocess.run(command, cwd=ROOT, env=env)
    if result.returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        print(f"build failed; {site_dir.name}/ was left as it was", file=sys.stderr)
        return result.returncode
    old = site_dir.with_name(f"{site_dir.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(old)
    staging.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)
    print(f"site built into {site_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(build(ROOT / "site", extra_args=sys.argv[1:]))
