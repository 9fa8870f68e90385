"""Render stage for theme pages, the timeline, the glossary and the home page sections.

Hand-written pages mark where generated parts go with HTML comments
(``<!-- theme:key-figures -->``); citations ``[@source#p-id]`` become numbered links to
the source paragraph with a preview of its text in the page's language.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass, field

from .bibliography import short_description
from .charts import MapSpec
from .exports import FORMATS, WHOLE
from .citations import CITATION, targets
from .collation import ALPHABETS, collate, initial
from .knowledge import Fact, Knowledge, Reference, Term
from .labels import Labels
from .notation import format_date, format_number
from .parts import paragraph_path
from .escape import html_text, markdown_text, yaml_string
from .render import _html
from .textutil import detect_language
from .urls import SiteUrls

# Placeholders end in a per-build random word, so that no text can fake one.
_NONCE = secrets.token_hex(4).upper()
_STASHED = re.compile(r"SKSTASH\d{5}" + _NONCE)
MARKER = re.compile(r"^<!--\s*(theme|home|page):([a-z-]+)\s*-->\s*$", re.MULTILINE)
PREVIEW_LENGTH = 220  # characters of a citation preview
SAY_LENGTH = 220  # characters of each excerpt under "What the sources say"


@dataclass
class PageContext:
    """One page being rendered: its language and URL, and the citation numbers given so far."""

    lang: str
    url: str
    knowledge: Knowledge
    labels: Labels
    urls: SiteUrls
    numbers: dict[str, int] = field(default_factory=dict)
    markers: int = 0  # citation markers on the page so far: each preview needs its own id
    stashed: dict[str, str] = field(default_factory=dict)  # placeholder -> HTML, see stash()

    def stash(self, html: str) -> str:
        """A placeholder for ``html`` that Markdown leaves as it is; :meth:`unstash` puts the
        HTML back after Markdown has run. HTML made from untrusted text (a citation preview)
        must never pass through Markdown: a ``[x](javascript:…)`` in it would become a link."""
        placeholder = f"SKSTASH{len(self.stashed):05d}{_NONCE}"
        self.stashed[placeholder] = html
        return placeholder

    def unstash(self, html: str) -> str:
        """``html`` with every placeholder of :meth:`stash` replaced by its HTML."""
        if not self.stashed:
            return html
        return _STASHED.sub(lambda match: self.stashed.get(match.group(0), match.group(0)), html)

    def link(self, path: str) -> str:
        """A link from this page to page ``path`` in the same language."""
        return self.urls.relative(self.urls.page(path, self.lang), self.url)

    def paragraph_link(self, reference: Reference) -> str:
        """A link from this page to the cited paragraph, in the reader part that shows it."""
        document = self.knowledge.sources[reference.source]
        return self.link(paragraph_path(document, reference.paragraph)) + f"#{reference.paragraph}"

    def source_title(self, source: str) -> str:
        return self.knowledge.sources[source].entry.titles[self.lang].text

    def source_kind(self, source: str) -> str:
        return short_description(self.knowledge.sources[source].entry, self.lang, self.labels)

    def paragraph_text(self, reference: Reference) -> tuple[str, str]:
        """The paragraph in this page's language if translated, else the original: (text, lang)."""
        document = self.knowledge.sources[reference.source]
        item = document.by_id()[reference.paragraph]
        translation = document.translations.get(self.lang, {}).get(reference.paragraph)
        if item.block.lang != self.lang and translation is not None:
            return translation.text, self.lang
        return item.plain, item.block.lang

    def page_of(self, reference: Reference) -> str:
        """" · p. 87": the printed page of the cited paragraph in the original, where known."""
        page = self.knowledge.sources[reference.source].by_id()[reference.paragraph].block.page
        return f" · {self.labels.get('reader.page', self.lang, page=page)}" if page else ""

    def cite(self, reference: Reference) -> str:
        """A numbered citation marker with its preview."""
        number = self.numbers.setdefault(reference.key, len(self.numbers) + 1)
        self.markers += 1
        text, text_lang = self.paragraph_text(reference)
        text = excerpt(text, PREVIEW_LENGTH)
        return _html(
            "cite.html",
            number=number,
            href=self.paragraph_link(reference),
            preview_id=f"cite-{number}-{self.markers}",
            head=f"{self.source_kind(reference.source)} · ¶ {reference.paragraph}" + self.page_of(reference),
            text=text,
            text_lang=text_lang,
            label=self.labels.get("cite.open", self.lang, number=number),
        ).replace("\n", "")


