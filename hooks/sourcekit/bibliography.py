"""Bibliographic records and their formatting: CSL-JSON items from the catalogue, formatted in
APA (7th edition) and GOST R 7.0.5-2008 by citeproc-py with the official CSL styles.

The styles and the en-US and ru-RU locales are unchanged copies of the official files, kept in
``hooks/data/csl/`` with their licence; the Kazakh locale (``locales-kk-KZ.xml``) is ours, as no
official one exists. A page in language ``lang`` gets the style's terms in that language.

Two facts about citeproc-py 0.11 (pinned) are handled here, in one place each:

- it reads locale files only from its own package folder, so :func:`_style` sets the list of
  locales itself (the style's own locales first, then ours from ``hooks/data/csl/locales``);
- CSL says a variable used as a substitute (APA puts the title in the author's place when a
  work has no author) is left out of the rest of the entry, but citeproc-py only does so for a
  ``<text variable>``, not for a ``<text macro>``, so an authorless work printed its title
  twice (citeproc-py issue #91): :func:`_repress_substituted` suppresses the variables of a
  substituted macro too.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import citeproc.model
import markupsafe
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.frontend import CitationStylesXML
from citeproc.source.json import CiteProcJSON

from .catalogue import CatalogueEntry, Name
from .labels import Labels
from .languages import current

CSL_DIR = Path(__file__).resolve().parent.parent / "data" / "csl"
STYLES = {"apa": "apa.csl", "gost": "gost-r-7-0-5-2008-numeric.csl"}
LOCALES = {"en": "en-US", "kk": "kk-KZ", "ru": "ru-RU"}


def locale_of(lang: str) -> str:
    """The CSL locale of ``lang``; a language without one here (added by configuration alone)
    is cited with the terms of the site's default language."""
    return LOCALES.get(lang) or LOCALES.get(current().default) or LOCALES["en"]


def _repress_substituted(self: citeproc.model.Substitute, child: citeproc.model.CitationStylesElement, context: object) -> None:
    """Leave the variables a substitute printed out of the rest of the entry: those of ``child``
    and of everything inside it, macros included."""
    repressed = context.get_layout().repressed
    seen: set[str] = set()
    pending = [child]
    while pending:
        for element in pending.pop().iter():
            if element.tag == _TEXT_TAG and element.get("variable"):
                names = repressed.setdefault(_TEXT_TAG, [])
                names += element.get("variable").split()
            macro = element.get("macro")
            if macro and macro not in seen:
                seen.add(macro)
                pending.append(element.get_macro(macro))


_TEXT_TAG = "{http://purl.org/net/xbiblio/csl}text"
citeproc.model.Substitute.add_to_repressed_list = _repress_substituted


@functools.lru_cache(maxsize=None)
def _locale_root(code: str) -> citeproc.model.CitationStylesElement | None:
    path = CSL_DIR / "locales" / f"locales-{code}.xml"
    return CitationStylesXML(str(path), validate=False).root if path.is_file() else None


@functools.lru_cache(maxsize=None)
def _style(name: str, locale: str) -> CitationStylesStyle:
    """The CSL style ``name`` (a key of :data:`STYLES`) with the terms of ``locale`` (en-US…)."""
    style = CitationStylesStyle(str(CSL_DIR / "styles" / STYLES[name]), locale="en-US", validate=False)
    root = style.root
    chosen: list = []
    for code in (locale, locale.split("-")[0], None):
        expression = f'./cs:locale[@xml:lang="{code}"]' if code else "./cs:locale[not(@xml:lang)]"
        chosen += root.xpath_search(expression)
    for code in dict.fromkeys((locale, "en-US")):
        found = _locale_root(code)
        if found is not None:
            chosen.append(found)
    for element in chosen:
        element.style = root
    root.locales = chosen
    return style


# citeproc-py's HTML formatter escapes the style's own words but not the item's text, so the
# item's "&", "<" and ">" travel through it as private-use characters and become entities after.
_SHIELD = {"&": "\ue000", "<": "\ue001", ">": "\ue002"}
_UNSHIELD = {shielded: markupsafe.escape(char) for char, shielded in _SHIELD.items()}
_PRIVATE = str.maketrans({shielded: "\ufffd" for shielded in _SHIELD.values()})


def _shielded(value: object) -> object:
    """``value`` (a CSL-JSON item or part of one) with its markup characters shielded."""
    if isinstance(value, str):
        text = value.translate(_PRIVATE)
        for char, shielded in _SHIELD.items():
            text = text.replace(char, shielded)
        return text
    if isinstance(value, dict):
        return {key: _shielded(part) for key, part in value.items()}
    if isinstance(value, list):
        return [_shielded(part) for part in value]
    return value


