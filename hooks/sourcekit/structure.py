"""Structure stage: decide what each draft is in the document, from its labelled zones.

The body is the default. Front matter is what the labels and the layout say it is: a
classification line (UDC, DOI…) is metadata; the first short line is the title, the short
lines after it that read as names and affiliations are the byline; a paragraph is an
abstract only when it is labelled (“Abstract”, «Аннотация», «Аңдатпа»), or stands right
before a keywords line, or the text's hints say so. The body starts at the first draft that
is none of these: a section heading ("Introduction", «Введение», «Кіріспе», "1. …"), a list,
or an unlabelled paragraph.

After the body, an article may repeat its front matter in other languages (a title, the
authors, an abstract and keywords: found from the abstract or keywords label back to the
title) and ends with its references and notes about the authors.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from . import zones
from .drafts import Draft, Reading
from .hints import NO_HINTS, Hints
from .textutil import detect_language

FRONT_KINDS = ("title", "byline", "meta", "abstract", "keywords")
HEADING_CHARS = 90  # a one-line block up to this long, without a final stop, is a section heading
_AFFILIATION = re.compile(
    r"\b(?:universit|institut|academ|college|school|department|faculty|centre|center|ministry|"
    r"университет|институт|академи|кафедр|факультет|центр|министерств|"
    r"университеті|институты|академиясы|орталығы|кафедрасы|"
    r"kazakhstan|казахстан|қазақстан|almaty|алматы|astana|астана|nur-sultan|нур-султан|нұр-сұлтан|"
    r"supervisor|научный\s+руководитель|ғылыми\s+жетекші|orcid|e-mail|email|corresponding)",
    re.IGNORECASE,
)
_INITIALS = re.compile(r"(?:^|[\s,])[A-ZА-ЯЁӘІҢҒҮҰҚӨҺ]\.\s?(?:[A-ZА-ЯЁӘІҢҒҮҰҚӨҺ]\.)?")
_NAME_JOINERS = frozenset({"and", "и", "және", "мен", "et", "al", "al.", "von", "van", "de", "der"})
_NUMBERED = re.compile(r"^\s*(?:\d{1,2}(?:\.\d{1,2})*\.?|[IVX]{1,5}\.)\s+\S")
_DATE_LINE = re.compile(
    r"^(?:\d{1,2}\s+[^\W\d_]+\.?\s+\d{4}|\d{1,2}[./]\d{1,2}[./]\d{2,4}|[^\W\d_]+\s+\d{1,2},\s+\d{4})(?:\s*(?:г\.|ж\.)?)?"
    r"(?:[,\s|]+(?:\d{1,2}:\d{2}))?\s*$"
)


@dataclass(frozen=True)
class Classified:
    """A draft with its kind in the document and its language."""

    draft: Draft
    kind: str
    lang: str
    text: str


def classify(reading: Reading, *, markdown: bool = False, hints: Hints = NO_HINTS) -> list[Classified]:
    """The kind of every draft of ``reading`` in the document."""
    drafts = list(reading.drafts)
    count = len(drafts)
    kinds: list[str | None] = [None] * count
    texts = [draft.text for draft in drafts]
    langs = [detect_language(text) for text in texts]

    # Hints first: a kind for a range of lines wins over everything else.
    for index, draft in enumerate(drafts):
        hinted = hints.kind_at(draft.start)
        if hinted and hinted != "furniture":
            kinds[index] = hinted

    # References: the heading and the entries after it (Markdown lists included).
    in_references = False
    for index, draft in enumerate(drafts):
        label = zones.label_of(draft.text) if draft.kind in ("heading", "text") else None
        if label and label.kind == "references" and len(draft.text) < 80:
            kinds[index] = kinds[index] or "references_heading"
            in_references = True
            continue
        if label and label.kind in ("abstract", "keywords", "authors_info"):
            in_references = False
        if draft.kind == "reference" or (in_references and draft.kind == "list_item"):
            kinds[index] = kinds[index] or "reference"
        elif in_references and draft.kind == "heading":
            in_references = False
        elif in_references and draft.kind == "text" and kinds[index] is None:
            kinds[index] = "reference"

    start = _body_start(drafts, kinds, texts, markdown=markdown, hints=hints)
    _front(drafts, kinds, texts, start, markdown=markdown)
    body_language = _majority([langs[i] for i in range(start, count) if drafts[i].kind == "text" and kinds[i] is None]) or (langs[start] if start < count else "en")
    _back_matter(drafts, kinds, texts, langs, start, body_language, hints=hints)

    # The body.
    for index in range(start, count):
        if kinds[index] is not None:
            continue
        draft = drafts[index]
        if zones.is_metadata(draft.text) and draft.kind == "text" and len(draft.text) < 200:
            kinds[index] = "meta"
        elif draft.kind == "heading":
            kinds[index] = "heading"
        elif draft.kind in ("list_item", "quote", "preformatted", "footnote"):
            kinds[index] = draft.kind
        elif draft.kind == "reference":
            kinds[index] = "reference"
        elif hints.headings and draft.start == draft.end and hints.headings.search(draft.text):
            kinds[index] = "heading"
        elif _is_short_heading(draft):
            kinds[index] = "heading"
        else:
            kinds[index] = "paragraph"

    result = []
    for index, draft in enumerate(drafts):
        kind = kinds[index] or "paragraph"
        text = texts[index]
        if kind == "abstract":
            label = zones.label_of(text)
            if label and label.kind == "abstract" and label.rest:
                text = label.rest
        result.append(Classified(draft, kind, langs[index] if text == draft.text else detect_language(text), text))
    return result


def _is_short_heading(draft: Draft) -> bool:
    """A one-line, short, unpunctuated, capitalised block in the body is a section heading."""
    text = draft.text
    return (
        draft.kind == "text"
        and draft.start == draft.end
        and 0 < len(text) <= HEADING_CHARS
        and not text.rstrip().endswith((".", "!", "?", ";", ",", ":"))
        and not re.match(r"^\s*\d{1,2}\.\s+\S", text)
        and (text[0].isupper() or text[0] in "«\"“")
        and not zones.CAPTION.match(text)
        and not _DATE_LINE.match(text)
    )


def _body_start(drafts: list[Draft], kinds: list[str | None], texts: list[str], *, markdown: bool, hints: Hints) -> int:
    """The index of the first body draft."""
    if hints.body_starts is not None:
        for index, draft in enumerate(drafts):
            if isinstance(hints.body_starts, int) and draft.start <= hints.body_starts <= draft.end:
                return index
            if isinstance(hints.body_starts, str) and texts[index].startswith(hints.body_starts.strip()):
                return index
    seen_title = False
    expect_abstract = False
    in_byline = False
    for index, draft in enumerate(drafts):
        text = texts[index]
        if kinds[index] in FRONT_KINDS:
            seen_title = seen_title or kinds[index] == "title"
            continue
        if kinds[index] is not None:
            return index
        if zones.is_metadata(text) or zones.is_series(text) or _DATE_LINE.match(text):
            continue
        label = zones.label_of(text)
        if label and label.kind in ("abstract", "keywords"):
            expect_abstract = label.kind == "abstract" and not label.rest
            continue
        if label:
            return index
        if expect_abstract and draft.kind == "text":
            continue  # the paragraph under an "Abstract" heading line
        if draft.kind == "heading":
            if not seen_title and (not markdown or (draft.level or 1) <= 2) and not _NUMBERED.match(text):
                seen_title = in_byline = True
                continue
            if seen_title and not markdown and _byline_like(text) and not zones.label_of(text):
                continue  # the authors, set in bold under the title of a PDF
            return index
        if in_byline and markdown and draft.kind == "text" and len(text) < 120 and not _sentence_like(text):
            continue  # short lines right under a Markdown title: authors, affiliation, supervisor
        in_byline = False
        if draft.kind != "text":
            return index
        if not seen_title and _title_like(text):
            seen_title = True
            continue
        if seen_title and _byline_like(text):
            continue
        if _before_keywords(drafts, texts, index):
            continue
        if markdown and not seen_title and len(text) < 120:
            continue  # a line before the Markdown title ("UDC 327")
        return index
    return len(drafts)


def _before_keywords(drafts: list[Draft], texts: list[str], index: int) -> bool:
    """A paragraph right before a keywords line (an unlabelled abstract)."""
    following = index + 1
    if following < len(drafts) and drafts[following].kind == "text":
        label = zones.label_of(texts[following])
        return bool(label and label.kind == "keywords")
    return False


def _front(drafts: list[Draft], kinds: list[str | None], texts: list[str], start: int, *, markdown: bool) -> None:
    """Kinds of the drafts before the body."""
    seen_title = False
    in_abstract = False
    in_byline = False
    for index in range(start):
        if kinds[index] is not None:
            seen_title = seen_title or kinds[index] == "title"
            in_abstract = kinds[index] == "abstract"
            continue
        draft, text = drafts[index], texts[index]
        label = zones.label_of(text) if draft.kind in ("text", "heading") else None
        if zones.is_metadata(text) or zones.is_series(text) or _DATE_LINE.match(text):
            kinds[index] = "meta"
        elif label and label.kind == "keywords":
            kinds[index], in_abstract = "keywords", False
        elif label and label.kind == "abstract":
            kinds[index] = "abstract" if label.rest else "meta"
            in_abstract = True
        elif draft.kind == "heading" and seen_title and not markdown and _byline_like(text):
            kinds[index] = "byline"
        elif draft.kind == "heading" and (not seen_title or not markdown):
            kinds[index], seen_title, in_byline, in_abstract = "title", True, True, False
        elif markdown and not seen_title:
            kinds[index] = "meta"
        elif in_byline and markdown and len(text) < 120 and not _sentence_like(text):
            kinds[index] = "byline"
        elif in_abstract and not _title_like(text):
            kinds[index] = "abstract"
        elif _before_keywords(drafts, texts, index) and not _title_like(text):
            kinds[index] = "abstract"
        elif _title_like(text) and (not seen_title or not _byline_like(text) or _is_title_case(text)):
            kinds[index], seen_title, in_abstract = "title", True, False
        elif seen_title and _byline_like(text):
            kinds[index] = "byline"
        elif len(text) >= 150 or _sentence_like(text):
            kinds[index], in_abstract = "abstract", True
        else:
            kinds[index] = "byline" if seen_title else "title"
            seen_title = True


def _back_matter(
    drafts: list[Draft], kinds: list[str | None], texts: list[str], langs: list[str], start: int, body_language: str, *, hints: Hints
) -> None:
    """Front matter repeated after the body in other languages; notes about the authors."""
    count = len(drafts)
    end = count
    if hints.body_ends is not None:
        end = next((index for index, draft in enumerate(drafts) if draft.start > hints.body_ends), count)
    index = start
    while index < count:
        if kinds[index] is not None:
            index += 1
            continue
        text = texts[index]
        label = zones.label_of(text) if drafts[index].kind in ("text", "heading") else None
        if label and label.kind == "authors_info":
            kinds[index] = "byline"
            index += 1
            while index < count and kinds[index] is None and drafts[index].kind in ("text", "list_item", "heading"):
                kinds[index] = "byline"
                index += 1
            continue
        if label and label.kind in ("abstract", "keywords"):
            if label.kind == "keywords" and langs[index] == body_language and index < end:
                index += 1
                continue  # "Keywords" inside the body of a text whose front matter is elsewhere: leave it
            first = index
            if label.kind == "abstract":
                kinds[index] = "abstract" if label.rest else "meta"
                index += 1
                while index < count and kinds[index] is None and drafts[index].kind == "text" and not zones.label_of(texts[index]) and not _title_like(texts[index]):
                    kinds[index] = "abstract"
                    index += 1
                if index < count and kinds[index] is None and (kw := zones.label_of(texts[index])) and kw.kind == "keywords":
                    kinds[index] = "keywords"
                    index += 1
            else:
                kinds[index] = "keywords"
                index += 1
                back = first - 1
                while back >= start and kinds[back] is None and drafts[back].kind == "text" and len(texts[back]) >= 150 and langs[back] == langs[first]:
                    kinds[back] = "abstract"
                    first = back
                    back -= 1
            # Back from the label to the title: short lines that are not sentences.
            back = first - 1
            collected = []
            while back >= start and kinds[back] is None and drafts[back].kind in ("text", "heading") and len(texts[back]) <= 250 and not texts[back].rstrip().endswith((".", "!", "?")) or (
                back >= start and kinds[back] is None and drafts[back].kind == "text" and _byline_like(texts[back]) and len(texts[back]) <= 250
            ):
                collected.append(back)
                back -= 1
            for position, at in enumerate(reversed(collected)):
                kinds[at] = "title" if position == 0 else "byline"
            continue
        if index >= end:
            kinds[index] = "byline"
        index += 1


def _majority(values: list[str]) -> str | None:
    return Counter(values).most_common(1)[0][0] if values else None


def _title_like(text: str) -> bool:
    """Short and not a sentence: a title (or a heading)."""
    return 0 < len(text) <= 250 and not text.rstrip().endswith((".", ";", ",", ":")) and (text[0].isupper() or text[0] in "«\"“")


def _is_title_case(text: str) -> bool:
    letters = [char for char in text if char.isalpha()]
    return bool(letters) and sum(1 for char in letters if char.isupper()) >= 0.6 * len(letters)


def _byline_like(text: str) -> bool:
    """Names and affiliations: initials, capitalised words, institutions, places."""
    if len(text) > 250 or _sentence_like(text):
        return False
    if _AFFILIATION.search(text):
        return True
    if _INITIALS.search(text) and len(text) < 160:
        return True
    words = [word for word in re.split(r"[\s,;]+", text) if word and word[0].isalpha()]
    names = [word for word in words if word.lower() not in _NAME_JOINERS]
    if not names or len(words) > 14:
        return False
    capitalised = sum(1 for word in names if word[0].isupper())
    joined = "," in text or len(names) < len(words)
    return capitalised == len(names) and len(names) >= 2 and not text.rstrip().endswith(".") and joined


def _sentence_like(text: str) -> bool:
    """A sentence of running text: ends with a stop and has several lower-case words."""
    lower = sum(1 for word in text.split() if word[:1].islower())
    return text.rstrip().endswith((".", "!", "?", "»")) and lower >= 4
