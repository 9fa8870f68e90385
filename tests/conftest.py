"""Shared fixtures (project paths, a copy of the project to break, one built site, one browser)
and the test tiers.

Tiers are markers (pyproject.toml lists them; the Makefile's test targets select them):
``build`` and ``browser`` are given here from the fixtures a test uses, so that a new test
cannot land in ``make test-fast`` by forgetting its marker; a test that calls
``run_mkdocs_build`` without the ``build`` marker fails, saying so. ``slow`` (a pure test over
about 0.1 s) is set next to the test, or on a costly fixture with :func:`slow_fixture`;
``slowest`` (a gate of about 30 s or more) next to the test. ``make test-fast`` runs neither
``build``, ``browser`` nor ``slow``; ``make test-quick`` all but ``slowest``; ``make test`` all.
"""

from __future__ import annotations

import fcntl
import itertools
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
PROJECT_PARTS = ("mkdocs.yml", "pyproject.toml", "docs", "hooks", "overrides", "seeds")

# A test that uses one of these fixtures (directly or through another fixture) builds the
# site, or drives Chromium: it gets the marker, whatever its file says.
BUILDING_FIXTURES = frozenset({"built_site", "offline_edition", "zim_archive"})
BROWSER_FIXTURES = frozenset({"browser"})

def slow_fixture(function: Callable[..., Any]) -> Callable[..., Any]:
    """Say that a fixture's setup takes over about 0.1 s (it ingests the real seeds, a PDF, or
    asks hunspell): every test that uses it is marked ``slow``, and ``make test-fast`` skips it.
    Put it under ``@pytest.fixture``."""
    function.slow_setup = True  # type: ignore[attr-defined]
    return function


def _uses_a_slow_fixture(item: pytest.Item) -> bool:
    info = getattr(item, "_fixtureinfo", None)
    if info is None:
        return False
    return any(getattr(definition.func, "slow_setup", False) for definitions in info.name2fixturedefs.values() for definition in definitions)


# The test being run (set around each test's setup, call and teardown), so that a build can
# check its tier.
_running: pytest.Item | None = None


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark ``build`` every test that needs a built site, ``browser`` every one that needs
    Chromium (a browser test serves a built site, so it is ``build`` too), ``slow`` every one
    that uses a ``slow_fixture``."""
    for item in items:
        names = set(getattr(item, "fixturenames", ()))
        if names & BROWSER_FIXTURES:
            item.add_marker(pytest.mark.browser)
        if names & (BUILDING_FIXTURES | BROWSER_FIXTURES):
            item.add_marker(pytest.mark.build)
        if _uses_a_slow_fixture(item):
            item.add_marker(pytest.mark.slow)


# A file whose every test builds or is slow (its ``pytestmark`` names ``build`` or ``slow``) is
# not even imported when the marker expression leaves all its tests out: importing the test
# files is most of the fast tier's time.
_WHOLE_FILE_BUILDS = re.compile(r"^pytestmark = .*\bpytest\.mark\.build\b", re.MULTILINE)
_WHOLE_FILE_SLOW = re.compile(r"^pytestmark = .*\bpytest\.mark\.slow\b", re.MULTILINE)


def _least_markers(path: Path) -> list[set[str]]:
    """The fewest markers each test of the file at ``path`` is sure to carry (one set per kind
    of test); ``[set()]`` when nothing is known."""
    text = path.read_text(encoding="utf-8")
    if _WHOLE_FILE_BUILDS.search(text):
        return [{"build"}]
    if _WHOLE_FILE_SLOW.search(text):
        return [{"slow"}]
    return [set()]


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    """Skip importing a test file when ``-m`` deselects every test it can hold."""
    markexpr = config.getoption("markexpr", "")
    if not markexpr or collection_path.suffix != ".py" or not collection_path.name.startswith("test_"):
        return None
    least = _least_markers(collection_path)
    if least == [set()]:
        return None
    try:
        from _pytest.mark.expression import Expression  # what ``-m`` itself uses

        expression = Expression.compile(markexpr)
        # A test may carry more markers than the least: try each with any of the tiers' markers.
        tiers = ("build", "browser", "slow", "slowest")
        extras = [set(chosen) for size in range(len(tiers) + 1) for chosen in itertools.combinations(tiers, size)]
        selected = any(expression.evaluate(lambda name, markers=base | extra, **_: name in markers) for base in least for extra in extras)
    except Exception:  # noqa: BLE001 - an expression this does not understand: collect as usual
        return None
    return None if selected else True


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None):  # noqa: ANN201 - a hook wrapper
    global _running
    _running = item
    try:
        return (yield)
    finally:
        _running = None


def copy_project(target: Path) -> Path:
    """Copy what a build needs into ``target`` (hooks find the seeds beside themselves)."""
    target.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / part)
    return target


def run_mkdocs_build(
    project: Path, site_dir: Path, *extra: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``mkdocs build --strict`` in ``project`` into ``site_dir`` (in ``env``, by default this
    process's environment), reproducibly. Only a test marked ``build`` may: a build in the fast
    tier fails here, naming the test."""
    if _running is not None and _running.get_closest_marker("build") is None:
        pytest.fail(f"{_running.nodeid} builds the site: mark it @pytest.mark.build", pytrace=False)
    env = dict(os.environ if env is None else env, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH="1700000000")
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir), *extra],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
    )


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    """A throwaway copy of the project, safe to break."""
    return copy_project(tmp_path / "project")


