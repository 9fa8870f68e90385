"""The one place that reads mkdocs-static-i18n's state (version 1.3.1, pinned).

The i18n plugin builds the default language, then every other language from inside its own
``on_post_build``, into the same ``site_dir``, with the same plugin instances. What this
project needs of it, and where each fact lives in the plugin:

- ``I18n.building`` (not public): true while it runs the build of a language other than
  the default, so that work on the whole site is done once, after the last language;
- ``File.locale``: the language of each file (set on every ``File`` it rebuilds);
- ``config.extra.alternate``: the language switcher's links, set as an attribute (not a key);
- ``config.theme["language"]``: the language being built;
- its public configuration: the languages, their names and whether each is built.

``tests/test_i18n_contract.py`` fails when a new release moves any of these.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

PLUGIN = "i18n"
_MISSING = object()


def _plugin(config: MkDocsConfig) -> Any:  # noqa: ANN401 - mkdocs_static_i18n's I18n, or None
    return config.plugins.get(PLUGIN)


def is_language_build(config: MkDocsConfig) -> bool:
    """Whether this is one of the builds of the other languages that the i18n plugin runs from
    inside the default language's build."""
    return bool(getattr(_plugin(config), "building", False))


def is_last_post_build(config: MkDocsConfig) -> bool:
    """Whether this ``on_post_build`` is the last of the build, after every language."""
    return not is_language_build(config)


def build_language(config: MkDocsConfig) -> str:
    """The language being built."""
    return config.theme["language"] or "en"


def page_language(page: Page, config: MkDocsConfig) -> str:
    """The language of ``page``, as the i18n plugin set it."""
    return getattr(page.file, "locale", None) or build_language(config)


def languages(config: MkDocsConfig) -> list[tuple[str, str]]:
    """(code, name in its own language) of every built language, default first."""
    plugin = _plugin(config)
    if plugin is None:
        return [(build_language(config), build_language(config))]
    built = [language for language in plugin.config.languages if language.build]
    built.sort(key=lambda language: not language.default)
    return [(language.locale, language.name) for language in built]


def folders(config: MkDocsConfig) -> tuple[str, ...]:
    """The folder of each language but the default, where its pages are built (``kk/``, ``ru/``)."""
    return tuple(f"{code}/" for code, _ in languages(config)[1:])


def alternates(config: MkDocsConfig) -> Any:  # noqa: ANN401 - a list of dicts, or _MISSING
    """The language switcher's links of the page being built (or ``MISSING``)."""
    return config.extra.__dict__.get("alternate", _MISSING)


def set_alternates(config: MkDocsConfig, links: Any) -> None:  # noqa: ANN401
    """Set (or, with ``MISSING``, remove) the switcher's links, where the theme reads them."""
    if links is _MISSING:
        config.extra.__dict__.pop("alternate", None)
    else:
        config.extra.alternate = links


MISSING = _MISSING


def relative_alternates(config: MkDocsConfig) -> None:
    """Make the language switcher's links site-relative, so they work anywhere.

    The i18n plugin gives the home pages the language roots as absolute links ("/", "/kk/"),
    which break from file:// and on a host that serves the site below a path. Turned into
    site-relative links ("", "kk/"), Material's ``url`` filter makes them relative to each
    page, as it does for every other alternate. The links lead to the top of the other page;
    in the browser, ``assets/javascripts/language-place.js`` adds the reader's place to them.
    """
    links = alternates(config)
    for alternate in links if links is not MISSING and links else []:
        link = alternate.get("link", "")
        if link.startswith("/") and not link.startswith("//"):
            link = link.lstrip("/")
            if not config.use_directory_urls:  # the offline edition opens files, not folders
                link += "index.html"
            alternate["link"] = link or "./"
