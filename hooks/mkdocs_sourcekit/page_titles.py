"""What pages and their parts are called, in the language of the page.

- **Titles and descriptions are text.** Material prints a page's front-matter ``title`` and
  ``description`` as they are (in ``<title>``, the meta description, the header, the menu, the
  footer), and the generated pages take them from data files (a source's title in
  ``seeds/catalogue.yml``, a theme's in ``seeds/themes.yml``). After every page has been read
  and rendered (``on_env`` comes between the two), each is replaced by its escaped form as
  :class:`markupsafe.Markup`, which prints as it is and which Jinja's ``| e`` does not escape
  twice.
- **The browser tab tells the pages apart** (``sourcekit_tab``, printed by
  ``overrides/main.html``): "<title> · <site>", and on a source's pages which view it is —
  "<title> – source text · <site>", "<title> – parallel texts, part 2 of 3 · <site>"; a home
  page is the site's name alone. A source's title may be the site's own name (the student
  paper's is, in Russian), so "<title> - <site>" could say the same thing twice.
- **The build's language everywhere** (``on_config``, once per language build, after
  mkdocs-static-i18n has set the language): the title of the ¶ link after each heading
  (Python-Markdown's ``toc.permalink_title``, one setting in mkdocs.yml), the page author
  (``<meta name="author">``) and the copyright line of the footer, from ``labels.yml``;
  the footer's "Made with Material for MkDocs" is ``overrides/partials/copyright.html``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import markupsafe

from sourcekit.site_model import SiteModel

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

ESCAPED_META = ("title", "description")
SOFTWARE = "Material for MkDocs"  # the footer's "Made with …" names it (an English name)
_HOME = re.compile(r"^index\.[^./]+\.md$")  # index.<language>.md


def in_build_language(config: MkDocsConfig, model: SiteModel, lang: str) -> MkDocsConfig:
    """The permalink title, the author and the copyright line in this build's language."""
    labels = model.labels
    config.mdx_configs.setdefault("toc", {})["permalink_title"] = labels.get("a11y.permalink", lang)
    config.site_author = labels.get("citepage.editors", lang)
    config.copyright = labels.get("footer.copyright", lang)
    return config


def name_pages(env: Environment, config: MkDocsConfig, files: Files, model: SiteModel, lang: str) -> Environment:
    """Escape the title and description of every page of this language build, name its tab,
    and give the footer its "Made with" line in this build's language."""
    labels, kinds = model.labels, model.pages
    parts = {document.entry.slug: model.part_count(document.entry.slug) for document in model.documents}
    titles = {document.entry.slug: document.entry.titles[lang].text for document in model.documents}
    for file in files.documentation_pages():
        page = file.page
        if page is None or not page.meta:
            continue
        kind, slug, _, part = kinds.get(file.src_uri, (None, None, None, 0))
        if kind in ("reader", "parallel") and slug in titles:
            view = labels.get(f"tab.{kind}", lang)
            if parts[slug] > 1:
                view = labels.get("tab.part", lang, view=view, number=part, count=parts[slug])
            tab = f"{titles[slug]} – {view} · {config.site_name}"
        elif _HOME.match(file.src_uri):
            tab = config.site_name
        else:
            title = page.meta.get("title") or page.title or ""
            title = title.unescape() if isinstance(title, markupsafe.Markup) else str(title)
            tab = f"{title} · {config.site_name}"
        page.meta["sourcekit_tab"] = markupsafe.escape(tab)
        for key in ESCAPED_META:
            value = page.meta.get(key)
            if value is not None and not isinstance(value, markupsafe.Markup):
                page.meta[key] = markupsafe.escape(str(value))
    before, _, after = labels.get("footer.made_with", lang, software="\0").partition("\0")
    env.globals["sourcekit_made_with"] = {"before": before, "software": SOFTWARE, "after": after}
    return env
