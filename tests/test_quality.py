"""Quality gates on the built site: accessibility (axe), valid HTML (Nu checker), links
(LinkChecker and an anchor check), and the ProperDocs fallback. Each gate is proved able
to fail on a deliberately broken fixture page built in a temp dir."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from browser_support import serve
from conftest import copy_project, run_mkdocs_build

ROOT = Path(__file__).resolve().parents[1]
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
PROPERDOCS = ROOT / ".venv-properdocs" / "bin" / "properdocs"
pytestmark = pytest.mark.build

# Accepted Nu checker messages (info level only; no error is accepted):
# - "Trailing slash on void elements has no effect": Python-Markdown writes <br /> for a
#   hard line break; harmless in HTML.


def need(path: Path, what: str) -> None:
    """Skip on a developer machine without ``path``; fail in CI, where it must be there."""
    if path.exists():
        return
    message = f"{what} not found at {path} (make test installs it: scripts/ensure-tools.sh)"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="module")
def broken_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project plus one deliberately broken page, built with --strict into a temp dir."""
    project = copy_project(tmp_path_factory.mktemp("broken") / "project")
    broken = (
        "---\ntitle: Broken\n---\n\n# Broken\n\n"
        '<p><a href="../no-such-page/">a link to nowhere</a> <a href="#no-such-anchor">x</a></p>\n\n'
        '<p><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></p>\n\n'
        '<p id="twice">one</p>\n\n<p id="twice" style="color:#fff;background:#fefefe">low contrast</p>\n\n'
        "<p><a href=\"#twice\"></a></p>\n"
    )
    for lang in ("en", "kk", "ru"):
        (project / "docs" / f"broken.{lang}.md").write_text(broken, encoding="utf-8")
    site = project / "site"
    result = run_mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr
    return site


# --- links -------------------------------------------------------------------------


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"])
        if tag == "a" and values.get("name"):
            self.ids.add(values["name"])
        for key in ("href", "src"):
            if values.get(key) and not (tag == "link" and values.get("rel") in ("alternate", "canonical")):
                self.links.append(values[key])


def broken_links(site: Path) -> list[str]:
    """Every internal link or anchor of ``site`` that points nowhere: ``page -> link``."""
    parsed: dict[Path, _Links] = {}

    def parse(path: Path) -> _Links:
        if path not in parsed:
            parser = _Links()
            parser.feed(path.read_text(encoding="utf-8"))
            parsed[path] = parser
        return parsed[path]

    problems = []
    for page in sorted(site.rglob("*.html")):
        for link in parse(page).links:
            url = urlparse(link)
            if url.scheme or link.startswith(("//", "data:", "mailto:", "javascript:")):
                continue
            if not url.path:
                target = page
            elif url.path.startswith("/"):  # 404.html links from the site root
                target = (site / unquote(url.path).lstrip("/")).resolve()
            else:
                target = (page.parent / unquote(url.path)).resolve()
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                problems.append(f"{page.relative_to(site)} -> {link}")
                continue
            if url.fragment and target.suffix == ".html" and unquote(url.fragment) not in parse(target).ids:
                problems.append(f"{page.relative_to(site)} -> {link} (no such anchor)")
    return problems


def test_no_broken_internal_links_or_anchors(built_site: Path) -> None:
    assert broken_links(built_site) == []


def test_no_broken_links_in_the_offline_edition(offline_edition: Path) -> None:
    assert broken_links(offline_edition / "offline-site") == []


def test_link_checker_finds_the_broken_fixture(broken_site: Path) -> None:
    problems = broken_links(broken_site)
    assert "broken/index.html -> ../no-such-page/" in problems
    assert any("#no-such-anchor" in problem for problem in problems)


def linkchecker(site: Path) -> subprocess.CompletedProcess[str]:
    """Run LinkChecker (a real crawler) over the site served on loopback."""
    config = site.parent / "linkcheckerrc"
    config.write_text("[checking]\nthreads=8\n[filtering]\nignore=\n  ^https?://(?!127\\.0\\.0\\.1)\n", encoding="utf-8")
    with serve(site) as base_url:
        return subprocess.run(
            [str(Path(sys.executable).parent / "linkchecker"), "-f", str(config), "--no-status", "-o", "text", base_url],
            capture_output=True,
            text=True,
            cwd=site.parent,
        )


