"""Checks of Kazakh and Russian prose, so that the language edit stays made.

Run on every build over the translations (from :func:`translation_checks.check_document`),
the hand-written pages ``docs/**/*.kk.md`` and ``*.ru.md`` (from :func:`citations.read_docs`)
and the kk/ru values of the data files (from :func:`knowledge.load_knowledge`). The rules,
for translators, are in ``seeds/translations/STYLE.md``:

- **numbers** are written in local notation: a space (or no-break space) groups thousands
  and a comma marks decimals (``10 000``, ``13,2``); ``10,000`` or ``13.2`` is an error.
  Dates like ``20.03.2018``, version numbers (two dots, or after a Latin name: ``CC BY 4.0``),
  years, paragraph IDs, web addresses and citation markers are not numbers in this sense;
- **one term per concept**: a form that ``seeds/terminology.yml`` rejects is an error, unless
  it stands in one of the contexts listed there as right for it;
- **one dash**: the spaced en dash ``–`` in both languages; an em dash ``—`` or a hyphen
  between spaces used as a dash is an error;
- **translator's notes in pairs**: a paragraph with a note in Kazakh has one in Russian and
  the other way round.

A quotation of the original as printed, written ``«…» [sic]``, is exempt from the first
three rules: it keeps the original's numbers, spelling and dashes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from .errors import InputError
from .labels import LABELS_FILE
from .schema import SLUG, TEXT, Boolean, ListOf, Record, data_files, validate
from .yamlio import line_at, load_yaml

LOCAL_LANGUAGES = ("kk", "ru")
LANGUAGE_NAMES = {"kk": "Kazakh", "ru": "Russian"}
TERMINOLOGY = "terminology.yml"
STYLE_SHEET = "seeds/translations/STYLE.md"
# The data files with kk/ru prose that the build reads through knowledge.py, besides the
# classroom kits; the labels of the generated pages are checked with them.
DATA_FILES = ("themes.yml", "glossary.yml", "facts.yml", "timeline.yml", "differences.yml", "charts.yml")

# Spans that are not our prose and keep their own spelling: a quotation of the original
# marked [sic], web addresses, citation markers, HTML comments, code, link targets and
# {placeholders} of labels.
_EXEMPT = re.compile(
    r"«[^«»]*»[ \u00a0]?\[sic\]"
    r"|https?://\S+|www\.\S+"
    r"|\[@[^\]]*\]"
    r"|<!--.*?-->"
    r"|`[^`]*`"
    r"|\]\([^)]*\)"
    r"|\{\w+\}"
)
# A number is not a part of a longer one: "20.03.2018" and "1.2.3" are not decimals.
_GROUP_COMMA = re.compile(r"(?<!\d)(?<!\d[.,])\d{1,3}(?:,\d{3})+(?!\d|[.,]\d)")
_DECIMAL_POINT = re.compile(r"(?<!\w)(?<!\d[.,])\d+\.\d+(?!\d|[.,]\d)")
_AFTER_LATIN_NAME = re.compile(r"[A-Za-z][\w+-]*[ \u00a0]$")  # "CC BY 4.0", "Python 3.11"
_EM_DASH = re.compile(r"[\u2014\u2015]|(?<=[^\s-])[ \u00a0]--?[ \u00a0](?=\S)")

TERMS_FILE = Record(
    required={
        "concepts": ListOf(
            Record(
                required={
                    "id": SLUG,
                    "en": TEXT,
                    **{
                        language: Record(required={"preferred": TEXT}, optional={"rejected": ListOf(TEXT), "allowed_in": ListOf(TEXT)})
                        for language in LOCAL_LANGUAGES
                    },
                },
                optional={"case_sensitive": Boolean(), "why": TEXT},
            ),
            min_items=1,
        )
    }
)


@dataclass(frozen=True)
class TermRule:
    """A rejected form of one concept in one language, with the contexts where it is right."""

    concept: str
    preferred: str
    rejected: str
    pattern: re.Pattern[str]
    allowed_in: tuple[re.Pattern[str], ...]
    # The form's first word, in lower case: a text without it cannot match, and a substring
    # test is much cheaper than the pattern.
    stem: str


@dataclass(frozen=True)
class Terminology:
    """The rejected forms of every concept, per language."""

    rules: dict[str, tuple[TermRule, ...]]

    def of(self, lang: str) -> tuple[TermRule, ...]:
        return self.rules.get(lang, ())


NO_TERMS = Terminology({})


def term_pattern(form: str, *, case_sensitive: bool = False) -> re.Pattern[str]:
    """A form as written in terminology.yml: ``*`` stands for any ending of a word, a space for
    any run of spaces; the form starts (and, without a final ``*``, ends) at a word boundary,
    where a hyphen does not count as one."""
    parts = [r"\w*" if part == "*" else r"[ \u00a0]+" if part == " " else re.escape(part) for part in re.split(r"(\*| )", form) if part]
    # A hyphen joins the parts of one word (жекпе-жек, ЭКСПО-2017).
    start = r"(?<![\w-])" if re.match(r"\w", form) else ""
    end = r"(?![\w-])" if re.search(r"\w$", form) else ""
    return re.compile(start + "".join(parts) + end, 0 if case_sensitive else re.IGNORECASE)


def load_terminology(path: Path) -> Terminology:
    """The rules of ``path`` (none when there is no such file); a preferred form that a rule of
    its own concept rejects is refused, naming the line."""
    if not path.is_file():
        return NO_TERMS
    stat = path.stat()
    return _load_terminology(path, stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=4)
def _load_terminology(path: Path, _mtime: int, _size: int) -> Terminology:
    data = load_yaml(path)
    validate(data, TERMS_FILE, path=path)
    rules: dict[str, list[TermRule]] = {language: [] for language in LOCAL_LANGUAGES}
    for concept in data["concepts"]:
        case_sensitive = concept.get("case_sensitive", False)
        for language in LOCAL_LANGUAGES:
            entry = concept[language]
            allowed = tuple(term_pattern(context, case_sensitive=case_sensitive) for context in entry.get("allowed_in", ()))
            for form in entry.get("rejected", ()):
                pattern = term_pattern(form, case_sensitive=case_sensitive)
                if pattern.search(entry["preferred"]):
                    raise InputError(path, f"'{concept['id']}': the preferred {language} form matches its own rejected form {form!r}", line=line_at(concept, language))
                stem = re.split(r"[* ]", form.lower(), maxsplit=1)[0]
                rules[language].append(TermRule(concept["id"], entry["preferred"], form, pattern, allowed, stem))
    return Terminology({language: tuple(items) for language, items in rules.items()})


def masked(text: str) -> str:
    """``text`` with the exempt spans blanked out (same length, so offsets still hold)."""
    return _EXEMPT.sub(lambda match: " " * len(match.group(0)), text)


def number_problems(text: str, lang: str) -> list[str]:
    """Numbers in English notation: a comma grouping thousands, a decimal point."""
    name = LANGUAGE_NAMES[lang]
    plain = masked(text)
    problems = [
        f"«{match.group(0)}» groups thousands with a comma; in {name} write {_grouped(match.group(0).replace(',', ''))}"
        for match in _GROUP_COMMA.finditer(plain)
    ]
    for match in _DECIMAL_POINT.finditer(plain):
        if _AFTER_LATIN_NAME.search(plain[: match.start()]):
            continue  # a version: CC BY 4.0
        problems.append(f"«{match.group(0)}» has a decimal point; in {name} write {match.group(0).replace('.', ',')}")
    return problems


def _grouped(digits: str) -> str:
    """A whole number as kk and ru write it: four digits together, longer ones grouped by spaces."""
    if len(digits) <= 4:
        return digits
    return f"{int(digits):,}".replace(",", " ") + " (a space or no-break space between the groups)"


def term_problems(text: str, lang: str, terminology: Terminology) -> list[str]:
    """Forms that ``terminology`` rejects in ``lang``, outside the contexts allowed for them."""
    plain = masked(text)
    lowered = plain.lower()
    problems = []
    for rule in terminology.of(lang):
        if rule.stem not in lowered:
            continue
        for match in rule.pattern.finditer(plain):
            start, end = match.span()
            if any(context.start() <= start and end <= context.end() for allowed in rule.allowed_in for context in allowed.finditer(plain)):
                continue
            problems.append(f"«{match.group(0)}» is not the form this site uses for '{rule.concept}'; write «{rule.preferred}» (seeds/{TERMINOLOGY})")
    return problems


def dash_problems(text: str, lang: str) -> list[str]:
    """Dashes other than the spaced en dash: an em dash, a hyphen or two between spaces."""
    return [
        f"«{match.group(0).strip()}» used as a dash; {LANGUAGE_NAMES[lang]} text uses the spaced en dash «–» ({STYLE_SHEET})"
        for match in _EM_DASH.finditer(masked(text))
    ]


def prose_problems(text: str, lang: str, terminology: Terminology) -> list[str]:
    """Every problem of one Kazakh or Russian text: numbers, terms and dashes."""
    return number_problems(text, lang) + term_problems(text, lang, terminology) + dash_problems(text, lang)


def unpaired_notes(notes: dict[str, set[str]], translated: dict[str, set[str]]) -> list[tuple[str, str, str]]:
    """``(block_id, language without a note, language with one)`` for every paragraph that
    has a translator's note in one of kk and ru, and a translation but no note in the other."""
    result = []
    for lang, other in (("kk", "ru"), ("ru", "kk")):
        for block_id in sorted(notes.get(other, set()) - notes.get(lang, set())):
            if block_id in translated.get(lang, set()):
                result.append((block_id, lang, other))
    return result


