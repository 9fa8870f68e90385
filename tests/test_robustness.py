"""Interruptions leave nothing behind, the live preview survives bad input, and no input
ends in a traceback.

- ``scripts/build.py``: Ctrl-C, SIGTERM or SIGKILL leave ``site/`` as it was and stop mkdocs;
  the next build removes leftover staging folders (and nothing else).
- ``mkdocs serve``: with a malformed data file the server keeps answering with the last good
  pages under a banner that names the file and line, prints the error once, and drops the
  banner after the fix; with bad input from the start it serves a page that waits for the fix.
- Hook events: an unexpected exception becomes one line naming the file or page being
  processed, with its type and message; ``SOURCEKIT_DEBUG=1`` or ``--verbose`` add the
  traceback.
"""

from __future__ import annotations

import functools
import importlib.util
import logging
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType, SimpleNamespace

import jinja2
import pytest
from mkdocs.exceptions import PluginError

from mkdocs_sourcekit import preview as preview_module
from mkdocs_sourcekit.preview import Preview, one_line_errors
from conftest import ROOT, run_mkdocs_build
from sourcekit.context import current_input, processing
from sourcekit.errors import InputError
from sourcekit.labels import load_labels

BUILD_SCRIPT = ROOT / "scripts" / "build.py"
INTERRUPTED = "build interrupted; site/ was left as it was"
BANNER = re.compile(r'<p class="sk-serve-banner"[^>]*>(.*?)</p>', re.DOTALL)
MALFORMED = re.compile(r"seeds/catalogue\.yml:\d+: malformed YAML")


def _build_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_script", BUILD_SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _wait_for(condition: Callable[[], bool], *, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(0.2)


# --- scripts/build.py -------------------------------------------------------------------


@pytest.fixture
def build_project(project_copy: Path) -> Path:
    """A project copy with ``scripts/build.py`` and a known ``site/index.html``."""
    (project_copy / "scripts").mkdir()
    shutil.copy2(BUILD_SCRIPT, project_copy / "scripts" / "build.py")
    (project_copy / "site").mkdir()
    (project_copy / "site" / "index.html").write_text("the good site", encoding="utf-8")
    return project_copy


