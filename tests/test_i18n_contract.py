"""What the plugin reads of mkdocs-static-i18n (``hooks/mkdocs_sourcekit/i18n.py``) is still there.

The plugin reads one attribute that is not public (``I18n.building``) and a few that the i18n
plugin sets on MkDocs' objects. A new release that moves any of them must fail here, not in
a site that silently builds the whole-site files once per language or loses its switcher.
"""

from __future__ import annotations

import importlib.metadata
import inspect
from pathlib import Path

import mkdocs_static_i18n.plugin as i18n_plugin
import mkdocs_static_i18n.reconfigure as i18n_reconfigure
import mkdocs_static_i18n.suffix as i18n_suffix
import pytest
from mkdocs.config import load_config

from conftest import ROOT, slow_fixture
from mkdocs_sourcekit import i18n


def test_the_version_read_is_the_version_pinned() -> None:
    pinned = next(
        line.split("==")[1].strip()
        for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()
        if line.startswith("mkdocs-static-i18n==")
    )
    assert importlib.metadata.version("mkdocs-static-i18n") == pinned == "1.3.1", (
        "mkdocs-static-i18n changed: check every fact listed in hooks/mkdocs_sourcekit/i18n.py, then update this test"
    )


def test_building_is_set_around_the_other_languages_builds() -> None:
    """``building`` is what tells a language build from the last post-build."""
    source = inspect.getsource(i18n_plugin.I18n.on_post_build)
    assert "self.building = True" in source and "self.building = False" in source
    assert "if self.building:" in source


def test_files_get_their_locale_and_pages_their_alternates() -> None:
    assert "file.locale = " in inspect.getsource(i18n_suffix), "each File's language (i18n.page_language)"
    source = inspect.getsource(i18n_reconfigure.ExtendedPlugin.reconfigure_page_context)
    assert "config.extra.alternate = " in source, "the switcher's links, as an attribute (i18n.alternates)"


@pytest.fixture
@slow_fixture  # loads mkdocs.yml with every plugin
def config():  # noqa: ANN201 - MkDocsConfig
    cwd = Path.cwd()
    try:
        import os

        os.chdir(ROOT)
        yield load_config(str(ROOT / "mkdocs.yml"))
    finally:
        os.chdir(cwd)


def test_the_languages_come_from_the_i18n_configuration(config) -> None:  # noqa: ANN001
    assert i18n.languages(config) == [("en", "English"), ("kk", "Қазақша"), ("ru", "Русский")]
    assert not i18n.is_language_build(config), "a fresh plugin is not building another language"
    config.plugins["i18n"].building = True
    try:
        assert i18n.is_language_build(config) and not i18n.is_last_post_build(config)
    finally:
        config.plugins["i18n"].building = False


def test_the_switcher_links_become_site_relative(config) -> None:  # noqa: ANN001
    i18n.set_alternates(config, [{"link": "/", "lang": "en"}, {"link": "/kk/", "lang": "kk"}, {"link": "../x/", "lang": "ru"}])
    i18n.relative_alternates(config)
    assert [link["link"] for link in i18n.alternates(config)] == ["./", "kk/", "../x/"]
    i18n.set_alternates(config, i18n.MISSING)
    assert i18n.alternates(config) is i18n.MISSING
