"""Golden snapshots of every kind of page the site generates, built from a tiny synthetic site.

``tests/data/tiny_site/`` is a project of its own: the real theme, plugins and Markdown
extensions (its ``mkdocs.yml`` points at the real ``overrides/`` and ``hooks/data/labels.yml``),
two short fictional texts written for it (text extracted from a PDF and Markdown), one theme
and the smallest data files. It is built once per session (``mkdocs build --strict``,
``SOURCE_DATE_EPOCH=1700000000``), with this checkout's ``hooks/`` first on the path, so the
pipeline tested is the one beside the test (not whatever checkout is installed in the venv).

For each page kind of :data:`PAGES`, in en, kk and ru, the page's main content (the
``<article class="md-content__inner …">`` element, see :func:`normalise`) is compared with
``tests/golden/pages/<kind>.<lang>.html``; the list of built files is compared with
``tests/golden/pages/files.txt``. A mismatch fails with the start of a unified diff. In the
golden files every tag, text and comment is on a line of its own, indented by nesting, with
attributes and entities as built; ``␣`` is a space that a browser shows at the start or end of
a line of text (:func:`pretty`).

Regenerating the golden files after a deliberate change of the output::

    UPDATE_GOLDEN=1 /work/main/.venv/bin/python -m pytest tests/test_golden_pages.py

then read ``git diff tests/golden/pages/``: every changed line is a change a reader will see,
and it is committed with the change that made it. A new page kind is one more entry in
:data:`PAGES` (and a run with ``UPDATE_GOLDEN=1``).
"""

from __future__ import annotations

import difflib
import os
import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import ROOT, run_mkdocs_build

TINY_SITE = ROOT / "tests" / "data" / "tiny_site"
GOLDEN_DIR = ROOT / "tests" / "golden" / "pages"
FILES_GOLDEN = GOLDEN_DIR / "files.txt"
LANGUAGES = ("en", "kk", "ru")
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"
DIFF_LINES = 60

# Each kind of page and its path in the English site (kk/ and ru/ before it for the others).
PAGES = {
    "home": "index.html",
    "theme": "themes/cultural-exchange/index.html",
    "reader": "sources/visiting-scholars/index.html",  # text from a PDF, translated, with a correction
    "reader-markdown": "sources/caravan-notes/index.html",  # Markdown, not translated
    "parallel": "sources/parallel/visiting-scholars/index.html",
    "sources": "sources/index.html",
    "glossary": "glossary/index.html",
    "timeline": "timeline/index.html",
    "kit": "classroom/cultural-exchange/index.html",
}