def _start_build(project: Path, output: Path) -> subprocess.Popen[bytes]:
    """``scripts/build.py --quiet`` in its own process group, as a terminal would start it."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH="1700000000")
    with output.open("wb") as stream:
        return subprocess.Popen(
            [sys.executable, "scripts/build.py", "--quiet"], cwd=project, env=env, stderr=stream, start_new_session=True
        )


def _group_is_gone(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return True
    return False


def _stagings(project: Path) -> list[Path]:
    return sorted(project.glob("site.staging-*"))


@pytest.mark.build
@pytest.mark.parametrize(
    ("signum", "to_group", "code"),
    [(signal.SIGINT, True, 130), (signal.SIGTERM, False, 143)],
    ids=["ctrl-c to the process group", "kill (SIGTERM) of build.py"],
)
def test_an_interrupted_build_leaves_the_site_as_it_was(
    build_project: Path, tmp_path: Path, signum: int, to_group: bool, code: int
) -> None:
    stderr = tmp_path / "stderr.txt"
    build = _start_build(build_project, stderr)
    try:
        _wait_for(lambda: bool(_stagings(build_project)), timeout=60, what="the staging folder")
        time.sleep(2)  # mkdocs is building now
        assert build.poll() is None, "the build ended before it could be interrupted"
        if to_group:
            os.killpg(build.pid, signum)
        else:
            build.send_signal(signum)
        assert build.wait(timeout=30) == code
        _wait_for(lambda: _group_is_gone(build.pid), timeout=10, what="mkdocs to stop")
    finally:
        if build.poll() is None or not _group_is_gone(build.pid):
            os.killpg(build.pid, signal.SIGKILL)
            build.wait()
    output = stderr.read_text(encoding="utf-8")
    assert output.splitlines() == [INTERRUPTED], output
    assert "Traceback" not in output
    assert _stagings(build_project) == []
    assert sorted(path.name for path in (build_project / "site").iterdir()) == ["index.html"]
    assert (build_project / "site" / "index.html").read_text(encoding="utf-8") == "the good site"


@pytest.mark.build
def test_a_killed_build_takes_mkdocs_with_it(build_project: Path, tmp_path: Path) -> None:
    """SIGKILL cannot be handled: mkdocs must not go on writing a staging folder as an orphan."""
    build = _start_build(build_project, tmp_path / "stderr.txt")
    try:
        _wait_for(lambda: bool(_stagings(build_project)), timeout=60, what="the staging folder")
        time.sleep(2)
        build.send_signal(signal.SIGKILL)
        build.wait(timeout=10)
        _wait_for(lambda: _group_is_gone(build.pid), timeout=10, what="the orphaned mkdocs to stop")
    finally:
        if not _group_is_gone(build.pid):
            os.killpg(build.pid, signal.SIGKILL)
    assert (build_project / "site" / "index.html").read_text(encoding="utf-8") == "the good site"


@pytest.mark.slowest
@pytest.mark.build
def test_the_next_build_removes_leftover_staging_folders(build_project: Path, tmp_path: Path) -> None:
    leftover = build_project / "site.staging-123abc"
    (leftover / "assets").mkdir(parents=True)
    (leftover / "assets" / "big.bin").write_bytes(b"\0" * 1024)
    (build_project / "site.old").mkdir()
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH="1700000000")
    result = subprocess.run(
        [sys.executable, "scripts/build.py", "--quiet"], cwd=build_project, env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    assert not leftover.exists() and not (build_project / "site.old").exists()
    assert _stagings(build_project) == []
    assert (build_project / "site" / "sources" / "index.html").is_file()


def test_only_leftovers_of_this_site_are_removed(tmp_path: Path) -> None:
    build = _build_module()
    for name in ("site.staging-abc", "site.staging-", "site.old", "site.keep", "site.staging", "other.staging-1", "site"):
        (tmp_path / name).mkdir()
    (tmp_path / "site.staging-file").write_text("a file, not a build's folder", encoding="utf-8")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "keep.txt").write_text("keep", encoding="utf-8")
    (tmp_path / "site.staging-link").symlink_to(tmp_path / "elsewhere")
    build.remove_leftovers(tmp_path / "site")
    assert sorted(path.name for path in tmp_path.iterdir()) == [
        "elsewhere", "other.staging-1", "site", "site.keep", "site.staging", "site.staging-file", "site.staging-link",
    ]
    assert (tmp_path / "elsewhere" / "keep.txt").exists()


# --- mkdocs serve -------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(url: str, *, timeout: float = 5) -> tuple[int, str, float]:
    """Status, body and seconds taken; a request that does not answer in time fails the test."""
    start = time.monotonic()
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 - loopback only
            return response.status, response.read().decode("utf-8"), time.monotonic() - start
    except urllib.error.HTTPError as error:
        return error.code, "", time.monotonic() - start


def _answers(url: str) -> bool:
    try:
        return _get(url, timeout=2)[0] == 200
    except OSError:
        return False


@contextmanager
def serving(project: Path, log: Path) -> Iterator[str]:
    """``mkdocs serve`` on a free loopback port in ``project``; always stopped afterwards."""
    port = _free_port()
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    with log.open("wb") as stream:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project, env=env, stdout=stream, stderr=subprocess.STDOUT,
        )
    try:
        url = f"http://127.0.0.1:{port}/"
        _wait_for(lambda: _answers(url) or server.poll() is not None, timeout=180, what="mkdocs serve to answer")
        assert server.poll() is None, log.read_text(encoding="utf-8")
        yield url
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def _rebuilds(log: Path) -> int:
    """Rebuilds that finished, well or not (MkDocs says the server is stuck after a failed one)."""
    text = log.read_text(encoding="utf-8", errors="replace")
    return text.count("Reloading browsers") + text.count("An error happened during the rebuild")


def _break_catalogue(project: Path) -> str:
    """Append an unclosed quote to the first title of the catalogue; return the good text."""
    catalogue = project / "seeds" / "catalogue.yml"
    good = catalogue.read_text(encoding="utf-8")
    lines = good.splitlines()
    index = next(number for number, line in enumerate(lines) if line.strip() == "title:")
    lines[index] += ' "unclosed'  # a quoted scalar that never ends
    catalogue.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return good


def _edit_and_wait(log: Path, edit: Callable[[], object]) -> None:
    before = _rebuilds(log)
    edit()
    _wait_for(lambda: _rebuilds(log) > before, timeout=120, what="the rebuild after the edit")


def _error_lines(log: Path) -> list[str]:
    return [line for line in log.read_text(encoding="utf-8").splitlines() if MALFORMED.search(line)]


@pytest.mark.slowest
@pytest.mark.build
def test_serve_keeps_answering_with_the_last_good_pages_while_a_file_is_bad(project_copy: Path, tmp_path: Path) -> None:
    log = tmp_path / "serve.log"
    catalogue = project_copy / "seeds" / "catalogue.yml"
    with serving(project_copy, log) as url:
        status, html, _ = _get(url)
        assert status == 200 and not BANNER.search(html)
        good = ""

        def break_it() -> None:
            nonlocal good
            good = _break_catalogue(project_copy)

        _edit_and_wait(log, break_it)
        for path in ("", "assets/stylesheets/sourcekit.css", "kk/", "themes/kazakhstan/"):
            status, body, seconds = _get(url + path)
            assert status == 200 and seconds < 5, (path, status, seconds)
        status, html, _ = _get(url)
        banner = BANNER.search(html)
        assert banner and "This preview shows the last good version" in banner.group(1), html[:2000]
        assert MALFORMED.search(banner.group(1)), banner.group(1)
        assert "Soft power" in html, "the page is the last good version, not an error page"
        kk_banner = BANNER.search(_get(url + "kk/")[1])
        assert kk_banner and "соңғы дұрыс нұсқаны" in kk_banner.group(1)
        output = log.read_text(encoding="utf-8")
        assert len(_error_lines(log)) == 1, output
        assert _error_lines(log)[0].startswith("ERROR"), output
        assert "Traceback" not in output and "appear stuck" not in output, output

        _edit_and_wait(log, lambda: catalogue.write_text(good, encoding="utf-8"))
        status, html, _ = _get(url)
        assert status == 200 and not BANNER.search(html) and "sk-serve-banner" not in html
        assert len(_error_lines(log)) == 1


@pytest.mark.slowest
@pytest.mark.build
def test_serve_with_bad_input_from_the_start_serves_a_page_that_waits_for_the_fix(
    project_copy: Path, tmp_path: Path
) -> None:
    log = tmp_path / "serve.log"
    good = _break_catalogue(project_copy)
    with serving(project_copy, log) as url:
        status, html, _ = _get(url)
        banner = BANNER.search(html)
        assert status == 200 and banner and "cannot be built until this is fixed" in banner.group(1), html[:2000]
        assert MALFORMED.search(banner.group(1))
        assert "Waiting for a fix" in html
        ru = _get(url + "ru/")[1]
        assert "Ожидание исправления" in ru and "Предпросмотр нельзя собрать" in ru
        assert len(_error_lines(log)) == 1, log.read_text(encoding="utf-8")

        _edit_and_wait(log, lambda: (project_copy / "seeds" / "catalogue.yml").write_text(good, encoding="utf-8"))
        status, html, _ = _get(url + "themes/kazakhstan/")
        assert status == 200 and "sk-serve-banner" not in html


def test_the_banner_partial_escapes_and_is_empty_without_a_problem() -> None:
    """MkDocs' template environment does not autoescape; the partial must. And Material shows
    its announce bar whenever the block is not empty, so no problem must mean no output."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(ROOT / "overrides")))
    template = env.get_template("partials/sourcekit/serve-banner.html")
    assert template.render(sourcekit_serve_banner=None) == ""
    assert template.render() == ""
    html = template.render(sourcekit_serve_banner="seeds/x.yml:1: <script>alert(1)</script>")
    assert "&lt;script&gt;" in html and "<script>" not in html


