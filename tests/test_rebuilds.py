"""Live preview rebuilds show every edit, and no cache outlives the input or code it was made from.

``mkdocs serve`` keeps one Python process: it loads the configuration again and rebuilds on
every change, while the hooks and the pipeline stay imported. The test does the same in one
process, in a copy of the project: a first build as ``serve`` starts it, then one rebuild after
each kind of edit (a seed text, the catalogue, the labels, a hand-written page, a template),
each of which must show in the rebuilt page. An edit to the pipeline's code cannot reach a
running process (``make serve`` restarts the preview for it: watchmedo); what the process
builds after it must not be stored in the disk cache, where the next fresh build would find it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = [pytest.mark.build, pytest.mark.slowest]  # about 90 s: seven rebuilds
ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH="1700000000")

REBUILDS = r"""
import json, sys
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config
import mkdocs_sourcekit.model_cache as model_cache

# The plugin runs from the checkout it is installed from; the code it watches for edits is this
# copy's hooks/ instead, so that the test can edit it.
model_cache.PACKAGES_DIR = Path("hooks").resolve()
model_cache.LOADED_CODE = model_cache.code_fingerprint()

site, edits = Path(sys.argv[1]), json.loads(sys.argv[2])
cache = Path(".cache/sourcekit")

def rebuild(first=False):
    config = load_config("mkdocs.yml", site_dir=str(site))
    if first:
        config.plugins.on_startup(command="serve", dirty=False)
    build(config)

rebuild(first=True)
results = []
for name, changes, page, probe in edits:
    for path, old, new in changes:
        file = Path(path)
        text = file.read_text(encoding="utf-8") if file.exists() else ""
        assert old in text, (path, old)
        file.write_text(text.replace(old, new, 1) if old else text + new, encoding="utf-8")
    before = sorted(entry.name for entry in cache.glob("*.pickle"))
    rebuild()
    shown = (site / page).read_text(encoding="utf-8") if (site / page).is_file() else ""
    after = sorted(entry.name for entry in cache.glob("*.pickle"))
    results.append({"name": name, "shown": probe in shown, "cache_written": before != after})
print(json.dumps(results))
"""

NEW_TEXT = "# A new text\n\nAn article a teacher adds, in the words of this test: zorblattnew.\n"
NEW_ENTRY = """  - slug: added-text
    file: 950_added.md
    type: webpage
    original_language: en
    title:
      en: {text: A new text, origin: source}
      kk: {text: Жаңа мәтін, origin: editors}
      ru: {text: Новый текст, origin: editors}
    authors: unknown
    affiliation: unknown
    year: unknown
"""
NEW = "sources/added-text/index.html"
READER = "sources/china-soft-power-central-asia/index.html"
EDITS = [
    # (what, [(file, text to replace ("" appends), replacement)], built page, what must show)
    ("a new text", [("seeds/950_added.md", "", NEW_TEXT), ("seeds/catalogue.yml", "", NEW_ENTRY)], NEW, "zorblattnew"),
    ("a seed text", [("seeds/950_added.md", "", "\nA second paragraph, added later: zorblattseed.\n")], NEW, "zorblattseed"),
    ("the catalogue", [("seeds/catalogue.yml", 'en: "Bachelor student paper"', 'en: "Bachelor student paper zorblattdata"')], READER, "zorblattdata"),
    ("the labels", [("hooks/data/labels.yml", "reader.about: {en: About this text,", "reader.about: {en: About this text zorblattlabel,")], READER, "zorblattlabel"),
    ("a page", [("docs/index.en.md", "", "\n\nA line added to the home page: zorblattpage.\n")], "index.html", "zorblattpage"),
    ("a template", [("overrides/partials/sourcekit/card.html", "", '\n<p class="sk-hint">zorblatttemplate</p>\n')], READER, "zorblatttemplate"),
    ("the code", [("hooks/sourcekit/render.py", "", "\n# an edit to the pipeline: zorblattcode\n")], READER, "zorblattcode"),
]


def test_each_edit_shows_in_the_next_rebuild_and_no_stale_cache_is_kept(project_copy: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", REBUILDS, str(tmp_path / "site"), json.dumps(EDITS)],
        cwd=project_copy, capture_output=True, text=True, timeout=900, env=ENV,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    outcomes = {outcome["name"]: outcome for outcome in json.loads(result.stdout.strip().splitlines()[-1])}
    for name, *_ in EDITS[:-1]:
        assert outcomes[name]["shown"], f"an edit to {name} did not show in the next rebuild:\n{result.stderr[-2000:]}"
    assert outcomes["a seed text"]["cache_written"], "new input: the rebuild keeps its data for the next build"
    assert not outcomes["the code"]["cache_written"], "data made by the code loaded before an edit was stored in the disk cache"
    # The next fresh build (a new process: the new code) builds from the inputs, not from a stale cache.
    fresh = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(tmp_path / "fresh")],
        cwd=project_copy, capture_output=True, text=True, timeout=600, env=ENV,
    )
    assert fresh.returncode == 0, fresh.stderr[-3000:]
    assert len(list((project_copy / ".cache" / "sourcekit").glob("*.pickle"))) == 1
