"""The labels that mark the zones of a scholarly article in English, Kazakh and Russian.

An article says where its parts are: "Abstract", «Аннотация», «Аңдатпа»; "Keywords",
«Ключевые слова», «Түйін сөздер»; "References", «Список литературы», «Әдебиеттер тізімі»;
"Introduction", «Введение», «Кіріспе»… and classification lines (UDC/УДК/ӘОЖ, ББК,
МРНТИ/IRSTI, DOI, ISSN, dates of receipt) that are metadata, never a title. This module
only recognises them; ``structure.py`` decides what follows from them.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

_END = r"\s*[.:：—–-]?\s*"

ABSTRACT = re.compile(
    r"^(abstract|summary|аннотация|резюме|аңдатпа|түйін|түйіндеме)" + _END + r"(?=$|\S)",
    re.IGNORECASE,
)
KEYWORDS = re.compile(
    r"^(keywords|key\s+words|ключевые\s+слова|түйін(?:ді)?\s+сөздер|тірек\s+сөздер|кілт\s+сөздер)\s*[.:：—–-]?\s*",
    re.IGNORECASE,
)
REFERENCES = re.compile(
    r"^(references?|bibliography|sources|literature|works\s+cited|reference\s+list|further\s+reading|suggested\s+reading|recommended\s+reading|"
    r"рекомендуемая\s+литература|ұсынылатын\s+әдебиеттер|"
    r"список\s+(?:использованной\s+|цитируемой\s+)?литературы|список\s+источников|литература|"
    r"библиографический\s+список|источники(?:\s+и\s+литература)?|"
    r"әдебиеттер(?:\s+тізімі)?|пайдаланылған\s+әдебиеттер(?:\s+тізімі)?|"
    r"қолданылған\s+әдебиеттер(?:\s+тізімі)?|дереккөздер)\s*:?\s*$",
    re.IGNORECASE,
)
INTRODUCTION = re.compile(r"^(?:\d+\.?\s*|[IVX]+\.\s*)?(introduction|введение|кіріспе)\s*\.?$", re.IGNORECASE)
CONCLUSION = re.compile(
    r"^(?:\d+\.?\s*|[IVX]+\.\s*)?(conclusions?|concluding\s+remarks|заключение|выводы|қорытынды)\s*\.?$",
    re.IGNORECASE,
)
NOTES = re.compile(
    r"^(notes|endnotes|footnotes|примечания|сноски|комментарии\s+и\s+примечания|ескертпелер|ескертулер|түсініктемелер)\s*:?\s*$",
    re.IGNORECASE,
)
AUTHORS_INFO = re.compile(
    r"^(information\s+about\s+(?:the\s+)?authors?|about\s+the\s+authors?|author\s+information|"
    r"сведения\s+об\s+авторах?|информация\s+об\s+авторах?|авторлар\s+туралы(?:\s+мәлімет(?:тер)?)?|"
    r"автор\s+туралы(?:\s+мәлімет)?)\s*:?\s*$",
    re.IGNORECASE,
)
# Classification and production lines: UDC/УДК/ӘОЖ, ББК/BBK, МРНТИ/ГРНТИ/ХҒТАР/IRSTI, DOI,
# ISSN, JEL, received/accepted/published dates, copyright and licence lines.
METADATA = re.compile(
    r"^(?:udc|удк|әож|ббк|bbk|мрнти|грнти|хғтар|irsti|jel(?:\s+classification)?|doi|issn|e-?issn|isbn|"
    r"https?://doi\.org/|"
    r"received|accepted|revised|published(?:\s+online)?|submitted|"
    r"поступила(?:\s+в\s+редакцию)?|принята(?:\s+к\s+печати)?|получено|"
    r"редакцияға\s+түсті|жариялауға\s+қабылданды|түсті|қабылданды|"
    r"©|\(c\)\s|copyright\b)"
    r"(?:[\s:.№]|$)",
    re.IGNORECASE,
)
# The line that names a series ("POLICY BRIEF No. 14 | June 2022", "Working Paper 3/2021").
SERIES = re.compile(
    r"^(?:policy\s+brief|issue\s+brief|working\s+paper|research\s+paper|discussion\s+paper|"
    r"occasional\s+paper|analytical\s+note|аналитическая\s+записка|аналитический\s+доклад|"
    r"рабочий\s+доклад|талдамалық\s+жазба)\b.{0,80}$",
    re.IGNORECASE,
)
# A caption or a source note of a table or figure: body text, never a heading.
CAPTION = re.compile(
    r"^(?:table|figure|fig\.|chart|map|source|sources|note|таблица|рисунок|рис\.|источник|примечание|"
    r"кесте|сурет|дереккөз|ескерту)\s*[\d.:–-]",
    re.IGNORECASE,
)


# The first word of every label above (after a section number), for a quick test.
_FIRST_WORD = re.compile(r"(?:\d+(?:\.\d+)*\.?\s+|[IVX]+\.\s+)?([^\W\d_]+)")
_LABEL_WORDS = frozenset(
    """abstract summary аннотация резюме аңдатпа түйін түйіндеме keywords key ключевые түйінді тірек кілт
    references reference bibliography sources literature works further suggested recommended список литература
    библиографический источники әдебиеттер пайдаланылған қолданылған дереккөздер рекомендуемая ұсынылатын
    introduction введение кіріспе conclusion conclusions concluding заключение выводы қорытынды information about
    author сведения информация авторлар автор notes endnotes footnotes примечания сноски комментарии ескертпелер
    ескертулер түсініктемелер""".split()
)


@dataclass(frozen=True)
class Label:
    """A zone label found at the start of a draft: its kind and the text after it."""

    kind: str  # abstract, keywords, references, introduction, conclusion, authors_info, notes
    rest: str


@functools.lru_cache(maxsize=8192)
def label_of(text: str) -> Label | None:
    """The zone label ``text`` starts with (or is), if any.

    "Abstract" alone, "Abstract. This article…" and «Аннотация: В статье…» are abstract
    labels; a keywords label keeps the whole line (it is shown as printed); the headings
    of references, introduction, conclusion and authors' details must stand alone.
    """
    stripped = text.strip()
    first = _FIRST_WORD.match(stripped)
    if not first or first.group(1).lower() not in _LABEL_WORDS:
        return None  # most blocks: no label can start here (a quick test before the patterns)
    keywords = KEYWORDS.match(stripped)
    if keywords:
        return Label("keywords", stripped)
    abstract = ABSTRACT.match(stripped)
    if abstract and _is_abstract_label(stripped, abstract):
        return Label("abstract", stripped[abstract.end() :].strip())
    for kind, pattern in (
        ("references", REFERENCES),
        ("introduction", INTRODUCTION),
        ("conclusion", CONCLUSION),
        ("authors_info", AUTHORS_INFO),
        ("notes", NOTES),
    ):
        if pattern.match(_unnumbered(stripped) if kind == "references" else stripped):
            return Label(kind, "")
    return None


def _is_abstract_label(text: str, match: re.Match[str]) -> bool:
    """"Abstract" as a label, not as a word: alone, or followed by a stop or a colon.

    «Резюме» and «Түйін» also begin sentences, so they count only alone or with a stop.
    """
    rest = text[match.end() :]
    label = match.group(1).lower()
    if not rest:
        return True
    separator = text[len(match.group(1)) : match.end()].strip()
    if label in {"резюме", "түйін", "summary"}:
        return bool(separator)
    return bool(separator) or rest[:1].isupper()


def _unnumbered(text: str) -> str:
    """A heading without its section number ("5. References" → "References")."""
    return re.sub(r"^(?:\d+(?:\.\d+)*\.?|[IVX]+\.)\s+", "", text)


@functools.lru_cache(maxsize=8192)
def is_metadata(text: str) -> bool:
    """A classification, identifier, date-of-receipt or copyright line."""
    return bool(METADATA.match(text.strip())) and len(text) < 300


def is_series(text: str) -> bool:
    """The line naming a series and its number, printed above a brief's title."""
    return bool(SERIES.match(text.strip()))
