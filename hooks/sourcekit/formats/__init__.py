"""Format readers: each turns the text of one seed into drafts (see ``drafts.py``).

A format is one module with a ``read`` function that returns a :class:`Reading`;
:data:`FORMATS` names them. The catalogue or the text's hints may say which one a text
needs (``format:``); without it, the format is guessed from the text (:func:`guess`).
"""

from __future__ import annotations

import statistics

from ..clean import CleaningRules
from ..drafts import Reading
from ..furniture import WEB_FURNITURE
from ..hints import NO_HINTS, Hints

FORMATS = ("pdf_text", "markdown", "web", "pdf")
WEB_LINE_CHARS = 220  # a text whose long lines are mostly longer than this is one line a paragraph
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
    if long_lines and statistics.median(long_lines) > WEB_LINE_CHARS:
        return "web"  # one line a paragraph: copied from a browser, not wrapped by a PDF
    short = [line for line in lines[:2000] if len(line) <= 80]  # the page's furniture is short lines
    reasons = {reason for line in short for reason, pattern in WEB_FURNITURE if pattern.match(line)}
    if len(reasons) >= 3 and "\f" not in text:
        return "web"  # share buttons, tags, comments…: the page around an article
    return "pdf_text"


def read(text: str, *, fmt: str, rules: CleaningRules, hints: Hints = NO_HINTS, layout=None) -> Reading:  # noqa: ANN001
    """Read ``text`` as ``fmt`` (``pdf``: the text of a PDF with its ``layout``)."""
    if fmt == "markdown":
        from .markdown import read as read_markdown

        reading = read_markdown(text)
    else:
        from .pdf_text import read as read_plain

        reading = read_plain(text, rules=rules, web=fmt == "web", furniture=hints.furniture, layout=layout)
    return reading