@pytest.fixture(scope="session")
def tiny_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tiny site, built once per session into a temp dir."""
    work = tmp_path_factory.mktemp("tiny-site")
    env = {key: value for key, value in os.environ.items() if key not in ("SITE_URL", "OFFLINE")}
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "hooks"), *filter(None, [os.environ.get("PYTHONPATH")])])
    env["SOURCEKIT_CACHE_DIR"] = str(work / "cache")  # mkdocs.yml reads it: no cache in the checkout
    result = run_mkdocs_build(TINY_SITE, work / "site", env=env)
    if result.returncode != 0:
        pytest.fail(f"mkdocs build --strict of the tiny site failed:\n{result.stdout}\n{result.stderr}")
    return work / "site"


# --- normalising a page ------------------------------------------------------------------------

# Elements whose leading and trailing whitespace a browser does not show (block boxes, and the
# containers of an SVG drawing): whitespace next to their tags is only the templates' layout.
BLOCK_TAGS = frozenset(
    "address article aside blockquote body caption col colgroup dd details dialog div dl dt fieldset "
    "figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary "
    "table tbody td tfoot th thead tr ul "
    "svg g defs title desc rect path line circle polygon polyline ellipse text clippath".split()
)
VOID_TAGS = frozenset("area base br col embed hr img input link meta source track wbr".split())
VERBATIM_TAGS = frozenset(("pre", "script", "style", "textarea"))
SPACE = "\u2423"  # ␣: a space that a browser shows, at the start or end of a line of text


class _Pretty(HTMLParser):
    """One tag, text or comment a line, indented by depth; tags and entities exactly as written."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)  # keep &lt; and &amp;: escaping is what we check
        self.tokens: list[tuple[str, str, str, int]] = []  # (kind, tag, text, depth)
        self.depth = 0
        self.verbatim = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.tokens.append(("start", tag, self.get_starttag_text() or "", self.depth))
        if tag not in VOID_TAGS:
            self.depth += 1
            self.verbatim += tag in VERBATIM_TAGS

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        self.tokens.append(("start", tag, self.get_starttag_text() or "", self.depth))

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID_TAGS:
            return
        self.depth = max(self.depth - 1, 0)
        self.verbatim = max(self.verbatim - (tag in VERBATIM_TAGS), 0)
        self.tokens.append(("end", tag, f"</{tag}>", self.depth))

    def _text(self, text: str) -> None:
        if self.tokens and self.tokens[-1][0] == "text":
            kind, tag, before, depth = self.tokens.pop()
            text = before + text
        self.tokens.append(("text", "#verbatim" if self.verbatim else "", text, self.depth))

    def handle_data(self, data: str) -> None:
        self._text(data)

    def handle_entityref(self, name: str) -> None:
        self._text(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self._text(f"&#{name};")

    def handle_comment(self, data: str) -> None:
        self.tokens.append(("comment", "", f"<!--{data}-->", self.depth))


def _is_block(token: tuple[str, str, str, int] | None) -> bool:
    return token is None or (token[0] in ("start", "end") and token[1] in BLOCK_TAGS)


def pretty(html: str) -> str:
    """``html`` one tag, text or comment a line, indented by nesting.

    Runs of whitespace in text become one space (as a browser shows them), except inside
    ``pre``, ``script``, ``style`` and ``textarea``; whitespace next to a block-level tag is
    dropped (a browser does not show it), and a space at the start or end of a text line, which
    a browser shows, is written ``␣``. Tags keep their attributes as written, text keeps its
    entities: an unescaped ``<`` in a text would show as a tag of its own."""
    parser = _Pretty()
    parser.feed(html)
    parser.close()
    tokens = parser.tokens
    lines = []
    for index, (kind, tag, text, depth) in enumerate(tokens):
        if kind == "text" and tag != "#verbatim":
            text = re.sub(r"\s+", " ", text)
            if _is_block(tokens[index - 1] if index else None):
                text = text.lstrip()
            if _is_block(tokens[index + 1] if index + 1 < len(tokens) else None):
                text = text.rstrip()
            if not text:
                continue
            text = re.sub(r"^ | $", SPACE, text)  # visible, and safe from editors that trim lines
        lines.append("  " * depth + text)
    return "\n".join(lines) + "\n"


def main_content(page: str) -> str:
    """The ``<article class="md-content__inner …">`` element of a built page, whole."""
    start = re.search(r'<article class="md-content__inner[^"]*">', page)
    assert start, "the page has no <article class=\"md-content__inner\">"
    depth, position = 0, start.start()
    for tag in re.finditer(r"<(/?)article\b[^>]*>", page[position:]):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            return page[position : position + tag.end()]
    raise AssertionError("the page's <article> is not closed")


def normalise(page: str) -> str:
    """The page's main content, pretty-printed (:func:`pretty`)."""
    return pretty(main_content(page))


def built_files(site: Path) -> str:
    """Every file of the built site, one path a line; the theme's static files (``assets/``, from
    Material and ``overrides/``) left out, and the search index shards counted per folder."""
    lines, shards = [], Counter()
    for path in sorted(site.rglob("*")):
        if not path.is_file():
            continue
        relative = path.relative_to(site).as_posix()
        if relative.startswith("assets/"):
            continue
        shard = re.fullmatch(r"(search/[a-z]+/)([a-z])\d+\.json", relative)
        if shard:
            shards[f"{shard.group(1)}{shard.group(2)}*.json"] += 1
            continue
        lines.append(relative)
    lines += [f"{pattern} ({count} files)" for pattern, count in sorted(shards.items())]
    return "\n".join(sorted(lines)) + "\n"


# --- comparing with the golden files ------------------------------------------------------------


def check_golden(golden: Path, actual: str, *, update: bool = UPDATE) -> None:
    """Compare ``actual`` with the golden file (or, with ``UPDATE_GOLDEN=1``, rewrite it)."""
    if update:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
        return
    name = golden.relative_to(ROOT).as_posix() if golden.is_relative_to(ROOT) else str(golden)
    if not golden.is_file():
        pytest.fail(f"{name} does not exist; make it with UPDATE_GOLDEN=1 (see this module's docstring)")
    expected = golden.read_text(encoding="utf-8")
    if actual == expected:
        return
    diff = list(
        difflib.unified_diff(
            expected.splitlines(), actual.splitlines(), fromfile=name, tofile="built", lineterm=""
        )
    )
    shown = diff[:DIFF_LINES]
    if len(diff) > DIFF_LINES:
        shown.append(f"… {len(diff) - DIFF_LINES} more lines of diff")
    pytest.fail(
        f"{name} differs from the build (UPDATE_GOLDEN=1 rewrites it after a deliberate change):\n"
        + "\n".join(shown),
        pytrace=False,
    )


@pytest.mark.build
@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("kind", PAGES)
def test_page_matches_golden(tiny_site: Path, kind: str, lang: str) -> None:
    prefix = "" if lang == "en" else f"{lang}/"
    page = tiny_site / prefix / PAGES[kind]
    assert page.is_file(), f"the tiny site has no {prefix}{PAGES[kind]}"
    check_golden(GOLDEN_DIR / f"{kind}.{lang}.html", normalise(page.read_text(encoding="utf-8")))


@pytest.mark.build
def test_built_files_match_golden(tiny_site: Path) -> None:
    check_golden(FILES_GOLDEN, built_files(tiny_site))


def test_no_stray_golden_files() -> None:
    """Every golden file belongs to a page kind and language of :data:`PAGES` (a kind removed
    from the table leaves no file behind)."""
    expected = {f"{kind}.{lang}.html" for kind in PAGES for lang in LANGUAGES} | {FILES_GOLDEN.name}
    stray = sorted(path.name for path in GOLDEN_DIR.iterdir()) if GOLDEN_DIR.is_dir() else []
    assert [name for name in stray if name not in expected] == []


# --- the normaliser itself ----------------------------------------------------------------------


def test_pretty_keeps_escapes_and_significant_whitespace() -> None:
    html = (
        '<article class="md-content__inner md-typeset">\n  <p>A &lt;b&gt; tag <a href="x">as  text</a>, '
        "<em>one</em> <em>two</em></p>\n<pre>keep\n   this</pre></article>"
    )
    assert pretty(html).splitlines() == [
        '<article class="md-content__inner md-typeset">',
        "  <p>",
        "    A &lt;b&gt; tag␣",
        '    <a href="x">',
        "      as text",
        "    </a>",
        "    ,␣",
        "    <em>",
        "      one",
        "    </em>",
        "    ␣",
        "    <em>",
        "      two",
        "    </em>",
        "  </p>",
        "  <pre>",
        "    keep",
        "   this",
        "  </pre>",
        "</article>",
    ]


def test_a_mismatch_fails_with_the_start_of_a_diff(tmp_path: Path) -> None:
    golden = tmp_path / "page.html"
    golden.write_text("".join(f"line {number}\n" for number in range(200)), encoding="utf-8")
    changed = "".join(f"line {number}{'!' if number % 2 else ''}\n" for number in range(200))
    with pytest.raises(pytest.fail.Exception) as failure:
        check_golden(golden, changed, update=False)
    message = str(failure.value)
    assert "+line 1!" in message and "more lines of diff" in message
    assert len([line for line in message.splitlines() if line[:1] in "+- @"]) <= DIFF_LINES
    check_golden(golden, golden.read_text(encoding="utf-8"), update=False)  # the same text passes


def test_main_content_takes_the_whole_article() -> None:
    article = '<article class="md-content__inner md-typeset"><article>inner</article><p>after</p></article>'
    assert main_content(f"<div>{article}</div><p>out</p>") == article
