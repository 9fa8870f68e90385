"""The citation graph: which page cites which paragraph, built from what the pages render.

Every hand-written page of ``docs/`` is rendered as the build renders it (its own citations,
and those made by its generated sections: key figures, differences, timeline, charts, the
map), and so is every classroom kit; what each cites, in each language, is recorded. A
reader's "cited on" links come from here, so they list every page that shows a citation of
the paragraph, and nothing else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .context import processing
from .hand_written import cited_references
from .labels import Labels
from .model import Knowledge, Reference
from .page_context import PageContext
from .pages import render_kit_page
from .urls import SiteUrls

_THEME_KEY = re.compile(r"^themes/([a-z0-9-]+)$")
_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)
_HEADING = re.compile(r"^# +(.+?)\s*$", re.MULTILINE)


@dataclass(frozen=True)
class CitingPage:
    """A page that cites paragraphs: its key (its path without language: ``themes/x``,
    ``classroom/x``, ``data``; the home page is ``""``) and its title in each language it has."""

    key: str
    titles: dict[str, str]


@dataclass(frozen=True)
class CitationGraph:
    """For each language, each cited paragraph (``source#p-id``) and the pages citing it."""

    pages: dict[str, CitingPage] = field(default_factory=dict)
    citing: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)  # lang → paragraph → page keys

    def pages_citing(self, source: str, paragraph: str, lang: str) -> list[CitingPage]:
        """The pages whose ``lang`` version cites ``source#paragraph``: the themes first, then the
        classroom kits, then any other page (the home page, the data page), each by key."""
        keys = self.citing.get(lang, {}).get(f"{source}#{paragraph}", ())
        return [self.pages[key] for key in sorted(keys, key=_reading_rank)]

    def cited_on(self, key: str, lang: str) -> list[str]:
        """The paragraphs (``source#p-id``) that page ``key`` cites in ``lang``."""
        return sorted(paragraph for paragraph, keys in self.citing.get(lang, {}).items() if key in keys)


def _reading_rank(key: str) -> tuple[int, str]:
    kinds = ("themes/", "classroom/")
    return (next((rank for rank, prefix in enumerate(kinds) if key.startswith(prefix)), len(kinds)), key)


def page_title(markdown: str) -> str | None:
    """The title of a hand-written page: its front matter's ``title``, else its first heading."""
    front = _FRONT_MATTER.match(markdown)
    if front:
        data = yaml.safe_load(front.group(1)) or {}
        if isinstance(data, dict) and isinstance(data.get("title"), str):
            return data["title"]
    heading = _HEADING.search(markdown[front.end() :] if front else markdown)
    return heading.group(1) if heading else None


def build_graph(
    docs: dict[Path, str], *, docs_dir: Path, knowledge: Knowledge, labels: Labels, languages: tuple[str, ...]
) -> CitationGraph:
    """The graph of the hand-written pages ``docs`` (path → Markdown, every language's file
    named ``<key>.<lang>.md``) and of the classroom kits, in ``languages``."""
    urls = SiteUrls(directory_urls=True)  # the pages' addresses do not change what they cite
    pages: dict[str, CitingPage] = {}
    citing: dict[str, dict[str, set[str]]] = {lang: {} for lang in languages}

    def record(key: str, lang: str, title: str, cited: tuple[Reference, ...]) -> None:
        if not cited:
            return
        page = pages.setdefault(key, CitingPage(key=key, titles={}))
        page.titles[lang] = title
        for reference in cited:
            citing[lang].setdefault(reference.key, set()).add(key)

    for path, markdown in sorted(docs.items()):
        relative = path.relative_to(docs_dir).as_posix()
        stem, _, lang = relative.removesuffix(".md").rpartition(".")
        if lang not in citing:
            continue
        stem = "" if stem == "index" else stem.removesuffix("/index")  # a folder's page: the folder
        theme = _THEME_KEY.match(stem)
        context = PageContext(lang=lang, url=urls.page(stem, lang), knowledge=knowledge, labels=labels, urls=urls)
        with processing(path):
            cited = cited_references(markdown, theme=theme.group(1) if theme else None, context=context)
        title = knowledge.theme(theme.group(1)).title[lang] if theme else page_title(markdown) or stem
        record(stem, lang, title, cited)
    for kit in knowledge.kits:
        for lang in languages:
            key = f"classroom/{kit.theme}"
            context = PageContext(lang=lang, url=urls.page(key, lang), knowledge=knowledge, labels=labels, urls=urls)
            render_kit_page(kit.theme, context)
            title = labels.get("classroom.title", lang, theme=knowledge.theme(kit.theme).title[lang])
            record(key, lang, title, context.cited())
    frozen = {lang: {paragraph: tuple(sorted(keys)) for paragraph, keys in by_paragraph.items()} for lang, by_paragraph in citing.items()}
    return CitationGraph(pages=pages, citing=frozen)
