"""The theme data as values: themes, facts, events, differences, glossary terms and classroom
kits, each citing a source paragraph (:class:`Reference`), and :class:`Knowledge`, which holds
them all. Loading and checking them is :mod:`sourcekit.knowledge`'s job; this module only
holds them, so that every stage (charts, figures, pages) can use the values without importing
the loaders (and the loaders can read the charts without an import cycle).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .pipeline import Document

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
