"""Where text meets markup: the one place that makes untrusted text safe to print.

Text from seeds, translations and data files is never markup. It reaches a page in one of
three ways, each with its own escaper:

- inside HTML built by the templates (autoescaped) or by :func:`html_text`;
- inside Markdown that the page is written in (a heading, a list item): :func:`markdown_text`
  makes every character literal, so that no emphasis, link, image, attribute list
  (``{: onclick=… }``), raw HTML or entity comes out of it;
- in a page's front matter: :func:`yaml_string`.

Titles in front matter are printed by Material without escaping; ``hooks/mkdocs_sourcekit/page_titles.py``
escapes them once, after every page has been read.
"""

from __future__ import annotations

import json
import re

import markupsafe

# Python-Markdown's backslash escapes (``Markdown.ESCAPED_CHARS``) less ``>``, which is
# written as an entity like ``<`` and ``&``: a backslash before any other character would
# be printed.
_MARKDOWN_ESCAPABLE = re.compile(r"([\\`*_{}\[\]()#+\-.!])")
_SPACES = re.compile(r"\s+")
# What YAML does not allow unescaped in a document (its "printable" set, inverted).
_NOT_YAML_PRINTABLE = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def html_text(text: object) -> str:
    """``text`` escaped for HTML element content and quoted attribute values."""
    return str(markupsafe.escape(str(text)))


def markdown_text(text: object) -> str:
    """``text`` as inline Markdown that renders to exactly that text, on one line.

    HTML's special characters become entities and every character that Markdown or its
    extensions could read as markup is backslash-escaped (Markdown turns each escape into
    the character itself, after the attribute-list and link patterns have run).
    """
    flat = _SPACES.sub(" ", str(text)).strip()
    escaped = str(markupsafe.escape(flat)).replace("&#39;", "'").replace("&#34;", '"')
    return _MARKDOWN_ESCAPABLE.sub(r"\\\1", escaped)


def yaml_string(text: object) -> str:
    """``text`` as one YAML double-quoted scalar (JSON's string syntax is valid YAML),
    so that no quote, newline or ``---`` in it can end the front matter."""
    quoted = json.dumps(_SPACES.sub(" ", str(text)).strip(), ensure_ascii=False)
    return _NOT_YAML_PRINTABLE.sub(lambda match: f"\\u{ord(match.group(0)):04x}", quoted)
