"""Theme data: themes, tags, facts, timeline, differences and glossary, validated.

Every item that makes a claim cites a source paragraph (``source`` + ``paragraph``); where
it quotes ``evidence``, the build checks that the text really occurs in that paragraph.
A bad entry names its file and line.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Any

from .charts import load_charts
from .errors import InputError
from .labels import LABELS_FILE
from .language_checks import check_data_files
from .model import Claim, Difference, Event, Fact, Kit, Knowledge, QuizItem, Question, Reference, Term, Text, Theme
from .languages import current, texts
from .pipeline import Document
from .schema import (
    PARAGRAPH_ID,
    SLUG,
    TEXT,
    Date,
    Either,
    ListOf,
    MapOf,
    Number,
    Record,
    Schema,
    Text as TextSchema,
    Multilingual,
    data_files,
    validate,
)
from .yamlio import line_at, line_of, load_yaml

UNITS = ("year", "count", "thousand-people", "million-people", "people", "rank", "times")

# The shape of each file; what needs other data (themes, sources, evidence) is checked below.
TRILINGUAL = Multilingual()
THEME_SLUGS = Either(SLUG, ListOf(SLUG, min_items=1), expected="a theme slug or a list of theme slugs")
CITES = {"source": SLUG, "paragraph": PARAGRAPH_ID}
EVIDENCE = {"evidence": TEXT}
THEMES_FILE = Record(
    required={
        "themes": ListOf(
            Record(required={"slug": SLUG, "title": TRILINGUAL, "summary": TRILINGUAL}, optional={"related": ListOf(SLUG)}),
            min_items=1,
        )
    }
)
TAGS_FILE = MapOf(SLUG, ListOf(PARAGRAPH_ID, min_items=1), expected="a mapping of source slugs to lists of paragraph IDs")
FACTS_FILE = Record(
    required={
        "facts": ListOf(
            Record(
                required={
                    "id": SLUG,
                    "theme": SLUG,
                    "value": Number(),
                    "unit": TextSchema(choices=UNITS),
                    "date": Date(unknown=True),
                    "place": TRILINGUAL,
                    "label": TRILINGUAL,
                    **CITES,
                    **EVIDENCE,
                }
            )
        )
    }
)
EVENTS_FILE = Record(
    required={
        "events": ListOf(
            Record(required={"id": SLUG, "date": Date(), "themes": THEME_SLUGS, "text": TRILINGUAL, **CITES, **EVIDENCE})
        )
    }
)
DIFFERENCES_FILE = Record(
    required={
        "differences": ListOf(
            Record(
                required={
                    "id": SLUG,
                    "themes": THEME_SLUGS,
                    "topic": TRILINGUAL,
                    "claims": ListOf(Record(required={"text": TRILINGUAL, **CITES, **EVIDENCE}), min_items=2),
                    "note": TRILINGUAL,
                }
            )
        )
    }
)
GLOSSARY_FILE = Record(
    required={
        "terms": ListOf(
            Record(
                required={"id": SLUG, "term": TRILINGUAL, "definition": TRILINGUAL, **CITES},
                optional={
                    **EVIDENCE,
                    "aliases": Multilingual(ListOf(TextSchema(min_length=4, expected="a name longer than 3 characters")), needs="none"),
                    "variants": ListOf(TEXT),
                    "themes": THEME_SLUGS,
                },
            )
        )
    }
)
_LISTS = Multilingual(ListOf(TEXT, min_items=1))
KIT_FILE = Record(
    required={
        "goals": _LISTS,
        "questions": ListOf(
            Record(required={"text": TRILINGUAL, "cites": ListOf(Record(required=CITES, optional=EVIDENCE), min_items=1)}),
            min_items=1,
        ),
        "quiz": ListOf(
            Record(
                required={
                    "question": TRILINGUAL,
                    "options": _LISTS,
                    "answer": Number(integer=True, minimum=0),
                    "explanation": TRILINGUAL,
                    **CITES,
                    **EVIDENCE,
                }
            ),
            min_items=1,
        ),
    },
    optional={"cards": ListOf(SLUG)},
)


class _Reader:
    """The checks that need other data, bound to one file so that every error names it.

    The file's shape has been checked by its schema: the reader can take its values as given.
    """

    def __init__(self, path: Path, documents: dict[str, Document], theme_slugs: set[str] | None = None) -> None:
        self.path = path
        self.documents = documents
        self.theme_slugs = theme_slugs or set()

    def fail(self, message: str, node: Any, key: str | int | None = None) -> InputError:
        """An error at ``node`` (a mapping or list), or at its ``key`` or item where given."""
        line = line_of(node) if key is None else line_at(node, key, line_of(node))
        return InputError(self.path, message, line=line)

    def ident(self, node: dict, seen: set[str]) -> str:
        value = node["id"]
        if value in seen:
            raise self.fail(f"duplicate id '{value}'", node)
        seen.add(value)
        return value

    def themes_of(self, node: dict, key: str = "themes") -> tuple[str, ...]:
        value = node[key]
        values = [value] if isinstance(value, str) else value
        for slug in values:
            if slug not in self.theme_slugs:
                raise self.fail(f"unknown theme '{slug}' (themes: {', '.join(sorted(self.theme_slugs))})", node, key)
        return tuple(values)

    def reference(self, node: dict) -> Reference:
        source, paragraph, evidence = node["source"], node["paragraph"], node.get("evidence")
        document = self.documents.get(source)
        if document is None:
            raise self.fail(f"unknown source '{source}'", node, "source")
        block = document.by_id().get(paragraph)
        if block is None:
            raise self.fail(f"paragraph {paragraph} does not exist in source '{source}'", node, "paragraph")
        if evidence is not None and evidence not in block.plain:
            raise self.fail(f"evidence {evidence[:60]!r} does not occur in {source}#{paragraph}", node, "evidence")
        return Reference(source=source, paragraph=paragraph, evidence=evidence)


def _trilingual(value: dict[str, str]) -> Text:
    """A validated text in the site's languages, stripped; shown in the default language where
    it has no translation."""
    return texts(value, strip=True)


def _load(path: Path, schema: Schema) -> Any:
    """The data of ``path``, checked against ``schema``."""
    data = load_yaml(path)
    validate(data, schema, path=path)
    return data


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


def load_knowledge(seeds_dir: Path, documents: list[Document], *, labels_file: Path = LABELS_FILE) -> Knowledge:
    """Load and cross-check every theme data file in ``seeds_dir``."""
    by_slug = {document.entry.slug: document for document in documents}
    themes = _load_themes(seeds_dir, by_slug)
    slugs = {theme.slug for theme in themes}
    for folder in ("tags", "classroom"):
        for path in data_files(seeds_dir / folder):
            if path.suffix != ".yml" or path.stem not in slugs:
                raise InputError(
                    path, f"'{path.stem}' is not a theme; files in {folder}/ are named <theme>.yml after one of: {', '.join(sorted(slugs))}"
                )
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
    # Charts read the facts, so they load last.
    charts, map_spec = load_charts(seeds_dir / "charts.yml", facts={fact.id: fact for fact in facts}, theme_slugs=slugs)
    check_data_files(seeds_dir, labels_file=labels_file)  # the kk/ru prose of these files (and of the labels): numbers, terms, dashes
    return replace(knowledge, charts=charts, map=map_spec)


def _load_kit(path: Path, theme: str, documents: dict[str, Document], term_ids: set[str]) -> Kit:
    reader = _Reader(path, documents)
    data = _load(path, KIT_FILE)

    def lists(node: dict, key: str) -> dict[str, tuple[str, ...]]:
        result = texts({language: tuple(item.strip() for item in items) for language, items in node[key].items()})
        if len({len(items) for items in result.values()}) != 1:
            raise reader.fail(f"'{key}' has a different number of items in {', '.join(result)}", node[key])
        return result

    goals = lists(data, "goals")
    questions = [
        Question(_trilingual(node["text"]), tuple(reader.reference(cite) for cite in node["cites"])) for node in data["questions"]
    ]
    quiz = []
    for node in data["quiz"]:
        options = lists(node, "options")
        if node["answer"] >= len(options["en"]):
            raise reader.fail(f"'answer' must be the index of one of the {len(options['en'])} options", node)
        quiz.append(
            QuizItem(
                question=_trilingual(node["question"]),
                options=options,
                answer=node["answer"],
                explanation=_trilingual(node["explanation"]),
                reference=reader.reference(node),
            )
        )
    cards = data.get("cards", [])
    for index, card in enumerate(cards):
        if card not in term_ids:
            raise reader.fail(f"glossary card '{card}' is not a term of glossary.yml", cards, index)
    return Kit(theme=theme, goals=goals, questions=tuple(questions), quiz=tuple(quiz), cards=tuple(cards))


def _load_themes(seeds_dir: Path, documents: dict[str, Document]) -> list[Theme]:
    path = seeds_dir / "themes.yml"
    reader = _Reader(path, documents)
    raw_themes = _load(path, THEMES_FILE)["themes"]
    reader.theme_slugs = {raw["slug"] for raw in raw_themes}
    themes: list[Theme] = []
    seen: set[str] = set()
    for raw in raw_themes:
        slug = raw["slug"]
        if slug in seen:
            raise reader.fail(f"duplicate theme slug '{slug}'", raw)
        seen.add(slug)
        related = tuple(raw.get("related", ()))
        for other in related:
            if other not in reader.theme_slugs or other == slug:
                raise reader.fail(f"theme '{slug}' is related to unknown theme '{other}'", raw, "related")
        tagged = _load_tags(seeds_dir / "tags" / f"{slug}.yml", documents)
        themes.append(Theme(slug, _trilingual(raw["title"]), _trilingual(raw["summary"]), related, tagged))
    return themes


def _load_tags(path: Path, documents: dict[str, Document]) -> tuple[Reference, ...]:
    if not path.exists():
        return ()
    data = load_yaml(path)
    if data is None:
        return ()
    validate(data, TAGS_FILE, path=path)
    reader = _Reader(path, documents)
    tagged: list[Reference] = []
    for source, paragraphs in data.items():
        if source not in documents:
            raise reader.fail(f"unknown source '{source}'", data, source)
        ids = documents[source].by_id()
        for index, paragraph in enumerate(paragraphs):
            if paragraph not in ids:
                raise reader.fail(f"paragraph {paragraph} does not exist in source '{source}'", paragraphs, index)
            tagged.append(Reference(source, paragraph))
    return tuple(tagged)


def _items(path: Path, key: str, schema: Schema) -> list[dict]:
    """The entries of the list ``key`` of ``path`` (none when there is no such file)."""
    if not path.exists():
        return []
    return _load(path, schema)[key]


def _load_facts(path: Path, documents: dict[str, Document], slugs: set[str]) -> list[Fact]:
    reader = _Reader(path, documents, slugs)
    facts: list[Fact] = []
    seen: set[str] = set()
    for node in _items(path, "facts", FACTS_FILE):
        value, unit = node["value"], node["unit"]
        reference = reader.reference(node)
        if unit != "rank" and not value_in_text(value, reference.evidence or ""):
            number = f"{value:g}" if isinstance(value, float) else str(value)
            raise reader.fail(f"value {number} does not appear in its evidence", node)
        facts.append(
            Fact(
                id=reader.ident(node, seen),
                theme=reader.themes_of(node, "theme")[0],
                value=value,
                unit=unit,
                date=str(node["date"]).strip(),
                place=_trilingual(node["place"]),
                label=_trilingual(node["label"]),
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
            date=str(node["date"]).strip(),
            themes=reader.themes_of(node),
            text=_trilingual(node["text"]),
            reference=reader.reference(node),
        )
        for node in _items(path, "events", EVENTS_FILE)
    ]
    return sorted(events, key=lambda event: event.date)


def _load_differences(path: Path, documents: dict[str, Document], slugs: set[str]) -> list[Difference]:
    reader = _Reader(path, documents, slugs)
    seen: set[str] = set()
    differences: list[Difference] = []
    for node in _items(path, "differences", DIFFERENCES_FILE):
        claims = tuple(Claim(text=_trilingual(claim["text"]), reference=reader.reference(claim)) for claim in node["claims"])
        differences.append(
            Difference(
                id=reader.ident(node, seen),
                themes=reader.themes_of(node),
                topic=_trilingual(node["topic"]),
                claims=claims,
                note=_trilingual(node["note"]),
            )
        )
    return differences


def _load_terms(path: Path, documents: dict[str, Document], slugs: set[str]) -> list[Term]:
    reader = _Reader(path, documents, slugs)
    seen: set[str] = set()
    terms: list[Term] = []
    for node in _items(path, "terms", GLOSSARY_FILE):
        aliases = {language: tuple(node.get("aliases", {}).get(language, ())) for language in current().codes}
        variants = node.get("variants", [])
        reference = reader.reference(node)
        for variant in variants:
            if not any(variant in item.plain for document in documents.values() for item in document.blocks):
                raise reader.fail(f"variant spelling {variant!r} does not occur in any source", node)
        terms.append(
            Term(
                id=reader.ident(node, seen),
                term=_trilingual(node["term"]),
                definition=_trilingual(node["definition"]),
                aliases=aliases,
                variants=tuple(variants),
                themes=reader.themes_of(node) if "themes" in node else (),
                reference=reference,
            )
        )
    return terms
