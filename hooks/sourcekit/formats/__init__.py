"""Format readers: each turns the text of one seed into drafts (see ``drafts.py``).

A format is one module with a ``read`` function that returns a :class:`Reading`;
:data:`FORMATS` names them. The catalogue or the text's hints may say which one a text
needs (``format:``); without it, the format is guessed from the text (:func:`guess`).
"""

from __future__ import annotations

import re
import statistics

from ..clean import CleaningRules
from ..drafts import Draft, Reading
from ..hints import NO_HINTS, Hints

FORMATS = ("pdf_text", "markdown", "web")
_WEB_MARKERS = re.compile(
    r"^(?:поделиться|share|теги\s*:|tags\s*:|комментарии|comments|реклама|advertisement|читайте\s+также|read\s+also|"
    r"фото\s*:|photo\s*:|подписаться|subscribe|бөлісу|пікірлер|жарнама)",
    re.IGNORECASE | re.MULTILINE,
)


def guess(text: str) -> str:
    """Markdown when it looks like Markdown; web copy when paragraphs are single long lines
    or the page's furniture is there; otherwise text extracted from a PDF."""
    from .markdown import looks_like_markdown

    if looks_like_markdown(text):
        return "markdown"
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if not lines:
        return "pdf_text"
    long_lines = [len(line) for line in lines if len(line) > 40]
    if len(_WEB_MARKERS.findall(text)) >= 2 or (long_lines and statistics.median(long_lines) > 220):
        return "web"
    return "pdf_text"


def read(text: str, *, fmt: str, rules: CleaningRules, hints: Hints = NO_HINTS) -> Reading:
    """Read ``text`` as ``fmt``, then remove what the hints call furniture."""
    if fmt == "markdown":
        from .markdown import read as read_markdown

        reading = read_markdown(text)
    else:
        from .pdf_text import read as read_plain

        reading = read_plain(text, rules=rules, web=fmt == "web", furniture=hints.furniture)
    return reading