def made_once(tmp_path_factory: pytest.TempPathFactory, name: str, make: Callable[[Path], object]) -> Path:
    """``make(folder)`` once per test run, and the folder. With pytest-xdist each worker process
    has its own session fixtures: the first to come makes the folder (in the run's temp folder,
    above the workers' own), holding a lock, and the others wait for it and reuse it. Tests only
    read what is made here; one that must change it works on a copy."""
    base = tmp_path_factory.getbasetemp()
    shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    folder = shared / name
    with (shared / f"{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file is closed
        if not (folder / ".made").exists():  # a failed attempt is made again, and fails again
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir(parents=True)
            make(folder)
            (folder / ".made").touch()
    return folder


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The whole site, built once per test run with ``--strict`` into a temp dir."""

    def build(folder: Path) -> None:
        result = run_mkdocs_build(ROOT, folder / "site")
        if result.returncode != 0:
            pytest.fail(f"mkdocs build --strict failed:\n{result.stdout}\n{result.stderr}")

    return made_once(tmp_path_factory, "built-site", build) / "site"


OFFLINE_ZIP = "soft-power-central-asia-offline.zip"


def make_offline(out: Path) -> Path:
    """``scripts/offline.py --out out``, as ``make offline`` runs it without a public address:
    the zip (returned), its checksum, and ``offline-site/``, the site it packed."""
    env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000", NO_MKDOCS_2_WARNING="1")
    env.pop("SITE_URL", None)  # the edition as built without a public address
    env.pop("PUBLIC_SITE_URL", None)
    result = subprocess.run(
        [sys.executable, "scripts/offline.py", "--out", str(out)], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return out / OFFLINE_ZIP


@pytest.fixture(scope="session")
def offline_edition(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The folder of :func:`make_offline`, made once per test run (test_offline, test_search and
    test_quality read the same edition)."""
    return made_once(tmp_path_factory, "offline-edition", make_offline)


@pytest.fixture(scope="session")
def zim_archive(tmp_path_factory: pytest.TempPathFactory, offline_edition: Path) -> Path:
    """The Kiwix archive that ``make zim`` writes from the offline edition, made once per run."""

    def make(folder: Path) -> None:
        (folder / "offline-site").symlink_to(offline_edition / "offline-site", target_is_directory=True)
        result = subprocess.run([sys.executable, "scripts/zim.py", "--out", str(folder)], cwd=ROOT, capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr

    return made_once(tmp_path_factory, "zim", make) / "soft-power-central-asia.zim"


@pytest.fixture(scope="session")
def browser():  # noqa: ANN201 - a playwright Browser
    """Headless Debian Chromium, shared by every browser test of the session."""
    from browser_support import CHROMIUM_ARGS, chromium_path

    executable = chromium_path()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
