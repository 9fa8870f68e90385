"""Generated sections of hand-written pages: one function per section marker.

A page marks where a section goes with an HTML comment on its own line —
``<!-- theme:key-figures -->`` on a theme page, ``<!-- home:themes -->`` on the home page,
``<!-- page:downloads -->`` elsewhere — and :func:`render_markers` puts the section there.
Each section is a function registered under its name with :func:`section`; a marker that
names no registered section stops the build (:class:`UnknownMarker`).

Citations in a section are placeholders (:meth:`PageContext.cite`): they are numbered once
the whole page is assembled, in reading order (:mod:`sourcekit.citation_markers`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .escape import markdown_text
from .exports import FORMATS, WHOLE
from .figures import render_chart, render_facts_table, render_map
from .model import Difference, Knowledge, Reference
from .notation import format_date
from .page_context import PageContext
from .templates import render_template
from .textutil import excerpt

MARKER = re.compile(r"^<!--\s*(theme|home|page):([a-z-]+)\s*-->\s*$", re.MULTILINE)
SAY_LENGTH = 220  # characters of each excerpt under "What the sources say"


@dataclass(frozen=True)
class Section:
    """A generated section: its heading (none for a section that is a block of a page, like the
    theme cards) and its HTML."""

    title: str | None
    html: str


# A section's function: given the page's theme (None off theme pages) and context, its
# Section, or None when it has nothing to show on this page.
SectionRenderer = Callable[..., "Section | None"]
SECTIONS: dict[str, SectionRenderer] = {}


class UnknownMarker(ValueError):
    """A page asks for a generated section that does not exist; the message is its name."""


def section(name: str) -> Callable[[SectionRenderer], SectionRenderer]:
    """Register the decorated function as the section of marker ``<!-- …:name -->``."""

    def register(renderer: SectionRenderer) -> SectionRenderer:
        if name in SECTIONS:
            raise ValueError(f"section {name!r} is registered twice")
        SECTIONS[name] = renderer
        return renderer

    return register


def render_section(name: str, *, theme: str | None, context: PageContext) -> str:
    """The Markdown of section ``name``: "## heading", then its HTML ("" when it is empty)."""
    renderer = SECTIONS.get(name)
    if renderer is None:
        raise UnknownMarker(name)
    result = renderer(theme=theme, context=context)
    if result is None:
        return ""
    if result.title is None:
        return result.html
    return f"## {markdown_text(result.title)}\n\n{result.html}\n"


def render_markers(markdown: str, *, theme: str | None, context: PageContext) -> str:
    """Replace the section markers of ``markdown`` by their sections."""
    return MARKER.sub(lambda match: render_section(match.group(2), theme=theme, context=context), markdown)


def theme_differences(knowledge: Knowledge, theme: str | None) -> list[Difference]:
    """The differences between the sources that concern ``theme``."""
    return [difference for difference in knowledge.differences if theme in difference.themes]


@section("differences")
def differences_section(*, theme: str | None, context: PageContext) -> Section | None:
    """Where the sources differ: each claim with its citation, then a neutral note."""
    lang, labels = context.lang, context.labels
    items = theme_differences(context.knowledge, theme)
    if not items:
        return None
    rows = [
        {
            "topic": difference.topic[lang],
            "claims": [
                {"text": claim.text[lang], "cite": context.cite(claim.reference), "source": context.source_kind(claim.reference.source)}
                for claim in difference.claims
            ],
            "note": difference.note[lang],
        }
        for difference in items
    ]
    return Section(labels.get("theme.differences", lang), render_template("differences.html", items=rows, labels=labels, lang=lang))


@section("key-figures")
def key_figures_section(*, theme: str | None, context: PageContext) -> Section | None:
    """The key figures of a theme (on the home page, the first two of each theme), then the
    theme's charts and map."""
    knowledge = context.knowledge
    if theme is None:
        facts = [fact for item in knowledge.themes for fact in [f for f in knowledge.facts if f.theme == item.slug][:2]]
    else:
        facts = [fact for fact in knowledge.facts if fact.theme == theme]
    if not facts:
        return None
    figures = [render_chart(chart, context) for chart in knowledge.charts if theme in chart.themes]
    if knowledge.map and theme in knowledge.map.themes:
        figures.append(render_map(context))
    return Section(context.labels.get("theme.key_figures", context.lang), "\n\n".join([render_facts_table(facts, context), *figures]))


@section("charts")
def charts_section(*, theme: str | None, context: PageContext) -> Section | None:
    """Every chart (the data page)."""
    return Section(None, "\n\n".join(render_chart(chart, context) for chart in context.knowledge.charts))


@section("map")
def map_section(*, theme: str | None, context: PageContext) -> Section | None:
    """The map (the data page), if the data has one."""
    return Section(None, render_map(context)) if context.knowledge.map else None


@section("downloads")
def downloads_section(*, theme: str | None, context: PageContext) -> Section | None:
    """The open-data files of the page's language, by data set."""
    return Section(None, render_template("downloads.html", groups=_download_groups(_downloads(context)), labels=context.labels, lang=context.lang))


@section("timeline")
def timeline_section(*, theme: str | None, context: PageContext) -> Section | None:
    """The theme's dated events, each with its citation, and a link to the whole timeline."""
    lang, labels = context.lang, context.labels
    events = [event for event in context.knowledge.events if theme in event.themes]
    if not events:
        return None
    rows = [
        {"date": event.date, "when": format_date(event.date, lang), "text": event.text[lang], "cite": context.cite(event.reference)}
        for event in events
    ]
    more = {"href": context.link("timeline"), "text": labels.get("theme.timeline_all", lang)}
    return Section(labels.get("theme.timeline", lang), render_template("timeline-list.html", events=rows, more=more))


