"""The MkDocs plugin ``sourcekit``: a thin adapter between MkDocs' events and the pipeline.

It holds the state of a build on the instance (MkDocs keeps one instance for a whole
``mkdocs serve`` session, because it has ``on_startup``, and mkdocs-static-i18n builds every
language with the same instances): the site model of the current inputs, the live preview's
state, the pages' citation markers between Markdown and HTML, and each language's 404 page.
Every event only picks the module that does the work:

| job | module |
| --- | --- |
| the site model, made once per set of inputs | ``model_cache`` (over ``sourcekit.site_model``) |
| errors as one line; the live preview's state | ``preview`` |
| generated pages: added, and their Markdown | ``generated`` |
| the pages' Markdown and HTML: citations, sections, "Cite this page", glossary links | ``page_content`` |
| the menu and the footer in reading order | ``navigation`` |
| page titles, tab names, the build's language in the config | ``page_titles`` |
| repairs of the finished HTML | ``repairs`` |
| the 404 page of every language | ``not_found`` |
| files written once into the site; the search index | ``site_files``, ``search_index`` |
| what is read of mkdocs-static-i18n | ``i18n`` |

Event priorities are all in :data:`PRIORITIES`, each with its reason; MkDocs runs a higher
priority first, and the plugins of ``mkdocs.yml`` in their order at equal priority.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority

from sourcekit.languages import configured
from sourcekit.templates import templates_from
from sourcekit.site_model import Project, SiteModel

from . import i18n
from .generated import add_generated_files, fill_generated_files
from .page_content import HandWrittenPages
from .model_cache import ModelCache
from .navigation import in_reading_order, nest_source_views
from .not_found import TEMPLATE as NOT_FOUND_TEMPLATE
from .not_found import NotFoundPages
from .page_titles import in_build_language, name_pages
from .preview import Preview, one_line_errors, report, waiting_files
from .publishing import without_offline_polyfills
from .repairs import repair, repair_page
from .search_index import write_index
from .site_files import write_site_files

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page

# Every event this plugin handles: (priority, why). mkdocs-static-i18n runs at 50 and -100.
PRIORITIES: dict[str, tuple[int, str]] = {
    "config": (0, "before i18n's on_config (-100): bad input stops the build before any language is set up"),
    "config_language": (-110, "after i18n's on_config (-100) has set the language of this build"),
    "files_add": (50, "before i18n's on_files (-100), which links every language variant it is given"),
    "files_fill": (-200, "after i18n's on_files (-100), which rebuilds every File and drops generated content"),
    "nav": (-140, "after i18n's on_nav (-100) has built this language's navigation"),
    "page_markdown_waiting": (100, "first of all: while the preview waits for good data, a home page only says so"),
    "page_markdown": (0, "after i18n's on_page_markdown (50)"),
    "page_content": (0, "no other plugin changes the pages' HTML"),
    "page_context": (0, "after i18n's on_page_context (50) has set the page's alternates"),
    "env": (0, "after i18n's on_env (0, listed before this plugin)"),
    "post_page": (-100, "last: after every other plugin has finished the page"),
    "template_context": (-150, "after i18n's on_template_context (50) has filled in its part"),
    "post_template": (-150, "last: the 404 page is kept as it will be written"),
    "post_build": (-200, "below -100: once, after i18n (-100) has built every other language and the "
                   "offline plugin (-100) has written its search index"),
}


def priority(event: str):  # noqa: ANN201 - a decorator
    """The priority of ``event`` from :data:`PRIORITIES`."""
    return event_priority(PRIORITIES[event][0])


class SourceKitConfig(base.Config):
    """``plugins: - sourcekit:`` in ``mkdocs.yml``; paths are relative to ``mkdocs.yml``."""

    seeds = c.Dir(exists=True, default="seeds")
    labels = c.File(exists=True, default="hooks/data/labels.yml")
    cache_dir = c.Type(str, default=".cache/sourcekit")


class SourceKitPlugin(BasePlugin[SourceKitConfig]):
    """See the module's documentation."""

    def __init__(self) -> None:
        self.preview = Preview()
        self.models: ModelCache | None = None
        self.pages: HandWrittenPages | None = None
        self.not_found = NotFoundPages()
        self.templates_dir: Path | None = None
        self.languages: tuple[str, ...] = ()

    @contextlib.contextmanager
    def event_context(self) -> Iterator[None]:
        """What every event runs in: the project's templates (its theme's ``custom_dir``) and
        its languages (mkdocs-static-i18n's, read in ``on_config``)."""
        with contextlib.ExitStack() as stack:
            if self.templates_dir:
                stack.enter_context(templates_from(self.templates_dir))
            if self.languages:
                stack.enter_context(configured(self.languages))
            yield

    @property
    def model(self) -> SiteModel:
        assert self.models is not None, "on_config comes first"
        return self.models.current()

    @one_line_errors
    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Remember whether this is ``mkdocs serve``, where bad input must not stop the preview."""
        self.preview.serving = command == "serve"

    # --- configuration ---------------------------------------------------------------------

    @priority("config")
    @one_line_errors
    def _read_inputs(self, config: MkDocsConfig) -> MkDocsConfig:
        """Make the model of the inputs (or take it, if they did not change); fail early on bad
        input. Under ``serve``, bad input is printed here, once per rebuild (not once per language)."""
        root = Path(config.config_file_path or ".").resolve().parent
        custom_dir = config.theme.custom_dir
        self.templates_dir = Path(custom_dir).resolve() if custom_dir else None
        project = Project(
            root=root,
            seeds_dir=Path(self.config.seeds).resolve(),
            docs_dir=Path(config.docs_dir).resolve(),
            labels_file=Path(self.config.labels).resolve(),
            templates_dir=self.templates_dir or root / "overrides",
            languages=tuple(code for code, _ in i18n.languages(config)),
        )
        self.languages = project.languages
        if self.models is None or self.models.project != project:
            self.models = ModelCache(project=project, preview=self.preview, cache_dir=root / self.config.cache_dir)
            self.pages = HandWrittenPages(root=root)
        first_language = not i18n.is_language_build(config)
        if first_language:
            self.preview.page_problems.clear()
        self.models.refresh()
        if self.preview.problem is not None and first_language:
            report(self.preview.problem)
        without_offline_polyfills(config)
        return config

    @priority("config_language")
    @one_line_errors
    def _in_build_language(self, config: MkDocsConfig) -> MkDocsConfig:
        return in_build_language(config, self.model, i18n.build_language(config))

    on_config = CombinedEvent(_read_inputs, _in_build_language)

    # --- files and navigation ----------------------------------------------------------------

    @priority("files_add")
    @one_line_errors
    def _add_generated(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        """Every language variant of every generated page; while the preview waits for its first
        good data, only the home pages."""
        if self.preview.waiting:
            return waiting_files(files)
        return add_generated_files(files, config, self.model)

    @priority("files_fill")
    @one_line_errors
    def _fill_generated(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        return fill_generated_files(files, config, self.model)

    on_files = CombinedEvent(_add_generated, _fill_generated)

    @priority("nav")
    @one_line_errors
    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        model = self.model
        nest_source_views(nav, model, i18n.build_language(config))
        return in_reading_order(nav, [theme.slug for theme in model.knowledge.themes], i18n.folders(config))

    # --- pages ---------------------------------------------------------------------------------

    @priority("page_markdown_waiting")
    @one_line_errors
    def _waiting_page(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """While the preview waits for its first good data, a home page only says so."""
        if not self.preview.waiting:
            return markdown
        lang, labels = i18n.page_language(page, config), self.model.labels
        return f"# {labels.get('preview.waiting_title', lang)}\n\n{labels.get('preview.waiting_text', lang)}\n"

    @priority("page_markdown")
    @one_line_errors
    def _render_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        assert self.pages is not None
        return self.pages.markdown(markdown, page, config, self.model)

    on_page_markdown = CombinedEvent(_waiting_page, _render_markdown)

    @priority("page_content")
    @one_line_errors
    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        assert self.pages is not None
        return self.pages.content(html, page, config, self.model)

    @priority("page_context")
    @one_line_errors
    def on_page_context(self, context: dict[str, Any], /, *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
        i18n.relative_alternates(config)
        return context

    @priority("env")
    @one_line_errors
    def on_env(self, env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
        """The preview's banner and the pages' names in this build's language."""
        lang = i18n.build_language(config)
        env.globals["sourcekit_serve_banner"] = self.preview.banner(self.model.labels, lang)
        return name_pages(env, config, files, self.model, lang)

    @priority("post_page")
    @one_line_errors
    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        return repair_page(output, i18n.page_language(page, config), self.model.labels)

    # --- theme templates (404.html) ------------------------------------------------------------

    @priority("template_context")
    @one_line_errors
    def on_template_context(self, context: dict[str, Any], /, *, template_name: str, config: MkDocsConfig) -> dict[str, Any]:
        if template_name != NOT_FOUND_TEMPLATE:
            return context
        return self.not_found.context(context, config, self.model)

    @priority("post_template")
    @one_line_errors
    def on_post_template(self, output_content: str, /, *, template_name: str, config: MkDocsConfig) -> str:
        if not template_name.endswith(".html"):
            return output_content
        output = repair(output_content, i18n.build_language(config), self.model.labels)
        return self.not_found.keep(output, config) if template_name == NOT_FOUND_TEMPLATE else output

    # --- the whole site ------------------------------------------------------------------------

    @priority("post_build")
    @one_line_errors
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Once, after every language: the open data, bibliography, map and sitemaps; the search
        index; each language's 404 page in its place."""
        if not i18n.is_last_post_build(config):
            return
        write_site_files(config, self.model)
        write_index(Path(config.site_dir))
        self.not_found.write(config)
