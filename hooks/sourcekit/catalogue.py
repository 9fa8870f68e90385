"""The catalogue of seeds (``seeds/catalogue.yml``): one validated entry per seed file."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError
from .yamlio import line_of, load_yaml

LANGUAGES = ("en", "kk", "ru")
KINDS = ("journal_article", "student_paper")
UNKNOWN = "unknown"
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Title:
    """A title in one language, and whether the text prints it (``source``) or we do."""

    text: str
    origin: str


@dataclass(frozen=True)
class CatalogueEntry:
    """What is known about one seed. ``None`` in a field means the text does not say."""

    slug: str
    file: str
    kind: str
    original_language: str
    titles: dict[str, Title]
    authors: tuple[str, ...] | None
    affiliation: str | None
    supervisor: str | None
    year: int | None
    notes: str
    line: int


def load_catalogue(path: Path) -> list[CatalogueEntry]:
    """Load and validate the catalogue, and check it against the seed files beside it."""
    data = load_yaml(path)
    if not isinstance(data, dict) or not isinstance(data.get("sources"), list):
        raise InputError(path, "expected a mapping with a list 'sources'", line=line_of(data, 1))
    entries: list[CatalogueEntry] = []
    seen_slugs: dict[str, int] = {}
    seen_files: dict[str, int] = {}
    for raw in data["sources"]:
        entry = _entry(path, raw)
        if entry.slug in seen_slugs:
            raise InputError(
                path,
                f"duplicate slug '{entry.slug}' (first used on line {seen_slugs[entry.slug]})",
                line=entry.line,
            )
        if entry.file in seen_files:
            raise InputError(path, f"seed file '{entry.file}' is catalogued twice", line=entry.line)
        seen_slugs[entry.slug] = entry.line
        seen_files[entry.file] = entry.line
        if not (path.parent / entry.file).is_file():
            raise InputError(path, f"entry '{entry.slug}' names seed '{entry.file}', which does not exist", line=entry.line)
        entries.append(entry)
    for seed in sorted(path.parent.glob("*.txt")):
        if seed.name not in seen_files:
            raise InputError(seed, f"seed has no entry in {path.name}; add one with its slug and titles")
    return entries


def _entry(path: Path, raw: object) -> CatalogueEntry:
    if not isinstance(raw, dict):
        raise InputError(path, "each entry of 'sources' must be a mapping", line=line_of(raw))
    line = line_of(raw, 0) or 0

    def need(key: str) -> object:
        if key not in raw or raw[key] in (None, ""):
            raise InputError(path, f"entry is missing '{key}'", line=line)
        return raw[key]

    allowed = {"slug", "file", "kind", "original_language", "title", "authors", "affiliation", "supervisor", "year", "notes"}
    unknown_keys = sorted(set(raw) - allowed)
    if unknown_keys:
        raise InputError(path, f"unknown field(s) {', '.join(unknown_keys)}", line=line)
    slug = str(need("slug"))
    if not _SLUG.match(slug):
        raise InputError(path, f"slug '{slug}' must be lower-case words joined by hyphens", line=line)
    kind = str(need("kind"))
    if kind not in KINDS:
        raise InputError(path, f"kind '{kind}' is not one of {', '.join(KINDS)}", line=line)
    original_language = str(need("original_language"))
    if original_language not in LANGUAGES:
        raise InputError(path, f"original_language must be one of {', '.join(LANGUAGES)}", line=line)
    titles_raw = need("title")
    if not isinstance(titles_raw, dict) or set(titles_raw) != set(LANGUAGES):
        raise InputError(path, "title needs exactly en, kk and ru", line=line_of(titles_raw, line))
    titles: dict[str, Title] = {}
    for language, value in titles_raw.items():
        if not isinstance(value, dict) or not value.get("text") or value.get("origin") not in ("source", "editors"):
            raise InputError(path, f"title.{language} needs 'text' and 'origin' (source or editors)", line=line_of(value, line))
        titles[language] = Title(text=str(value["text"]), origin=str(value["origin"]))
    authors = need("authors")
    if authors == UNKNOWN:
        author_names = None
    elif isinstance(authors, list) and authors and all(isinstance(name, str) for name in authors):
        author_names = tuple(authors)
    else:
        raise InputError(path, "authors must be a list of names or 'unknown'", line=line)
    year = need("year")
    if year != UNKNOWN and not (isinstance(year, int) and 1900 <= year <= 2100):
        raise InputError(path, "year must be a four-digit year or 'unknown'", line=line)
    return CatalogueEntry(
        slug=slug,
        file=str(need("file")),
        kind=kind,
        original_language=original_language,
        titles=titles,
        authors=author_names,
        affiliation=_optional(need("affiliation")),
        supervisor=_optional(raw.get("supervisor", "none")),
        year=None if year == UNKNOWN else int(year),
        notes=str(raw.get("notes", "")),
        line=line,
    )


def _optional(value: object) -> str | None:
    text = str(value)
    return None if text in (UNKNOWN, "none") else text
