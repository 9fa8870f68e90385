"""The whole ingest: catalogue + seeds → annotated documents with their translations."""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

from .annotate import AnnotatedBlock, annotate
from .catalogue import CatalogueEntry, load_catalogue
from .clean import CleaningRules, load_rules
from .context import processing
from .corrections import Correction, apply_corrections, load_corrections
from .drafts import Removed
from .errors import InputError
from .hints import load_hints
from .languages import current
from .load import load_seed
from .segment import segment_text
from .textutil import fingerprint
from .translation_checks import Problem, check_document
from .translations import Translation, load_translations

SEEDS_DIR = Path(__file__).resolve().parents[2] / "seeds"
MB = 1024 * 1024
# The largest text the build accepts. The build's cost grows in step with a text, but each
# part of it (about 9,000 characters) is six pages, a reader and a parallel view in three
# languages: a 1 MB text adds about 1,000 pages and 45 s on a 2-core machine, with 220 MB of
# memory (scripts/bench_more.py measures it), within the budget of a minute and 1 GB. A
# longer text is refused before it is read.
MAX_SEED_BYTES = 1 * MB
# The kinds of block that make a text's body (a text with none of them stops the build).
BODY_KINDS = ("paragraph", "heading", "list_item", "quote", "preformatted")


@dataclass(frozen=True)
class Document:
    """One seed after the whole pipeline, with its translations by language."""

    entry: CatalogueEntry
    blocks: tuple[AnnotatedBlock, ...]
    corrections: tuple[Correction, ...]
    translations: dict[str, dict[str, Translation]]
    removed: tuple[Removed, ...] = ()  # the furniture lines removed from the seed
    format: str = "pdf_text"  # the format reader the seed was read with
    problems: tuple[str, ...] = ()  # what the build reports for this text without stopping
    line_count: int = 0  # lines of the seed

    def by_id(self) -> dict[str, AnnotatedBlock]:
        """The blocks keyed by paragraph ID (built once: documents are immutable)."""
        cached = self.__dict__.get("_by_id")
        if cached is None:
            cached = {item.block.block_id: item for item in self.blocks}
            object.__setattr__(self, "_by_id", cached)
        return cached


def block_fingerprint(item: AnnotatedBlock) -> str:
    """The fingerprint a translation of ``item`` must carry: of its corrected, public text."""
    return fingerprint(item.plain)


def translation_paths(entry: CatalogueEntry, seeds_dir: Path) -> dict[str, Path]:
    """Where the translations of ``entry`` live, per language of the site."""
    return {language: seeds_dir / "translations" / f"{entry.slug}.{language}.yml" for language in current().codes}


def translation_problems(document: Document, *, seeds_dir: Path) -> list[Problem]:
    """Every translation problem of ``document``: unknown or stale paragraphs, then the checks."""
    paths = translation_paths(document.entry, seeds_dir)
    ids = document.by_id()
    problems: list[Problem] = []
    for language, translations in document.translations.items():
        for block_id, translation in translations.items():
            if block_id not in ids:
                problems.append(
                    Problem(paths[language], translation.line, block_id, f"translation for {block_id}, which is not a paragraph of {document.entry.file}")
                )
                continue
            expected = block_fingerprint(ids[block_id])
            if translation.fingerprint != expected:
                problems.append(
                    Problem(
                        paths[language],
                        translation.line,
                        block_id,
                        f"translation of {block_id} is stale: the original changed (fingerprint {translation.fingerprint}, now {expected})",
                    )
                )
    return problems + check_document(document.blocks, document.translations, paths)


