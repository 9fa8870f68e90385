"""English quoted in Kazakh and Russian text, marked with its language.

The Kazakh and Russian pages quote their English sources: a correction note cites the words
it corrects («about ten and a half years ago»), a definition gives the term the source uses
(«harsh force»), a translation keeps a book's title («Bound to Lead») or glosses a term
(ағылш. soft power). A screen reader reads such words with the page's Kazakh or Russian voice
unless the element around them says ``lang="en"``; the texts come from data files and
translations, which hold text, not markup. So the finished page is marked here:

- a quotation in guillemets «…» whose letters are all Latin, and
- a parenthesis (…) whose letters are all Latin, and the words that open a parenthesis
  after "ағылш." or "англ." (English), "түпнұсқада:" or "в оригинале:" (in the original),
  up to its end or the first comma or semicolon

get ``<span lang="en">`` around their words, also when the words hold inline markup (a
glossary link, emphasis). Every Latin-script text in these sources is English. Nothing else
changes: text in attributes, in code, in elements already marked with a language, in SVG;
quotations with Cyrillic letters; Latin words standing alone in a sentence (a name such as
Portland, an abbreviation such as PDF), which are not quotations.
"""

from __future__ import annotations

import bisect
import re

import markupsafe

_RAW = ("script", "style", "textarea", "title")  # their content is text, never markup
_TOKEN = re.compile(
    r"<!--.*?-->|<(" + "|".join(_RAW) + r")\b[^>]*>.*?</\1\s*>|<[^>]*>",
    re.DOTALL | re.IGNORECASE,
)
_TAG_NAME = re.compile(r"</?\s*([a-zA-Z][a-zA-Z0-9-]*)")
_LANG = re.compile(r"""\slang\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_SKIPPED = {"code", "pre", "kbd", "samp", "svg", "math"}
# Inline elements a quotation may hold (a glossary link, emphasis); any other tag ends it.
_INLINE = {"a", "abbr", "b", "bdi", "cite", "dfn", "em", "i", "mark", "q", "s", "small", "span", "strong", "sub", "sup", "u", "wbr"}

# In the text view of a page, every tag is one character: an inline tag INLINE, anything a
# quotation cannot run across (another tag, skipped text) BREAK.
INLINE, BREAK = "\ue000", "\ue001"
_LATIN_LETTER = r"A-Za-z\u00C0-\u024F"
_PART = rf"[^«»()<>\u0400-\u04FF{BREAK}]"  # what an English quotation may hold (no Cyrillic)
_ENGLISH = rf"(?={_PART}*[{_LATIN_LETTER}]){_PART}+"
_GLOSSED = rf"(?=[^;,«»()<>\u0400-\u04FF{BREAK}]*[{_LATIN_LETTER}])[^;,«»()<>\u0400-\u04FF{BREAK}]+"
_GLOSS = r"(?:ағылш\.|англ\.|түпнұсқада:|в\s+оригинале:)\s*"
QUOTATION = re.compile(rf"«({_ENGLISH})»|\(({_ENGLISH})\)|\({_GLOSS}({_GLOSSED})[;,)]")


def _tokens(html: str) -> list[tuple[bool, str]]:
    """``html`` as (is_tag, text) tokens: tags, comments and raw-text elements are tags."""
    tokens: list[tuple[bool, str]] = []
    position = 0
    for match in _TOKEN.finditer(html):
        if match.start() > position:
            tokens.append((False, html[position : match.start()]))
        tokens.append((True, match.group(0)))
        position = match.end()
    if position < len(html):
        tokens.append((False, html[position:]))
    return tokens


def _tag(token: str) -> tuple[str, bool, bool]:
    """(name, is_end_tag, is_self_closing) of a tag token ("" for a comment or doctype)."""
    name = _TAG_NAME.match(token)
    if not name or token.startswith("<!"):
        return "", False, False
    return name.group(1).lower(), token.startswith("</"), token.endswith("/>")


def _language(token: str) -> str | None:
    found = _LANG.search(token)
    return next(group for group in found.groups() if group is not None) if found else None


def mark_english(html: str, lang: str) -> str:
    """``html`` (a page in ``lang``) with English quotations marked ``lang="en"``."""
    if "«" not in html and "(" not in html:
        return html
    tokens = _tokens(html)
    # Which tokens are skipped (inside code, SVG, an element in another language…).
    stack: list[tuple[str, bool]] = []
    view: list[str] = []  # the text view: one string per token
    for is_tag, text in tokens:
        skipped = bool(stack) and stack[-1][1]
        if not is_tag:
            view.append(BREAK * len(text) if skipped else text)
            continue
        name, end, self_closing = _tag(text)
        if name and end:
            names = [entry[0] for entry in stack]
            if name in names:
                del stack[len(names) - 1 - names[::-1].index(name) :]
        elif name and name not in _VOID and not self_closing and name not in _RAW:
            own = _language(text)
            stack.append((name, skipped or name in _SKIPPED or (own is not None and own != lang)))
        view.append(INLINE if name in _INLINE and not skipped else BREAK)
    text_view = "".join(view)
    starts = []  # where each token begins in the text view
    position = 0
    for part in view:
        starts.append(position)
        position += len(part)
    inserts: dict[int, list[tuple[int, str]]] = {}
    for match in QUOTATION.finditer(text_view):
        group = next(number for number in (1, 2, 3) if match.group(number) is not None)
        first, last = match.start(group), match.end(group)
        # The quotation's first and last characters are text (a guillemet or a parenthesis
        # before, one after): the span goes right after the one and right before the other.
        opening, closing = _token_at(starts, first - 1), _token_at(starts, last)
        if not _balanced(tokens[opening + 1 : closing]):
            continue
        # Tags put into the page's HTML around a quotation, by position: fixed text, no value.
        inserts.setdefault(opening, []).append((first - starts[opening], '<span lang="en">'))
        inserts.setdefault(closing, []).append((last - starts[closing], "</span>"))
    if not inserts:
        return html
    out = []
    for index, (_, text) in enumerate(tokens):
        for offset, markup in sorted(inserts.get(index, []), key=lambda item: item[0], reverse=True):
            text = text[:offset] + markup + text[offset:]
        out.append(text)
    return "".join(out)


def _token_at(starts: list[int], position: int) -> int:
    """The index of the token at ``position`` of the text view."""
    return bisect.bisect_right(starts, position) - 1


def _balanced(tokens: list[tuple[bool, str]]) -> bool:
    """Whether the tags among ``tokens`` open and close in pairs (so that a span around them
    is well formed)."""
    open_tags: list[str] = []
    for is_tag, text in tokens:
        if not is_tag:
            continue
        name, end, self_closing = _tag(text)
        if name in _VOID or self_closing:
            continue
        if end:
            if not open_tags or open_tags[-1] != name:
                return False
            open_tags.pop()
        else:
            open_tags.append(name)
    return not open_tags


_RUNS = {
    # A run of words in the other script: it starts and ends with a letter (or the period of an
    # initial, or a closing quotation mark) of that script and holds no letter of the page's.
    "latin": re.compile(rf"[{_LATIN_LETTER}](?:[{_LATIN_LETTER}0-9'’.,:;&/\s-]*[{_LATIN_LETTER}0-9.])?"),
    "cyrillic": re.compile(r"[\u0400-\u04FF«](?:[\u0400-\u04FF0-9«»„“'’.,:;&/\s–-]*[\u0400-\u04FF0-9.»“])?"),
}


def mark_other_script(fragment: str, lang: str, other: str) -> markupsafe.Markup:
    """``fragment`` (escaped HTML with inline tags only, such as a formatted citation) with
    each run of words in the other script than ``lang``'s marked as language ``other``:
    Latin on a Kazakh or Russian page, Cyrillic on an English page."""
    pattern = _RUNS["cyrillic" if lang == "en" else "latin"]
    parts = re.split(r"(<[^>]*>|&[#\w]+;)", str(fragment))
    # A span put around words of an HTML fragment, many times a page: made here, not from a
    # template, with the language escaped by markupsafe; the words are the fragment's own
    # escaped text, kept as they stand.
    span = markupsafe.Markup('<span lang="{lang}">{words}</span>')
    return markupsafe.Markup(
        "".join(
            part if part[:1] in ("<", "&") else pattern.sub(lambda match: span.format(lang=other, words=markupsafe.Markup(match.group(0))), part)
            for part in parts
        )
    )
