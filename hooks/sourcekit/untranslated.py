"""Where a page says that it is not translated yet, as a whole or in part.

A language can be added to the site by configuration alone (``sourcekit.languages``): its
pages then show the originals. A hand-written page that has no version in the language is
shown in the default language (mkdocs-static-i18n's ``fallback_to_default``), and a
generated page shows each text of the data that lacks the language in the default language
(:class:`sourcekit.languages.Texts`). Either says so at its top, under its title. (A reader
has its own note, on its untranslated paragraphs: ``render.render_reader``.)
"""

from __future__ import annotations

import re

from .templates import render_template

_TITLE = re.compile(r"^# .*$", re.MULTILINE)
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)


def with_page_note(markdown: str, text: str) -> str:
    """``markdown`` with the note ``text`` under its first title (or at its top, after any
    front matter, when it has none)."""
    note = render_template("untranslated-page-notice.html", text=text)
    title = _TITLE.search(markdown)
    if title is None:
        front = _FRONT_MATTER.match(markdown)
        cut = front.end() if front else 0
    else:
        cut = title.end()
    return f"{markdown[:cut]}\n\n{note}\n\n{markdown[cut:].lstrip(chr(10))}"