def format_entry(item: dict, *, style: str, lang: str) -> markupsafe.Markup:
    """One CSL-JSON ``item`` as a bibliography entry in ``style`` with ``lang``'s terms: HTML
    (italics where the style wants them) in which every text of the item is escaped."""
    csl_style = _style(style, locale_of(lang))
    bibliography = CitationStylesBibliography(csl_style, CiteProcJSON([_shielded(item)]), formatter.html)
    bibliography.register(Citation([CitationItem(item["id"])]))
    (entry,) = bibliography.bibliography()
    text = str(entry)
    for shielded, entity in _UNSHIELD.items():
        text = text.replace(shielded, entity)
    if style == "gost":  # one work at a time: the numeric style's list number ("1.") is left out
        text = text.removeprefix("1.").lstrip()
    return markupsafe.Markup(text)


def _csl_name(name: Name) -> dict:
    if name.literal:
        return {"literal": name.literal}
    return {"family": name.family, **({"given": name.given} if name.given else {})}


def cited_title(entry: CatalogueEntry, lang: str) -> tuple[str, str]:
    """The title a citation in ``lang`` gives, as printed, and its language: the printed title
    in ``lang`` if the text prints one, else in the text's own language, else the first printed
    one; a text that prints no title is cited by the editors' title in its own language."""
    printed = {code: title for code, title in entry.titles.items() if title.origin in ("source", "corrected")}
    for code in (lang, entry.original_language, *printed):
        if code in printed:
            return printed[code].as_printed, code
    return entry.titles[entry.original_language].text, entry.original_language


def short_title(entry: CatalogueEntry, lang: str) -> str:
    """The title in ``lang`` without its subtitle (what comes after the first colon), as a
    list of references names a source: "New Silk Road", "Soft power of China in Central Asia"."""
    title = entry.titles[lang].text
    main, colon, _subtitle = title.partition(": ")
    return main if colon and main else title


def csl_item(entry: CatalogueEntry, *, lang: str | None = None, translate: bool = False) -> dict:
    """The CSL-JSON item of a catalogued text. With ``lang``, the title is the one a citation in
    ``lang`` gives, and the genre is in ``lang``; with ``translate`` (APA), a title in another
    language is followed by the editors' translation into ``lang`` in square brackets."""
    title, title_lang = cited_title(entry, lang or entry.original_language)
    if lang and translate and title_lang != lang:
        title = f"{title} [{entry.titles[lang].text}]"
    publication = entry.publication
    item: dict = {
        "id": entry.slug,
        "type": entry.type,
        "title": title,
        "language": title_lang if lang else entry.original_language,
    }
    if entry.authors:
        item["author"] = [_csl_name(name) for name in entry.authors]
    if entry.year:
        item["issued"] = {"date-parts": [[entry.year]]}
    if entry.genre:
        item["genre"] = entry.genre[lang or "en"]
    for key, variable in (
        ("container_title", "container-title"),
        ("volume", "volume"),
        ("issue", "issue"),
        ("pages", "page"),
        ("doi", "DOI"),
        ("url", "URL"),
        ("publisher", "publisher"),
        ("publisher_place", "publisher-place"),
    ):
        value = getattr(publication, key)
        if value:
            item[variable] = value
    if publication.accessed:
        item["accessed"] = {"date-parts": [[int(part) for part in publication.accessed.split("-")]]}
    return item


@dataclass(frozen=True)
class Formatted:
    """A work cited in APA and GOST (HTML, escaped)."""

    apa: markupsafe.Markup
    gost: markupsafe.Markup


def source_citations(entry: CatalogueEntry, *, lang: str) -> Formatted:
    """A catalogued text cited in APA (title translated in brackets where APA wants it) and GOST,
    with ``lang``'s terms."""
    return Formatted(
        apa=format_entry(csl_item(entry, lang=lang, translate=True), style="apa", lang=lang),
        gost=format_entry(csl_item(entry, lang=lang), style="gost", lang=lang),
    )


def page_item(*, title: str, editors: str, site_name: str, url: str, date: str, lang: str) -> dict:
    """The CSL-JSON item of a page of this site: a web page by the site's editors, of this
    edition (``date``, the build date, YYYY-MM-DD), read on that date.

    APA writes the date "(2026, December 1)": right in English, but "(2026, декабрь 1)" is not
    how Russian or Kazakh write a date, so there APA gives the year and GOST the full date."""
    year, month, day = (int(part) for part in date.split("-"))
    return {
        "id": "page",
        "type": "webpage",
        "title": title,
        "author": [{"literal": editors}],
        "container-title": site_name,
        "URL": url,
        "issued": {"date-parts": [[year, month, day] if lang == "en" else [year]]},
        "accessed": {"date-parts": [[year, month, day]]},
        "language": lang,
    }


