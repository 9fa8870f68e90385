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
from .languages import current, texts
from .schema import SLUG, TEXT, Date, Either, ListOf, Multilingual, Number, Record, Schema, SiteLanguage, Text, Where, data_files, validate
from .yamlio import line_of, load_yaml

# What a text is: the CSL item types (https://docs.citationstyles.org/en/stable/specification.html#appendix-iii-types)
# that texts on this subject come as; ``genre`` says more ("Bachelor student paper") in each language.
TYPES = (
    "article-journal",
    "article-magazine",
    "article-newspaper",
    "book",
    "chapter",
    "paper-conference",
    "report",
    "thesis",
    "manuscript",
    "webpage",
    "post-weblog",
    "speech",
    "interview",
)
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
_FORM = Record(required={"family": TEXT}, optional={"given": TEXT})
_PERSON = Record(required={"family": TEXT}, optional={"given": TEXT, "latin": _FORM, "cyrillic": _FORM})
_BODY = Record(required={"literal": TEXT})


class NameSchema(Schema):
    """A person (``family``, ``given`` as the text prints them; ``latin`` when the text also prints
    a Latin form; ``cyrillic``, the editors' Cyrillic form for running text on kk and ru pages) or
    an organisation (``literal``)."""

    types = (dict,)
    expected = "a name: a mapping with family (and given, latin, cyrillic), or with literal for an organisation"

    def check(self, value: object, where: Where) -> None:
        if not isinstance(value, dict):
            raise self.wrong(value, where)
        (_BODY if "literal" in value else _PERSON).check(value, where)


NAME = NameSchema()


def _unknown_or(schema: Schema, expected: str, *, number: bool = False) -> Either:
    """``unknown``, or a value fitting ``schema`` (or a whole number, where one may stand alone)."""
    options = (_UNKNOWN, Number(integer=True, minimum=0), schema) if number else (_UNKNOWN, schema)
    return Either(*options, expected=f"{expected} or 'unknown'")


