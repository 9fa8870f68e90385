"""Theme data: themes, tags, facts, timeline, differences and glossary, validated.

Every item that makes a claim cites a source paragraph (``source`` + ``paragraph``); where
it quotes ``evidence``, the build checks that the text really occurs in that paragraph.
A bad entry names its file and line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .catalogue import LANGUAGES
from .errors import InputError
from .pipeline import Document
from .yamlio import line_of, load_yaml

UNITS = ("year", "count", "thousand-people", "million-people", "people", "rank", "times")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

Text = dict[str, str]


@dataclass(frozen=True)
class Reference:
    """A pointer to one source paragraph, with the quoted evidence if any."""

    source: str
    paragraph: str
    evidence: str | None = None

    @property
    def key(self) -> str:
        return f"{self.source}#{self.paragraph}"


@dataclass(frozen=True)
class Theme:
    slug: str
    title: Text
    summary: Text
    related: tuple[str, ...]
    tagged: tuple[Reference, ...] = ()


@dataclass(frozen=True)
class Fact:
    id: str
    theme: str
    value: float
    unit: str
    date: str
    place: Text
    label: Text
    reference: Reference


@dataclass(frozen=True)
class Event:
    id: str
    date: str
    themes: tuple[str, ...]
    text: Text
    reference: Reference


@dataclass(frozen=True)
class Claim:
    text: Text
    reference: Reference


@dataclass(frozen=True)
class Difference:
    id: str
    themes: tuple[str, ...]
    topic: Text
    claims: tuple[Claim, ...]
    note: Text


@dataclass(frozen=True)
class Term:
    id: str
    term: Text
    definition: Text
    aliases: dict[str, tuple[str, ...]]
    variants: tuple[str, ...]
    themes: tuple[str, ...]
    reference: Reference


@dataclass(frozen=True)
class Question:
    text: Text
    references: tuple[Reference, ...]


@dataclass(frozen=True)
class QuizItem:
    question: Text
    options: dict[str, tuple[str, ...]]
    answer: int
    explanation: Text
    reference: Reference


@dataclass(frozen=True)
class Kit:
    """The classroom kit of one theme."""

    theme: str
    goals: dict[str, tuple[str, ...]]
    questions: tuple[Question, ...]
    quiz: tuple[QuizItem, ...]
    cards: tuple[str, ...]


@dataclass(frozen=True)
class Knowledge:
    """All theme data of the site."""

    themes: tuple[Theme, ...]
    facts: tuple[Fact, ...]
    events: tuple[Event, ...]
    differences: tuple[Difference, ...]
    terms: tuple[Term, ...]
    sources: dict[str, Document] = field(default_factory=dict)
    kits: tuple[Kit, ...] = ()
    charts: tuple = ()  # sourcekit.charts.Chart, set by load_knowledge
    map: Any = None  # sourcekit.charts.MapSpec

    def theme(self, slug: str) -> Theme:
        return next(theme for theme in self.themes if theme.slug == slug)


class _Reader:
    """Validation helpers bound to one file, so that every error names it."""

    def __init__(self, path: Path, documents: dict[str, Document], theme_slugs: set[str] | None = None) -> None:
        self.path = path
        self.documents = documents
        self.theme_slugs = theme_slugs or set()

    def fail(self, message: str, node: Any) -> InputError:
        return InputError(self.path, message, line=line_of(node))

    def mapping(self, node: Any, what: str) -> dict:
        if not isinstance(node, dict):
            raise self.fail(f"{what} must be a mapping", node)
        return node

    def text(self, node: dict, key: str) -> str:
        value = node.get(key)
        if not isinstance(value, str) or not value.strip():
            raise self.fail(f"'{key}' must be a non-empty string", node)
        return value.strip()

    def ident(self, node: dict, seen: set[str]) -> str:
        value = self.text(node, "id")
        if not _ID.match(value):
            raise self.fail(f"id '{value}' must be lower-case words joined by hyphens", node)
        if value in seen:
            raise self.fail(f"duplicate id '{value}'", node)
        seen.add(value)
        return value

    def trilingual(self, node: dict, key: str) -> Text:
        value = node.get(key)
        if not isinstance(value, dict) or set(value) != set(LANGUAGES):
            raise self.fail(f"'{key}' needs exactly en, kk and ru", value if isinstance(value, dict) else node)
        for language, text in value.items():
            if not isinstance(text, str) or not text.strip():
                raise self.fail(f"'{key}.{language}' must be a non-empty string", value)
        return {language: str(text).strip() for language, text in value.items()}

    def themes_of(self, node: dict, key: str = "themes") -> tuple[str, ...]:
        value = node.get(key)
        values = [value] if isinstance(value, str) else value
        if not isinstance(values, list) or not values:
            raise self.fail(f"'{key}' must name one or more themes", node)
        for slug in values:
            if slug not in self.theme_slugs:
                raise self.fail(f"unknown theme '{slug}' (themes: {', '.join(sorted(self.theme_slugs))})", node)
        return tuple(values)

    def reference(self, node: dict, *, evidence_required: bool) -> Reference:
        source = self.text(node, "source")
        paragraph = self.text(node, "paragraph")
        document = self.documents.get(source)
        if document is None:
            raise self.fail(f"unknown source '{source}'", node)
        block = document.by_id().get(paragraph)
        if block is None:
            raise self.fail(f"paragraph {paragraph} does not exist in source '{source}'", node)
        evidence = node.get("evidence")
        if evidence is None and evidence_required:
            raise self.fail("'evidence' (the exact words of the cited paragraph) is missing", node)
        if evidence is not None:
            if not isinstance(evidence, str) or evidence not in block.plain:
                raise self.fail(f"evidence {str(evidence)[:60]!r} does not occur in {source}#{paragraph}", node)
        return Reference(source=source, paragraph=paragraph, evidence=evidence)


_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
_SCALE = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}


def value_in_text(value: float, text: str) -> bool:
    """Whether ``text`` states the number ``value``: in digits ("1,000", "13.2"), in words
    ("five", "fifty one", "thirty"), or scaled ("30 million" for 30000000, "a million")."""
    stated: set[float] = set()
    for match in re.finditer(r"(?<![\d.])(\d{1,3}(?:[ ,]\d{3})+|\d+(?:\. ?\d+)?)(?:\s+(thousand|million|billion))?", text):
        number = float(re.sub(r"[ ,]", "", match.group(1)).replace(". ", "."))
        stated.add(number)
        if match.group(2):
            stated.add(number * _SCALE[match.group(2)])
    words = re.findall(r"[a-z]+", text.lower())
    for index, word in enumerate(words):
        if word in _WORDS:
            number = _WORDS[word]
            if number >= 20 and index + 1 < len(words) and words[index + 1] in _WORDS and _WORDS[words[index + 1]] < 10:
                number += _WORDS[words[index + 1]]
            stated.add(number)
            following = words[index + 1 : index + 3]
            for scale in following:
                if scale in _SCALE:
                    stated.add(number * _SCALE[scale])
        if word == "a" and index + 1 < len(words) and words[index + 1] in _SCALE:
            stated.add(_SCALE[words[index + 1]])
    return float(value) in stated


def load_knowledge(seeds_dir: Path, documents: list[Document]) -> Knowledge:
    """Load and cross-check every theme data file in ``seeds_dir``."""
    by_slug = {document.entry.slug: document for document in documents}
    themes = _load_themes(seeds_dir, by_slug)
    slugs = {theme.slug for theme in themes}
    facts = _load_facts(seeds_dir / "facts.yml", by_slug, slugs)
    events = _load_events(seeds_dir / "timeline.yml", by_slug, slugs)
    differences = _load_differences(seeds_dir / "differences.yml", by_slug, slugs)
    terms = _load_terms(seeds_dir / "glossary.yml", by_slug, slugs)
    term_ids = {term.id for term in terms}
    kits = [
        _load_kit(seeds_dir / "classroom" / f"{theme.slug}.yml", theme.slug, by_slug, term_ids)
        for theme in themes
        if (seeds_dir / "classroom" / f"{theme.slug}.yml").exists()
    ]
    knowledge = Knowledge(tuple(themes), tuple(facts), tuple(events), tuple(differences), tuple(terms), by_slug, tuple(kits))
    from .charts import load_charts  # charts read the facts, so they load last

    charts, map_spec = load_charts(seeds_dir / "charts.yml", knowledge)
    return replace(knowledge, charts=charts, map=map_spec)


def _load_kit(path: Path, theme: str, documents: dict[str, Document], term_ids: set[str]) -> Kit:
    reader = _Reader(path, documents)
    data = reader.mapping(load_yaml(path), path.name)

    def lists(node: dict, key: str) -> dict[str, tuple[str, ...]]:
        value = node.get(key)
        if not isinstance(value, dict) or set(value) != set(LANGUAGES):
            raise reader.fail(f"'{key}' needs exactly en, kk and ru", node)
        result = {}
        for language, items in value.items():
            if not isinstance(items, list) or not items or not all(isinstance(item, str) and item.strip() for item in items):
                raise reader.fail(f"'{key}.{language}' must be a list of non-empty strings", value)
            result[language] = tuple(item.strip() for item in items)
        if len({len(items) for items in result.values()}) != 1:
            raise reader.fail(f"'{key}' has a different number of items in en, kk and ru", value)
        return result

    goals = lists(data, "goals")
    questions = []
    for node in data.get("questions") or []:
        reader.mapping(node, "a question")
        cites = node.get("cites")
        if not isinstance(cites, list) or not cites:
            raise reader.fail("a discussion question needs 'cites'", node)
        references = tuple(reader.reference(reader.mapping(cite, "a citation"), evidence_required=False) for cite in cites)
        questions.append(Question(reader.trilingual(node, "text"), references))
    quiz = []
    for node in data.get("quiz") or []:
        reader.mapping(node, "a quiz question")
        options = lists(node, "options")
        answer = node.get("answer")
        if not isinstance(answer, int) or not 0 <= answer < len(options["en"]):
            raise reader.fail(f"'answer' must be the index of one of the {len(options['en'])} options", node)
        quiz.append(
            QuizItem(
                question=reader.trilingual(node, "question"),
                options=options,
                answer=answer,
                explanation=reader.trilingual(node, "explanation"),
                reference=reader.reference(node, evidence_required=True),
            )
        )
    cards = data.get("cards") or []
    for card in cards:
        if card not in term_ids:
            raise reader.fail(f"glossary card '{card}' is not a term of glossary.yml", data)
    if not questions or not quiz:
        raise reader.fail("a kit needs discussion 'questions' and a 'quiz'", data)
    return Kit(theme=theme, goals=goals, questions=tuple(questions), quiz=tuple(quiz), cards=tuple(cards))


def _load_themes(seeds_dir: Path, documents: dict[str, Document]) -> list[Theme]:
    path = seeds_dir / "themes.yml"
    reader = _Reader(path, documents)
    data = reader.mapping(load_yaml(path), "themes.yml")
    raw_themes = data.get("themes")
    if not isinstance(raw_themes, list) or not raw_themes:
        raise reader.fail("expected a list 'themes'", data)
    slugs = [reader.mapping(raw, "a theme").get("slug") for raw in raw_themes]
    reader.theme_slugs = set(slugs)
    themes: list[Theme] = []
    for raw in raw_themes:
        slug = reader.text(raw, "slug")
        related = tuple(raw.get("related") or ())
        for other in related:
            if other not in reader.theme_slugs or other == slug:
                raise reader.fail(f"theme '{slug}' is related to unknown theme '{other}'", raw)
        tagged = _load_tags(seeds_dir / "tags" / f"{slug}.yml", documents)
        themes.append(Theme(slug, reader.trilingual(raw, "title"), reader.trilingual(raw, "summary"), related, tagged))
    return themes


def _load_tags(path: Path, documents: dict[str, Document]) -> tuple[Reference, ...]:
    if not path.exists():
        return ()
    data = load_yaml(path) or {}
    reader = _Reader(path, documents)
    reader.mapping(data, "a tags file")
    tagged: list[Reference] = []
    for source, paragraphs in data.items():
        if source not in documents:
            raise reader.fail(f"unknown source '{source}'", data)
        if not isinstance(paragraphs, list):
            raise reader.fail(f"'{source}' must list paragraph IDs", data)
        ids = documents[source].by_id()
        for paragraph in paragraphs:
            if paragraph not in ids:
                raise reader.fail(f"paragraph {paragraph} does not exist in source '{source}'", data)
            tagged.append(Reference(source, str(paragraph)))
    return tuple(tagged)


def _items(path: Path, key: str, reader: _Reader) -> list[dict]:
    if not path.exists():
        return []
    data = reader.mapping(load_yaml(path), path.name)
    items = data.get(key)
    if not isinstance(items, list):
        raise reader.fail(f"expected a list '{key}'", data)
    return [reader.mapping(item, f"an entry of '{key}'") for item in items]


def _date(reader: _Reader, node: dict, *, allow_unknown: bool) -> str:
    value = str(node.get("date", "")).strip()
    if (allow_unknown and value == "unknown") or _DATE.match(value):
        return value
    raise reader.fail(f"date '{value}' must be YYYY, YYYY-MM or YYYY-MM-DD" + (" or unknown" if allow_unknown else ""), node)


def _load_facts(path: Path, documents: dict[str, Document], slugs: set[str]) -> list[Fact]:
    reader = _Reader(path, documents, slugs)
    facts: list[Fact] = []
    seen: set[str] = set()
    for node in _items(path, "facts", reader):
        value = node.get("value")
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise reader.fail("'value' must be a number", node)
        unit = reader.text(node, "unit")
        if unit not in UNITS:
            raise reader.fail(f"unit '{unit}' is not one of {', '.join(UNITS)}", node)
        reference = reader.reference(node, evidence_required=True)
        if unit != "rank" and not value_in_text(value, reference.evidence or ""):
            number = f"{value:g}" if isinstance(value, float) else str(value)
            raise reader.fail(f"value {number} does not appear in its evidence", node)
        facts.append(
            Fact(
                id=reader.ident(node, seen),
                theme=reader.themes_of(node, "theme")[0],
                value=value,
                unit=unit,
                date=_date(reader, node, allow_unknown=True),
                place=reader.trilingual(node, "place"),
                label=reader.trilingual(node, "label"),
                reference=reference,
            )
        )
    return facts


def _load_events(path: Path, documents: dict[str, Document], slugs: set[str]) -> list[Event]:
    reader = _Reader(path, documents, slugs)
    seen: set[str] = set()
    events = [
        Event(
            id=reader.ident(node, seen),
            date=_date(reader, node, allow_unknown=False),
            themes=reader.themes_of(node),
            text=reader.trilingual(node, "text"),
            reference=reader.reference(node, evidence_required=True),
        )
        for node in _items(path, "events", reader)
    ]
    return sorted(events, key=lambda event: event.date)


def _load_differences(path: Path, documents: dict[str, Document], slugs: set[str]) -> list[Difference]:
    reader = _Reader(path, documents, slugs)
    seen: set[str] = set()
    differences: list[Difference] = []
    for node in _items(path, "differences", reader):
        claims_raw = node.get("claims")
        if not isinstance(claims_raw, list) or len(claims_raw) < 2:
            raise reader.fail("a difference needs two or more 'claims'", node)
        claims = tuple(
            Claim(text=reader.trilingual(reader.mapping(claim, "a claim"), "text"), reference=reader.reference(claim, evidence_required=True))
            for claim in claims_raw
        )
        differences.append(
            Difference(
                id=reader.ident(node, seen),
                themes=reader.themes_of(node),
                topic=reader.trilingual(node, "topic"),
                claims=claims,
                note=reader.trilingual(node, "note"),
            )
        )
    return differences


def _load_terms(path: Path, documents: dict[str, Document], slugs: set[str]) -> list[Term]:
    reader = _Reader(path, documents, slugs)
    seen: set[str] = set()
    terms: list[Term] = []
    for node in _items(path, "terms", reader):
        aliases_raw = node.get("aliases") or {}
        reader.mapping(aliases_raw, "'aliases'")
        aliases: dict[str, tuple[str, ...]] = {}
        for language in LANGUAGES:
            names = aliases_raw.get(language) or []
            if not isinstance(names, list) or not all(isinstance(name, str) and len(name) > 3 for name in names):
                raise reader.fail(f"aliases.{language} must be a list of names longer than 3 characters", node)
            aliases[language] = tuple(names)
        variants = node.get("variants") or []
        if not isinstance(variants, list) or not all(isinstance(name, str) for name in variants):
            raise reader.fail("'variants' must be a list of strings", node)
        reference = reader.reference(node, evidence_required=False)
        for variant in variants:
            if not any(variant in item.plain for document in documents.values() for item in document.blocks):
                raise reader.fail(f"variant spelling {variant!r} does not occur in any source", node)
        terms.append(
            Term(
                id=reader.ident(node, seen),
                term=reader.trilingual(node, "term"),
                definition=reader.trilingual(node, "definition"),
                aliases=aliases,
                variants=tuple(variants),
                themes=reader.themes_of(node) if node.get("themes") else (),
                reference=reference,
            )
        )
    return terms
