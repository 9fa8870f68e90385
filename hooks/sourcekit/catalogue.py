"""The catalogue of seeds (``seeds/catalogue.yml``): one validated entry per seed file.

The catalogue is also where the files of ``seeds/`` are checked against it: every seed
(``.txt``, ``.md`` or ``.pdf``, in any case) needs an entry, every entry a seed inside ``seeds/``, and
every corrections or translations file a catalogued slug (and a language of the site).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError
from .load import ensure_inside
from .schema import LANGUAGES, SLUG, TEXT, Either, ListOf, Number, Record, Text, Trilingual, data_files, validate
from .yamlio import line_of, load_yaml

KINDS = ("journal_article", "student_paper", "policy_brief", "web_article", "report", "book_chapter")
# How a text arrived: its format reader (hooks/sourcekit/formats/); guessed when not given.
FORMATS = ("pdf_text", "markdown", "web", "pdf")
UNKNOWN = "unknown"
SEED_SUFFIXES = (".txt", ".md", ".pdf")

_UNKNOWN = Text(choices=(UNKNOWN,))
# A plain file name in seeds/: no folder, no way up or out, not hidden, a text or Markdown file.
SEED_FILE = Text(
    pattern=r"(?!.*\.\.)[^./\\:][^/\\:]*\.(?:txt|md|pdf)",
    flags=re.IGNORECASE,
    expected="a plain file name in seeds/ ending in .txt, .md or .pdf (no folder, no '..', not hidden)",
)
ENTRY = Record(
    required={
        "slug": SLUG,
        "file": SEED_FILE,
        "kind": Text(choices=KINDS),
        "original_language": Text(choices=LANGUAGES),
        "title": Trilingual(
            Record(required={"text": TEXT, "origin": Text(choices=("source", "editors", "corrected"))}, optional={"printed": TEXT})
        ),
        "authors": Either(_UNKNOWN, ListOf(TEXT, min_items=1), expected="a list of names or 'unknown'"),
        "affiliation": TEXT,
        "year": Either(_UNKNOWN, Number(integer=True, minimum=1900, maximum=2100), expected="a four-digit year or 'unknown'"),
    },
    optional={"supervisor": TEXT, "notes": TEXT, "format": Text(choices=FORMATS)},
)
CATALOGUE = Record(required={"sources": ListOf(ENTRY, min_items=1)})
_TRANSLATION_FILE = re.compile(r"(?P<slug>[^.]+)\.(?P<language>[^.]+)\.yml")


@dataclass(frozen=True)
class Title:
    """A title in one language and its origin: printed in the text (``source``), translated by
    the editors (``editors``), or printed with a typo that the editors corrected
    (``corrected``: ``printed`` keeps the form as printed, which citations of the original use)."""

    text: str
    origin: str
    printed: str | None = None

    @property
    def as_printed(self) -> str:
        """The title as the text prints it (for a ``source`` or ``corrected`` title)."""
        return self.printed or self.text


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
    format: str | None = None  # pdf_text, markdown or web; None: guessed from the text


def load_catalogue(path: Path) -> list[CatalogueEntry]:
    """Load and validate the catalogue, and check it against the files beside it."""
    data = load_yaml(path)
    validate(data, CATALOGUE, path=path)
    seeds_dir = path.parent
    entries: list[CatalogueEntry] = []
    seen_slugs: dict[str, int] = {}
    seen_files: dict[str, int] = {}
    for raw in data["sources"]:
        for language, title in raw["title"].items():
            if (title["origin"] == "corrected") != ("printed" in title):
                raise InputError(
                    path,
                    f"title.{language}: a title with origin 'corrected' needs 'printed' (the form as printed), and only it",
                    line=line_of(title, line_of(raw)),
                )
        entry = _entry(raw)
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
        seed = seeds_dir / entry.file
        if not seed.is_file():
            raise InputError(path, f"entry '{entry.slug}' names seed '{entry.file}', which does not exist", line=entry.line)
        ensure_inside(seed, seeds_dir)
        entries.append(entry)
    for seed in data_files(seeds_dir):
        if seed.suffix.lower() in SEED_SUFFIXES and seed.name not in seen_files:
            raise InputError(seed, f"seed has no entry in {path.name}; add one with its slug and titles")
    _check_slug_files(seeds_dir, sorted(seen_slugs))
    return entries


def _check_slug_files(seeds_dir: Path, slugs: list[str]) -> None:
    """Every corrections, structure hints and translations file belongs to a catalogued seed (and a language);
    a Markdown file among the translations is documentation for translators."""
    known = ", ".join(slugs)
    for folder, what in (("corrections", "corrections"), ("structure", "structure hints")):
        for path in data_files(seeds_dir / folder):
            if path.suffix != ".yml" or path.stem not in slugs:
                raise InputError(path, f"{what} for '{path.stem}', which is not a catalogued slug; name the file <slug>.yml after one of: {known}")
    for path in data_files(seeds_dir / "translations"):
        if path.suffix == ".md":
            continue  # the translators' style sheet (STYLE.md) lives beside the translations
        name = _TRANSLATION_FILE.fullmatch(path.name)
        if name is None:
            raise InputError(path, f"a translation file is named <slug>.<language>.yml, with a slug of: {known}")
        if name["language"] not in LANGUAGES:
            raise InputError(path, f"translation into '{name['language']}', which is not a language of the site ({', '.join(LANGUAGES)})")
        if name["slug"] not in slugs:
            raise InputError(path, f"translation of '{name['slug']}', which is not a catalogued slug; slugs: {known}")


def _entry(raw: dict) -> CatalogueEntry:
    """The entry of a validated catalogue item."""
    authors = raw["authors"]
    year = raw["year"]
    return CatalogueEntry(
        slug=raw["slug"],
        file=raw["file"],
        kind=raw["kind"],
        original_language=raw["original_language"],
        titles={
            language: Title(text=value["text"], origin=value["origin"], printed=value.get("printed"))
            for language, value in raw["title"].items()
        },
        authors=None if authors == UNKNOWN else tuple(authors),
        affiliation=_optional(raw["affiliation"]),
        supervisor=_optional(raw.get("supervisor", "none")),
        year=None if year == UNKNOWN else year,
        notes=raw.get("notes", ""),
        format=raw.get("format"),
        line=line_of(raw, 0) or 0,
    )


def _optional(value: str) -> str | None:
    return None if value in (UNKNOWN, "none") else value
