"""No English interface text on Kazakh and Russian pages.

Every built kk and ru page is read as a reader and a screen reader get it: its text, and the
attributes they are given (title, aria-label, alt, placeholder and the meta description and
author). What is marked as another language (``lang="en"`` on a quotation, the original of a
title), code, scripts and styles, «quotations» where no markup can mark them (in an attribute,
in a ``<title>``), what is marked not to be translated (``translate="no"``),
web addresses, file names (the names of downloads too), paragraph IDs, numbers (Roman
too) and the few names in ``tests/data/latin_allowlist.yml`` are left out; any Latin-script
word that remains is English text that the page does not say is English — an untranslated
label, or a quotation that is not marked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import lxml.html
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
ALLOWLIST = ROOT / "tests" / "data" / "latin_allowlist.yml"

SKIPPED_ELEMENTS = {"code", "kbd", "samp", "pre", "script", "style", "template", "noscript"}
READ_ATTRIBUTES = ("title", "aria-label", "alt", "placeholder", "aria-description", "aria-roledescription", "aria-valuetext")
# Meta tags a reader sees (a search result's snippet, a shared link's card). The citation_*
# tags are bibliographic data for Zotero and Google Scholar: they keep the text as printed.
READ_META = re.compile(r"^(description|author|keywords|og:.*|twitter:.*)$")
_LATIN = re.compile(r"[A-Za-z\u00C0-\u024F]+(?:['’][A-Za-z\u00C0-\u024F]+)*")
_NOT_WORDS = re.compile(
    r"(?:[a-z][a-z0-9+.-]*:)?//\S+"  # web addresses (and protocol-relative ones)
    r"|\bwww\.\S+|\S+@\S+\.\w+"  # bare web addresses, e-mail addresses
    r"|\b10\.\d{4,9}/\S+"  # DOIs
    r"|[\w.-]*/[\w./#-]*"  # paths (kk/sources/…/, seeds/…)
    r"|\b[\w.-]+\.(?:csv|json|bib|ris|zip|sha256|zim|html|txt|md|pdf|yml)\b"  # file names
    r"|\bp-[0-9a-f]{6}\b"  # paragraph IDs
    r"|\b[IVXLCDM]+\b"  # Roman numerals (XXI ғасыр, XVII съезд)
)


_QUOTATION = re.compile(r"«[^«»\u0400-\u04FF]*»")
# Elements that hold text only, no markup (a span with lang cannot go in them).
TEXT_ONLY = {"title", "desc", "option"}


@dataclass(frozen=True)
class Finding:
    page: str
    where: str  # "text" or "@title", "@aria-label", "meta description"…
    word: str
    context: str

    def __str__(self) -> str:
        return f"{self.page}: {self.where}: {self.word!r} in {self.context!r}"


def load_allowlist(path: Path = ALLOWLIST) -> list[str]:
    """The allowed phrases, longest first (so that "Portland Communications" goes before "Portland")."""
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    return sorted((entry["text"] for entry in entries), key=len, reverse=True)


def latin_words(text: str, allowed: list[str], *, quotations: bool = False) -> list[str]:
    """The Latin-script words of ``text`` that are not allowed phrases, addresses, names of
    files, IDs or Roman numerals; with ``quotations``, not in a «…» quotation either (in an
    attribute, or in an element that holds text only, a quotation cannot be marked with its
    language: its guillemets say what it is)."""
    for phrase in allowed:
        text = re.sub(rf"(?<!\w){re.escape(phrase)}(?!\w)", " ", text)
    text = _NOT_WORDS.sub(" ", text)
    if quotations:
        text = _QUOTATION.sub(" ", text)
    return _LATIN.findall(text)


def foreign_words(html: str, page: str, allowed: list[str]) -> list[Finding]:
    """Every Latin-script word a reader gets on the page in ``html`` outside what is marked as
    another language (see the module's docstring)."""
    root = lxml.html.document_fromstring(html)
    lang = root.get("lang", "")
    findings: list[Finding] = []

    def note(where: str, text: str | None, *, quotations: bool = False) -> None:
        if text and text.strip():
            context = " ".join(text.split())
            words = latin_words(text, allowed, quotations=quotations)
            findings.extend(Finding(page, where, word, context[:120]) for word in words)

    def walk(element: lxml.html.HtmlElement, inherited: str) -> None:
        own = element.get("lang", inherited)
        tag = element.tag if isinstance(element.tag, str) else ""
        if own != lang or tag.lower() in SKIPPED_ELEMENTS or not tag:
            return
        if element.get("translate") == "no" or (tag == "a" and element.get("download") is not None):
            return  # not to be translated (a name), or a file to download: its name
        for name in READ_ATTRIBUTES:
            note(f"@{name}", element.get(name), quotations=True)
        if tag == "meta" and READ_META.match(element.get("name") or element.get("property") or ""):
            note(f"meta {element.get('name') or element.get('property')}", element.get("content"), quotations=True)
        note("text", element.text, quotations=tag.lower() in TEXT_ONLY)
        for child in element:
            walk(child, own)
            note("text", child.tail)

    walk(root, lang)
    return findings


def kk_and_ru_pages(site: Path) -> list[Path]:
    return sorted(path for lang in ("kk", "ru") for path in (site / lang).rglob("*.html"))


# --- the checker, on pages of our own -------------------------------------------------------

PLANTED = """<!doctype html><html lang="kk"><head><title>Сөздік</title>
<meta name="author" content="The editors"><meta name="citation_title" content="Soft power of China"></head>
<body><h2 id="a">Бөлім<a class="headerlink" href="#a" title="Permanent link">¶</a></h2>
<p>Мақалада <q lang="en">soft power</q> деп жазылған, ал <code>print("hi")</code> – код.
Сілтеме: https://example.org/page, файл facts.kk.csv, абзац p-0a1b2c, XXI ғасыр, PDF файлы.</p>
<p lang="en">An original sentence, marked as English.</p>
<footer>Made with <a href="#" lang="en">Material for MkDocs</a></footer></body></html>"""


def test_the_check_finds_english_labels_and_attributes() -> None:
    found = foreign_words(PLANTED, "planted.html", load_allowlist())
    assert [(finding.where, finding.word) for finding in found] == [
        ("meta author", "The"),
        ("meta author", "editors"),
        ("@title", "Permanent"),
        ("@title", "link"),
        ("text", "Made"),
        ("text", "with"),
    ]


def test_the_check_passes_a_page_without_english() -> None:
    page = PLANTED.replace('content="The editors"', 'content="Сайт редакциясы"')
    page = page.replace('title="Permanent link"', 'title="Тұрақты сілтеме"').replace("Made with ", "")
    assert foreign_words(page, "planted.html", load_allowlist()) == []


def test_every_allowed_phrase_has_a_reason() -> None:
    entries = yaml.safe_load(ALLOWLIST.read_text(encoding="utf-8"))
    assert entries and all(set(entry) == {"text", "reason"} and entry["text"] and len(entry["reason"]) > 10 for entry in entries)


# --- the built site ---------------------------------------------------------------------------


@pytest.mark.build
def test_kazakh_and_russian_pages_have_no_unmarked_english(built_site: Path) -> None:
    allowed = load_allowlist()
    pages = kk_and_ru_pages(built_site)
    assert len(pages) > 40, "the kk and ru pages were built"
    findings = [finding for path in pages for finding in foreign_words(path.read_text(encoding="utf-8"), str(path.relative_to(built_site)), allowed)]
    # One line per distinct context, so that a label repeated on every page is listed once.
    distinct = {}
    for finding in findings:
        distinct.setdefault((finding.where, finding.context), finding)
    assert not findings, f"{len(findings)} English words on kk/ru pages, in {len(distinct)} places:\n" + "\n".join(
        str(finding) for finding in list(distinct.values())[:60]
    )


# --- English quotations marked by the build (sourcekit.foreign) ------------------------------

from sourcekit.foreign import mark_english, mark_other_script  # noqa: E402


@pytest.mark.parametrize(
    ("page", "marked"),
    [
        ("<p>Мақалада «harsh force» делінген.</p>", '<p>Мақалада «<span lang="en">harsh force</span>» делінген.</p>'),
        (  # a glossary link inside the quotation
            '<p>рейтинг «<a href="#t" title="«x»">The Soft Power 30</a>» бойынша</p>',
            '<p>рейтинг «<span lang="en"><a href="#t" title="«x»">The Soft Power 30</a></span>» бойынша</p>',
        ),
        ("<p>(ағылш. soft power), (CCTV)</p>", '<p>(ағылш. <span lang="en">soft power</span>), (<span lang="en">CCTV</span>)</p>'),
        ("<p>(в оригинале: more than ten; понято так)</p>", '<p>(в оригинале: <span lang="en">more than ten</span>; понято так)</p>'),
    ],
)
def test_english_quotations_are_marked(page: str, marked: str) -> None:
    assert mark_english(page, "kk") == marked


@pytest.mark.parametrize(
    "page",
    [
        "<p>«Жұмсақ күш» және «soft күш»</p>",  # Cyrillic in the quotation
        '<p lang="en">«already marked»</p><code>«code»</code><pre>(x)</pre>',
        '<p title="«harsh force»">Portland компаниясы (2015)</p>',  # an attribute; a word alone; digits
        "<script>var a = '«x»';</script><p>«<em>opened</em> here</p><p>closed there»</p>",
        '<svg><text>«The Soft Power 30»</text></svg>',
    ],
)
def test_other_text_is_left_as_it_is(page: str) -> None:
    assert mark_english(page, "ru") == page


def test_a_citation_marks_the_words_of_the_other_script() -> None:
    apa = "Doe, J. A. (б. д.). <i>A title of our own [Біздің атау]</i> [Жұмыс]."
    assert mark_other_script(apa, "kk", "en") == (
        '<span lang="en">Doe, J. A.</span> (б. д.). <i><span lang="en">A title of our own</span> [Біздің атау]</i> [Жұмыс].'
    )
    assert mark_other_script("Иванов И. И. «Заголовок» // Журнал. 2020. (n.d.)", "en", "ru") == (
        '<span lang="ru">Иванов И. И. «Заголовок» // Журнал. 2020.</span> (n.d.)'
    )
