""""Cite this page": APA and GOST citations of a page of this site, and of a source text.

GOST follows GOST R 7.0.100-2018 for an electronic resource (title // site : [website] –
year. – URL (date of access)); APA follows the 7th edition for a web page. The URL is the
page's address within the site; a small script replaces it by the full address when the
page is read online.
"""

from __future__ import annotations

from .catalogue import CatalogueEntry
from .labels import Labels


def _day(date: str) -> str:
    """``2026-11-23`` → ``23.11.2026`` (GOST's date of access)."""
    year, month, day = date.split("-")
    return f"{day}.{month}.{year}"


def page_citations(*, title: str, site_name: str, path: str, date: str, lang: str, labels: Labels) -> dict[str, str]:
    """APA and GOST citations of one page of this site, in ``lang``."""
    year = date[:4]
    month = labels.get(f"month.{int(date[5:7])}", lang)
    month_day = f"{month} {int(date[8:10])}" if lang == "en" else f"{int(date[8:10])} {month}"
    apa = labels.get("citepage.apa", lang, editors=labels.get("citepage.editors", lang), year=year, date=month_day, title=title, site=site_name, url=path)
    gost = labels.get("citepage.gost", lang, title=title, site=site_name, year=year, url=path, accessed=_day(date))
    return {"apa": apa, "gost": gost}


def _surname_initials(author: str) -> tuple[str, str]:
    """("Eskermesova", "N. N.") from "Eskermesova Nuraiym Nurlybekovna" (surname first, as the
    catalogue writes names); initials already written as such are kept ("Bolysbekova M.K.")."""
    surname, *given = author.split()
    initials = " ".join(name if name.endswith(".") else f"{name[0]}." for name in given)
    return surname, initials


def source_citations(entry: CatalogueEntry, *, lang: str, labels: Labels) -> dict[str, str]:
    """APA and GOST citations of a source text, saying only what the catalogue knows."""
    original = entry.titles[entry.original_language]
    printed = next((title for code, title in entry.titles.items() if title.origin in ("source", "corrected")), original)
    title = printed.as_printed
    year = str(entry.year) if entry.year else labels.get("citepage.no_date", lang)
    kind = labels.get("kind." + entry.kind, lang)
    if entry.authors:
        names = [_surname_initials(author) for author in entry.authors]
        apa_names = [f"{surname}, {initials}".rstrip(", ") for surname, initials in names]
        apa_author = apa_names[0] if len(apa_names) == 1 else ", ".join(apa_names[:-1]) + ", & " + apa_names[-1]
        gost_author = ", ".join(f"{surname} {initials}".strip() for surname, initials in names)
    else:
        apa_author = gost_author = ""
    place = f", {entry.affiliation}" if entry.affiliation else ""
    apa = f"{apa_author} ({year}). {title} [{kind}{place}]." if apa_author else f"{title}. ({year}). [{kind}]."
    supervisor = f" ; {labels.get('reader.supervisor', lang).lower()} {entry.supervisor}" if entry.supervisor else ""
    gost = (f"{gost_author} " if gost_author else "") + f"{title} : {kind.lower()}{supervisor}".rstrip(".") + f". – {year}".rstrip(".") + "."
    return {"apa": apa.strip(), "gost": gost.strip()}