# --- one line for any error ---------------------------------------------------------------


def _boom(markdown: str = "", /, **_: object) -> str:
    raise ValueError("bad\nthing")


def guarded(event, preview: Preview | None = None):  # noqa: ANN001, ANN201 - an event and its guarded form
    """``event`` as the plugin's events are guarded, on a plugin whose preview is ``preview``."""
    owner = SimpleNamespace(preview=preview or Preview())
    wrapped = one_line_errors(lambda _owner, *args, **kwargs: event(*args, **kwargs))
    return functools.partial(wrapped, owner)


def test_an_unexpected_error_names_the_input_being_processed() -> None:
    def event() -> None:
        with processing(ROOT / "seeds" / "x.txt"):
            _boom()

    with pytest.raises(PluginError) as raised:
        guarded(event)()
    assert str(raised.value) == "seeds/x.txt: ValueError: bad thing"
    assert current_input.get() is None, "the context is reset on the way out"


def test_an_unexpected_error_names_the_page_being_rendered() -> None:
    page = SimpleNamespace(file=SimpleNamespace(abs_src_path=str(ROOT / "docs" / "themes" / "x.en.md")))
    with pytest.raises(PluginError) as raised:
        guarded(_boom)("# Title", page=page)
    assert str(raised.value) == "docs/themes/x.en.md: ValueError: bad thing"


