"""The languages of the site: one definition, the ``languages:`` of mkdocs-static-i18n in ``mkdocs.yml``.

Everything that depends on the languages reads them from here: the URL prefixes (none for
the default language, ``<code>/`` for the others), the checks of the data (labels in every
language; a text of the data in the default language and in any other), the readers'
columns, the registry of generated pages, the search split and the 404 pages.

The MkDocs plugin passes the configured languages down (``Project.languages``) and runs
every event inside :func:`configured`; a script or a test that sets nothing gets the
languages of the checkout's own ``mkdocs.yml`` (:func:`languages_in`).

A text of the data that lacks a language is shown in the default language: :class:`Texts`
falls back, and notes each fallback for the page being rendered (:func:`noting_fallbacks`),
which then says that it is not translated yet.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Mapping
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

CHECKOUT_CONFIG = Path(__file__).resolve().parents[2] / "mkdocs.yml"


@dataclass(frozen=True)
class Languages:
    """The language codes of the site, the default (the original of the hand-written pages) first."""

    codes: tuple[str, ...]

    def __post_init__(self) -> None:
        if not self.codes:
            raise ValueError("a site needs at least one language")

    @property
    def default(self) -> str:
        return self.codes[0]

    @property
    def others(self) -> tuple[str, ...]:
        """Every language but the default: those built in a folder of their own."""
        return self.codes[1:]

    def prefix(self, code: str) -> str:
        """Where the pages of ``code`` live, site-relative: ``""`` for the default, else ``"<code>/"``."""
        if code not in self.codes:
            raise KeyError(code)
        return "" if code == self.default else f"{code}/"

    def of_location(self, location: str) -> str:
        """The language of a site-relative location (``kk/themes/x/`` → ``kk``)."""
        first = location.split("/", 1)[0]
        return first if first in self.others and "/" in location else self.default

    def ordered_from(self, first: str) -> tuple[str, ...]:
        """The codes with ``first`` first (the readers' columns: the original, then the others)."""
        return (first, *(code for code in self.codes if code != first)) if first in self.codes else self.codes


_CURRENT: ContextVar[Languages | None] = ContextVar("sourcekit_languages", default=None)


@contextlib.contextmanager
def configured(languages: Languages | tuple[str, ...]) -> Iterator[Languages]:
    """Run the block with ``languages`` as the site's languages."""
    if not isinstance(languages, Languages):
        languages = Languages(tuple(languages))
    token = _CURRENT.set(languages)
    try:
        yield languages
    finally:
        _CURRENT.reset(token)


def current() -> Languages:
    """The site's languages: those set by :func:`configured`, else the checkout's ``mkdocs.yml``."""
    languages = _CURRENT.get()
    return languages if languages is not None else languages_in(CHECKOUT_CONFIG)


class _ConfigLoader(yaml.SafeLoader):
    """Reads ``mkdocs.yml`` without running its tags (``!ENV``, ``!!python/…``): they become None."""


_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
_read_cache: dict[Path, tuple[int, Languages]] = {}


def languages_in(mkdocs_yml: Path) -> Languages:
    """The built languages of the i18n plugin in ``mkdocs_yml``, the default first (as
    ``mkdocs_sourcekit.i18n.languages`` reads them from the loaded configuration). A file
    without the plugin has the theme's language alone. Read again when the file changes."""
    path = Path(mkdocs_yml).resolve()
    stamp = path.stat().st_mtime_ns
    cached = _read_cache.get(path)
    if cached and cached[0] == stamp:
        return cached[1]
    config = yaml.load(path.read_text(encoding="utf-8"), Loader=_ConfigLoader) or {}  # noqa: S506 - a SafeLoader
    entries: list[Mapping[str, Any]] = []
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and "i18n" in plugin:
            entries = [entry for entry in (plugin["i18n"] or {}).get("languages", []) if entry.get("build", True)]
    if entries:
        entries.sort(key=lambda entry: not entry.get("default", False))
        languages = Languages(tuple(str(entry["locale"]) for entry in entries))
    else:
        languages = Languages(((config.get("theme") or {}).get("language") or "en",))
    _read_cache[path] = (stamp, languages)
    return languages


# --- texts of the data in several languages ---------------------------------------------------

_FALLBACKS: ContextVar[set[str] | None] = ContextVar("sourcekit_fallbacks", default=None)


class Texts(dict):
    """A text of the data by language code. ``texts[code]`` of a language it lacks gives the
    text in ``original`` (the default language, which the data always has) and notes the
    fallback for :func:`noting_fallbacks`; ``code in texts`` still says what is translated."""

    def __init__(self, mapping: Mapping[str, Any] = (), /, *, original: str) -> None:
        super().__init__(mapping)
        self.original = original

    def __missing__(self, code: str) -> Any:  # noqa: ANN401 - a str, or a tuple of str for a list
        if self.original not in self:
            raise KeyError(code)
        noted = _FALLBACKS.get()
        if noted is not None:
            noted.add(code)
        return dict.__getitem__(self, self.original)

    def __reduce__(self) -> tuple[Any, ...]:  # pickled in the model's disk cache
        return (_texts, (dict(self), self.original))


def _texts(mapping: dict[str, Any], original: str) -> Texts:
    return Texts(mapping, original=original)


def texts(mapping: Mapping[str, Any], *, strip: bool = False) -> Texts:
    """A validated mapping of the data as :class:`Texts` falling back to the default language."""
    values = {code: value.strip() for code, value in mapping.items()} if strip else dict(mapping)
    return Texts(values, original=current().default)


@contextlib.contextmanager
def noting_fallbacks() -> Iterator[set[str]]:
    """Collect the languages in which the block showed a text of the data in the default
    language instead (a page then says it is not translated yet)."""
    noted: set[str] = set()
    token = _FALLBACKS.set(noted)
    try:
        yield noted
    finally:
        _FALLBACKS.reset(token)