def ingest_seed(entry: CatalogueEntry, *, seeds_dir: Path, rules: CleaningRules, strict: bool = True) -> Document:
    """Run load → clean/segment → correct → annotate for one catalogued seed.

    With ``strict`` (the build), the first translation problem raises :class:`InputError`;
    ``scripts/translations.py`` passes ``strict=False`` to list them all.
    """
    seed_path = seeds_dir / entry.file
    check_seed_size(seed_path)
    with processing(seed_path):
        hints_path = seeds_dir / "structure" / f"{entry.slug}.yml"
        hints = load_hints(hints_path)
        text, layout = read_seed(seed_path)
        segmentation = segment_text(text, rules=rules, fmt=hints.format or entry.format, hints=hints, layout=layout)
        if strict and not any(block.kind in BODY_KINDS for block in segmentation.blocks):
            raise InputError(seed_path, "no body text was found (everything was read as front matter or furniture); "
                             f"see make inspect SEED=seeds/{entry.file}, and say where the body starts in seeds/structure/{entry.slug}.yml")
        corrections_path = seeds_dir / "corrections" / f"{entry.slug}.yml"
        corrections = load_corrections(corrections_path)
        annotated, problems = annotate(apply_corrections(list(segmentation.blocks), corrections, path=corrections_path), seed_path=seed_path)
        paths = translation_paths(entry, seeds_dir)
        translations = {language: load_translations(paths[language]) for language in current().codes}
        document = Document(
            entry=entry,
            blocks=tuple(annotated),
            corrections=tuple(corrections),
            translations=translations,
            removed=segmentation.removed,
            format=segmentation.format,
            problems=tuple(problems),
            line_count=text.count("\n") + (0 if text.endswith("\n") else 1),
        )
        if strict:
            problems = translation_problems(document, seeds_dir=seeds_dir)
            if problems:
                first = problems[0]
                more = f" (and {len(problems) - 1} more: python scripts/translations.py lists them)" if len(problems) > 1 else ""
                raise InputError(first.path, first.message + more, line=first.line)
        return document


def read_seed(seed_path: Path):  # noqa: ANN201 - (text, formats.pdf.Extraction | None)
    """The text of a seed, and for a PDF what its layout decided (the text is then the PDF's
    text as ``formats.pdf`` lays it out, and its line numbers are those of that text)."""
    if seed_path.suffix.lower() == ".pdf":
        from .formats.pdf import extract
        from .load import ensure_inside

        ensure_inside(seed_path, seed_path.parent)
        layout = extract(seed_path)
        if len(layout.text.encode("utf-8")) > MAX_SEED_BYTES:
            raise InputError(seed_path, f"its text is over {MAX_SEED_BYTES // MB} MB, the limit per text (split it into several texts)")
        return layout.text, layout
    return load_seed(seed_path, limit=MAX_SEED_BYTES), None


def check_seed_size(seed_path: Path) -> None:
    """Refuse a seed longer than :data:`MAX_SEED_BYTES`, with one line, before reading it."""
    try:
        size = seed_path.stat().st_size
    except OSError:
        return  # load_seed says what is wrong with it
    if seed_path.suffix.lower() == ".pdf":
        return  # a PDF has its own limit (formats.pdf.MAX_PDF_BYTES); its text this one
    if size > MAX_SEED_BYTES:
        shown = math.ceil(size * 10 / MB) / 10  # rounded up: never "2.0 MB; the limit is 2 MB"
        limit = MAX_SEED_BYTES // MB
        raise InputError(seed_path, f"text is {shown:.1f} MB; the limit is {limit} MB per text (split it into several texts)")


def ingest(seeds_dir: Path = SEEDS_DIR) -> list[Document]:
    """Ingest every catalogued seed in ``seeds_dir``, in catalogue order."""
    rules = load_rules(seeds_dir / "cleaning.yml")
    with processing(seeds_dir / "catalogue.yml"):
        catalogue = load_catalogue(seeds_dir / "catalogue.yml")
    return [ingest_seed(entry, seeds_dir=seeds_dir, rules=rules) for entry in catalogue]


def inputs_fingerprint(seeds_dir: Path = SEEDS_DIR, *extra: Path, pattern: str = "*") -> str:
    """A fingerprint of every input file (``seeds_dir`` and ``extra`` files and folders; in
    folders, the files matching ``pattern``), so that callers can cache :func:`ingest`: each
    file's path, size and modification time, which any edit changes (reading and hashing every
    file on every build would cost more)."""
    import hashlib

    digest = hashlib.sha256()
    paths: list[Path] = []
    for root in (seeds_dir, *extra):
        paths += sorted(root.rglob(pattern)) if root.is_dir() else [root]
    for path in paths:
        try:
            stat = path.stat()
        except FileNotFoundError:
            continue
        if path.is_file():
            digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()