_CODE = r"[0-9A-Za-z\u0400-\u04FF .()/\-–]{1,20}"
# Where the text was published, as far as it says; ``unknown`` (or no key) where it does not.
PUBLICATION = {
    "container_title": _unknown_or(TEXT, "the journal, book or site the text appears in"),
    "volume": _unknown_or(Text(pattern=_CODE), "a volume such as 3 or 12/2", number=True),
    "issue": _unknown_or(Text(pattern=_CODE), "an issue such as 4 or 2(88)", number=True),
    "pages": _unknown_or(Text(pattern=r"[A-Za-z]{0,2}\d{1,5}(?:[-–][A-Za-z]{0,2}\d{1,5})?"), "a page or a range such as 45-60", number=True),
    "doi": _unknown_or(Text(pattern=r"10\.\d{4,9}/[^\s<>\"']+"), "a DOI such as 10.1234/abc (without https://doi.org/)"),
    "url": _unknown_or(Text(pattern=r"https?://[^\s<>\"'`]+"), "an http:// or https:// address"),
    "publisher": _unknown_or(TEXT, "a publisher"),
    "publisher_place": _unknown_or(TEXT, "a place of publication"),
    "accessed": Date(),
}
ENTRY = Record(
    required={
        "slug": SLUG,
        "file": SEED_FILE,
        "type": Text(choices=TYPES),
        "original_language": SiteLanguage(),
        "title": Multilingual(
            Record(required={"text": TEXT, "origin": Text(choices=("source", "editors", "corrected"))}, optional={"printed": TEXT})
        ),
        "authors": Either(_UNKNOWN, ListOf(NAME, min_items=1), expected="a list of names or 'unknown'"),
        "affiliation": TEXT,
        "year": Either(_UNKNOWN, Number(integer=True, minimum=1900, maximum=2100), expected="a four-digit year or 'unknown'"),
    },
    optional={
        "supervisor": Either(Text(choices=(UNKNOWN, "none")), NAME, expected="a name, 'none' or 'unknown'"),
        # The editors' translation of the affiliation into the site's other languages.
        "affiliation_translated": Multilingual(needs="none"),
        "genre": Multilingual(),
        "notes": TEXT,
        "format": Text(choices=FORMATS),
        **PUBLICATION,
    },
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
class Name:
    """A person or an organisation, as the text prints the name. ``literal`` is an organisation's
    name (and then ``family`` is empty); ``latin`` is the Latin form the text also prints, and
    ``cyrillic`` the editors' Cyrillic form for running text on kk and ru pages."""

    family: str = ""
    given: str = ""
    literal: str = ""
    latin: Name | None = None
    cyrillic: Name | None = None

    @property
    def shown(self) -> str:
        """The name as the card and the list of sources show it: "Family, Given"."""
        return self.literal or ", ".join(part for part in (self.family, self.given) if part)

    def family_in(self, lang: str) -> str:
        """The family name for running text in ``lang``: the editors' Cyrillic form on kk and ru
        pages when there is one, else the name as printed."""
        if lang != "en" and self.cyrillic:
            return self.cyrillic.family
        return self.literal or self.family


@dataclass(frozen=True)
class Publication:
    """Where a text was published, as far as it says (``None``: it does not say)."""

    container_title: str | None = None
    volume: str | None = None
    issue: str | None = None
    pages: str | None = None
    doi: str | None = None
    url: str | None = None
    publisher: str | None = None
    publisher_place: str | None = None
    accessed: str | None = None  # when the editors read a text online (YYYY-MM-DD)


@dataclass(frozen=True)
class CatalogueEntry:
    """What is known about one seed. ``None`` in a field means the text does not say."""

    slug: str
    file: str
    type: str  # a CSL item type (TYPES)
    original_language: str
    titles: dict[str, Title]
    authors: tuple[Name, ...] | None
    affiliation: str | None
    supervisor: Name | None
    year: int | None
    notes: str
    line: int
    format: str | None = None  # pdf_text, markdown or web; None: guessed from the text
    genre: dict[str, str] | None = None  # what the text is, in each language ("Bachelor student paper")
    affiliation_translated: dict[str, str] | None = None  # the editors' translations of the affiliation
    publication: Publication = Publication()


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
        languages = current().codes
        if name["language"] not in languages:
            raise InputError(path, f"translation into '{name['language']}', which is not a language of the site ({', '.join(languages)})")
        if name["slug"] not in slugs:
            raise InputError(path, f"translation of '{name['slug']}', which is not a catalogued slug; slugs: {known}")


def _entry(raw: dict) -> CatalogueEntry:
    """The entry of a validated catalogue item."""
    authors = raw["authors"]
    year = raw["year"]
    supervisor = raw.get("supervisor", "none")
    return CatalogueEntry(
        slug=raw["slug"],
        file=raw["file"],
        type=raw["type"],
        original_language=raw["original_language"],
        titles=texts(
            {language: Title(text=value["text"], origin=value["origin"], printed=value.get("printed")) for language, value in raw["title"].items()}
        ),
        authors=None if authors == UNKNOWN else tuple(_name(author) for author in authors),
        affiliation=_optional(raw["affiliation"]),
        supervisor=None if supervisor in (UNKNOWN, "none") else _name(supervisor),
        year=None if year == UNKNOWN else year,
        notes=raw.get("notes", ""),
        format=raw.get("format"),
        genre=texts(raw["genre"]) if "genre" in raw else None,
        affiliation_translated=dict(raw["affiliation_translated"]) if "affiliation_translated" in raw else None,
        publication=Publication(
            **{key: _optional(str(raw[key])) for key in PUBLICATION if key in raw},
        ),
        line=line_of(raw, 0) or 0,
    )


def _name(raw: dict) -> Name:
    """A :class:`Name` from a validated name mapping."""
    if "literal" in raw:
        return Name(literal=raw["literal"])
    forms = {key: Name(family=raw[key]["family"], given=raw[key].get("given", "")) for key in ("latin", "cyrillic") if key in raw}
    return Name(family=raw["family"], given=raw.get("given", ""), **forms)


def _optional(value: str) -> str | None:
    return None if value in (UNKNOWN, "none") else value