@section("sources-say")
def sources_say_section(*, theme: str | None, context: PageContext) -> Section | None:
    """What the sources say: the opening of every paragraph tagged with the theme."""
    knowledge, lang, labels = context.knowledge, context.lang, context.labels
    tagged = knowledge.theme(theme).tagged if theme else ()
    if not tagged:
        return None
    rows = []
    for reference in _says(tagged, knowledge, lang):
        text, text_lang = context.paragraph_text(reference)
        rows.append(
            {
                "source": context.source_title(reference.source),
                "kind": context.source_kind(reference.source),
                "href": context.paragraph_link(reference),
                "paragraph": reference.paragraph,
                "text": excerpt(text, SAY_LENGTH),
                "lang": text_lang,
                "translated": text_lang != knowledge.sources[reference.source].by_id()[reference.paragraph].block.lang,
            }
        )
    intro = labels.get("theme.sources_say_intro", lang)
    return Section(labels.get("theme.sources_say", lang), render_template("sources-say.html", items=rows, intro=intro, labels=labels, lang=lang))


@section("related")
def related_section(*, theme: str | None, context: PageContext) -> Section | None:
    """The related themes and the glossary terms of the theme."""
    knowledge, lang, labels = context.knowledge, context.lang, context.labels
    current = knowledge.theme(theme)
    themes = [
        {"href": context.link(f"themes/{slug}"), "title": knowledge.theme(slug).title[lang], "summary": knowledge.theme(slug).summary[lang]}
        for slug in current.related
    ]
    terms = [
        {"href": context.link("glossary") + f"#term-{term.id}", "title": term.term[lang]}
        for term in knowledge.terms
        if theme in term.themes
    ]
    return Section(labels.get("theme.related", lang), render_template("related.html", themes=themes, terms=terms, labels=labels, lang=lang))


@section("classroom-kits")
def classroom_kits_section(*, theme: str | None, context: PageContext) -> Section | None:
    """The classroom kits, one card per theme that has one."""
    knowledge, lang, labels = context.knowledge, context.lang, context.labels
    kits = [
        {"href": context.link(f"classroom/{kit.theme}"), "title": knowledge.theme(kit.theme).title[lang], "summary": knowledge.theme(kit.theme).summary[lang]}
        for kit in knowledge.kits
    ]
    return Section(labels.get("classroom.kits", lang), render_template("related.html", themes=kits, terms=[], labels=labels, lang=lang))


@section("themes")
def themes_section(*, theme: str | None, context: PageContext) -> Section | None:
    """A card for every theme (the home page)."""
    cards = [
        {"href": context.link(f"themes/{item.slug}"), "title": item.title[context.lang], "summary": item.summary[context.lang]}
        for item in context.knowledge.themes
    ]
    return Section(None, render_template("theme-cards.html", cards=cards))


@section("edition")
def edition_section(*, theme: str | None, context: PageContext) -> Section | None:
    """The edition line of the home page: the version and the date of this build."""
    edition = context.edition
    if edition is None:
        return None
    key = "edition.offline" if edition.offline else "edition.online"
    if edition.version == "unknown":  # a project without a version: the date alone
        key += "_unversioned"
    date = format_date(edition.date, context.lang)  # as the page's language writes a date
    line = context.labels.get(key, context.lang, version=edition.version, date=date)
    return Section(None, render_template("edition.html", line=line))


def _says(tagged: tuple[Reference, ...], knowledge: Knowledge, lang: str) -> list[Reference]:
    """The tagged paragraphs worth quoting on a page in ``lang``: what the sources say.

    A printed title, byline or list of keywords says nothing; an abstract printed in several
    languages is quoted once, in the page's language if the source has it there, else in the
    source's own language.
    """
    says = []
    for reference in tagged:
        document = knowledge.sources[reference.source]
        block = document.by_id()[reference.paragraph].block
        if block.kind in ("title", "byline", "meta", "keywords"):
            continue
        if block.kind == "abstract":
            languages = {item.block.lang for item in document.blocks if item.block.kind == "abstract"}
            wanted = lang if lang in languages else document.entry.original_language
            if block.lang != wanted:
                continue
        says.append(reference)
    return says


def _download_groups(files: list[dict]) -> list[dict]:
    """The files in runs of the same data set (its label), in their order: the table names
    each data set once, beside all its files."""
    groups: list[dict] = []
    for file in files:
        if not groups or groups[-1]["label"] != file["label"]:
            groups.append({"label": file["label"], "files": []})
        groups[-1]["files"].append(file)
    return groups


def _downloads(context: PageContext) -> list[dict]:
    """The open-data files of this language, with links relative to the page."""
    files = []
    for dataset in ("facts", "timeline"):
        for extension in ("csv", "json"):
            name = f"{dataset}.{context.lang}.{extension}"
            files.append(
                {
                    "href": context.urls.relative(f"data/{name}", context.url),
                    "name": name,
                    "label": context.labels.get(f"data.{dataset}", context.lang),
                    "format": extension.upper(),
                }
            )
    for extension, name in FORMATS.items():
        files.append(
            {
                "href": context.urls.relative(f"{WHOLE}.{extension}", context.url),
                "name": f"{WHOLE.rpartition('/')[2]}.{extension}",
                "label": context.labels.get("data.bibliography", context.lang),
                "format": name,
            }
        )
    return files
