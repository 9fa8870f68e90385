"""Print the segmentation report of one text: how the build reads it.

    make inspect SEED=seeds/<file>         # or: python scripts/inspect_text.py seeds/<file>
    python scripts/inspect_text.py path/to/new-article.txt --format web

Every block with its kind, language, line range, printed page (PDFs, and texts that show
their pages) and first words; the lines removed as furniture; the counts; warnings. A text that is not in the catalogue yet (an article being
prepared) is read as it would be once added. Bad input prints one line and exits 1.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))

from sourcekit.catalogue import CatalogueEntry, Title, load_catalogue  # noqa: E402
from sourcekit.languages import current  # noqa: E402
from sourcekit.clean import load_rules  # noqa: E402
from sourcekit.errors import InputError  # noqa: E402
from sourcekit.pipeline import SEEDS_DIR, ingest_seed, read_seed  # noqa: E402
from sourcekit.report import full_report  # noqa: E402
from sourcekit.textutil import detect_language  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("seed", help="the text: seeds/<file> or any .txt/.md file")
    parser.add_argument("--format", choices=("pdf_text", "markdown", "web"), help="read it in this format (default: the catalogue's, the hints', or guessed)")
    parser.add_argument("--text", action="store_true", help="print the text as read (for a PDF: its text, with the line numbers the report uses)")
    args = parser.parse_args(argv)
    path = Path(args.seed)
    if not path.is_file():
        print(f"{args.seed}: no such file", file=sys.stderr)
        return 1
    folder_used = [""]
    try:
        rules = load_rules()
        entry = _catalogued(path)
        if entry is not None:
            if args.format:
                entry = _with_format(entry, args.format)
            document = ingest_seed(entry, seeds_dir=SEEDS_DIR, rules=rules, strict=False)
            text, _layout = read_seed(SEEDS_DIR / entry.file)
        else:
            with tempfile.TemporaryDirectory() as folder:
                seeds = Path(folder)
                folder_used[0] = str(seeds)
                shutil.copyfile(path, seeds / path.name)
                text, _layout = read_seed(seeds / path.name)
                entry = _provisional(path, detect_language(text[:20000]), args.format)
                document = ingest_seed(entry, seeds_dir=seeds, rules=rules, strict=False)
            print(f"({path} is not in seeds/catalogue.yml: read as it would be once added)\n")
    except InputError as error:
        message = str(error)
        if folder_used[0]:
            message = message.replace(folder_used[0], str(path.parent))  # name the file the reader gave
        print(message, file=sys.stderr)
        return 1
    if args.text:
        for number, line in enumerate(text.split("\n"), start=1):
            print(f"{number:6} {line}")
        return 0
    print(full_report(document, text), end="")
    return 0


def _catalogued(path: Path) -> CatalogueEntry | None:
    if path.resolve().parent != SEEDS_DIR.resolve():
        return None
    for entry in load_catalogue(SEEDS_DIR / "catalogue.yml"):
        if entry.file == path.name:
            return entry
    return None


def _provisional(path: Path, language: str, fmt: str | None) -> CatalogueEntry:
    titles = {code: Title(path.stem, "source" if code == language else "editors") for code in current().codes}
    return CatalogueEntry(
        slug="inspected-text", file=path.name, type="article-journal", original_language=language, titles=titles,
        authors=None, affiliation=None, supervisor=None, year=None, notes="", line=0, format=fmt,
    )


def _with_format(entry: CatalogueEntry, fmt: str) -> CatalogueEntry:
    import dataclasses

    return dataclasses.replace(entry, format=fmt)


if __name__ == "__main__":
    sys.exit(main())
