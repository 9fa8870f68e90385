"""Glossary links: the first mention of each glossary term on a page links to its entry,
with the first sentence of its definition as a tooltip.

This works on a page's finished HTML, so that a term is found wherever the page's text puts
it (Markdown, a generated section, a table), and only in text that a link may go into.
"""

from __future__ import annotations

import re

import markupsafe

from .labels import Labels
from .model import Term


def first_sentence(text: str) -> str:
    """The first sentence of ``text`` (a glossary tooltip; the entry has the rest)."""
    match = re.search(r"[.!?](?=\s+[A-ZА-ЯЁӘІҢҒҮҰҚӨҺ«\"(])", text)
    return text[: match.end()] if match else text


_TERM_PATTERNS: dict[tuple[int, str], tuple[tuple[Term, ...], tuple[re.Pattern[str], dict[str, Term]] | None]] = {}


def _term_pattern(terms: tuple[Term, ...], lang: str) -> tuple[re.Pattern[str], dict[str, Term]] | None:
    """The pattern for ``terms`` in ``lang``, built once per glossary (terms are unhashable)."""
    cached = _TERM_PATTERNS.get((id(terms), lang))
    if cached is None or cached[0] is not terms:
        if len(_TERM_PATTERNS) > 16:
            _TERM_PATTERNS.clear()
        cached = _TERM_PATTERNS[(id(terms), lang)] = (terms, _build_term_pattern(terms, lang))
    return cached[1]


def _build_term_pattern(terms: tuple[Term, ...], lang: str) -> tuple[re.Pattern[str], dict[str, Term]] | None:
    """One regular expression for every name (longest first) of every term in ``lang``."""
    names: list[tuple[str, Term]] = []
    for term in terms:
        for name in {term.term[lang], *term.aliases.get(lang, ())}:
            if len(name) > 3:
                names.append((name, term))
    if not names:
        return None
    names.sort(key=lambda pair: (-len(pair[0]), pair[0]))
    # The leading class of first letters lets the regex engine skip most positions at once
    # (several times faster on a long page than trying every name everywhere).
    first_letters = "".join(sorted({re.escape(name[0]) for name, _ in names}))
    pattern = re.compile(
        r"(?=[" + first_letters + r"])(?<![\w-])(" + "|".join(re.escape(name) for name, _ in names) + r")(?![\w-])"
    )
    return pattern, {name: term for name, term in names}


_SKIP_TAGS = (
    "small", "a", "cite", "code", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "button", "script", "style", "summary", "kbd",
    "label", "title", "textarea", "select", "svg", "nav", "header", "footer",
)
# What glossary links must not go into, found in one pass: whole elements whose text is not
# linked (none of them nests in itself in page content), admonition titles, and any other tag.
_PROTECTED = re.compile(
    r"<(" + "|".join(_SKIP_TAGS) + r")\b[^>]*>.*?</\1\s*>"
    r'|<p class="admonition-title"[^>]*>.*?</p>'
    r"|<[^>]+>",
    re.S,
)
# The link around a term. Made here rather than from a template: it is put around a match
# inside a page's HTML, up to a few dozen times a page, and every value in it is escaped
# by markupsafe (Markup.format escapes its arguments); the mention itself is already HTML
# text of the page, which is kept as it stands.
_TERM_LINK = markupsafe.Markup('<a class="sk-term" href="{href}" title="{title}">{mention}</a>')


def link_first_mentions(html: str, *, terms: tuple[Term, ...], lang: str, glossary_href: str, labels: Labels) -> str:
    """Link the first mention of each glossary term on a page to its entry, with a tooltip.

    Only text outside headings, links, code, buttons and citation previews (``<small>``)
    is considered; each term is linked once per page.
    """
    found = _term_pattern(terms, lang)
    if found is None:
        return html
    pattern, by_name = found
    linked: set[str] = set()

    def replace(match: re.Match[str]) -> str:
        term = by_name[match.group(1)]
        if term.id in linked:
            return match.group(0)
        linked.add(term.id)
        return _TERM_LINK.format(
            href=f"{glossary_href}#term-{term.id}",
            title=first_sentence(term.definition[lang]),
            mention=markupsafe.Markup(match.group(1)),
        )

    out: list[str] = []
    position = 0
    for protected in _PROTECTED.finditer(html):
        start = protected.start()
        if start > position:
            out.append(pattern.sub(replace, html[position:start]))
        out.append(protected.group(0))
        position = protected.end()
    out.append(pattern.sub(replace, html[position:]))
    return "".join(out)
