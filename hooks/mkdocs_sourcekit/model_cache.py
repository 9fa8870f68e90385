"""The site model of the current inputs, made once per set of inputs (``sourcekit.site_model``).

The plugin asks for it in every event; it is assembled when a fingerprint of every input
and of the code on disk changes (a live-preview rebuild after an edit), else reused: the
three language builds of one build, and rebuilds with nothing changed, share one model.

It is also kept on disk, in ``.cache/sourcekit/`` (the next build of the same inputs reads it
instead of ingesting the texts again; ``make bench`` prints what it saves). Never when the
code on disk is not the code this process runs: data made by old code must not outlive it.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import sourcekit
from sourcekit.errors import InputError
from sourcekit.labels import Labels, load_labels
from sourcekit.languages import configured
from sourcekit.pipeline import inputs_fingerprint
from sourcekit.report import summary_line
from sourcekit.site_model import Project, SiteModel, assemble, empty_model, read_labels

from .preview import Preview, console

PACKAGES_DIR = Path(sourcekit.__file__).resolve().parents[1]  # hooks/: sourcekit and this plugin


def code_fingerprint() -> str:
    """The pipeline's and the plugin's code on disk: every ``.py`` of both packages (not the
    bytecode, which Python writes as modules are first imported)."""
    return inputs_fingerprint(PACKAGES_DIR, pattern="*.py")


# The code this process runs: modules are imported once per process (``mkdocs serve`` keeps them
# across rebuilds), so data assembled after the code changed on disk was made by the old code.
LOADED_CODE = code_fingerprint()


def code_changed() -> bool:
    """Whether the code changed on disk since this process imported it (``make serve`` restarts
    the preview then; a plain ``mkdocs serve`` keeps the old code)."""
    return code_fingerprint() != LOADED_CODE


@dataclass
class ModelCache:
    """The model of the inputs of one project, as of the last :meth:`refresh`."""

    project: Project
    preview: Preview
    cache_dir: Path
    key: str = ""
    model: SiteModel | None = None
    last_good: SiteModel | None = None
    _memory: dict[str, SiteModel] = field(default_factory=dict)

    def fingerprint(self) -> str:
        """Every input, the languages, the code on disk and the Python version (the disk cache is a pickle)."""
        inputs = inputs_fingerprint(*self.project.input_paths())
        languages = ",".join(self.project.languages)
        return hashlib.sha256(f"{inputs} {languages} {code_fingerprint()} {sys.version}".encode()).hexdigest()

    def refresh(self) -> SiteModel:
        """Fingerprint the inputs (once per build: ``on_config``) and make the model if they changed.

        Bad input raises ``InputError``, except under ``serve``: there the last good model (or,
        before there is one, an empty model) is used and the error kept for the banner.
        """
        self.key = self.fingerprint()
        if self.key in self._memory:
            self.model = self._memory[self.key]
            return self.model
        try:
            model = self._read_disk() or self._assemble()
        except InputError as error:
            if not self.preview.serving:
                raise
            self.preview.problem = error
            model = self.last_good or empty_model(labels_for_waiting_page(self.project), self.project.languages)
        else:
            self.preview.problem, self.preview.has_good_data, self.last_good = None, True, model
            _summarise(model)
        self._memory = {self.key: model}
        self.model = model
        return model

    def current(self) -> SiteModel:
        """The model of this build (made by :meth:`refresh`, or now)."""
        return self.model if self.model is not None else self.refresh()

    def _assemble(self) -> SiteModel:
        model = assemble(self.project)
        self._write_disk(model)
        return model

    def _read_disk(self) -> SiteModel | None:
        """The model stored for these inputs by an earlier build of this checkout, if any. A file
        that cannot be read (another Python, an older pipeline) is ignored. The labels are read
        afresh: they are validated on every build."""
        path = self.cache_dir / f"{self.key}.pickle"
        try:
            with path.open("rb") as stream:
                model = pickle.load(stream)  # noqa: S301 - written by _write_disk
        except Exception:  # noqa: BLE001 - any unreadable cache means: build afresh
            return None
        if not isinstance(model, SiteModel):
            return None
        read_labels(self.project)  # a bad label stops the build even when the texts are cached
        return model

    def _write_disk(self, model: SiteModel) -> None:
        """Keep ``model`` for the next build (only the newest entry), atomically; never fail; never
        when the code on disk is not the code that made it."""
        if code_changed():
            return
        temporary = None
        try:
            payload = pickle.dumps(model, protocol=pickle.HIGHEST_PROTOCOL)
            self.cache_dir.mkdir(parents=True, exist_ok=True)
            for old in [*self.cache_dir.glob("*.pickle"), *self.cache_dir.glob("*.tmp")]:  # .tmp: a killed build
                old.unlink(missing_ok=True)
            with tempfile.NamedTemporaryFile(dir=self.cache_dir, suffix=".tmp", delete=False) as stream:
                temporary = Path(stream.name)
                stream.write(payload)
            os.replace(temporary, self.cache_dir / f"{self.key}.pickle")
        except Exception:  # noqa: BLE001 - a cache that cannot be written is only a slower next build
            if temporary is not None:
                temporary.unlink(missing_ok=True)


def labels_for_waiting_page(project: Project) -> Labels:
    """The labels for the waiting page; if they are the bad input, the ones in the checkout's
    history cannot be known, so the last valid file read in this process is used."""
    try:
        return read_labels(project)
    except InputError:
        with configured(project.languages):
            return load_labels()


def _summarise(model: SiteModel) -> None:
    """One line per text: how it was read (the counts of ``make inspect``) and its warnings.

    On MkDocs' console, not on the ``mkdocs`` logger, whose warnings would abort a strict
    build: a doubtful reading of one text is reported, never fatal.
    """
    if not logging.getLogger("mkdocs").isEnabledFor(logging.INFO):
        return  # --quiet
    logger = console("sourcekit.ingest")
    for document in model.documents:
        logger.info("sources: " + summary_line(document))
