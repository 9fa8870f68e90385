"""One page being rendered: its language, its address, the site's data, and its citations.

Generated parts of a page (sections, the glossary, a kit) are rendered in whatever order is
convenient, which is not the order they are read in. So :meth:`PageContext.cite` does not
number a citation: it returns a placeholder, and :meth:`PageContext.number_citations`
numbers the placeholders once the page is assembled, in the order they stand on it
(:mod:`sourcekit.citation_markers` renders the markers and the list of references).
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field

from .bibliography import short_description
from .edition import Edition
from .labels import Labels
from .model import Knowledge, Reference
from .parts import paragraph_path
from .urls import SiteUrls

# Placeholders end in a per-build random word, so that no text can fake one; they are letters
# and digits only, which Markdown and the templates' escaping leave as they are.
_NONCE = secrets.token_hex(4).upper()
_STASHED = re.compile(r"SKSTASH\d{5}" + _NONCE)
_CITATION = re.compile(r"SKCITE(\d{5})" + _NONCE)


@dataclass
class PageContext:
    """One page being rendered in ``lang`` at ``url``, and the citations made on it so far."""

    lang: str
    url: str
    knowledge: Knowledge
    labels: Labels
    urls: SiteUrls
    edition: Edition | None = None  # fills <!-- home:edition --> where given
    calls: list[Reference] = field(default_factory=list)  # every cite(), by placeholder number
    numbers: dict[str, int] = field(default_factory=dict)  # "source#p-id" -> its number on the page
    markers: int = 0  # citation markers numbered so far: each preview needs its own id
    stashed: dict[str, str] = field(default_factory=dict)  # placeholder -> HTML, see stash()

    def cite(self, reference: Reference) -> str:
        """A placeholder for a citation of ``reference``, numbered later by :meth:`number_citations`."""
        self.calls.append(reference)
        return f"SKCITE{len(self.calls) - 1:05d}{_NONCE}"

    def number_citations(self, text: str, marker: Callable[[Reference, int, int], str]) -> str:
        """``text`` with every citation placeholder replaced by ``marker(reference, number,
        index)``, in the order they stand in ``text``: the first paragraph cited is [1], a
        paragraph cited again keeps its number; ``index`` counts the markers from 1."""

        def replace(match: re.Match[str]) -> str:
            reference = self.calls[int(match.group(1))]
            number = self.numbers.setdefault(reference.key, len(self.numbers) + 1)
            self.markers += 1
            return marker(reference, number, self.markers)

        return _CITATION.sub(replace, text)

    def cited(self) -> tuple[Reference, ...]:
        """The paragraphs cited on the page, in the order of their numbers (after
        :meth:`number_citations`): ``cited()[n - 1]`` is citation [n]."""
        by_key = {reference.key: reference for reference in self.calls}
        return tuple(by_key[key] for key, _ in sorted(self.numbers.items(), key=lambda item: item[1]))

    def stash(self, html: str) -> str:
        """A placeholder for ``html`` that Markdown leaves as it is; :meth:`unstash` puts the
        HTML back after Markdown has run. HTML made from untrusted text (a citation preview)
        must never pass through Markdown: a ``[x](javascript:…)`` in it would become a link."""
        placeholder = f"SKSTASH{len(self.stashed):05d}{_NONCE}"
        self.stashed[placeholder] = html
        return placeholder

    def unstash(self, html: str) -> str:
        """``html`` with every placeholder of :meth:`stash` replaced by its HTML."""
        if not self.stashed:
            return html
        return _STASHED.sub(lambda match: self.stashed.get(match.group(0), match.group(0)), html)

    def link(self, path: str) -> str:
        """A link from this page to page ``path`` in the same language."""
        return self.urls.relative(self.urls.page(path, self.lang), self.url)

    def paragraph_link(self, reference: Reference) -> str:
        """A link from this page to the cited paragraph, in the reader part that shows it."""
        document = self.knowledge.sources[reference.source]
        return self.link(paragraph_path(document, reference.paragraph)) + f"#{reference.paragraph}"

    def source_title(self, source: str) -> str:
        """The title of source ``source`` in this page's language."""
        return self.knowledge.sources[source].entry.titles[self.lang].text

    def source_kind(self, source: str) -> str:
        """What the source is and by whom: "Bachelor student paper (Eskermesova)"."""
        return short_description(self.knowledge.sources[source].entry, self.lang, self.labels)

    def paragraph_text(self, reference: Reference) -> tuple[str, str]:
        """The paragraph in this page's language if translated, else the original: (text, lang)."""
        document = self.knowledge.sources[reference.source]
        item = document.by_id()[reference.paragraph]
        translation = document.translations.get(self.lang, {}).get(reference.paragraph)
        if item.block.lang != self.lang and translation is not None:
            return translation.text, self.lang
        return item.plain, item.block.lang

    def printed_page(self, reference: Reference) -> str:
        """"p. 87": the printed page of the cited paragraph in the original, or "" where unknown."""
        page = self.knowledge.sources[reference.source].by_id()[reference.paragraph].block.page
        return self.labels.get("reader.page", self.lang, page=page) if page else ""