def page_citations(*, title: str, editors: str, site_name: str, url: str, date: str, lang: str) -> Formatted:
    """A page of this site cited in APA and GOST, with ``lang``'s terms."""
    item = page_item(title=title, editors=editors, site_name=site_name, url=url, date=date, lang=lang)
    return Formatted(apa=format_entry(item, style="apa", lang=lang), gost=format_entry(item, style="gost", lang=lang))


def describe(entry: CatalogueEntry, lang: str, labels: Labels) -> str:
    """What a text is, in ``lang``: its genre if the catalogue gives one, else its type."""
    return entry.genre[lang] if entry.genre else labels.get(f"type.{entry.type}", lang)


def short_description(entry: CatalogueEntry, lang: str, labels: Labels) -> str:
    """What a text is and by whom, for a citation preview: "Bachelor student paper (Eskermesova)",
    "Journal article (Ivanov et al.)"; without authors, what it is."""
    what = describe(entry, lang, labels)
    if not entry.authors:
        return what
    family = entry.authors[0].family_in(lang)
    more = f" {labels.get('source.et_al', lang)}" if len(entry.authors) > 1 else ""
    return f"{what} ({family}{more})"


def published_in(entry: CatalogueEntry, lang: str, labels: Labels) -> str | None:
    """Where the text was published, for the card: "Journal, vol. 3, no. 88, pp. 45–60;
    Publisher, Place" in ``lang``'s words; ``None`` when the text does not say."""
    publication = entry.publication
    where = [publication.container_title] if publication.container_title else []
    for key, label in (("volume", "reader.volume"), ("issue", "reader.issue"), ("pages", "reader.pages")):
        value = getattr(publication, key)
        if value:
            where.append(labels.get(label, lang, value=value.replace("-", "–")))
    publisher = ", ".join(part for part in (publication.publisher, publication.publisher_place) if part)
    text = "; ".join(part for part in (", ".join(where), publisher) if part)
    return text or None


# The Highwire Press tag that names a text's container, by CSL type (Zotero's and Google
# Scholar's readers take the item type from it); other types name none.
_CONTAINER_TAG = {
    "article-journal": "citation_journal_title",
    "article-magazine": "citation_journal_title",
    "article-newspaper": "citation_journal_title",
    "paper-conference": "citation_conference_title",
    "chapter": "citation_inbook_title",
}
_PUBLISHER_TAG = {"thesis": "citation_dissertation_institution", "report": "citation_technical_report_institution"}


def highwire_tags(entry: CatalogueEntry, *, public_url: str | None) -> list[tuple[str, str]]:
    """The Highwire Press ``citation_*`` meta tags of a text (read by Zotero's browser connector
    and Google Scholar): its title as printed, every author, date, container, volume, issue,
    pages, DOI, language, and the public address of the page that shows it."""
    item = csl_item(entry)
    tags = [("citation_title", item["title"])]
    tags += [("citation_author", name_text(name)) for name in item.get("author", [])]
    if "issued" in item:
        tags.append(("citation_publication_date", str(item["issued"]["date-parts"][0][0])))
    if "container-title" in item and entry.type in _CONTAINER_TAG:
        tags.append((_CONTAINER_TAG[entry.type], item["container-title"]))
    if "publisher" in item:
        tags.append((_PUBLISHER_TAG.get(entry.type, "citation_publisher"), item["publisher"]))
    for variable, name in (("volume", "citation_volume"), ("issue", "citation_issue"), ("DOI", "citation_doi")):
        if variable in item:
            tags.append((name, item[variable]))
    if "page" in item:
        first, _, last = item["page"].replace("–", "-").partition("-")
        tags.append(("citation_firstpage", first))
        if last:
            tags.append(("citation_lastpage", last))
    tags.append(("citation_language", item["language"]))
    if public_url:
        tags.append(("citation_public_url", public_url))
    return tags


def page_highwire_tags(*, title: str, editors: str, date: str, lang: str, public_url: str | None) -> list[tuple[str, str]]:
    """The ``citation_*`` tags of a page of this site: a web page by its editors, of this edition."""
    tags = [("citation_title", title), ("citation_author", editors), ("citation_date", date.replace("-", "/")), ("citation_language", lang)]
    return tags + ([("citation_public_url", public_url)] if public_url else [])


def name_text(name: dict) -> str:
    """A CSL name as "Family, Given" (an organisation as it is)."""
    if "literal" in name:
        return name["literal"]
    return ", ".join(part for part in (name["family"], name.get("given")) if part)
