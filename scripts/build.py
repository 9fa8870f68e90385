"""Build the site atomically: into a staging folder, then swap it into place.

A failed build leaves the previous ``site/`` untouched. So does an interrupted one: on
Ctrl-C (SIGINT) or SIGTERM the mkdocs process is stopped, the staging folder removed and one
line printed. Staging folders left by a build that could not clean up (SIGKILL, a crash) are
removed by the next build. ``SOURCE_DATE_EPOCH`` defaults to the time of the last commit, so
that the same commit builds the same bytes.
"""

from __future__ import annotations

import ctypes
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path
from types import FrameType

ROOT = Path(__file__).resolve().parents[1]
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


class Interrupted(Exception):
    """The build got SIGINT or SIGTERM."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


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
    staging: Path | None = None
    child: subprocess.Popen[bytes] | None = None
    previous = {signum: signal.signal(signum, _raise_interrupted) for signum in STOP_SIGNALS}
    try:
        remove_leftovers(site_dir)
        staging = Path(tempfile.mkdtemp(prefix=f"{site_dir.name}.staging-", dir=site_dir.parent))
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(staging), *(extra_args or [])]
        child = subprocess.Popen(command, cwd=ROOT, env=env, preexec_fn=_child_setup)  # noqa: PLW1509 - see _child_setup
        returncode = child.wait()
        # From here on the build is done: a signal now would only risk a half-swapped site.
        for signum in STOP_SIGNALS:
            signal.signal(signum, signal.SIG_IGN)
        if returncode != 0:
            shutil.rmtree(staging, ignore_errors=True)
            print(f"build failed; {site_dir.name}/ was left as it was", file=sys.stderr)
            return 128 - returncode if returncode < 0 else returncode  # killed by a signal: 128 + its number
        swap_in(staging, site_dir)
    except Interrupted as interrupted:
        for signum in STOP_SIGNALS:  # a second Ctrl-C must not interrupt the cleanup
            signal.signal(signum, signal.SIG_IGN)
        _stop(child)
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
        print(f"build interrupted; {site_dir.name}/ was left as it was", file=sys.stderr)
        return 128 + interrupted.signum
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
    print(f"site built into {site_dir}")
    return 0


def remove_leftovers(site_dir: Path) -> None:
    """Remove what an earlier build could not clean up: ``<site>.staging-*`` and ``<site>.old``
    folders beside ``site_dir``. Nothing else is touched, and a symlink is never followed."""
    if not site_dir.parent.is_dir():
        return
    for entry in site_dir.parent.iterdir():
        leftover = entry.name.startswith(f"{site_dir.name}.staging-") or entry.name == f"{site_dir.name}.old"
        if leftover and entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)


def swap_in(staging: Path, site_dir: Path) -> None:
    """Put ``staging`` in the place of ``site_dir`` (two renames, the old site removed after)."""
    old = site_dir.with_name(f"{site_dir.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(old)
    staging.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)


def _raise_interrupted(signum: int, frame: FrameType | None) -> None:
    raise Interrupted(signum)


def _child_setup() -> None:
    """In the mkdocs process, before it starts: ignore Ctrl-C and stop with this script.

    Ctrl-C reaches the whole process group; this script stops mkdocs itself, with SIGTERM,
    which ends it silently (on SIGINT, mkdocs would print "Aborted!"). And if this script is
    killed outright (SIGKILL), Linux sends mkdocs a SIGTERM, so that no orphan goes on
    writing a staging folder that the next build is about to remove.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform == "linux":
        pr_set_pdeathsig = 1
        ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGTERM)


def _stop(child: subprocess.Popen[bytes] | None) -> None:
    """Stop the mkdocs process and wait for it (forcibly after a few seconds)."""
    if child is None or child.poll() is not None:
        return
    child.terminate()
    try:
        child.wait(timeout=5)
    except subprocess.TimeoutExpired:
        child.kill()
        child.wait()


if __name__ == "__main__":
    sys.exit(build(ROOT / "site", extra_args=sys.argv[1:]))
