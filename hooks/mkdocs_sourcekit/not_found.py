"""A "page not found" page in every language, with links that work anywhere.

mkdocs-static-i18n builds every language into the same site folder, so each language's
``404.html`` lands at the root and the last one built wins. Each language's page is kept
while it is rendered and written where it belongs once all languages are built: English
at the root (``404.html``, the page a server returns for any missing address), the others
in their folder (``kk/404.html``, ``ru/404.html``): every language of the site's configuration.

Where its links lead from. A server returns ``404.html`` for *any* missing address, so a
link relative to the page would be relative to that address and lead nowhere. MkDocs (as
Material's own 404) makes the links absolute from the path of ``site_url``. That is kept
when ``site_url`` is set (the published site). Without it, MkDocs would assume the site is at
the server's root ("/"), which breaks the offline edition (file://) and a site copied into
a folder. So without ``site_url`` the links are relative to the page's own place (``./`` or
``../``: right from file://, in any folder, in Kiwix), and a few lines of script at the top
of the page, only when it is shown at another address than its own, set ``<base href>`` to
where the page lives on a site served from the root (``/``, ``/kk/``) — the same guess
MkDocs makes. A site published in a sub-folder should set ``SITE_URL`` (the README says so).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sourcekit.site_model import SiteModel
from sourcekit.languages import current
from sourcekit.urls import SiteUrls, language_prefix

from . import i18n

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

TEMPLATE = "404.html"


def page_path(lang: str) -> str:
    """Where the page of ``lang`` is written, from the site's root: ``404.html``, ``kk/404.html``."""
    return f"{language_prefix(lang, current().default)}{TEMPLATE}"


def relative_base(lang: str) -> str:
    """MkDocs' ``base_url`` for a page at :func:`page_path`: the site's root, relative to it."""
    depth = page_path(lang).count("/")
    return "/".join([".."] * depth) or "."


def href(url: str, base_url: str) -> str:
    """The link to the site-relative ``url`` ("" is the English home page) from a page whose
    ``base_url`` is ``.``, ``..`` or the path of ``site_url`` (``/`` or ``/path/``)."""
    if base_url == ".":
        return url or "./"
    return base_url.rstrip("/") + "/" + url


def not_found_context(
    model: SiteModel, lang: str, *, base_url: str, directory_urls: bool, languages: list[tuple[str, str]]
) -> dict[str, Any]:
    """What the page says and links to, in ``lang``; every link from ``base_url`` (see :func:`href`)."""
    labels = model.labels
    urls = SiteUrls(directory_urls)

    def link(path: str, language: str = lang) -> str:
        return href(urls.page(path, language), base_url)

    themes = [{"title": theme.title[lang], "url": link(f"themes/{theme.slug}")} for theme in model.knowledge.themes]
    return {
        "lang": lang,
        "own_path": page_path(lang),
        "title": labels.get("notfound.title", lang),
        "lead": labels.get("notfound.lead", lang),
        "search_label": labels.get("notfound.search_label", lang),
        "search_button": labels.get("notfound.search_button", lang),
        "links_title": labels.get("notfound.links_title", lang),
        "home": {"title": labels.get("notfound.home", lang), "url": link("")},
        "themes_title": labels.get("notfound.themes", lang),
        "themes": themes,
        "sources": {"title": labels.get("sources.title", lang), "url": link("sources/index")},
        "glossary": {"title": labels.get("glossary.title", lang), "url": link("glossary")},
        "others": [
            {
                "lang": code,
                "name": name,
                "title": labels.get("notfound.title", code),
                "go_home": labels.get("notfound.go_home", code),
                "url": link("", code),
            }
            for code, name in languages
            if code != lang
        ],
    }


@dataclass
class NotFoundPages:
    """Each language's page, kept from its rendering until every language is built."""

    kept: dict[str, dict[str, str]] = field(default_factory=dict)  # site folder → language → HTML
    saved_alternates: list[Any] = field(default_factory=list)

    def context(self, context: dict[str, Any], config: MkDocsConfig, model: SiteModel) -> dict[str, Any]:
        """Give the page its words, links relative to its own place without ``site_url``, and a
        language switcher that leads to each language's home page."""
        lang = i18n.build_language(config)
        languages = i18n.languages(config)
        if lang not in dict(languages):
            return context
        if not config.site_url:
            context["base_url"] = relative_base(lang)
        context["sk_not_found"] = not_found_context(
            model, lang, base_url=context["base_url"], directory_urls=config.use_directory_urls, languages=languages
        )
        # The switcher would show the alternates of the last page built; the page has none of
        # its own. Each language's home instead (site-relative, like i18n.relative_alternates).
        self.saved_alternates.append(i18n.alternates(config))
        home = SiteUrls(config.use_directory_urls).page
        i18n.set_alternates(config, [{"name": name, "lang": code, "link": home("", code) or "./"} for code, name in languages])
        return context

    def keep(self, output: str, config: MkDocsConfig) -> str:
        """Remember each language's page, and give the switcher back its alternates."""
        lang = i18n.build_language(config)
        if lang in dict(i18n.languages(config)):
            self.kept.setdefault(str(Path(config.site_dir).resolve()), {})[lang] = output
            if self.saved_alternates:
                i18n.set_alternates(config, self.saved_alternates.pop())
        return output

    def write(self, config: MkDocsConfig) -> None:
        """Write every language's page to its place (each language's build writes its own page at
        the root; this comes after every language)."""
        site = Path(config.site_dir)
        for lang, page in self.kept.get(str(site.resolve()), {}).items():
            target = site / page_path(lang)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(page, encoding="utf-8")