@pytest.mark.slowest  # about 40 s
def test_linkchecker_crawl_of_the_site_finds_no_error(built_site: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    result = linkchecker(site)
    assert result.returncode == 0, result.stdout + result.stderr


def test_linkchecker_crawl_fails_on_the_broken_fixture(broken_site: Path) -> None:
    result = linkchecker(broken_site)
    assert result.returncode == 1
    assert "no-such-page" in result.stdout and "404" in result.stdout


# --- valid HTML ----------------------------------------------------------------------


def vnu_errors(site: Path) -> list[dict]:
    need(VNU, "the Nu HTML Checker (npm vnu-jar)")
    if not shutil.which("java"):
        if os.environ.get("CI"):
            pytest.fail("java is missing: the Nu HTML Checker needs it")
        pytest.skip("java not found on this developer machine: HTML validation skipped")
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--skip-non-html", "--errors-only", "--format", "json", str(site)],
        capture_output=True,
        text=True,
    )
    return [message for message in json.loads(result.stderr or '{"messages": []}')["messages"] if message["type"] == "error"]


def test_every_page_is_valid_html(built_site: Path) -> None:
    errors = vnu_errors(built_site)
    assert errors == [], [f"{e['url'][-50:]}:{e.get('lastLine')}: {e['message']}" for e in errors[:20]]


def test_html_checker_finds_the_broken_fixture(broken_site: Path) -> None:
    errors = vnu_errors(broken_site)
    assert any("Duplicate ID" in error["message"] and "broken" in error["url"] for error in errors)


# --- accessibility ---------------------------------------------------------------------



def axe_violations(browser, site: Path, paths: list[str]) -> list[str]:  # noqa: ANN001
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    found = []
    with serve(site) as base_url:
        for scheme in ("light", "dark"):
            context = browser.new_context(color_scheme=scheme)
            page = context.new_page()
            for path in paths:
                page.goto(base_url + path)
                for violation in axe.run(page).response["violations"]:
                    target = violation["nodes"][0]["target"]
                    found.append(f"{scheme} /{path}: {violation['id']} ({len(violation['nodes'])}×, e.g. {target})")
            context.close()
    return found


def site_pages(site: Path) -> list[str]:
    return sorted(path.relative_to(site).as_posix().removesuffix("index.html") for path in site.rglob("index.html"))


@pytest.mark.slowest  # about 200 s: every page, twice
@pytest.mark.browser
def test_axe_finds_no_violation_on_any_page_light_or_dark(browser, built_site: Path) -> None:  # noqa: ANN001
    paths = site_pages(built_site)
    assert len(paths) >= 54
    assert axe_violations(browser, built_site, paths) == []


@pytest.mark.browser
def test_axe_finds_the_broken_fixture(browser, broken_site: Path) -> None:  # noqa: ANN001
    found = axe_violations(browser, broken_site, ["broken/"])
    assert any("image-alt" in item for item in found) and any("link-name" in item for item in found)


# --- ProperDocs fallback ---------------------------------------------------------------


def test_properdocs_builds_the_same_pages(built_site: Path, tmp_path: Path) -> None:
    need(PROPERDOCS, "ProperDocs (.venv-properdocs)")
    site = tmp_path / "site"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH="1700000000")
    result = subprocess.run([str(PROPERDOCS), "build", "--strict", "--site-dir", str(site)], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-2000:]
    ours = sorted(path.relative_to(built_site).as_posix() for path in built_site.rglob("*") if path.is_file())
    theirs = sorted(path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file())
    assert ours == theirs
    generator = re.compile(rb'<meta name="generator" content="[^"]*">')
    differ = [
        name
        for name in ours
        if generator.sub(b"", (built_site / name).read_bytes()) != generator.sub(b"", (site / name).read_bytes())
        and not name.endswith("sitemap.xml.gz")
    ]
    assert differ == []
