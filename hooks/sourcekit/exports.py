"""The catalogue as files a reference manager imports, for each text and for the whole
bibliography: BibTeX (written by pybtex, which encodes LaTeX's special characters: ``&`` is
``\\&``), RIS (written by rispy) and CSL-JSON.

Each record says what the catalogue says and nothing more: the title as printed (in the text's
own language where it prints one), every author as a structured name, and the publication
details the text gives. The files are the same for every language of the site.
"""

from __future__ import annotations

import json
from pathlib import Path

import rispy
from pybtex.database import BibliographyData, Entry, Person

from .bibliography import csl_item, name_text
from .catalogue import CatalogueEntry

FORMATS = {"bib": "BibTeX", "ris": "RIS", "json": "CSL-JSON"}
MEDIA_TYPES = {"bib": "application/x-bibtex", "ris": "application/x-research-info-systems", "json": "application/vnd.citationstyles.csl+json"}
FOLDER = "data/cite"  # inside the site: one file per text and format, data/cite/<slug>.<format>
WHOLE = "data/bibliography"  # every text: data/bibliography.<format>

_BIBTEX_TYPES = {
    "article-journal": "article",
    "article-magazine": "article",
    "article-newspaper": "article",
    "book": "book",
    "chapter": "incollection",
    "paper-conference": "inproceedings",
    "report": "techreport",
    "thesis": "phdthesis",
    "manuscript": "unpublished",
}
_RIS_TYPES = {
    "article-journal": "JOUR",
    "article-magazine": "MGZN",
    "article-newspaper": "NEWS",
    "book": "BOOK",
    "chapter": "CHAP",
    "paper-conference": "CPAPER",
    "report": "RPRT",
    "thesis": "THES",
    "manuscript": "UNPB",
    "webpage": "ELEC",
    "post-weblog": "BLOG",
    "speech": "GEN",
    "interview": "GEN",
}
# The BibTeX field that holds the container, by entry type.
_CONTAINER = {"article": "journal", "incollection": "booktitle", "inproceedings": "booktitle"}


def _braces(value: str) -> str:
    """BibTeX values are delimited by braces: a value whose braces do not pair has them turned
    into parentheses (the only change the files make to a text)."""
    depth = 0
    for char in value:
        depth += (char == "{") - (char == "}")
        if depth < 0:
            break
    if depth == 0:
        return value
    return value.replace("{", "(").replace("}", ")")


def bibtex(entries: list[CatalogueEntry]) -> str:
    """The entries as a BibTeX file (UTF-8), keyed by slug."""
    data = BibliographyData()
    for entry in entries:
        item = csl_item(entry)
        kind = _BIBTEX_TYPES.get(item["type"], "misc")
        fields: dict[str, str] = {"title": item["title"], "language": item["language"]}
        if "issued" in item:
            fields["year"] = str(item["issued"]["date-parts"][0][0])
        if "container-title" in item:
            fields[_CONTAINER.get(kind, "howpublished")] = item["container-title"]
        for variable, field in (("volume", "volume"), ("issue", "number"), ("DOI", "doi"), ("URL", "url"), ("publisher", "publisher"), ("publisher-place", "address"), ("genre", "type")):
            if variable in item:
                fields[field] = item[variable]
        if "page" in item:
            fields["pages"] = item["page"].replace("–", "-").replace("-", "--")
        if "accessed" in item:
            fields["urldate"] = "-".join(f"{part:02d}" for part in item["accessed"]["date-parts"][0])
        persons = {"author": [_person(name) for name in item.get("author", [])]} if item.get("author") else {}
        data.add_entry(entry.slug, Entry(kind, fields={key: _braces(value) for key, value in fields.items()}, persons=persons))
    return data.to_string("bibtex")


def _person(name: dict) -> Person:
    if "literal" in name:  # an organisation: braced, so that it is not split into names
        return Person(last="{" + _braces(name["literal"]) + "}")
    return Person(last=_braces(name["family"]), first=_braces(name.get("given", "")))


class _RisWriter(rispy.RisWriter):
    """RIS as reference managers write it: no "1." line before each record."""

    def set_header(self, count: int) -> str:
        return ""


def ris(entries: list[CatalogueEntry]) -> str:
    """The entries as an RIS file."""
    records = []
    for entry in entries:
        item = csl_item(entry)
        record: dict = {"type_of_reference": _RIS_TYPES.get(item["type"], "GEN"), "id": entry.slug, "title": item["title"], "language": item["language"]}
        if item.get("author"):
            record["authors"] = [name_text(name) for name in item["author"]]
        if "issued" in item:
            record["year"] = str(item["issued"]["date-parts"][0][0])
        for variable, key in (("container-title", "secondary_title"), ("volume", "volume"), ("issue", "number"), ("DOI", "doi"), ("publisher", "publisher"), ("publisher-place", "place_published"), ("genre", "type_of_work")):
            if variable in item:
                record[key] = item[variable]
        if "URL" in item:
            record["urls"] = [item["URL"]]
        if "page" in item:
            first, _, last = item["page"].replace("–", "-").partition("-")
            record["start_page"] = first
            if last:
                record["end_page"] = last
        if "accessed" in item:
            record["access_date"] = "/".join(f"{part:02d}" for part in item["accessed"]["date-parts"][0])
        records.append(record)
    return rispy.dumps(records, implementation=_RisWriter)


def csl_json(entries: list[CatalogueEntry]) -> str:
    """The entries as CSL-JSON (a list of items)."""
    return json.dumps([csl_item(entry) for entry in entries], ensure_ascii=False, indent=1) + "\n"


_WRITERS = {"bib": bibtex, "ris": ris, "json": csl_json}


def write_exports(site_dir: Path, entries: list[CatalogueEntry]) -> list[Path]:
    """Write ``data/cite/<slug>.<format>`` for each text and ``data/bibliography.<format>``."""
    (site_dir / FOLDER).mkdir(parents=True, exist_ok=True)
    written = []
    for extension, writer in _WRITERS.items():
        for name, chosen in [*((f"{FOLDER}/{entry.slug}", [entry]) for entry in entries), (WHOLE, entries)]:
            path = site_dir / f"{name}.{extension}"
            path.write_text(writer(chosen), encoding="utf-8")
            written.append(path)
    return written