def first_sentence(text: str) -> str:
    """The first sentence of ``text`` (a glossary tooltip; the entry has the rest)."""
    match = re.search(r"[.!?](?=\s+[A-ZА-ЯЁӘІҢҒҮҰҚӨҺ«\"(])", text)
    return text[: match.end()] if match else text


def excerpt(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters: at the last sentence end if that keeps
    at least half, else at the last space, with " …" to show the cut."""
    if len(text) <= limit:
        return text
    head = text[:limit]
    sentence = max(head.rfind(". "), head.rfind("? "), head.rfind("! "), head.rfind("» "))
    if sentence >= limit // 2:
        return head[: sentence + 1] + " …"
    return head.rsplit(" ", 1)[0] + " …"


def render_citations(markdown: str, context: PageContext) -> str:
    """Replace every ``[@source#p-id]`` of ``markdown`` by placeholders of citation markers
    (``context.unstash`` puts the markers in after Markdown: their previews are text)."""

    def replace(match: re.Match[str]) -> str:
        return context.stash("".join(context.cite(Reference(source, paragraph)) for source, paragraph in targets(match.group(1))))

    return CITATION.sub(replace, markdown)


def format_value(fact: Fact, lang: str, labels: Labels) -> str:
    """A fact's value with its unit, written the way the language writes numbers; a year
    that its date tells more precisely (2007 of October 2007) is written as that date."""
    if fact.unit == "year" and fact.date != "unknown" and fact.date.split("-")[0] == str(int(fact.value)):
        return format_date(fact.date, lang)
    number = format_number(fact.value, lang, group=fact.unit not in ("year", "rank"))
    return labels.get(f"unit.{fact.unit}", lang, value=number)


def fact_when(fact: Fact, lang: str) -> str:
    """When a fact holds, in the language's words; empty where the value says it already
    (a year) or the source does not say (the table says that once, under it)."""
    if fact.date == "unknown" or fact.unit == "year":
        return ""
    return format_date(fact.date, lang)


def render_section(name: str, *, theme: str | None, context: PageContext) -> str:
    """The HTML of one generated section (``differences``, ``key-figures``…)."""
    knowledge, lang, labels = context.knowledge, context.lang, context.labels
    if name == "differences":
        items = [d for d in knowledge.differences if theme in d.themes]
        if not items:
            return ""
        rows = [
            {
                "topic": d.topic[lang],
                "claims": [
                    {"text": c.text[lang], "cite": c.reference and context.cite(c.reference), "source": context.source_kind(c.reference.source)}
                    for c in d.claims
                ],
                "note": d.note[lang],
            }
            for d in items
        ]
        return _section(labels.get("theme.differences", lang), _html("differences.html", items=rows, labels=labels, lang=lang))
    if name == "key-figures":
        if theme is None:  # the home page: the first two figures of each theme
            facts = [fact for item in knowledge.themes for fact in [f for f in knowledge.facts if f.theme == item.slug][:2]]
        else:
            facts = [fact for fact in knowledge.facts if fact.theme == theme]
        if not facts:
            return ""
        figures = [render_chart(chart, context) for chart in knowledge.charts if theme in chart.themes]
        if knowledge.map and theme in knowledge.map.themes:
            figures.append(render_map(context))
        return _section(labels.get("theme.key_figures", lang), "\n\n".join([_facts_table(facts, context), *figures]))
    if name == "charts":
        return "\n\n".join(render_chart(chart, context) for chart in knowledge.charts)
    if name == "map":
        return render_map(context) if knowledge.map else ""
    if name == "downloads":
        return _html("downloads.html", groups=_download_groups(_downloads(context)), labels=labels, lang=lang)
    if name == "timeline":
        events = [event for event in knowledge.events if theme in event.themes]
        if not events:
            return ""
        rows = [
            {"date": event.date, "when": format_date(event.date, lang), "text": event.text[lang], "cite": context.cite(event.reference)}
            for event in events
        ]
        more = {"href": context.link("timeline"), "text": labels.get("theme.timeline_all", lang)}
        return _section(labels.get("theme.timeline", lang), _html("timeline-list.html", events=rows, more=more))
    if name == "sources-say":
        tagged = knowledge.theme(theme).tagged if theme else ()
        if not tagged:
            return ""
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
        return _section(labels.get("theme.sources_say", lang), _html("sources-say.html", items=rows, intro=intro, labels=labels, lang=lang))
    if name == "related":
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
        return _section(labels.get("theme.related", lang), _html("related.html", themes=themes, terms=terms, labels=labels, lang=lang))
    if name == "classroom-kits":
        kits = [
            {"href": context.link(f"classroom/{kit.theme}"), "title": knowledge.theme(kit.theme).title[lang], "summary": knowledge.theme(kit.theme).summary[lang]}
            for kit in knowledge.kits
        ]
        return _section(labels.get("classroom.kits", lang), _html("related.html", themes=kits, terms=[], labels=labels, lang=lang))
    if name == "themes":
        cards = [
            {"href": context.link(f"themes/{item.slug}"), "title": item.title[lang], "summary": item.summary[lang]}
            for item in knowledge.themes
        ]
        return _html("theme-cards.html", cards=cards)
    raise UnknownMarker(name)


class UnknownMarker(ValueError):
    """A page asks for a generated section that does not exist."""


def _section(title: str, body: str) -> str:
    return f"## {title}\n\n{body}\n"


def _facts_table(facts: list[Fact], context: PageContext) -> str:
    lang, labels = context.lang, context.labels
    rows = [
        {
            "label": fact.label[lang],
            "value": format_value(fact, lang, labels),
            "when": fact_when(fact, lang),
            "date": fact.date,
            "is_date": fact.unit == "year" and fact.date != "unknown",
            "place": fact.place[lang],
            "cite": context.cite(fact.reference),
        }
        for fact in facts
    ]
    undated = any(fact.date == "unknown" and fact.unit != "year" for fact in facts)
    return _html("key-figures.html", rows=rows, undated=undated, labels=labels, lang=lang)


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


def render_markers(markdown: str, *, theme: str | None, context: PageContext) -> str:
    """Replace the ``<!-- theme:… -->`` and ``<!-- home:… -->`` markers by their sections."""

    def replace(match: re.Match[str]) -> str:
        return render_section(match.group(2), theme=theme, context=context)

    return MARKER.sub(replace, markdown)


_TERM_PATTERNS: dict[tuple[int, str], tuple[tuple[Term, ...], tuple[re.Pattern[str], dict[str, Term]] | None]] = {}


def _term_pattern(terms: tuple[Term, ...], lang: str) -> tuple[re.Pattern[str], dict[str, Term]] | None:
    """The pattern for ``terms`` in ``lang``, built once per glossary (terms are unhashable)."""
    cached = _TERM_PATTERNS.get((id(terms), lang))
    if cached is None or cached[0] is not terms:
        if len(_TERM_PATTERNS) > 16:
            _TERM_PATTERNS.clear()
        cached = _TERM_PATTERNS[(id(terms), lang)] = (terms, _build_term_pattern(terms, lang))
    return cached[1]


def _build_term_pattern(terms: tuple[Term, ...], lang: str) -> tuple[re.Pattern[str], dict[str, Term]] | None:
    """One regular expression for every name (longest first) of every term in ``lang``."""
    names: list[tuple[str, Term]] = []
    for term in terms:
        for name in {term.term[lang], *term.aliases.get(lang, ())}:
            if len(name) > 3:
                names.append((name, term))
    if not names:
        return None
    names.sort(key=lambda pair: (-len(pair[0]), pair[0]))
    # The leading class of first letters lets the regex engine skip most positions at once
    # (several times faster on a long page than trying every name everywhere).
    first_letters = "".join(sorted({re.escape(name[0]) for name, _ in names}))
    pattern = re.compile(
        r"(?=[" + first_letters + r"])(?<![\w-])(" + "|".join(re.escape(name) for name, _ in names) + r")(?![\w-])"
    )
    return pattern, {name: term for name, term in names}


_SKIP_TAGS = (
    "small", "a", "code", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "button", "script", "style", "summary", "kbd",
    "label", "title", "textarea", "select", "svg", "nav", "header", "footer",
)
# What glossary links must not go into, found in one pass: whole elements whose text is not
# linked (none of them nests in itself in page content), admonition titles, and any other tag.
_PROTECTED = re.compile(
    r"<(" + "|".join(_SKIP_TAGS) + r")\b[^>]*>.*?</\1\s*>"
    r'|<p class="admonition-title"[^>]*>.*?</p>'
    r"|<[^>]+>",
    re.S,
)


def link_first_mentions(html: str, *, terms: tuple[Term, ...], lang: str, glossary_href: str, labels: Labels) -> str:
    """Link the first mention of each glossary term on a page to its entry, with a tooltip.

    Only text outside headings, links, code, buttons and citation previews (``<small>``)
    is considered; each term is linked once per page.
    """
    found = _term_pattern(terms, lang)
    if found is None:
        return html
    pattern, by_name = found
    linked: set[str] = set()

    def replace(match: re.Match[str]) -> str:
        term = by_name[match.group(1)]
        if term.id in linked:
            return match.group(0)
        linked.add(term.id)
        return (
            f'<a class="sk-term" href="{glossary_href}#term-{term.id}" '
            f'title="{html_text(first_sentence(term.definition[lang]))}">{match.group(1)}</a>'
        )

    out: list[str] = []
    position = 0
    for protected in _PROTECTED.finditer(html):
        start = protected.start()
        if start > position:
            out.append(pattern.sub(replace, html[position:start]))
        out.append(protected.group(0))
        position = protected.end()
    out.append(pattern.sub(replace, html[position:]))
    return "".join(out)


def render_timeline_page(context: PageContext) -> str:
    """The Markdown of the timeline page, filterable by theme without JavaScript."""
    lang, labels, knowledge = context.lang, context.labels, context.knowledge
    events = [
        {
            "date": event.date,
            "when": format_date(event.date, lang),
            "text": event.text[lang],
            "cite": context.cite(event.reference),
            "themes": " ".join(f"t-{slug}" for slug in event.themes),
            "theme_titles": ", ".join(knowledge.theme(slug).title[lang] for slug in event.themes),
        }
        for event in knowledge.events
    ]
    themes = [{"slug": theme.slug, "title": theme.title[lang]} for theme in knowledge.themes]
    body = _html("timeline-page.html", events=events, themes=themes, labels=labels, lang=lang)
    return _page(labels.get("timeline.title", lang), labels.get("timeline.description", lang), labels.get("timeline.intro", lang), body)


def render_glossary_page(context: PageContext) -> str:
    """The Markdown of the glossary page: the terms in the alphabetical order of the page's
    language (:mod:`sourcekit.collation`), each a heading with the id that links and search
    results point to, after an index of the letters that have terms."""
    lang, labels, knowledge = context.lang, context.labels, context.knowledge
    terms = collate(knowledge.terms, lang, key=lambda term: term.term[lang])
    rows = [
        {
            "id": term.id,
            "term": term.term[lang],
            "others": [(code, term.term[code]) for code in ("en", "kk", "ru") if code != lang and term.term[code] != term.term[lang]],
            "definition": term.definition[lang],
            "variants": [(variant, detect_language(variant)) for variant in term.variants],
            "cite": context.cite(term.reference),
            "themes": [
                {"href": context.link(f"themes/{slug}"), "title": knowledge.theme(slug).title[lang]} for slug in term.themes
            ],
        }
        for term in terms
    ]
    body = _html(
        "glossary-page.html",
        terms=rows,
        letters=glossary_letters([(term.id, term.term[lang]) for term in terms], lang),
        permalink=labels.get("a11y.permalink", lang),
        labels=labels,
        lang=lang,
    )
    return _page(labels.get("glossary.title", lang), labels.get("glossary.description", lang), labels.get("glossary.intro", lang), body)


def glossary_letters(terms: list[tuple[str, str]], lang: str) -> list[dict[str, str]]:
    """The letter index of a glossary: each letter that has terms, once, with the id of its
    first term; ``terms`` are (id, term) pairs in alphabetical order."""
    letters: dict[str, str] = {}
    for term_id, term in terms:
        letters.setdefault(initial(term, lang) or "…", term_id)
    return [
        # A letter of another alphabet (the T of «The Soft Power 30» in Kazakh) says its language.
        {"letter": letter, "term": term_id, "lang": detect_language(letter) if letter.isalpha() and letter not in ALPHABETS[lang] else None}
        for letter, term_id in letters.items()
    ]


def _page(title: str, description: str, intro: str, body: str) -> str:
    return "\n".join(
        ["---", f"title: {yaml_string(title)}", f"description: {yaml_string(description)}", "---", "", f"# {markdown_text(title)}", "", intro, "", body, ""]
    )


def render_kit_page(theme_slug: str, context: PageContext) -> str:
    """The Markdown of a theme's classroom kit, laid out as a printable handout.

    Citations are numbered in the order the page shows them: the differences, the discussion
    questions, the quiz's answers, then the key figures, which close the page on screen and
    are not printed (they would answer the quiz). On paper a number alone says nothing, so
    the handout ends with the paragraphs its numbers cite (printed only); the quiz's answers,
    with their sources, are printed only in the answer key, on the last page."""
    lang, labels, knowledge = context.lang, context.labels, context.knowledge
    kit = next(kit for kit in knowledge.kits if kit.theme == theme_slug)
    theme = knowledge.theme(theme_slug)
    title = labels.get("classroom.title", lang, theme=theme.title[lang])
    terms = {term.id: term for term in knowledge.terms}
    differences = render_section("differences", theme=theme_slug, context=context)
    if differences:  # "## title\n\nhtml": the notes in one block, in smaller type on paper
        heading, _, notes = differences.partition("\n\n")
        differences = f'{heading}\n\n<div class="sk-kit-differences">\n{notes.strip()}\n</div>\n'
    questions = [
        {"text": question.text[lang], "cites": "".join(context.cite(reference) for reference in question.references)}
        for question in kit.questions
    ]
    # What the printed handout cites, by source (the quiz's sources are named in the answer key).
    cited: dict[str, dict] = {}
    for key, number in sorted(context.numbers.items(), key=lambda item: item[1]):
        reference = Reference(*key.split("#", 1))
        group = cited.setdefault(
            reference.source, {"source": context.source_kind(reference.source), "entries": []}
        )
        group["entries"].append({"number": number, **_kit_where(reference, context)})
    quiz = [
        {
            "question": item.question[lang],
            "options": item.options[lang],
            "answer": item.answer,
            "explanation": item.explanation[lang],
            "cite": context.cite(item.reference),
            "href": context.paragraph_link(item.reference),
            **_kit_where(item.reference, context),
        }
        for item in kit.quiz
    ]
    figures = render_section("key-figures", theme=theme_slug, context=context)
    if figures:  # "## title\n\nhtml": the table, charts and map in one block, not printed
        heading, _, content = figures.partition("\n\n")
        figures = f'{heading}\n\n<div class="sk-kit-figures">\n{content.strip()}\n</div>\n'
    body = _html(
        "kit.html",
        theme_href=context.link(f"themes/{theme_slug}"),
        theme_title=theme.title[lang],
        script=context.urls.relative(CLASSROOM_SCRIPT_FILE, context.url),
        goals=kit.goals[lang],
        figures_note=labels.get("classroom.figures_not_printed", lang) if figures else "",
        questions=questions,
        quiz=quiz,
        letters=labels.get("classroom.letters", lang),
        cited=list(cited.values()),
        cards=[{"term": terms[card].term[lang], "definition": terms[card].definition[lang]} for card in kit.cards],
        labels=labels,
        lang=lang,
    )
    markdown = _page(title, labels.get("classroom.description", lang, theme=theme.title[lang]), "", body)
    return markdown.replace("<!-- kit:figures -->", figures).replace("<!-- kit:differences -->", differences)


CLASSROOM_SCRIPT_FILE = "assets/javascripts/classroom.js"
OPENING_LENGTH = 50  # characters of a cited paragraph's opening words on a printed handout


def _kit_where(reference: Reference, context: PageContext) -> dict[str, str]:
    """What a cited paragraph is, for paper: its source ("Journal article"), its printed page
    where known ("p. 88", else empty) and its opening words (which the site's search finds),
    in the page's language where translated."""
    page = context.knowledge.sources[reference.source].by_id()[reference.paragraph].block.page
    page_label = context.labels.get("reader.page", context.lang, page=page) if page else ""
    where = context.source_kind(reference.source) + (f", {page_label}" if page_label else "")
    text, text_lang = context.paragraph_text(reference)
    return {"where": where, "page": page_label, "opening": excerpt(text, OPENING_LENGTH), "lang": text_lang}


def render_chart(chart, context: PageContext) -> str:  # noqa: ANN001 - a sourcekit.charts.Chart
    """A bar chart of facts (a dot chart for places in a rating) as an accessible SVG figure."""
    from .charts import CHART_WIDTH, bar_rows, chart_height, is_rank_chart, rank_ticks, references

    lang, labels = context.lang, context.labels
    rows = bar_rows(chart, lang)
    height = chart_height(chart)
    description = "; ".join(f"{row['label']}: {row['text']}" for row in rows) + f" ({chart.axis[lang]})."
    return _html(
        "chart.html",
        chart=chart,
        kind="rank" if is_rank_chart(chart) else "bar",
        rows=rows,
        ticks=rank_ticks(chart),
        width=CHART_WIDTH,
        height=height,
        scale_y=height - 30,
        title=chart.title[lang],
        description=description,
        axis=chart.axis[lang],
        note=chart.note[lang],
        cites="".join(context.cite(reference) for reference in references(chart)),
        sources_label=labels.get("chart.sources", lang),
        table_label=labels.get("chart.table", lang),
        label_col=labels.get("figures.figure", lang),
    )


MAP_LAND_FILE = "assets/maps/central-asia.svg"


def render_map_land(map_spec: MapSpec) -> str:
    """The map's land layer (country outlines) as a standalone SVG file, the same for every
    language and page: the pages draw their labels over it, so it is fetched (and cached) once
    instead of weighing 20 KB gzipped in every page with the map."""
    shapes = [
        {"path": path, "focus": key in map_spec.countries and key not in ("russia", "mongolia")}
        for key, path in map_spec.geometry["countries"].items()
    ]
    geometry = map_spec.geometry
    return _html("map-land-svg.html", width=geometry["width"], height=geometry["height"], shapes=shapes) + "\n"


def render_map(context: PageContext) -> str:
    """The map of Central Asia with the places the sources name, as an accessible SVG figure."""
    from .charts import project

    lang, labels, spec = context.lang, context.labels, context.knowledge.map
    geometry = spec.geometry
    facts = {fact.id: fact for fact in context.knowledge.facts}
    country_labels = []
    for key, country in spec.countries.items():
        x, y = project(geometry, country["lon"], country["lat"])
        fact = facts.get(country.get("fact", ""))
        country_labels.append(
            {
                "key": key,
                "x": x,
                "y": y,
                "name": country["name"][lang],
                "count": int(fact.value) if fact else None,
                "fact": fact.id if fact else "",
                "note": country["note"][lang] if "note" in country else "",
                # the count's circle: under the name unless the data moves it
                "count_x": round(x + country.get("count_dx", 0), 1),
                "count_y": round(y + country.get("count_dy", 19), 1),
            }
        )
    places = []
    for place in spec.places:
        x, y = project(geometry, place["lon"], place["lat"])
        places.append(
            {
                "x": x,
                "y": y,
                "name": place["name"][lang],
                "capital": place.get("capital", False),
                "anchor": place.get("anchor", "start"),
                "dx": place.get("dx", 7),
                "dy": place.get("dy", -6),
            }
        )
    cited = {}
    for label in country_labels:
        if label["fact"]:
            reference = facts[label["fact"]].reference
            cited.setdefault(reference.key, reference)
    counts = "; ".join(
        f"{label['name']}: {label['count'] if label['count'] is not None else label['note']}"
        for label in country_labels
        if label["count"] is not None or label["note"]
    )
    description = labels.get("map.description", lang, counts=counts, places=", ".join(place["name"] for place in places))
    return _html(
        "map.html",
        width=geometry["width"],
        height=geometry["height"],
        land_href=context.urls.relative(MAP_LAND_FILE, context.url),
        country_labels=country_labels,
        places=places,
        title=spec.title[lang],
        description=description,
        note=spec.note[lang],
        cites="".join(context.cite(reference) for reference in cited.values()),
        sources_label=labels.get("chart.sources", lang),
        table_label=labels.get("chart.table", lang),
        country_col=labels.get("map.country", lang),
        count_col=labels.get("map.count", lang),
        places_label=labels.get("map.places", lang),
        hint=labels.get("map.scroll_hint", lang),
    )


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