def test_bad_input_keeps_its_own_line_and_plugin_errors_pass() -> None:
    def bad_input() -> None:
        raise InputError(ROOT / "seeds" / "catalogue.yml", "malformed YAML", line=12)

    def plugin_error() -> None:
        raise PluginError("docs/x.md: unknown generated section")

    with pytest.raises(PluginError, match=r"^seeds/catalogue\.yml:12: malformed YAML$"):
        guarded(bad_input)()
    with pytest.raises(PluginError, match=r"^docs/x\.md: unknown generated section$"):
        guarded(plugin_error)()


@pytest.mark.parametrize("debug", [False, True])
def test_the_traceback_is_logged_only_when_asked_for(
    debug: bool, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("SOURCEKIT_DEBUG", "1" if debug else "0")
    caplog.set_level(logging.INFO)

    def event() -> None:
        with processing(ROOT / "seeds" / "x.txt"):
            _boom()

    with pytest.raises(PluginError):
        guarded(event)()
    tracebacks = [record for record in caplog.records if record.exc_info]
    if debug:
        assert len(tracebacks) == 1 and "Traceback" in caplog.text and "_boom" in caplog.text
    else:
        assert tracebacks == [] and "Traceback" not in caplog.text


def test_under_serve_with_bad_input_a_failing_page_is_left_as_it_is(monkeypatch: pytest.MonkeyPatch) -> None:
    """The last good data may lack what a page now cites; the preview must still be built."""
    problem = InputError(ROOT / "docs" / "x.en.md", "citation of unknown source 'new'", line=3)
    preview = Preview(serving=True, problem=problem)
    monkeypatch.setattr(preview_module, "report", lambda message: None)
    page = SimpleNamespace(file=SimpleNamespace(abs_src_path=str(ROOT / "docs" / "x.en.md")))
    assert guarded(_boom, preview)("# As written", page=page) == "# As written"
    with pytest.raises(PluginError):
        guarded(_boom, preview)("not a page event")


# ``mkdocs build --strict`` in a process whose segmenter fails with an unexpected error (not bad input).
FAILING_BUILD = """
import sys
import sourcekit.pipeline
def segment_text(*args, **kwargs):
    raise ValueError("injected failure")
sourcekit.pipeline.segment_text = segment_text
from mkdocs.__main__ import cli
sys.argv = ["mkdocs", "build", "--strict", *sys.argv[1:]]
cli()
"""


def run_failing_build(project: Path, site: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH="1700000000")
    return subprocess.run(
        [sys.executable, "-c", FAILING_BUILD, "--site-dir", str(site), *extra],
        cwd=project, env=env, capture_output=True, text=True, timeout=600,
    )


@pytest.mark.build
def test_a_build_with_an_unexpected_error_prints_one_line_naming_the_seed(project_copy: Path, tmp_path: Path) -> None:
    result = run_failing_build(project_copy, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output, output
    errors = [line for line in output.splitlines() if line.startswith("ERROR")]
    assert len(errors) == 1, output
    assert re.search(r"seeds/\S+\.txt: ValueError: injected failure$", errors[0]), errors[0]

    verbose = run_failing_build(project_copy, tmp_path / "site", "--verbose")
    assert verbose.returncode != 0
    assert "Traceback" in verbose.stderr and "injected failure" in verbose.stderr


def test_under_serve_bad_input_in_a_page_leaves_the_page_and_shows_the_banner(monkeypatch: pytest.MonkeyPatch) -> None:
    """An unknown section marker in a docs page must not stop the preview: the page is shown
    without the section, the line is printed once and the banner says why."""
    preview = Preview(serving=True)
    printed: list[str] = []
    monkeypatch.setattr(preview_module, "report", printed.append)
    page = SimpleNamespace(file=SimpleNamespace(abs_src_path=str(ROOT / "docs" / "x.en.md")))

    def unknown_marker(markdown: str, **_: object) -> str:
        raise PluginError("docs/x.en.md:7: unknown generated section <!-- …:nope -->")

    for _language in range(3):  # the same page event in each language build
        assert guarded(unknown_marker, preview)("# As written", page=page) == "# As written"
    assert printed == ["docs/x.en.md:7: unknown generated section <!-- …:nope -->"]
    banner = preview.banner(load_labels(), "ru")
    assert banner is not None and banner.startswith("Предпросмотр показывает страницу без") and "docs/x.en.md:7" in banner
    with pytest.raises(PluginError, match="unknown generated section"):
        guarded(unknown_marker, Preview(serving=False))("# As written", page=page)