def terminology_for(seeds_dir: Path) -> Terminology:
    """The terminology kept beside the seeds of ``seeds_dir``."""
    return load_terminology(seeds_dir / TERMINOLOGY)


def page_language(path: Path) -> str | None:
    """``kk`` or ``ru`` for a page named ``*.kk.md`` or ``*.ru.md``, else ``None``."""
    suffixes = path.suffixes
    return suffixes[-2][1:] if len(suffixes) >= 2 and suffixes[-2][1:] in LOCAL_LANGUAGES else None


def check_page(path: Path, markdown: str, *, seeds_dir: Path) -> None:
    """Refuse a Kazakh or Russian page with a problem, naming its line; other pages pass.
    The terminology is the one kept in ``seeds_dir``."""
    lang = page_language(path)
    if lang is None:
        return
    terminology = terminology_for(seeds_dir)
    for number, line in enumerate(markdown.splitlines(), start=1):
        problems = prose_problems(line, lang, terminology)
        if problems:
            raise InputError(path, problems[0], line=number)


def check_data_files(seeds_dir: Path, *, labels_file: Path = LABELS_FILE) -> None:
    """Refuse the first kk/ru value with a problem in the data files of ``seeds_dir`` (and the
    labels), naming its file and line."""
    terminology = terminology_for(seeds_dir)
    paths = [seeds_dir / name for name in DATA_FILES] + data_files(seeds_dir / "classroom") + data_files(seeds_dir / "corrections") + [labels_file]
    for path in paths:
        if path.suffix != ".yml" or not path.is_file():
            continue
        for lang, text, line in local_values(load_yaml(path)):
            problems = prose_problems(text, lang, terminology)
            if problems:
                raise InputError(path, problems[0], line=line)


def local_values(node: Any, line: int | None = None, lang: str | None = None) -> Iterator[tuple[str, str, int | None]]:
    """Every string under a ``kk`` or ``ru`` key of a loaded YAML file, with its language and line."""
    if isinstance(node, str):
        if lang:
            yield lang, node, line
    elif isinstance(node, dict):
        for key, value in node.items():
            inner = key if key in LOCAL_LANGUAGES else lang
            yield from local_values(value, line_at(node, key, line), inner)
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from local_values(item, line_at(node, index, line), lang)
